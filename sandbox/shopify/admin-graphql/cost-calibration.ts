// Calibration of the cost model (cost.ts) against the captures' `extensions.cost`: which
// object, list and interface/union fields Shopify does NOT charge 1 for. Keys are
// "<obj|list|abs>:<TypeName>". Fitted greedily over every distinct captured request (queries
// and mutations apart, because mutation payloads are mostly free); everything else costs 1.
// Regenerate only from new captures, never by hand-tuning to one request.

/** Free in a query. */
export const QUERY_FREE = new Set([
  "abs:HasMetafields", "abs:MetafieldReference", "abs:WebhookSubscriptionEndpoint", "list:FileError",
  "list:MediaError", "list:ShopPolicy", "list:WebhookSubscriptionMetafieldIdentifier", "obj:ApiVersion",
  "obj:Company", "obj:Count", "obj:Customer", "obj:Location", "obj:Metafield", "obj:MetaobjectFieldDefinition",
  "obj:MoneyBag", "obj:Order", "obj:Page",
]);

/** Free inside a mutation payload. */
export const MUTATION_FREE = new Set([
  "abs:Catalog", "abs:MarketRegion", "abs:MobilePlatformApplication", "abs:Node", "abs:WebhookSubscriptionEndpoint",
  "list:AccessScope", "list:AppRevokeAccessScopesAppRevokeScopeError", "list:ArticleDeleteUserError",
  "list:Attribute", "list:BlogCreateUserError", "list:BlogDeleteUserError", "list:BulkMutationUserError",
  "list:BulkOperationUserError", "list:BusinessCustomerUserError", "list:CatalogUserError",
  "list:CollectionAddProductsV2UserError", "list:CommentApproveUserError", "list:CommentDeleteUserError",
  "list:CommentNotSpamUserError", "list:CommentSpamUserError", "list:DelegateAccessTokenCreateUserError",
  "list:DelegateAccessTokenDestroyUserError", "list:ErrorsServerPixelUserError", "list:ErrorsWebPixelUserError",
  "list:File", "list:FilesUserError", "list:MarketLocalization", "list:MarketUserError", "list:MarketWebPresence",
  "list:MarketWebPresenceRootUrl", "list:Media", "list:MediaUserError", "list:Metafield",
  "list:MetafieldDefinitionCreateUserError", "list:MetafieldDefinitionDeleteUserError",
  "list:MetafieldDefinitionUpdateUserError", "list:MetafieldIdentifier", "list:MetafieldsSetUserError",
  "list:MetaobjectField", "list:MetaobjectFieldDefinition", "list:MetaobjectUserError",
  "list:MobilePlatformApplicationUserError", "list:OnlineStoreThemeFileOperationResult",
  "list:OnlineStoreThemeFilesUserErrors", "list:Order", "list:OrderCancelUserError", "list:OrderCreateUserError",
  "list:OrderDeleteUserError", "list:PageCreateUserError", "list:PageDeleteUserError",
  "list:ProductOptionsCreateUserError", "list:ProductOptionsDeleteUserError", "list:ProductSetUserError",
  "list:ProductVariant", "list:ProductVariantsBulkReorderUserError", "list:PubSubWebhookSubscriptionCreateUserError",
  "list:PubSubWebhookSubscriptionUpdateUserError", "list:SelectedOption", "list:SellingPlanGroupUserError",
  "list:ShopLocale", "list:StagedUploadParameter", "list:StandardMetafieldDefinitionEnableUserError", "list:TaxLine",
  "list:TaxSummaryCreateUserError", "list:ThemeCreateUserError", "list:ThemeDeleteUserError",
  "list:ThemePublishUserError", "list:ThemeUpdateUserError", "list:Translation", "list:TranslationUserError",
  "list:UserError", "obj:ApiVersion", "obj:AppSubscription", "obj:Blog", "obj:BulkOperation", "obj:Collection",
  "obj:Comment", "obj:Company", "obj:Count", "obj:Customer", "obj:CustomerEmailAddress", "obj:CustomerPhoneNumber",
  "obj:DelegateAccessToken", "obj:Domain", "obj:DraftOrder", "obj:InventoryLevel", "obj:Job", "obj:MailingAddress",
  "obj:MetafieldDefinition", "obj:MetafieldDefinitionIdentifier",
  "obj:MetaobjectCapabilityDefinitionDataOnlineStore", "obj:MoneyBag", "obj:MoneyV2", "obj:OnlineStoreTheme",
  "obj:Order", "obj:Page", "obj:Product", "obj:ProductDeleteOperation", "obj:ProductSetOperation",
  "obj:ProductVariant", "obj:SEO", "obj:SavedSearch", "obj:ScriptTag", "obj:Segment", "obj:ServerPixel",
  "obj:WebPixel", "obj:WebhookSubscription",
]);
