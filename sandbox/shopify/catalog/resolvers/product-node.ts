import type { AdminContext } from "../../admin-graphql/context";
import type { ConnectionArgs } from "../../admin-graphql/connection";
import { moneyV2 } from "../money";
import { keysetConnection, sortBy } from "../keyset";
import { catalogOf, legacyIdOf } from "../store";
import type { ProductRecord, VariantRecord } from "../types";
import { collectionNode, collectionSortValue } from "./collection-node";
import { isReadyImage, mediaNode, mediaStatus, productImage } from "./media-node";
import { count, metafieldFields, plainText, truncate } from "./shared";
import { variantNode } from "./variant-node";
import { optionIds, productTracksInventory, variantTracked } from "../variants";
import { onlineStorePreviewUrl } from "../online-store-preview";

// Product as the 2026-07 schema defines it, computed from a ProductRecord. Fields not listed here
// fail loudly (implementedFieldsOnly); `translations` belongs to the localization domain.

export function productNode(p: ProductRecord, ctx: AdminContext) {
  const currency = ctx.shop.currencyCode;
  const prices = p.variants.map((v) => Number(v.price));
  const min = prices.length ? Math.min(...prices) : 0;
  const max = prices.length ? Math.max(...prices) : 0;
  const onlineStore = `https://${ctx.shop.primaryDomain.host}/products/${p.handle}`;
  const isDefault = p.variants.length === 1 && p.options.length === 1 && p.options[0]!.name === "Title" && p.variants[0]!.title === "Default Title";
  return {
    __typename: "Product",
    id: p.gid,
    legacyResourceId: String(p.legacyId),
    title: p.title,
    handle: p.handle,
    descriptionHtml: p.descriptionHtml,
    bodyHtml: p.descriptionHtml,
    description: ({ truncateAt }: { truncateAt?: number | null }) => truncate(plainText(p.descriptionHtml), truncateAt),
    vendor: p.vendor,
    productType: p.productType,
    tags: p.tags,
    status: p.status,
    seo: { __typename: "SEO", title: p.seo.title, description: p.seo.description },
    templateSuffix: p.templateSuffix,
    // The twin keeps no taxonomy: productCreate/Update refuse `category` loudly, and the seed's CSVs
    // set none, so every product is uncategorized (null, as for products created without one).
    category: null,
    isGiftCard: false,
    requiresSellingPlan: false,
    hasOnlyDefaultVariant: isDefault,
    hasOutOfStockVariants: p.variants.some((v) => v.inventoryQuantity <= 0),
    tracksInventory: productTracksInventory(p),
    totalInventory: p.variants.reduce((s, v) => s + v.inventoryQuantity, 0),
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    publishedAt: p.publishedAt,
    onlineStoreUrl: p.status === "ACTIVE" && p.publishedAt ? onlineStore : null,
    onlineStorePreviewUrl: () => onlineStorePreviewUrl(p, ctx.shop, onlineStore),
    priceRangeV2: { __typename: "ProductPriceRangeV2", minVariantPrice: moneyV2(min, currency), maxVariantPrice: moneyV2(max, currency) },
    priceRange: { __typename: "ProductPriceRange", minVariantPrice: moneyV2(min, currency), maxVariantPrice: moneyV2(max, currency) },
    options: ({ first }: { first?: number | null }) =>
      p.options.slice(0, first ?? undefined).map((o, i) => {
        const ids = optionIds(p, i);
        const used = (value: string) => p.variants.some((v) => v.options[i]?.value === value);
        return {
          __typename: "ProductOption",
          id: ids.id,
          name: o.name,
          position: i + 1,
          // `values` lists only values some variant uses; optionValues lists them all (product-relationship-roots.json).
          values: o.values.filter(used),
          optionValues: o.values.map((value, j) => ({
            __typename: "ProductOptionValue",
            id: ids.valueIds[j],
            name: value,
            hasVariants: used(value),
            swatch: null,
            linkedMetafieldValue: o.linked?.values[j] ?? null,
          })),
          linkedMetafield: o.linked ? { __typename: "LinkedMetafield", namespace: o.linked.namespace, key: o.linked.key } : null,
        };
      }),
    media: (args: ConnectionArgs & { sortKey?: string | null; query?: string | null }) =>
      keysetConnection(
        { items: args.sortKey === "ID" ? sortBy(p.media, (m) => legacyIdOf(m.gid), (m) => legacyIdOf(m.gid)) : p.media, value: (m) => (args.sortKey === "ID" ? legacyIdOf(m.gid) : m.position), id: (m) => legacyIdOf(m.gid) },
        args,
        (m) => mediaNode(m, p),
      ),
    mediaCount: count(p.media.length),
    // Media that is still processing is neither featured nor a ProductImage (product-create-media-parity.json).
    featuredMedia: () => {
      const first = p.media.find((m) => mediaStatus(m) === "READY");
      return first ? mediaNode(first, p) : null;
    },
    images: (args: ConnectionArgs) => keysetConnection({ items: p.media.filter(isReadyImage), value: (m) => m.position, id: (m) => legacyIdOf(m.gid) }, args, productImage),
    featuredImage: () => {
      const first = p.media.find(isReadyImage);
      return first ? productImage(first) : null;
    },
    variants: (args: ConnectionArgs & { sortKey?: string | null }) => keysetConnection(variantSort(p, args.sortKey ?? "POSITION"), args, (v) => variantNode(v, p, ctx)),
    variantsCount: count(p.variants.length),
    collections: (args: ConnectionArgs & { sortKey?: string | null }) => {
      const memberships = [...catalogOf(ctx.state, ctx.shop.domain).collections.values()].filter((c) => c.productGids.includes(p.gid));
      const value = collectionSortValue(args.sortKey ?? "ID");
      return keysetConnection({ items: sortBy(memberships, value, (c) => c.legacyId), value, id: (c) => c.legacyId }, args, (c) => collectionNode(c, ctx));
    },
    inCollection: ({ id }: { id: string }) => catalogOf(ctx.state, ctx.shop.domain).collections.get(id)?.productGids.includes(p.gid) ?? false,
    ...metafieldFields(p.gid),
  };
}

