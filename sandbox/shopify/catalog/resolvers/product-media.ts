import { randomUUID } from "node:crypto";
import type { GraphQLResolveInfo } from "graphql";
import type { AdminContext } from "../../admin-graphql/context";
import { notImplemented } from "../../admin-graphql/resolvers/not-implemented";
import { emitShopEvent } from "../../events";
import { sandboxOrigin, simulatedDelays } from "../../platform/app-identity";
import { extensionForMime, imageInfo } from "../../content/image-size";
import { remoteImage } from "../../content/remote-sources";
import { stagedUploadFor } from "../../content/staged-uploads";
import { filesStore } from "../../content/files-store";
import { registerNode, unregisterNode } from "../../state";
import { deleteOwnerMetafields } from "../../content/metafields-store";
import { catalogOf, nextCatalogId, touchCatalog } from "../store";
import type { MediaRecord, ProductRecord } from "../types";
import { productPayload } from "../webhook-payloads";
import { mediaNode, mediaStatus } from "./media-node";
import { productNode } from "./product-node";
import { requireScope } from "./shared";
import { variantNode } from "./variant-node";

// productCreateMedia / productUpdateMedia / productDeleteMedia / productReorderMedia and
// productVariantAppendMedia / productVariantDetachMedia. Messages, codes and field paths from
// product-media-validation-branches.json, productCreateMedia-dual-userErrors.json,
// product-delete-media-parity.json and product-variant-media-validation.json. The media payloads
// carry each error twice: deprecated `userErrors` (UserError) and `mediaUserErrors` (with code).
// The status lifecycle (UPLOADED → PROCESSING → READY/FAILED) is in media-node.ts.

interface MediaError { field: string[] | null; message: string; code: string }
const dual = (errors: MediaError[]) => ({
  userErrors: errors.map((e) => ({ __typename: "UserError", field: e.field, message: e.message })),
  mediaUserErrors: errors.map((e) => ({ __typename: "MediaUserError", ...e })),
});
const typed = (errors: MediaError[]) => errors.map((e) => ({ __typename: "MediaUserError", ...e }));
const nowIso = () => new Date().toISOString().replace(/\.\d{3}Z$/, "Z");

const findProduct = (ctx: AdminContext, id: string) => catalogOf(ctx.state, ctx.shop.domain).products.get(id);
const productMissing = (field: string): MediaError => ({ field: [field], message: "Product does not exist", code: "PRODUCT_DOES_NOT_EXIST" });

/** One error for all unknown ids (product-media-missing-media-aggregation.json). */
const mediaMissing = (field: string, ids: string[]): MediaError => ({
  field: [field],
  message: ids.length === 1 ? `Media id ${ids[0]} does not exist` : `Media ids ${ids.join(",")} do not exist`,
  code: "MEDIA_DOES_NOT_EXIST",
});

function productChanged(ctx: AdminContext, p: ProductRecord): void {
  p.updatedAt = nowIso();
  touchCatalog(catalogOf(ctx.state, ctx.shop.domain));
  emitShopEvent(ctx.state, { shop: ctx.shop.domain, topic: "products/update", payload: productPayload(ctx.shop, p) });
}

export interface CreateMediaInput { mediaContentType: "IMAGE" | "EXTERNAL_VIDEO" | "VIDEO" | "MODEL_3D"; originalSource: string; alt?: string | null }

export function productCreateMedia(args: { productId: string; media: CreateMediaInput[] }, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "write_products");
  const product = findProduct(ctx, args.productId);
  if (!product) return { __typename: "ProductCreateMediaPayload", media: null, product: null, ...dual([productMissing("productId")]) };
  requireSupportedMedia(info, args.media, "productCreateMedia");
  // Invalid entries are reported, valid ones are still created (create-mixed-valid-invalid).
  const errors = validateMediaInputs(args.media);
  const created = appendMedia(ctx, product, args.media.filter((_, i) => !errors.some((e) => e.field?.[1] === String(i))));
  if (created.length) productChanged(ctx, product);
  const fresh = new Set(created.map((m) => m.gid));
  return {
    __typename: "ProductCreateMediaPayload",
    media: created.map((m) => mediaNode(m, product, "UPLOADED")),
    // The product in the same payload reports its new media as UPLOADED too.
    product: withMediaOverride(productNode(product, ctx), product, fresh),
    ...dual(errors),
  };
}

