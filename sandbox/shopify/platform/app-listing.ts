import { existsSync, readFileSync } from "node:fs";
import type { GraphQLResolveInfo } from "graphql";
import { parse } from "smol-toml";
import { gid, type AdminContext } from "../admin-graphql/context";
import { notImplemented } from "../admin-graphql/resolvers/not-implemented";
import { DEFAULT_APP_TOML } from "../app-toml";
import { domainState, type ShopifyState } from "../state";
import { apiClientId } from "./app-identity";

// What Shopify knows about the app itself (Partner Dashboard / shopify.app.toml): its title, handle,
// developer and distribution. Read by App (currentAppInstallation.app, app(id:), appByHandle,
// appByKey) and by billing: a custom app is refused the Billing API
// (2025-01/apps/current-app-installation-observed-identity-local-app-mutation.json billingMutationProbe).
// Defaults come from shopify.app.toml (`name`, `handle`, `embedded`); tests may change them on a
// running twin (`appListing(sandbox.state).distribution = "custom"`).

export interface AppListing {
  title: string;
  handle: string;
  embedded: boolean;
  /** The Partner organization's name; shopify.app.toml does not carry it, so the app's name stands in. */
  developerName: string;
  /** "custom": installed on one shop through a custom distribution link; cannot bill (Shopify refuses the Billing API). */
  distribution: "public" | "custom";
  /**
   * The scopes the app's current configuration requests (App.requestedAccessScopes). They can differ
   * from what the merchant granted when the configuration changed after install
   * (app-billing-access-read.json). Unset: exactly what the installation holds.
   */
  requestedScopes?: string[];
}

function listingFromToml(file = DEFAULT_APP_TOML): AppListing {
  const doc = (existsSync(file) ? parse(readFileSync(file, "utf8")) : {}) as { name?: unknown; handle?: unknown; embedded?: unknown };
  const title = typeof doc.name === "string" && doc.name ? doc.name : "Tessera";
  const handle = typeof doc.handle === "string" && doc.handle ? doc.handle : title.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  return { title, handle, embedded: doc.embedded !== false, developerName: title, distribution: "public" };
}

export function appListing(state: ShopifyState): AppListing {
  return domainState(state, "app-listing", () => listingFromToml());
}

