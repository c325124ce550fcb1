import type { GraphQLResolveInfo } from "graphql";
import type { AdminContext } from "../../admin-graphql/context";
import { coded } from "../../admin-graphql/errors";
import { notImplemented } from "../../admin-graphql/resolvers/not-implemented";
import { shop as shopObject } from "../../admin-graphql/resolvers/shop";
import { metafieldsSet } from "../../content/metafields";
import { deleteOwnerMetafields } from "../../content/metafields-store";
import { emitShopEvent } from "../../events";
import { unregisterNode } from "../../state";
import { catalogDelays, catalogOf, productByHandle, touchCatalog, unindexProductHandle } from "../store";
import type { ProductRecord } from "../types";
import { productPayload } from "../webhook-payloads";
import { addProduct, refreshSmartCollections } from "../write";
import { appendMedia, requireSupportedMedia, validateMediaInputs, withMediaOverride, type CreateMediaInput } from "./product-media";
import { productNode } from "./product-node";
import { productDeleteAsync } from "./product-operations";
import { addOptions, planNewOptions, type OptionCreateInput, type PlannedOption } from "./product-options";
import { normalizeHandle } from "./product-update";
import { requireScope } from "./shared";

// Mutation.productCreate / productDelete. Behaviour from product-create-parity.json (2026-04):
// blank title -> product null + ["title"] "Title can't be blank"; defaults status ACTIVE, vendor =
// shop name, productType "", no tags, one "Default Title" variant under a "Title" option; handles
// normalized like productUpdate ("%%%" -> "product", whitespace -> from the title), an explicit taken
// handle -> ["input","handle"] "Handle '…' already in use…", a title-derived one gets "-1", "-2"….
// New products track no inventory (tracksInventory false, metafields-set-owner-existence-atomicity).

export interface CreateInput {
  title?: string | null;
  handle?: string | null;
  descriptionHtml?: string | null;
  vendor?: string | null;
  productType?: string | null;
  tags?: string[] | null;
  status?: ProductRecord["status"] | null;
  templateSuffix?: string | null;
  seo?: { title?: string | null; description?: string | null } | null;
  [other: string]: unknown;
}

const SUPPORTED = new Set(["metafields", "title", "handle", "descriptionHtml", "vendor", "productType", "tags", "status", "templateSuffix", "seo", "bodyHtml", "productOptions", "collectionsToJoin"]);

type UserError = { __typename: "UserError"; field: string[] | null; message: string };
const userError = (field: string[] | null, message: string): UserError => ({ __typename: "UserError", field, message });

const nowIso = () => new Date().toISOString().replace(/\.\d{3}Z$/, "Z");

export function productCreate(
  args: { product?: CreateInput | null; input?: CreateInput | null; media?: CreateMediaInput[] | null },
  ctx: AdminContext,
  info: GraphQLResolveInfo,
) {
  requireScope(ctx, info, "write_products");
  if ((args.product == null) === (args.input == null)) {
    throw coded("productCreate must include exactly one of the following arguments: input, product.", "INVALID_FIELD_ARGUMENTS");
  }
  const media = (args.media ?? []) as CreateMediaInput[];
  requireSupportedMedia(info, media, "productCreate(media:)");
  const input: CreateInput = args.product ?? args.input ?? {};
  for (const [key, value] of Object.entries(input)) {
    if (!SUPPORTED.has(key) && value != null && value !== false && !(Array.isArray(value) && value.length === 0)) {
      throw notImplemented(info, `productCreate input field \`${key}\``);
    }
  }
  const payload = (product: ProductRecord | null, userErrors: UserError[]) => ({
    __typename: "ProductCreatePayload",
    product: product ? productNode(product, ctx) : null,
    shop: () => shopObject(undefined, ctx),
    userErrors,
  });

  // Invalid media rejects the whole create (product-top-level-media-parity.json invalidCreate).
  const mediaErrors = validateMediaInputs(media);
  if (mediaErrors.length) return payload(null, mediaErrors.map((e) => userError(e.field, e.message)));
  // productOptions (as productOptionsCreate on the new product): one variant with each option's first value.
  // collectionsToJoin: custom collections only (unknown or smart ones are not captured and fail loudly).
  const catalog = catalogOf(ctx.state, ctx.shop.domain);
  const joins = ((input.collectionsToJoin ?? []) as string[]).map((gid) => {
    const c = catalog.collections.get(gid);
    if (!c || c.ruleSet) throw notImplemented(info, "productCreate collectionsToJoin naming an unknown or smart collection");
    return c;
  });
  const optionInputs = (input.productOptions ?? []) as OptionCreateInput[];
  const options = optionInputs.length ? planNewOptions(ctx, info, [], optionInputs) : undefined;
  const result = createProductFromInput(ctx, input, info, options);
  if (Array.isArray(result)) return payload(null, result);
  for (const c of joins) c.productGids.push(result.gid);
  if (joins.length) touchCatalog(catalog);
  const created = appendMedia(ctx, result, media);
  const out = payload(result, []);
  return created.length ? { ...out, product: withMediaOverride(out.product!, result, new Set(created.map((m) => m.gid))) } : out;
}