/** The originalSource checks of CreateMediaInput lists (productCreateMedia, productCreate/productUpdate(media:)). */
export function validateMediaInputs(media: CreateMediaInput[]): MediaError[] {
  const errors: MediaError[] = [];
  media.forEach((input, i) => {
    if (!/^https?:\/\/[^/\s]+/i.test(input.originalSource)) {
      const what = input.mediaContentType === "IMAGE" ? "Image" : "Video"; // only the image wording is captured
      errors.push({ field: ["media", String(i), "originalSource"], message: `${what} URL is invalid`, code: "INVALID" });
    }
  });
  return errors;
}

/** Adds validated media to a product (status UPLOADED, then the media-node.ts lifecycle). */
export function appendMedia(ctx: AdminContext, product: ProductRecord, media: CreateMediaInput[]): MediaRecord[] {
  const catalog = catalogOf(ctx.state, ctx.shop.domain);
  const readyAt = Date.now() + simulatedDelays(ctx.state).fileProcessingMs;
  return media.map((input) => {
    if (input.mediaContentType !== "IMAGE" && input.mediaContentType !== "EXTERNAL_VIDEO") throw new Error(`unsupported media type ${input.mediaContentType}`);
    const at = nowIso();
    // What processing will produce, exposed only once READY (media-node.ts): a CDN copy of a URL
    // the offline twin can answer (content/remote-sources.ts).
    const remote = input.mediaContentType === "IMAGE" ? readableImage(ctx, input.originalSource) : undefined;
    const record: MediaRecord = {
      gid: `gid://shopify/${input.mediaContentType === "IMAGE" ? "MediaImage" : "ExternalVideo"}/${nextCatalogId(catalog, "MediaImage")}`,
      url: remote ? `${sandboxOrigin(ctx.state)}/cdn/shop/files/${cdnName(input.originalSource, remote.mimeType)}` : input.originalSource,
      alt: input.alt ?? "",
      width: remote?.width ?? 0,
      height: remote?.height ?? 0,
      ...(remote ? { mimeType: remote.mimeType } : {}),
      position: product.media.length + 1,
      sourceUrl: input.originalSource,
      productImageId: nextCatalogId(catalog, "ProductImage"),
      kind: input.mediaContentType,
      readyAt,
      createdAt: at,
      updatedAt: at,
    };
    product.media.push(record);
    registerNode(ctx.state, ctx.shop.domain, { gid: record.gid, typename: record.kind === "IMAGE" ? "MediaImage" : "ExternalVideo" });
    return record;
  });
}

/** What processing an image source yields offline: a staged upload's bytes, or a remote-sources.ts URL. */
function readableImage(ctx: AdminContext, source: string): { mimeType: string; width: number; height: number } | undefined {
  const bytes = stagedUploadFor(ctx.state, source)?.bytes;
  return bytes ? imageInfo(bytes) : remoteImage(source);
}

/** Shopify's CDN name for a downloaded image: the URL's last segment, a uuid, the format's extension (`png_<uuid>.png`). */
function cdnName(source: string, mimeType: string): string {
  const stem = (new URL(source).pathname.split("/").filter(Boolean).pop() ?? "image").replace(/\.[A-Za-z0-9]+$/, "").replace(/[^A-Za-z0-9_-]/g, "_");
  return `${stem}_${randomUUID()}.${extensionForMime(mimeType) ?? mimeType.slice(mimeType.indexOf("/") + 1)}`;
}

/** Fails loudly for media content types the twin does not model. */
export function requireSupportedMedia(info: GraphQLResolveInfo, media: CreateMediaInput[], where: string): void {
  for (const m of media) {
    if (m.mediaContentType !== "IMAGE" && m.mediaContentType !== "EXTERNAL_VIDEO") throw notImplemented(info, `${where} with mediaContentType ${m.mediaContentType}`);
  }
}

/** Product node whose `media` connection reports freshly created media as UPLOADED. */
export function withMediaOverride(node: ReturnType<typeof productNode>, product: ProductRecord, fresh: Set<string>) {
  const media = node.media;
  return {
    ...node,
    media: (args: Parameters<typeof media>[0]) => {
      const conn = media(args) as { edges: { node: unknown }[]; nodes: unknown[] };
      const patch = (n: unknown) => {
        const id = (n as { id: string }).id;
        const m = product.media.find((x) => x.gid === id);
        return m && fresh.has(id) ? mediaNode(m, product, "UPLOADED") : n;
      };
      return { ...conn, edges: conn.edges.map((e) => ({ ...e, node: patch(e.node) })), nodes: conn.nodes.map(patch) };
    },
  };
}

