import { randomUUID } from "node:crypto";
import type { GraphQLResolveInfo } from "graphql";
import type { AdminContext } from "../../admin-graphql/context";
import { coded } from "../../admin-graphql/errors";
import { notImplemented } from "../../admin-graphql/resolvers/not-implemented";
import { shop as shopObject } from "../../admin-graphql/resolvers/shop";
import { metafieldsSet } from "../../content/metafields";
import { deleteOwnerMetafields } from "../../content/metafields-store";
import { unregisterNode } from "../../state";
import { catalogOf, touchCatalog } from "../store";
import type { CatalogState, CollectionRecord } from "../types";
import { addCollection } from "../write";
import { collectionNode } from "./collection-node";
import { normalizeHandle } from "./product-update";
import { requireScope } from "./shared";

// Mutation.collectionCreate / collectionDelete / collectionAddProductsV2 for custom (manual)
// collections. Captures: product-user-error-shape-parity.json (blank title -> collection null +
// ["title"] "Title can't be blank"), product-nested-connections.json (handle from the title;
// collectionAddProductsV2 answers an unfinished Job), custom-data-field-type-matrix.json (delete).
// Smart collections (ruleSet / sources) and images are not implemented and fail loudly.

interface CollectionInput {
  title?: string | null;
  handle?: string | null;
  descriptionHtml?: string | null;
  templateSuffix?: string | null;
  sortOrder?: CollectionRecord["sortOrder"] | null;
  seo?: { title?: string | null; description?: string | null } | null;
  products?: string[] | null;
  [other: string]: unknown;
}

const SUPPORTED = new Set(["title", "handle", "descriptionHtml", "templateSuffix", "sortOrder", "seo", "products", "redirectNewHandle"]);

type UserError = { __typename: "UserError"; field: string[] | null; message: string };
const userError = (field: string[] | null, message: string): UserError => ({ __typename: "UserError", field, message });
const nowIso = () => new Date().toISOString().replace(/\.\d{3}Z$/, "Z");

function collectionHandleTaken(catalog: CatalogState, handle: string): boolean {
  for (const c of catalog.collections.values()) if (c.handle === handle) return true;
  return false;
}

export function collectionCreate(args: { input?: CollectionInput | null; collection?: CollectionInput | null }, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "write_products");
  if ((args.input == null) === (args.collection == null)) {
    // Same wording as productCreate's captured resolver-level argument error.
    throw coded("collectionCreate must include exactly one of the following arguments: input, collection.", "INVALID_FIELD_ARGUMENTS");
  }
  const input: CollectionInput = args.collection ?? args.input ?? {};
  for (const [key, value] of Object.entries(input)) {
    if (!SUPPORTED.has(key) && value != null && value !== false && !(Array.isArray(value) && value.length === 0)) {
      throw notImplemented(info, `collectionCreate input field \`${key}\``);
    }
  }
  const title = input.title ?? "";
  if (!title.trim()) return { __typename: "CollectionCreatePayload", collection: null, userErrors: [userError(["title"], "Title can't be blank")] };

  const catalog = catalogOf(ctx.state, ctx.shop.domain);
  const explicit = input.handle != null && input.handle.trim() !== "";
  let handle = (explicit ? normalizeHandle(input.handle!) : normalizeHandle(title)) || "collection";
  if (collectionHandleTaken(catalog, handle)) {
    // No capture of a taken collection handle; Shopify suffixes generated handles like products'.
    let n = 1;
    while (collectionHandleTaken(catalog, `${handle}-${n}`)) n++;
    handle = `${handle}-${n}`;
  }
  const productGids = [...new Set(input.products ?? [])].filter((g) => catalog.products.has(g));
  const collection = addCollection(ctx.state, ctx.shop.domain, {
    handle,
    title,
    descriptionHtml: input.descriptionHtml ?? "",
    ruleSet: null,
    // No capture shows the default; BEST_SELLING is what the Shopify admin gives a new collection.
    sortOrder: input.sortOrder ?? "BEST_SELLING",
    seo: { title: input.seo?.title || null, description: input.seo?.description || null },
    updatedAt: nowIso(),
    publishedAt: null,
    productGids,
  });
  collection.templateSuffix = input.templateSuffix || null;
  return { __typename: "CollectionCreatePayload", collection: collectionNode(collection, ctx), userErrors: [] };
}

// collectionUpdate (localization-parent-observation-preservation.json): the named fields change, the
// handle stays unless given, updatedAt moves. Rejections (unknown id, blank title, a taken handle)
// and membership/rule/image changes are not captured and fail loudly.
const UPDATE_SUPPORTED = new Set(["id", "title", "handle", "descriptionHtml", "templateSuffix", "sortOrder", "seo", "redirectNewHandle", "metafields"]);

