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
    isGiftCard: false,
    requiresSellingPlan: false,
    hasOnlyDefaultVariant: isDefault,
    hasOutOfStockVariants: p.variants.some((v) => v.inventoryQuantity <= 0),
    tracksInventory: p.tracksInventory ?? true,
    totalInventory: p.variants.reduce((s, v) => s + v.inventoryQuantity, 0),
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    publishedAt: p.publishedAt,
    onlineStoreUrl: p.status === "ACTIVE" && p.publishedAt ? onlineStore : null,
    onlineStorePreviewUrl: onlineStore,
    priceRangeV2: { __typename: "ProductPriceRangeV2", minVariantPrice: moneyV2(min, currency), maxVariantPrice: moneyV2(max, currency) },
    priceRange: { __typename: "ProductPriceRange", minVariantPrice: moneyV2(min, currency), maxVariantPrice: moneyV2(max, currency) },
    options: ({ first }: { first?: number | null }) =>
      p.options.slice(0, first ?? undefined).map((o, i) => ({
        __typename: "ProductOption",
        id: `gid://shopify/ProductOption/${BigInt(p.legacyId) * 10n + BigInt(i + 1)}`,
        name: o.name,
        position: i + 1,
        values: o.values,
        optionValues: o.values.map((value, j) => ({
          __typename: "ProductOptionValue",
          id: `gid://shopify/ProductOptionValue/${(BigInt(p.legacyId) * 10n + BigInt(i + 1)) * 1000n + BigInt(j + 1)}`,
          name: value,
          hasVariants: p.variants.some((v) => v.options[i]?.value === value),
          swatch: null,
          linkedMetafieldValue: null,
        })),
        linkedMetafield: null,
      })),
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
    variants: (args: ConnectionArgs & { sortKey?: string | null }) => keysetConnection(variantSort(p.variants, args.sortKey ?? "POSITION"), args, (v) => variantNode(v, p, ctx)),
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

function variantSort(variants: VariantRecord[], sortKey: string) {
  const id = (v: VariantRecord) => legacyIdOf(v.gid);
  const value = (v: VariantRecord): number | string => {
    switch (sortKey) {
      case "SKU": return v.sku.toLowerCase();
      case "TITLE": case "NAME": case "FULL_TITLE": return v.title.toLowerCase();
      case "INVENTORY_QUANTITY": return v.inventoryQuantity;
      case "ID": return id(v);
      default: return v.position;
    }
  };
  return { items: sortBy(variants, value, id), value, id };
}