export function productUpdateMedia(args: { productId: string; media: { id: string; alt?: string | null; previewImageSource?: string | null }[] }, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "write_products");
  const product = findProduct(ctx, args.productId);
  if (!product) return { __typename: "ProductUpdateMediaPayload", media: null, product: null, ...dual([productMissing("productId")]) };
  if (args.media.some((m) => m.previewImageSource != null)) throw notImplemented(info, "productUpdateMedia(previewImageSource)");
  // One unknown id rejects the whole batch (update-mixed-valid-invalid).
  const missing = args.media.filter((m) => !product.media.some((x) => x.gid === m.id)).map((m) => m.id);
  if (missing.length) return { __typename: "ProductUpdateMediaPayload", media: null, product: null, ...dual([mediaMissing("media", missing)]) };
  const updated = args.media.map((input) => {
    const m = product.media.find((x) => x.gid === input.id)!;
    if (input.alt != null) m.alt = input.alt;
    m.updatedAt = nowIso();
    return m;
  });
  if (updated.length) productChanged(ctx, product);
  return { __typename: "ProductUpdateMediaPayload", media: updated.map((m) => mediaNode(m, product)), product: productNode(product, ctx), ...dual([]) };
}

export function productDeleteMedia(args: { productId: string; mediaIds: string[] }, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "write_products");
  const product = findProduct(ctx, args.productId);
  const none = { deletedMediaIds: null, deletedProductImageIds: null, product: null };
  if (!product) return { __typename: "ProductDeleteMediaPayload", ...none, ...dual([productMissing("productId")]) };
  const missing = args.mediaIds.filter((id) => !product.media.some((x) => x.gid === id));
  if (missing.length) return { __typename: "ProductDeleteMediaPayload", ...none, ...dual([mediaMissing("mediaIds", missing)]) };
  const removed = product.media.filter((m) => args.mediaIds.includes(m.gid));
  removeMedia(ctx, product, removed);
  if (removed.length) productChanged(ctx, product);
  return {
    __typename: "ProductDeleteMediaPayload",
    deletedMediaIds: removed.map((m) => m.gid),
    deletedProductImageIds: removed.filter((m) => (m.kind ?? "IMAGE") === "IMAGE").map((m) => `gid://shopify/ProductImage/${m.productImageId}`),
    product: productNode(product, ctx),
    ...dual([]),
  };
}

/** fileDelete of product media: the media leaves the product (media-file-mutation-first-lifecycle.json). */
export function deleteProductMedia(ctx: AdminContext, product: ProductRecord, removed: MediaRecord[]): void {
  removeMedia(ctx, product, removed);
  if (removed.length) productChanged(ctx, product);
}

/**
 * fileUpdate(referencesToRemove:) / (referencesToAdd:): the media leaves or joins a product while the
 * file itself lives on (media-file-cascade-variant-media-clear.json: variants lose it too).
 */
export function detachProductMedia(ctx: AdminContext, product: ProductRecord, gid: string): void {
  if (!product.media.some((m) => m.gid === gid)) return;
  product.media = product.media.filter((m) => m.gid !== gid);
  product.media.forEach((m, i) => (m.position = i + 1));
  for (const v of product.variants) if (v.imageGid === gid) v.imageGid = null;
  productChanged(ctx, product);
}

export function attachProductMedia(ctx: AdminContext, product: ProductRecord, media: Omit<MediaRecord, "position" | "productImageId">): void {
  if (product.media.some((m) => m.gid === media.gid)) return;
  product.media.push({ ...media, position: product.media.length + 1, productImageId: nextCatalogId(catalogOf(ctx.state, ctx.shop.domain), "ProductImage") });
  productChanged(ctx, product);
}

/** fileUpdate(alt:) of product media. */
export function updateProductMediaAlt(ctx: AdminContext, product: ProductRecord, m: MediaRecord, alt: string): void {
  m.alt = alt;
  m.updatedAt = nowIso();
  productChanged(ctx, product);
}

