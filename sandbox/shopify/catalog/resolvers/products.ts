import type { GraphQLResolveInfo } from "graphql";
import type { AdminContext } from "../../admin-graphql/context";
import type { ConnectionArgs } from "../../admin-graphql/connection";
import { notImplemented } from "../../admin-graphql/resolvers/not-implemented";
import { checkPageArgs, keysetConnection, sortBy, type SortValue } from "../keyset";
import { compileSearch, wordMatch, type SearchSpec } from "../search/evaluate";
import { cachedSort, catalogOf, legacyIdOf, productByHandle as findByHandle, searchable } from "../store";
import type { CatalogState, ProductRecord, VariantRecord } from "../types";
import { productNode } from "./product-node";
import { addSearchWarnings, count, requireScope } from "./shared";
import { variantNode } from "./variant-node";
import { findInventoryItem, inventoryItemNode } from "./inventory-item-node";
import { variantSortValue as productVariantSortValue } from "./product-node";
import { productTracksInventory } from "../variants";

// QueryRoot.products / product / productByIdentifier / productByHandle / productsCount and the
// productVariants roots. Search: search/parse.ts; cursors: keyset.ts.

interface ListArgs extends ConnectionArgs { sortKey?: string | null; query?: string | null; savedSearchId?: string | null }

const ts = (iso: string | null) => (iso ? Date.parse(iso) : 0);

export function productSearchSpec(catalog: CatalogState): SearchSpec<ProductRecord> {
  const skus = (p: ProductRecord) => p.variants.map((v) => v.sku).filter(Boolean);
  return {
    freeText: (p) => [p.title, p.vendor, p.productType, p.handle, ...p.tags, ...skus(p), ...p.variants.flatMap((v) => (v.barcode ? [v.barcode] : []))],
    filters: {
      title: { kind: "text", get: (p) => [p.title] },
      handle: { kind: "keyword", get: (p) => [p.handle], list: true },
      vendor: { kind: "keyword", get: (p) => [p.vendor], list: true },
      product_type: { kind: "keyword", get: (p) => [p.productType], list: true },
      tag: { kind: "keyword", get: (p) => p.tags },
      tag_not: { kind: "custom", test: (p, t) => !p.tags.some((tag) => tag.toLowerCase() === t.value.toLowerCase()) },
      sku: { kind: "keyword", get: skus },
      barcode: { kind: "keyword", get: (p) => p.variants.flatMap((v) => (v.barcode ? [v.barcode] : [])) },
      status: { kind: "keyword", get: (p) => [p.status], list: true },
      id: { kind: "number", get: (p) => [p.legacyId] },
      variant_id: { kind: "number", get: (p) => p.variants.map((v) => legacyIdOf(v.gid)) },
      variant_title: { kind: "text", get: (p) => p.variants.map((v) => v.title) },
      created_at: { kind: "time", get: (p) => [p.createdAt] },
      updated_at: { kind: "time", get: (p) => [p.updatedAt] },
      published_at: { kind: "time", get: (p) => [p.publishedAt] },
      inventory_total: { kind: "number", get: (p) => [p.variants.reduce((s, v) => s + v.inventoryQuantity, 0)] },
      price: { kind: "number", get: (p) => p.variants.map((v) => Number(v.price)) },
      gift_card: { kind: "bool", get: () => false },
      tracks_inventory: { kind: "bool", get: (p) => productTracksInventory(p) },
      is_price_reduced: { kind: "bool", get: (p) => p.variants.some((v) => v.compareAtPrice !== null && Number(v.compareAtPrice) > Number(v.price)) },
      has_only_default_variant: { kind: "bool", get: (p) => p.variants.length === 1 && p.variants[0]!.title === "Default Title" },
      out_of_stock_somewhere: { kind: "bool", get: (p) => p.variants.some((v) => v.inventoryQuantity <= 0) },
      collection_id: { kind: "custom", test: (p, t) => catalog.collections.get(`gid://shopify/Collection/${t.value}`)?.productGids.includes(p.gid) ?? false },
      published_status: {
        kind: "custom",
        test: (p, t) => {
          const online = p.status === "ACTIVE" && p.publishedAt !== null;
          const v = t.value.toLowerCase();
          if (v === "published" || v === "visible" || v.endsWith("-published") || v.endsWith("-visible")) return online;
          if (v === "unpublished" || v === "unavailable" || v.endsWith("-hidden")) return !online;
          return true; // online_store_channel, *-intended: every product is on the online store channel
        },
      },
    },
  };
}