export function collectionUpdate(args: { input?: CollectionInput & { id?: string | null } | null; collection?: CollectionInput & { id?: string | null } | null }, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "write_products");
  if ((args.input == null) === (args.collection == null)) {
    throw coded("collectionUpdate must include exactly one of the following arguments: input, collection.", "INVALID_FIELD_ARGUMENTS");
  }
  const input = (args.collection ?? args.input)!;
  for (const [key, value] of Object.entries(input)) {
    if (!UPDATE_SUPPORTED.has(key) && value != null && value !== false) throw notImplemented(info, `collectionUpdate input field \`${key}\``);
  }
  const catalog = catalogOf(ctx.state, ctx.shop.domain);
  const collection = input.id ? catalog.collections.get(input.id) : undefined;
  if (!collection) throw notImplemented(info, "collectionUpdate of an unknown collection");
  if (input.title != null && !input.title.trim()) throw notImplemented(info, "collectionUpdate with a blank title");
  let handle = collection.handle;
  if (input.handle != null && input.handle.trim()) {
    handle = normalizeHandle(input.handle) || "collection";
    for (const c of catalog.collections.values()) if (c !== collection && c.handle === handle) throw notImplemented(info, "collectionUpdate with a handle another collection has");
  }
  const metafields = (input.metafields ?? []) as Record<string, unknown>[];
  if (metafields.length) {
    const set = metafieldsSet({ metafields: metafields.map((m) => ({ ...m, ownerId: collection.gid })) as never }, ctx, info);
    if (set.userErrors.length) throw notImplemented(info, `collectionUpdate with invalid metafields (${set.userErrors[0]!.message})`);
  }
  if (input.title != null) collection.title = input.title;
  collection.handle = handle;
  if (input.descriptionHtml != null) collection.descriptionHtml = input.descriptionHtml;
  if (input.templateSuffix !== undefined) collection.templateSuffix = input.templateSuffix || null;
  if (input.sortOrder != null) collection.sortOrder = input.sortOrder;
  if (input.seo) {
    if (input.seo.title !== undefined) collection.seo.title = input.seo.title || null;
    if (input.seo.description !== undefined) collection.seo.description = input.seo.description || null;
  }
  collection.updatedAt = nowIso();
  touchCatalog(catalog);
  return { __typename: "CollectionUpdatePayload", collection: collectionNode(collection, ctx), job: null, userErrors: [] };
}

/** collectionRemoveProducts: like collectionAddProductsV2, applied at once and answered with an unfinished Job. */
export function collectionRemoveProducts(args: { id: string; productIds: string[] }, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "write_products");
  const catalog = catalogOf(ctx.state, ctx.shop.domain);
  const collection = catalog.collections.get(args.id);
  if (!collection) throw notImplemented(info, "collectionRemoveProducts on an unknown collection");
  if (collection.ruleSet) throw notImplemented(info, "collectionRemoveProducts on a smart collection");
  const removed = new Set(args.productIds);
  collection.productGids = collection.productGids.filter((g) => !removed.has(g));
  collection.updatedAt = nowIso();
  touchCatalog(catalog);
  return { __typename: "CollectionRemoveProductsPayload", job: { __typename: "Job", id: `gid://shopify/Job/${randomUUID()}`, done: false }, userErrors: [] };
}

export function collectionDelete(args: { input: { id: string } }, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "write_products");
  const catalog = catalogOf(ctx.state, ctx.shop.domain);
  const collection = catalog.collections.get(args.input.id);
  const base = { __typename: "CollectionDeletePayload", shop: () => shopObject(undefined, ctx) };
  // No capture of an unknown id; the message follows Shopify's "<Resource> does not exist" pattern.
  if (!collection) return { ...base, deletedCollectionId: null, userErrors: [userError(["id"], "Collection does not exist")] };
  catalog.collections.delete(collection.gid);
  unregisterNode(ctx.state, ctx.shop.domain, collection.gid);
  deleteOwnerMetafields(ctx.state, ctx.shop.domain, collection.gid);
  touchCatalog(catalog);
  return { ...base, deletedCollectionId: collection.gid, userErrors: [] };
}

export function collectionAddProductsV2(args: { id: string; productIds: string[] }, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "write_products");
  const catalog = catalogOf(ctx.state, ctx.shop.domain);
  const collection = catalog.collections.get(args.id);
  if (!collection) return { __typename: "CollectionAddProductsV2Payload", job: null, userErrors: [{ __typename: "CollectionAddProductsV2UserError", field: ["id"], message: "Collection does not exist", code: "COLLECTION_DOES_NOT_EXIST" }] };
  if (collection.ruleSet) throw notImplemented(info, "collectionAddProductsV2 on a smart collection");
  for (const gid of args.productIds) if (catalog.products.has(gid) && !collection.productGids.includes(gid)) collection.productGids.push(gid);
  collection.updatedAt = nowIso();
  touchCatalog(catalog);
  // The twin applies the change at once; the job is reported unfinished as in the capture.
  return { __typename: "CollectionAddProductsV2Payload", job: { __typename: "Job", id: `gid://shopify/Job/${randomUUID()}`, done: false }, userErrors: [] };
}
