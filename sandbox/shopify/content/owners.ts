import { gid, type AdminContext } from "../admin-graphql/context";
import { isInterfaceType } from "graphql";
import { loadAdminSchema } from "../admin-graphql/schema";
import { findNode } from "../state";

// Metafield owners are whatever the node registry knows (each domain registers its records), the
// shop's markets, plus two owners that always exist for the calling app: the Shop and the app's own
// AppInstallation.

const OWNER_TYPES: Record<string, string> = {
  Product: "PRODUCT", ProductVariant: "PRODUCTVARIANT", Collection: "COLLECTION", Customer: "CUSTOMER", Order: "ORDER",
  DraftOrder: "DRAFTORDER", Shop: "SHOP", AppInstallation: "API_PERMISSION", Page: "PAGE", Article: "ARTICLE", Blog: "BLOG",
  Location: "LOCATION", Market: "MARKET", Company: "COMPANY", CompanyLocation: "COMPANY_LOCATION", MediaImage: "MEDIA_IMAGE",
  DiscountNode: "DISCOUNT", SellingPlan: "SELLING_PLAN",
};

export const gidType = (id: string) => /^gid:\/\/shopify\/([A-Za-z0-9]+)\/[^/?]+/.exec(id)?.[1];

export const installationGid = (ctx: AdminContext) => gid("AppInstallation", ctx.installation?.id ?? 0);

/** Typename of an existing owner (or any node) with this gid in the caller's shop; undefined if none. */
export function nodeTypename(ctx: AdminContext, id: string): string | undefined {
  if (id === gid("Shop", ctx.shop.id)) return "Shop";
  if (ctx.installation && id === installationGid(ctx)) return "AppInstallation";
  // Markets live on the shop record, not in the node registry; they own metafields too
  // (owner-metafield-mixed-owner-hydration.json: marketAdvanceSet).
  if (ctx.shop.markets.some((m) => gid("Market", m.id) === id)) return "Market";
  return findNode(ctx.state, ctx.shop.domain, id)?.typename;
}

export function ownerType(typename: string): string | undefined {
  return OWNER_TYPES[typename];
}

/** `Metafield.owner`: the owner as far as the twin can show it (id + typename; more fields fail loudly). */
export function ownerRef(ctx: AdminContext, id: string) {
  return { __typename: nodeTypename(ctx, id) ?? gidType(id) ?? "Product", id };
}

let ownerTypenames: Set<string> | undefined;

/** Types that implement HasMetafields in the schema: the only objects metafieldsSet can write to. */
export function isMetafieldOwnerType(typename: string): boolean {
  if (!ownerTypenames) {
    const { schema } = loadAdminSchema();
    const iface = schema.getType("HasMetafields");
    ownerTypenames = new Set(isInterfaceType(iface) ? schema.getPossibleTypes(iface).map((t) => t.name) : []);
  }
  return ownerTypenames.has(typename);
}