/** Validates and creates a product (shared by productCreate and productSet); returns the errors instead when invalid. */
export function createProductFromInput(ctx: AdminContext, input: CreateInput, info?: GraphQLResolveInfo, options?: PlannedOption[]): ProductRecord | UserError[] {
  const title = input.title ?? "";
  if (!title.trim()) return [userError(["title"], "Title can't be blank")];
  if (title.length > 255) return [userError(["title"], "Title is too long (maximum is 255 characters)")];

  const catalog = catalogOf(ctx.state, ctx.shop.domain);
  let handle: string;
  if (input.handle != null && input.handle.trim()) {
    handle = normalizeHandle(input.handle) || "product";
    if (productByHandle(catalog, handle)) return [userError(["input", "handle"], `Handle '${handle}' already in use. Please provide a new handle.`)];
    if (handle.length > 255) return [userError(["input", "handle"], "Handle is too long (maximum is 255 characters)")];
  } else {
    handle = normalizeHandle(title).slice(0, 255) || "product"; // addProduct appends -1, -2… when taken
  }

  const at = nowIso();
  const status = input.status ?? "ACTIVE";
  const product = addProduct(
    ctx.state,
    ctx.shop.domain,
    {
      handle,
      title,
      bodyHtml: input.descriptionHtml ?? (typeof input.bodyHtml === "string" ? input.bodyHtml : ""),
      vendor: input.vendor ?? ctx.shop.name,
      productType: input.productType ?? "",
      tags: [...new Set((input.tags ?? []).map((t) => t.trim()).filter(Boolean))],
      status: status === "UNLISTED" ? "ACTIVE" : status,
      published: false,
      seoTitle: input.seo?.title || null,
      seoDescription: input.seo?.description || null,
      options: [{ name: "Title", values: ["Default Title"] }],
      variants: [{ optionValues: ["Default Title"], sku: "", price: "0.00", compareAtPrice: null, inventoryQuantity: 0, barcode: null, imageSrc: null, taxable: true, inventoryPolicy: "DENY", grams: 0 }],
      images: [],
    },
    { createdAt: at, updatedAt: at, publishedAt: null },
    "",
  );
  product.status = status;
  product.templateSuffix = input.templateSuffix || null;
  product.tracksInventory = false;
  // The default variant's inventory item is untracked and not stocked anywhere (product-helper-roots-read.json).
  for (const v of product.variants) Object.assign(v.inventoryItem!, { tracked: false, stocked: false, weight: { value: 0, unit: "KILOGRAMS" } });
  if (options) addOptions(ctx, product, options, "LEAVE_AS_IS");
  product.searchableAt = Date.now() + catalogDelays(ctx.state).searchIndexMs;
  const metafields = (input.metafields ?? []) as Record<string, unknown>[];
  if (metafields.length) {
    // Written through the content domain's metafieldsSet (same validation, atomic). How Shopify
    // reports invalid metafields on productCreate is not captured, so that case fails loudly.
    const set = metafieldsSet({ metafields: metafields.map((m) => ({ ...m, ownerId: product.gid })) as never }, ctx, info!);
    if (set.userErrors.length) {
      removeProduct(ctx, product, false);
      throw notImplemented(info!, `productCreate with invalid metafields (${set.userErrors[0]!.message})`);
    }
  }
  refreshSmartCollections(catalog);
  emitShopEvent(ctx.state, { shop: ctx.shop.domain, topic: "products/create", payload: productPayload(ctx.shop, product) });
  return product;
}

/** Removes a product and everything hanging off it (variants, media, memberships, metafields). */
export function removeProduct(ctx: AdminContext, product: ProductRecord, emit = true): void {
  const catalog = catalogOf(ctx.state, ctx.shop.domain);
  catalog.products.delete(product.gid);
  unindexProductHandle(catalog, product.handle, product.gid);
  for (const c of catalog.collections.values()) c.productGids = c.productGids.filter((g) => g !== product.gid);
  const owned = [product.gid, ...product.variants.flatMap((v) => [v.gid, ...(v.inventoryItem ? [v.inventoryItem.gid] : [])]), ...product.media.map((m) => m.gid)];
  for (const gid of owned) {
    unregisterNode(ctx.state, ctx.shop.domain, gid);
    deleteOwnerMetafields(ctx.state, ctx.shop.domain, gid);
  }
  touchCatalog(catalog);
  if (emit) emitShopEvent(ctx.state, { shop: ctx.shop.domain, topic: "products/delete", payload: { id: product.legacyId } });
}

export function productDelete(args: { input: { id: string }; synchronous?: boolean | null }, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "write_products");
  const catalog = catalogOf(ctx.state, ctx.shop.domain);
  const product = catalog.products.get(args.input.id);
  const base = { __typename: "ProductDeletePayload", shop: () => shopObject(undefined, ctx), productDeleteOperation: null };
  // No capture of an unknown id; message and field follow productUpdate's "Product does not exist".
  if (!product) return { ...base, deletedProductId: null, userErrors: [userError(["id"], "Product does not exist")] };
  // synchronous: false hands the delete to a ProductDeleteOperation (product-operations.ts).
  if (args.synchronous === false) return productDeleteAsync(ctx, product);
  removeProduct(ctx, product);
  return { ...base, deletedProductId: product.gid, userErrors: [] };
}