// AccessScope.description: Shopify's text for each handle, as answered in
// 2025-01/apps/app-billing-access-read.json (accessScopes and requestedAccessScopes). A handle whose
// text was never recorded fails loudly rather than showing an invented description.
const SCOPE_DESCRIPTIONS: Record<string, string> = {
  read_assigned_fulfillment_orders: "Read assigned fulfillment",
  read_cart_transforms: "Read cart transforms.",
  read_cash_tracking: "Read cash balance tracking for retail cash registers",
  read_content: "Read store content like articles, blogs, comments, pages, and redirects",
  read_customer_data_erasure: "Read access for customer data erasure",
  read_customer_merge: "Read access for customer merge",
  read_customers: "Read customer details and customer groups",
  read_delivery_customizations: "Read access for delivery customizations",
  read_discounts: "Read discounts",
  read_draft_orders: "Read draft orders",
  read_files: "Read files",
  read_fulfillment_constraint_rules: "Read access for fulfillment constraint rules",
  read_fulfillments: "Read fulfillment services",
  read_gift_card_transactions: "Read gift card transactions",
  read_gift_cards: "Read gift cards",
  read_inventory: "Read inventory",
  read_inventory_shipments: "Read inventory shipments",
  read_inventory_transfers: "Read inventory transfers",
  read_legal_policies: "Read legal policies",
  read_locales: "Read shop locales",
  read_locations: "Read locations",
  read_marketing_events: "Read marketing events and related marketing engagement data",
  read_markets: "Read access for Shopify Markets API",
  read_merchant_managed_fulfillment_orders: "Read fulfillment for merchant-managed locations",
  read_metaobject_definitions: "Read metaobject definitions",
  read_metaobjects: "Read metaobjects",
  read_online_store_navigation: "Read data from Online Store Navigation GraphQL API",
  read_order_edits: "Read order edits",
  read_orders: "Read orders, transactions, and fulfillments",
  read_payment_customizations: "Read access for payment customizations",
  read_payment_terms: "Read payment terms",
  read_privacy_settings: "Read privacy settings of the shop",
  read_product_listings: "Read product information",
  read_products: "Read products, variants, and collections",
  read_publications: "Read publications",
  read_purchase_options: "App can read their own purchase options",
  read_returns: "Read access for returns",
  read_shipping: "Read shipping rates, countries, and provinces",
  read_shopify_payments_disputes: "Read Shopify Payments disputes",
  read_shopify_payments_payouts: "Read Shopify Payments balance and payouts",
  read_store_credit_account_transactions: "Read store credit account transactions.",
  read_store_credit_accounts: "Read store credit account balance and currency.",
  read_themes: "Read theme templates and theme assets",
  read_third_party_fulfillment_orders: "Read fulfillment assigned to fulfillment services",
  read_translations: "Read dynamic content translations",
  read_validations: "Read cart and checkout validations.",
  write_assigned_fulfillment_orders: "Modify assigned fulfillment",
  write_cart_transforms: "Write cart transforms.",
  write_cash_tracking: "Write cash balance tracking for retail cash registers",
  write_content: "Modify store content like articles, blogs, comments, pages, and redirects",
  write_customer_data_erasure: "Write access for customer data erasure",
  write_customer_merge: "Write access for customer merge",
  write_customers: "Modify customer details and customer groups",
  write_delivery_customizations: "Write access for delivery customizations",
  write_discounts: "Modify discounts",
  write_draft_orders: "Modify draft orders",
  write_files: "Write files",
  write_fulfillment_constraint_rules: "Write access for fulfillment constraint rules",
  write_fulfillments: "Modify fulfillment services",
  write_gift_card_transactions: "Credit and debit gift cards",
  write_gift_cards: "Modify gift cards",
  write_inventory: "Modify inventory",
  write_inventory_shipments: "Modify inventory shipments",
  write_inventory_transfers: "Modify inventory transfers",
  write_legal_policies: "Write legal policies",
  write_locales: "Modify shop locales",
  write_locations: "Modify locations",
  write_marketing_events: "Modify marketing events and related marketing engagement data",
  write_markets: "Write access for Shopify Markets API",
  write_merchant_managed_fulfillment_orders: "Action fulfillment for merchant-managed locations",
  write_metaobject_definitions: "Write metaobject definitions",
  write_metaobjects: "Write metaobjects",
  write_online_store_navigation: "Write data from Online Store Navigation GraphQL API",
  write_order_edits: "Modify orders",
  write_orders: "Modify orders, transactions, and fulfillments",
  write_payment_customizations: "Write access for payment customizations",
  write_payment_terms: "Write payment terms",
  write_privacy_settings: "Modify privacy settings of the shop",
  write_products: "Modify products, variants, and collections",
  write_publications: "Modify publications",
  write_purchase_options: "App can manage their own purchase options",
  write_returns: "Write access for returns",
  write_shipping: "Modify shipping rates, countries, and provinces",
  write_store_credit_account_transactions: "Credit and debit store credit accounts.",
  write_third_party_fulfillment_orders: "Modify fulfillment assigned to fulfillment services",
  write_translations: "Write dynamic content translations",
  write_validations: "Write cart and checkout validations.",
};

/**
 * AccessScope objects. Shopify lists the scopes granted (or requested) in their stored order, then the
 * read scopes implied by a granted write scope that was not granted itself, sorted
 * (app-billing-access-read.json: `…write_validations, read_cart_transforms, read_cash_tracking, …`).
 * The twin's stored order is the installation record's.
 */
export function accessScopeNodes(handles: readonly string[]) {
  const explicit = [...new Set(handles)];
  const implied = explicit.filter((h) => h.startsWith("write_")).map((h) => `read_${h.slice("write_".length)}`).filter((h) => !explicit.includes(h)).sort();
  return [...explicit, ...implied].map((handle) => ({
    __typename: "AccessScope",
    handle,
    description: (_args: unknown, _ctx: unknown, info: GraphQLResolveInfo) => {
      const text = SCOPE_DESCRIPTIONS[handle];
      if (text === undefined) throw notImplemented(info, `AccessScope.description of \`${handle}\``);
      return text;
    },
  }));
}

/** Scopes the installation holds (the token's, when no installation is recorded). */
export function grantedHandles(ctx: AdminContext): string[] {
  return ctx.installation?.scopes ?? ctx.token.scope.split(",").filter(Boolean);
}

/** The calling app, as App. `installation` resolves to the current installation node. */
export function appNode(ctx: AdminContext, installation: () => unknown) {
  const listing = appListing(ctx.state);
  return {
    __typename: "App",
    id: gid("App", apiClientId(ctx.token.apiKey)),
    apiKey: ctx.token.apiKey,
    handle: listing.handle,
    title: listing.title,
    developerName: listing.developerName,
    embedded: listing.embedded,
    previouslyInstalled: false,
    requestedAccessScopes: accessScopeNodes(listing.requestedScopes ?? grantedHandles(ctx)),
    optionalAccessScopes: [],
    installation,
  };
}

export function launchUrl(ctx: AdminContext): string {
  return `https://${ctx.shop.domain}/admin/apps/${appListing(ctx.state).handle}`;
}