function variantSort(p: ProductRecord, sortKey: string) {
  const id = (v: VariantRecord) => legacyIdOf(v.gid);
  const value = variantSortValue(sortKey, p);
  // INVENTORY_LEVELS_AVAILABLE ranks inventory levels: variants stocked nowhere are not listed
  // (product-nested-connections.json variantSorts, new variants without quantities).
  const items = sortKey === "INVENTORY_LEVELS_AVAILABLE" ? p.variants.filter((v) => v.inventoryItem?.stocked ?? true) : p.variants;
  return { items: sortBy(items, value, id), value, id };
}

/**
 * Variant sort values (ties by id), from product-nested-connections.json variantSorts: NAME is
 * "<product title> - <variant title>" (its cursor's last_value), FULL_TITLE keeps creation order
 * within a product (product title only), INVENTORY_MANAGEMENT puts untracked before tracked,
 * INVENTORY_POLICY is alphabetical (CONTINUE before DENY), POPULAR and RELEVANCE follow position.
 */
export function variantSortValue(sortKey: string, p: ProductRecord): (v: VariantRecord) => number | string {
  switch (sortKey) {
    case "SKU": return (v) => v.sku.toLowerCase();
    case "TITLE": return (v) => v.title.toLowerCase();
    case "NAME": return (v) => `${p.title} - ${v.title}`.toLowerCase();
    case "FULL_TITLE": return () => p.title.toLowerCase();
    case "INVENTORY_QUANTITY": case "INVENTORY_LEVELS_AVAILABLE": return (v) => v.inventoryQuantity;
    case "INVENTORY_MANAGEMENT": return (v) => (variantTracked(v, p) ? 1 : 0);
    case "INVENTORY_POLICY": return (v) => v.inventoryPolicy;
    case "ID": return (v) => legacyIdOf(v.gid);
    default: return (v) => v.position; // POSITION, POPULAR, RELEVANCE
  }
}