function removeMedia(ctx: AdminContext, product: ProductRecord, removed: MediaRecord[]): void {
  const gone = new Set(removed.map((m) => m.gid));
  product.media = product.media.filter((m) => !gone.has(m.gid));
  product.media.forEach((m, i) => (m.position = i + 1));
  for (const v of product.variants) if (v.imageGid && gone.has(v.imageGid)) v.imageGid = null;
  for (const gid of gone) {
    // A file shown on the product (fileUpdate referencesToAdd) lives on in the files store; whether
    // productDeleteMedia deletes such a file on Shopify is not captured, so only the reference goes.
    if (filesStore(ctx.state).files.has(Number(gid.slice(gid.lastIndexOf("/") + 1)))) continue;
    unregisterNode(ctx.state, ctx.shop.domain, gid);
    deleteOwnerMetafields(ctx.state, ctx.shop.domain, gid);
  }
}

export function productReorderMedia(args: { id: string; moves: { id: string; newPosition: string }[] }, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "write_products");
  const product = findProduct(ctx, args.id);
  if (!product) return { __typename: "ProductReorderMediaPayload", job: null, ...dual([productMissing("id")]) };
  // Moves apply in order; unknown media ids are skipped without an error (reorder-unknown-media-id).
  for (const move of args.moves) {
    const from = product.media.findIndex((m) => m.gid === move.id);
    if (from < 0) continue;
    const [m] = product.media.splice(from, 1);
    product.media.splice(Math.min(Number(move.newPosition), product.media.length), 0, m!);
  }
  product.media.forEach((m, i) => (m.position = i + 1));
  productChanged(ctx, product);
  // Shopify reorders in a background job; the twin has already applied it and reports the job unfinished as captured.
  return { __typename: "ProductReorderMediaPayload", job: { __typename: "Job", id: `gid://shopify/Job/${randomUUID()}`, done: false }, ...dual([]) };
}

// ---- variant media

interface VariantMediaInput { variantId: string; mediaIds: string[] }
const MAX_VARIANT_MEDIA_PAIRS = 100;

function checkVariantMedia(product: ProductRecord, pairs: VariantMediaInput[], mode: "append" | "detach"): MediaError[] {
  if (pairs.length > MAX_VARIANT_MEDIA_PAIRS) {
    return [{ field: ["variantMedia"], message: `Exceeded ${MAX_VARIANT_MEDIA_PAIRS} variant-media pairs per mutation.`, code: "MAXIMUM_VARIANT_MEDIA_PAIRS_EXCEEDED" }];
  }
  // Checked in phases; a phase with errors ends the check (appendDuplicateVariant reports only the duplicate).
  const shape: MediaError[] = [];
  pairs.forEach((pair, i) => {
    if (pair.mediaIds.length > 1) shape.push({ field: ["variantMedia", String(i), "mediaIds"], message: "Only one mediaId is allowed per media input.", code: "TOO_MANY_MEDIA_PER_INPUT_PAIR" });
    else if (pair.mediaIds.length === 0) shape.push({ field: ["variantMedia", String(i), "mediaIds"], message: "The mediaIds list cannot be empty.", code: "BLANK" });
  });
  if (shape.length) return shape;
  const duplicates: MediaError[] = [];
  const seen = new Map<string, number>();
  pairs.forEach((pair, i) => {
    const first = seen.get(pair.variantId);
    // Reported once, at the first input that names the variant.
    if (first === undefined) seen.set(pair.variantId, i);
    else if (!duplicates.some((e) => e.field?.[1] === String(first))) {
      duplicates.push({ field: ["variantMedia", String(first), "variantId"], message: "Variant was specified in more than one media input.", code: "PRODUCT_VARIANT_SPECIFIED_MULTIPLE_TIMES" });
    }
  });
  if (duplicates.length) return duplicates;
  const errors: MediaError[] = [];
  pairs.forEach((pair, i) => {
    const at = (f: string) => ["variantMedia", String(i), f];
    const variant = product.variants.find((v) => v.gid === pair.variantId);
    if (!variant) return void errors.push({ field: at("variantId"), message: "Variant does not exist on the specified product.", code: "PRODUCT_VARIANT_DOES_NOT_EXIST_ON_PRODUCT" });
    const media = product.media.find((m) => m.gid === pair.mediaIds[0]);
    if (!media) return void errors.push({ field: at("mediaIds"), message: "Media does not exist on the specified product.", code: "MEDIA_DOES_NOT_EXIST_ON_PRODUCT" });
    if (mode === "detach") {
      if (variant.imageGid !== media.gid) errors.push({ field: at("variantId"), message: "The specified media is not attached to the specified variant.", code: "MEDIA_IS_NOT_ATTACHED_TO_VARIANT" });
      return;
    }
    if ((media.kind ?? "IMAGE") !== "IMAGE") return void errors.push({ field: at("mediaIds"), message: "Non-image media cannot be attached to variants.", code: "INVALID_MEDIA_TYPE" });
    if (variant.imageGid) return void errors.push({ field: at("variantId"), message: "The given variant already has attached media.", code: "PRODUCT_VARIANT_ALREADY_HAS_MEDIA" });
    if (mediaStatus(media) !== "READY") errors.push({ field: at("mediaIds"), message: "Non-ready media cannot be attached to variants.", code: "NON_READY_MEDIA" });
  });
  return errors;
}

