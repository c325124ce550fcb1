import { getNamedType, Kind, parse, TypeInfo, visit, visitWithTypeInfo, type OperationDefinitionNode } from "graphql";
import { loadAdminSchema } from "../shopify/admin-graphql/schema";
import type { Exchange } from "./normalize";

// Which recorded exchanges belong to the domains the sandbox issue lists (shop; products,
// variants, media, collections; shop locales; markets and web presences; translations;
// metafields; metafield and metaobject definitions, metaobjects; staged uploads and files;
// web pixels; bulk operations; webhook subscriptions; orders; app subscriptions and the
// installation). The capture folders also hold exchanges of neighbouring Shopify features
// (pages, blogs, themes, customers, locations, selling plans, …). Those are still replayed and
// listed in CONFORMANCE.md with their own counts, but the conformance line counts the listed
// domains only. An exchange is outside when it uses a root field, returns a type, or names an
// object (gid in the request) of a feature below.

/** Root fields of features the issue does not list. */
const OUTSIDE_ROOT_FIELDS = new Set([
  // online store content and themes
  "article", "articles", "articleCreate", "articleUpdate", "articleDelete",
  "blog", "blogs", "blogCreate", "blogUpdate", "blogDelete",
  "comment", "comments", "commentApprove", "commentDelete", "commentNotSpam", "commentSpam",
  "page", "pages", "pageCreate", "pageUpdate", "pageDelete",
  "theme", "themes", "themeCreate", "themeUpdate", "themeDelete", "themeFilesUpsert", "themePublish",
  "scriptTag", "scriptTags", "scriptTagCreate", "scriptTagUpdate", "scriptTagDelete",
  "urlRedirect", "urlRedirects", "urlRedirectCreate", "urlRedirectUpdate", "urlRedirectDelete",
  "mobilePlatformApplication", "mobilePlatformApplications", "mobilePlatformApplicationCreate",
  "mobilePlatformApplicationUpdate", "mobilePlatformApplicationDelete",
  "storefrontAccessTokenCreate", "storefrontAccessTokenDelete",
  // customers, B2B, inventory and locations
  "customer", "customers", "customerCreate", "customerUpdate", "customerDelete",
  "company", "companies", "companyCreate", "companyDelete",
  "location", "locations", "locationByIdentifier", "inventoryLevel", "inventoryActivate",
  // business entities (payments accounts, the merchant's legal address)
  "businessEntities", "businessEntity",
  // selling plans, price lists, publications, catalogs, saved searches
  "productJoinSellingPlanGroups", "productLeaveSellingPlanGroups",
  "productVariantJoinSellingPlanGroups", "productVariantLeaveSellingPlanGroups",
  "priceListCreate", "priceListUpdate", "priceListDelete", "quantityRulesDelete",
  "publications",
  "savedSearchCreate", "fileSavedSearches", "productSavedSearches",
  // order editing and payments beyond reading orders
  "orderEditBegin", "orderEditCommit", "orderMarkAsPaid", "refundCreate", "taxSummaryCreate",
  // app access management
  "delegateAccessTokenCreate", "delegateAccessTokenDestroy", "appRevokeAccessScopes",
]);

/** Types (returned by any selected field) that belong to those features. */
const OUTSIDE_TYPES = new Set([
  "SellingPlanGroup", "SellingPlanGroupConnection", "InventoryLevel", "InventoryLevelConnection",
  "StorefrontAccessToken", "StorefrontAccessTokenConnection", "Location", "LocationConnection",
  "Company", "CompanyContact", "CompanyLocation", "PriceList", "Publication", "ResourcePublicationConnection",
  "SavedSearch", "SavedSearchConnection", "UrlRedirect", "UrlRedirectConnection", "Page", "Blog", "Article", "Comment",
  "OnlineStoreTheme", "ScriptTag", "MobilePlatformApplication",
  // prices per market context come from price lists
  "ProductContextualPricing", "ProductVariantContextualPricing", "BusinessEntity",
]);

/** Object types named by gid in a request. */
const OUTSIDE_GID_TYPES = new Set([
  "Page", "Blog", "Article", "Comment", "OnlineStoreTheme", "ScriptTag", "UrlRedirect", "MobilePlatformApplication",
  "StorefrontAccessToken", "Customer", "Company", "CompanyLocation", "CompanyContact", "Location",
  "InventoryLevel", "SellingPlanGroup", "PriceList", "Publication", "SavedSearch", "DelegateAccessToken",
  "PackingSlipTemplate", "EmailTemplate",
]);

const GID_TYPE = /gid:\/\/shopify\/([A-Za-z0-9]+)\//g;

/**
 * Why an exchange is outside the listed domains ("Mutation.pageCreate", "ProductVariant.inventoryItem",
 * "names a gid://shopify/Page"), or undefined when it belongs to them.
 */
export function outsideListedDomains(ex: Pick<Exchange, "query" | "operationName" | "variables">, operation?: OperationDefinitionNode): string | undefined {
  if (!ex.query) return undefined;
  for (const [, type] of `${ex.query} ${JSON.stringify(ex.variables ?? {})}`.matchAll(GID_TYPE)) {
    if (OUTSIDE_GID_TYPES.has(type!)) return `names a gid://shopify/${type}`;
  }
  let document;
  try { document = parse(ex.query); } catch { return undefined; }
  const op = operation ?? document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (!ex.operationName || d.name?.value === ex.operationName));
  if (!op) return undefined;
  const rootType = op.operation === "mutation" ? "Mutation" : "QueryRoot";
  for (const sel of op.selectionSet.selections) {
    if (sel.kind === Kind.FIELD && OUTSIDE_ROOT_FIELDS.has(sel.name.value)) return `${rootType}.${sel.name.value}`;
  }
  const { schema } = loadAdminSchema();
  const info = new TypeInfo(schema);
  let reason: string | undefined;
  visit(document, visitWithTypeInfo(info, {
    Field(node) {
      const type = info.getType();
      const named = type ? getNamedType(type).name : undefined;
      if (!reason && named && OUTSIDE_TYPES.has(named)) reason = `${info.getParentType()?.name ?? "?"}.${node.name.value}`;
    },
  }));
  return reason;
}