export function productSortValue(sortKey: string): (p: ProductRecord) => SortValue {
  switch (sortKey) {
    case "TITLE": return (p) => p.title.toLowerCase();
    case "VENDOR": return (p) => p.vendor.toLowerCase();
    case "PRODUCT_TYPE": return (p) => p.productType.toLowerCase();
    case "CREATED_AT": return (p) => ts(p.createdAt);
    case "UPDATED_AT": return (p) => ts(p.updatedAt);
    case "PUBLISHED_AT": return (p) => ts(p.publishedAt);
    case "INVENTORY_TOTAL": return (p) => p.variants.reduce((s, v) => s + v.inventoryQuantity, 0);
    default: return (p) => p.legacyId; // ID (and RELEVANCE without free text)
  }
}

function searchProducts(args: ListArgs, ctx: AdminContext, info: GraphQLResolveInfo) {
  if (args.savedSearchId) throw notImplemented(info, "savedSearchId");
  const catalog = catalogOf(ctx.state, ctx.shop.domain);
  const search = compileSearch(args.query, productSearchSpec(catalog), info);
  addSearchWarnings(ctx, search.warnings);
  const sortKey = args.sortKey ?? "ID";
  if (sortKey === "RELEVANCE" && search.freeTextTerms.length) {
    // Relevance: free-text hits, title hits counting double; ties by id.
    const score = (p: ProductRecord) => -search.freeTextTerms.reduce((s, t) => s + (wordMatch(p.title, t.value, t.prefix) ? 2 : 0) + 1, 0);
    const hits = [...catalog.products.values()].filter((p) => searchable(p) && search.test(p));
    return { items: sortBy(hits, score, (p) => p.legacyId), value: score as (p: ProductRecord) => SortValue };
  }
  const value = productSortValue(sortKey);
  const sorted = cachedSort(catalog, `products:${sortKey}`, () => sortBy(catalog.products.values(), value, (p) => p.legacyId));
  return { items: args.query?.trim() ? sorted.filter((p) => searchable(p) && search.test(p)) : sorted, value };
}

export function products(args: ListArgs, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "read_products");
  checkPageArgs(args);
  const { items, value } = searchProducts(args, ctx, info);
  return keysetConnection({ items, value, id: (p) => p.legacyId }, args, (p) => productNode(p, ctx));
}

export function productsCount(args: { query?: string | null; limit?: number | null; savedSearchId?: string | null }, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "read_products");
  return count(searchProducts(args, ctx, info).items.length, args.limit);
}

export function product({ id }: { id: string }, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "read_products");
  const p = catalogOf(ctx.state, ctx.shop.domain).products.get(id);
  return p ? productNode(p, ctx) : null;
}

export function productByIdentifier({ identifier }: { identifier: { id?: string | null; handle?: string | null; customId?: unknown } }, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "read_products");
  if (identifier.customId) throw notImplemented(info, "productByIdentifier(identifier: { customId })");
  const catalog = catalogOf(ctx.state, ctx.shop.domain);
  const p = identifier.id ? catalog.products.get(identifier.id) : identifier.handle != null ? findByHandle(catalog, identifier.handle) : undefined;
  return p ? productNode(p, ctx) : null;
}

export function productByHandle({ handle }: { handle: string }, ctx: AdminContext, info: GraphQLResolveInfo) {
  return productByIdentifier({ identifier: { handle } }, ctx, info);
}

// ---- variants

interface VariantRow { v: VariantRecord; p: ProductRecord }