export function productVariantAppendMedia(args: { productId: string; variantMedia: VariantMediaInput[] }, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "write_products");
  const product = findProduct(ctx, args.productId);
  // No capture of an unknown product here; the code/message follow the other media mutations.
  if (!product) return { __typename: "ProductVariantAppendMediaPayload", product: null, productVariants: null, userErrors: typed([productMissing("productId")]) };
  const errors = checkVariantMedia(product, args.variantMedia, "append");
  if (errors.length) return { __typename: "ProductVariantAppendMediaPayload", product: null, productVariants: null, userErrors: typed(errors) };
  const variants = args.variantMedia.map((pair) => {
    const v = product.variants.find((x) => x.gid === pair.variantId)!;
    v.imageGid = pair.mediaIds[0]!;
    return v;
  });
  productChanged(ctx, product);
  return { __typename: "ProductVariantAppendMediaPayload", product: productNode(product, ctx), productVariants: variants.map((v) => variantNode(v, product, ctx)), userErrors: [] };
}

export function productVariantDetachMedia(args: { productId: string; variantMedia: VariantMediaInput[] }, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "write_products");
  const product = findProduct(ctx, args.productId);
  if (!product) return { __typename: "ProductVariantDetachMediaPayload", product: null, productVariants: null, userErrors: typed([productMissing("productId")]) };
  const errors = checkVariantMedia(product, args.variantMedia, "detach");
  if (errors.length) return { __typename: "ProductVariantDetachMediaPayload", product: null, productVariants: null, userErrors: typed(errors) };
  const variants = args.variantMedia.map((pair) => {
    const v = product.variants.find((x) => x.gid === pair.variantId)!;
    v.imageGid = null;
    return v;
  });
  productChanged(ctx, product);
  return { __typename: "ProductVariantDetachMediaPayload", product: productNode(product, ctx), productVariants: variants.map((v) => variantNode(v, product, ctx)), userErrors: [] };
}

/**
 * productOptionsCreate: only the unknown-product answer is modelled (product-user-error-shape-parity.json);
 * creating options (variant strategies, linked metafield options) is not implemented and fails loudly.
 */
export function productOptionsCreate(args: { productId: string; options: unknown[] }, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "write_products");
  if (!findProduct(ctx, args.productId)) {
    return { __typename: "ProductOptionsCreatePayload", product: null, userErrors: [{ __typename: "ProductOptionsCreateUserError", field: ["productId"], message: "Product does not exist", code: "PRODUCT_DOES_NOT_EXIST" }] };
  }
  throw notImplemented(info, "productOptionsCreate on an existing product");
}

// productOptionsDelete / productVariantsBulkReorder: only the unknown-product branch is captured
// (product-user-error-shape-parity.json: deletedOptionsIds is [] there, not null); acting on an
// existing product is not modelled and fails loudly.
export function productOptionsDelete(args: { productId: string; options: string[] }, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "write_products");
  if (!findProduct(ctx, args.productId)) {
    return { __typename: "ProductOptionsDeletePayload", deletedOptionsIds: [], product: null, userErrors: [{ __typename: "ProductOptionsDeleteUserError", field: ["productId"], message: "Product does not exist", code: "PRODUCT_DOES_NOT_EXIST" }] };
  }
  throw notImplemented(info, "productOptionsDelete on an existing product");
}

export function productVariantsBulkReorder(args: { productId: string; positions: unknown[] }, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "write_products");
  if (!findProduct(ctx, args.productId)) {
    return { __typename: "ProductVariantsBulkReorderPayload", product: null, userErrors: [{ __typename: "ProductVariantsBulkReorderUserError", field: ["productId"], message: "Product does not exist", code: "PRODUCT_DOES_NOT_EXIST" }] };
  }
  throw notImplemented(info, "productVariantsBulkReorder on an existing product");
}
