import { registerNode, type ShopifyState } from "../state";
import type { ProductSeed } from "../seed/product-seed";
import { cdnFileName } from "../seed/csv-products";
import { catalogOf, indexProductHandle, productByHandle, nextCatalogId, touchCatalog } from "./store";
import type { CatalogState, CollectionRecord, MediaRecord, ProductRecord, VariantRecord } from "./types";
import { newInventoryItem } from "./variants";

// The only place catalog records are created: ids from the catalog's seeded allocators, every node
// registered so node(id)/nodes(ids) and other domains' ownerId checks find it.

export interface ProductTimes { createdAt: string; updatedAt: string; publishedAt: string | null }

export function addProduct(state: ShopifyState, shop: string, seed: ProductSeed, times: ProductTimes, origin: string): ProductRecord {
  const catalog = catalogOf(state, shop);
  const legacyId = nextCatalogId(catalog, "Product");
  const gid = `gid://shopify/Product/${legacyId}`;
  const media: MediaRecord[] = seed.images.map((image, i) => ({
    gid: `gid://shopify/MediaImage/${nextCatalogId(catalog, "MediaImage")}`,
    url: `${origin}/cdn/shop/files/${cdnFileName(image.src)}`,
    alt: image.alt,
    width: image.width,
    height: image.height,
    position: i + 1,
    sourceUrl: image.src,
    productImageId: nextCatalogId(catalog, "ProductImage"),
  }));
  const variants: VariantRecord[] = seed.variants.map((v, i) => ({
    gid: `gid://shopify/ProductVariant/${nextCatalogId(catalog, "ProductVariant")}`,
    productGid: gid,
    title: v.optionValues.join(" / "),
    sku: v.sku,
    price: v.price,
    compareAtPrice: v.compareAtPrice,
    options: seed.options.map((o, j) => ({ name: o.name, value: v.optionValues[j] ?? "" })),
    inventoryQuantity: v.inventoryQuantity,
    barcode: v.barcode,
    imageGid: v.imageSrc ? (media[seed.images.findIndex((img) => img.src === v.imageSrc)]?.gid ?? null) : null,
    position: i + 1,
    taxable: v.taxable,
    inventoryPolicy: v.inventoryPolicy,
    grams: v.grams,
    // Seeded stock sits at a location, so the item is tracked and stocked.
    inventoryItem: newInventoryItem(catalog, times.createdAt, { tracked: true, stocked: true, weight: { value: v.grams / 1000, unit: "KILOGRAMS" } }),
  }));
  const product: ProductRecord = {
    gid,
    legacyId,
    handle: uniqueHandle(catalog, seed.handle),
    title: seed.title,
    descriptionHtml: seed.bodyHtml,
    vendor: seed.vendor,
    productType: seed.productType,
    tags: [...seed.tags].sort((a, b) => a.localeCompare(b)),
    status: seed.status,
    seo: { title: seed.seoTitle, description: seed.seoDescription },
    options: seed.options.map((o) => ({ name: o.name, values: [...o.values] })),
    media,
    variants,
    createdAt: times.createdAt,
    updatedAt: times.updatedAt,
    publishedAt: seed.published && seed.status === "ACTIVE" ? times.publishedAt : null,
    templateSuffix: null,
  };
  catalog.products.set(gid, product);
  indexProductHandle(catalog, product.handle, gid);
  registerNode(state, shop, { gid, typename: "Product" });
  for (const v of variants) {
    registerNode(state, shop, { gid: v.gid, typename: "ProductVariant" });
    registerNode(state, shop, { gid: v.inventoryItem!.gid, typename: "InventoryItem" });
  }
  for (const m of media) registerNode(state, shop, { gid: m.gid, typename: "MediaImage" });
  touchCatalog(catalog);
  return product;
}

export function addCollection(
  state: ShopifyState,
  shop: string,
  input: Pick<CollectionRecord, "handle" | "title" | "descriptionHtml" | "ruleSet" | "sortOrder" | "seo" | "updatedAt" | "publishedAt"> & { productGids?: string[] },
): CollectionRecord {
  const catalog = catalogOf(state, shop);
  const legacyId = nextCatalogId(catalog, "Collection");
  const collection: CollectionRecord = { ...input, gid: `gid://shopify/Collection/${legacyId}`, legacyId, productGids: input.productGids ?? [] };
  if (collection.ruleSet) collection.productGids = smartMembers(catalog, collection);
  catalog.collections.set(collection.gid, collection);
  registerNode(state, shop, { gid: collection.gid, typename: "Collection" });
  touchCatalog(catalog);
  return collection;
}

/** Smart collections follow their rules; call after a product's rule-relevant fields change. */
export function refreshSmartCollections(catalog: CatalogState): void {
  for (const c of catalog.collections.values()) if (c.ruleSet) c.productGids = smartMembers(catalog, c);
  touchCatalog(catalog);
}

function smartMembers(catalog: CatalogState, c: CollectionRecord): string[] {
  const { appliedDisjunctively, rules } = c.ruleSet!;
  const out: string[] = [];
  for (const p of catalog.products.values()) {
    const hits = rules.map((r) => ruleMatches(p, r.column, r.relation, r.condition));
    if (appliedDisjunctively ? hits.some(Boolean) : hits.every(Boolean)) out.push(p.gid);
  }
  return out;
}

function ruleMatches(p: ProductRecord, column: string, relation: string, condition: string): boolean {
  const text = (values: string[]) => {
    const c = condition.toLowerCase();
    const vs = values.map((v) => v.toLowerCase());
    if (relation === "EQUALS") return vs.includes(c);
    if (relation === "NOT_EQUALS") return !vs.includes(c);
    if (relation === "CONTAINS") return vs.some((v) => v.includes(c));
    if (relation === "STARTS_WITH") return vs.some((v) => v.startsWith(c));
    return false;
  };
  const num = (values: number[]) => {
    const c = Number(condition);
    if (relation === "LESS_THAN") return values.some((v) => v < c);
    if (relation === "GREATER_THAN") return values.some((v) => v > c);
    if (relation === "EQUALS") return values.some((v) => v === c);
    return false;
  };
  switch (column) {
    case "TAG": return text(p.tags);
    case "TITLE": return text([p.title]);
    case "TYPE": return text([p.productType]);
    case "VENDOR": return text([p.vendor]);
    case "VARIANT_PRICE": return num(p.variants.map((v) => Number(v.price)));
    case "IS_PRICE_REDUCED": return p.variants.some((v) => v.compareAtPrice !== null && Number(v.compareAtPrice) > Number(v.price)) === (condition !== "false");
    default: return false;
  }
}

/** Shopify appends -1, -2… when a handle is taken. */
function uniqueHandle(catalog: CatalogState, handle: string): string {
  if (!productByHandle(catalog, handle)) return handle;
  let n = 1;
  while (productByHandle(catalog, `${handle}-${n}`)) n++;
  return `${handle}-${n}`;
}
