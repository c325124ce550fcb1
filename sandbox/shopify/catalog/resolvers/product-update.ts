import type { GraphQLResolveInfo } from "graphql";
import type { AdminContext } from "../../admin-graphql/context";
import { coded } from "../../admin-graphql/errors";
import { notImplemented } from "../../admin-graphql/resolvers/not-implemented";
import { metafieldsSet } from "../../content/metafields";
import { emitShopEvent } from "../../events";
import { catalogOf, indexProductHandle, productByHandle, touchCatalog } from "../store";
import type { ProductRecord } from "../types";
import { productPayload } from "../webhook-payloads";
import { refreshSmartCollections } from "../write";
import { appendMedia, requireSupportedMedia, validateMediaInputs, withMediaOverride, type CreateMediaInput } from "./product-media";
import { productNode } from "./product-node";
import { requireScope } from "./shared";

// Mutation.productUpdate for the copy the app writes in the primary locale (title, descriptionHtml,
// seo, handle) plus the simple scalar fields. Behaviour from product-update-parity.json:
// unknown/missing id -> product null + ["id"] "Product does not exist"; blank title -> the
// unchanged product + ["title"] "Title can't be blank"; handles are normalized, whitespace keeps the
// old one, "%%%" becomes "product"; a taken handle -> ["input","handle"] "Handle '…' already in use…".
// productUpdate's userErrors are the plain UserError type (no `code`).

interface UpdateInput {
  id?: string | null;
  title?: string | null;
  descriptionHtml?: string | null;
  handle?: string | null;
  seo?: { title?: string | null; description?: string | null } | null;
  vendor?: string | null;
  productType?: string | null;
  tags?: string[] | null;
  status?: ProductRecord["status"] | null;
  templateSuffix?: string | null;
  redirectNewHandle?: boolean | null;
  [other: string]: unknown;
}

const SUPPORTED = new Set(["id", "title", "descriptionHtml", "handle", "seo", "vendor", "productType", "tags", "status", "templateSuffix", "redirectNewHandle", "metafields", "collectionsToJoin", "collectionsToLeave"]);

type UserError = { __typename: "UserError"; field: string[] | null; message: string };
const userError = (field: string[] | null, message: string): UserError => ({ __typename: "UserError", field, message });

export function normalizeHandle(raw: string): string {
  return raw.trim().toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-+|-+$/g, "");
}

export function productUpdate(
  args: { product?: UpdateInput | null; input?: UpdateInput | null; media?: CreateMediaInput[] | null; identifier?: { id?: string | null; handle?: string | null; customId?: unknown } | null },
  ctx: AdminContext,
  info: GraphQLResolveInfo,
) {
  requireScope(ctx, info, "write_products");
  if ((args.product == null) === (args.input == null) && !(args.identifier && args.product == null && args.input == null)) {
    throw coded("productUpdate must include exactly one of the following arguments: input, product.", "INVALID_FIELD_ARGUMENTS");
  }
  const media = (args.media ?? []) as CreateMediaInput[];
  requireSupportedMedia(info, media, "productUpdate(media:)");
  if (args.identifier?.customId) throw notImplemented(info, "productUpdate(identifier: { customId })");
  const input: UpdateInput = args.product ?? args.input ?? {};
  // Input defaults (deleteConflictingConstrainedMetafields: false) arrive filled in; only real values count.
  for (const [key, value] of Object.entries(input)) {
    if (!SUPPORTED.has(key) && value != null && value !== false) throw notImplemented(info, `productUpdate input field \`${key}\``);
  }

  const catalog = catalogOf(ctx.state, ctx.shop.domain);
  const id = input.id ?? args.identifier?.id;
  const product = id ? catalog.products.get(id) : args.identifier?.handle != null ? productByHandle(catalog, args.identifier.handle) : undefined;
  if (!product) return { __typename: "ProductUpdatePayload", product: null, userErrors: [userError(["id"], "Product does not exist")] };

  const errors: UserError[] = [];
  if (input.title != null && !input.title.trim()) errors.push(userError(["title"], "Title can't be blank"));
  if (input.title != null && input.title.length > 255) errors.push(userError(["title"], "Title is too long (maximum is 255 characters)"));
  let handle = product.handle;
  if (input.handle != null && input.handle.trim()) {
    handle = normalizeHandle(input.handle) || "product";
    const owner = productByHandle(catalog, handle);
    if (owner && owner.gid !== product.gid) errors.push(userError(["input", "handle"], `Handle '${handle}' already in use. Please provide a new handle.`));
    else if (handle.length > 255) errors.push(userError(["input", "handle"], "Handle is too long (maximum is 255 characters)"));
  }
  // Invalid media leaves the product unchanged (product-top-level-media-parity.json invalidUpdate).
  errors.push(...validateMediaInputs(media).map((e) => userError(e.field, e.message)));
  if (errors.length) return { __typename: "ProductUpdatePayload", product: productNode(product, ctx), userErrors: errors };

  // Collection membership (custom collections only; unknown or smart ones are not captured and fail loudly).
  const joins = [input.collectionsToJoin ?? [], input.collectionsToLeave ?? []].map((ids) =>
    (ids as string[]).map((gid) => {
      const c = catalog.collections.get(gid);
      if (!c || c.ruleSet) throw notImplemented(info, "productUpdate collectionsToJoin/Leave naming an unknown or smart collection");
      return c;
    }),
  );
  const metafields = (input.metafields ?? []) as Record<string, unknown>[];
  if (metafields.length) {
    // Through the content domain's metafieldsSet (same validation, atomic); how productUpdate reports
    // invalid metafields is not captured, so that case fails loudly before anything changes.
    const set = metafieldsSet({ metafields: metafields.map((m) => ({ ...m, ownerId: product.gid })) as never }, ctx, info);
    if (set.userErrors.length) throw notImplemented(info, `productUpdate with invalid metafields (${set.userErrors[0]!.message})`);
  }
  for (const c of joins[0]!) if (!c.productGids.includes(product.gid)) c.productGids.push(product.gid);
  for (const c of joins[1]!) c.productGids = c.productGids.filter((g) => g !== product.gid);

  if (input.title != null) product.title = input.title;
  if (input.descriptionHtml != null) product.descriptionHtml = input.descriptionHtml;
  if (input.seo) {
    if (input.seo.title !== undefined) product.seo.title = input.seo.title || null;
    if (input.seo.description !== undefined) product.seo.description = input.seo.description || null;
  }
  if (handle !== product.handle) {
    const previous = product.handle;
    product.handle = handle;
    indexProductHandle(catalog, handle, product.gid, previous);
  }
  if (input.vendor != null) product.vendor = input.vendor;
  if (input.productType != null) product.productType = input.productType;
  if (input.tags != null) product.tags = [...new Set(input.tags.map((t) => t.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b));
  if (input.status != null) product.status = input.status;
  if (input.templateSuffix !== undefined) product.templateSuffix = input.templateSuffix || null;
  const created = appendMedia(ctx, product, media);
  product.updatedAt = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
  refreshSmartCollections(catalog);
  touchCatalog(catalog);
  emitShopEvent(ctx.state, { shop: ctx.shop.domain, topic: "products/update", payload: productPayload(ctx.shop, product) });
  const node = productNode(product, ctx);
  return { __typename: "ProductUpdatePayload", product: created.length ? withMediaOverride(node, product, new Set(created.map((m) => m.gid))) : node, userErrors: [] };
}