function variantSearchSpec(): SearchSpec<VariantRow> {
  return {
    freeText: ({ v, p }) => [v.title, v.sku, p.title, ...(v.barcode ? [v.barcode] : [])],
    filters: {
      sku: { kind: "keyword", get: ({ v }) => (v.sku ? [v.sku] : []) },
      barcode: { kind: "keyword", get: ({ v }) => (v.barcode ? [v.barcode] : []) },
      title: { kind: "text", get: ({ v }) => [v.title] },
      id: { kind: "number", get: ({ v }) => [legacyIdOf(v.gid)] },
      product_id: { kind: "number", get: ({ p }) => [p.legacyId] },
      product_ids: { kind: "keyword", get: ({ p }) => [String(p.legacyId)], list: true },
      product_status: { kind: "keyword", get: ({ p }) => [p.status], list: true },
      product_type: { kind: "keyword", get: ({ p }) => [p.productType], list: true },
      vendor: { kind: "keyword", get: ({ p }) => [p.vendor], list: true },
      tag: { kind: "keyword", get: ({ p }) => p.tags },
      tag_not: { kind: "custom", test: ({ p }, t) => !p.tags.some((tag) => tag.toLowerCase() === t.value.toLowerCase()) },
      inventory_quantity: { kind: "number", get: ({ v }) => [v.inventoryQuantity] },
      option1: { kind: "keyword", get: ({ v }) => [v.options[0]?.value ?? ""] },
      option2: { kind: "keyword", get: ({ v }) => [v.options[1]?.value ?? ""] },
      option3: { kind: "keyword", get: ({ v }) => [v.options[2]?.value ?? ""] },
      taxable: { kind: "bool", get: ({ v }) => v.taxable },
      gift_card: { kind: "bool", get: () => false },
      updated_at: { kind: "time", get: ({ p }) => [p.updatedAt] },
    },
  };
}

function variantRows(catalog: CatalogState): VariantRow[] {
  return cachedSort(catalog, "variants:ID", () => {
    const rows: VariantRow[] = [];
    for (const p of catalog.products.values()) for (const v of p.variants) rows.push({ v, p });
    return rows.sort((a, b) => legacyIdOf(a.v.gid) - legacyIdOf(b.v.gid));
  });
}

function variantSortValue(sortKey: string): (r: VariantRow) => SortValue {
  // Same values as Product.variants (product-node.ts); the root's default and RELEVANCE are by id.
  if (sortKey === "RELEVANCE" || sortKey === "ID") return ({ v }) => legacyIdOf(v.gid);
  return ({ v, p }) => productVariantSortValue(sortKey, p)(v);
}

function searchVariants(args: ListArgs, ctx: AdminContext, info: GraphQLResolveInfo) {
  if (args.savedSearchId) throw notImplemented(info, "savedSearchId");
  const catalog = catalogOf(ctx.state, ctx.shop.domain);
  const search = compileSearch(args.query, variantSearchSpec(), info);
  addSearchWarnings(ctx, search.warnings);
  const rows = args.query?.trim() ? variantRows(catalog).filter((r) => searchable(r.p) && search.test(r)) : variantRows(catalog);
  const value = variantSortValue(args.sortKey ?? "ID");
  const id = (r: VariantRow) => legacyIdOf(r.v.gid);
  return { items: args.sortKey && args.sortKey !== "ID" ? sortBy(rows, value, id) : rows, value, id };
}

export function productVariants(args: ListArgs, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "read_products");
  checkPageArgs(args);
  return keysetConnection(searchVariants(args, ctx, info), args, (r) => variantNode(r.v, r.p, ctx));
}

export function productVariantsCount(args: { query?: string | null; limit?: number | null }, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "read_products");
  return count(searchVariants(args, ctx, info).items.length, args.limit);
}

export function findVariant(catalog: CatalogState, gid: string): VariantRow | undefined {
  return variantRows(catalog).find((r) => r.v.gid === gid);
}

export function productVariant({ id }: { id: string }, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "read_products");
  const row = findVariant(catalogOf(ctx.state, ctx.shop.domain), id);
  return row ? variantNode(row.v, row.p, ctx) : null;
}

export function productVariantByIdentifier({ identifier }: { identifier: { id?: string | null; customId?: unknown } }, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "read_products");
  if (identifier.customId) throw notImplemented(info, "productVariantByIdentifier(identifier: { customId })");
  return identifier.id ? productVariant({ id: identifier.id }, ctx, info) : null;
}

// QueryRoot.inventoryItem / inventoryLevel. Every variant has an inventory item (inventory-item-node.ts);
// inventory levels are not modelled, so the twin never handed out an InventoryLevel id and that
// lookup is always a miss: null, as for unknown ids (product-related-by-id-not-found.json).
// Access (read_inventory) is checked by admin-graphql/access.ts.
export function inventoryItem({ id }: { id: string }, ctx: AdminContext) {
  const found = findInventoryItem(ctx, id);
  return found ? inventoryItemNode(found.v, found.p, ctx) : null;
}

export function inventoryLevel(_args: { id: string }) {
  return null;
}
