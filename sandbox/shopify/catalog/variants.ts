import type { AdminContext } from "../admin-graphql/context";
import { registerNode } from "../state";
import { moneyString } from "./money";
import { nextCatalogId } from "./store";
import type { CatalogState, InventoryItemRecord, OptionIds, ProductRecord, VariantRecord } from "./types";

// Variant-side records every catalog writer shares: inventory items, option ids, inventory tracking.

/** A new InventoryItem; Shopify's defaults (product-helper-roots-read.json seed): untracked, requires
 * shipping, no origin/HS code, weight 0 kg. */
export function newInventoryItem(catalog: CatalogState, at: string, init: Partial<Omit<InventoryItemRecord, "gid">> = {}): InventoryItemRecord {
  return {
    gid: `gid://shopify/InventoryItem/${nextCatalogId(catalog, "InventoryItem")}`,
    tracked: false,
    requiresShipping: true,
    countryCodeOfOrigin: null,
    provinceCodeOfOrigin: null,
    harmonizedSystemCode: null,
    weight: { value: 0, unit: "KILOGRAMS" },
    cost: null,
    stocked: false,
    createdAt: at,
    updatedAt: at,
    ...init,
  };
}

/** The variant's inventory item (records made before items existed get one on first use). */
export function inventoryItemOf(catalog: CatalogState, v: VariantRecord, p: ProductRecord): InventoryItemRecord {
  v.inventoryItem ??= newInventoryItem(catalog, p.createdAt, { tracked: p.tracksInventory ?? true, stocked: true, weight: { value: v.grams / 1000, unit: "KILOGRAMS" } });
  return v.inventoryItem;
}

export const variantTracked = (v: VariantRecord, p: ProductRecord) => v.inventoryItem?.tracked ?? p.tracksInventory ?? true;

/** Product.tracksInventory: true when any variant's inventory item is tracked (product-variants-bulk-create-parity.json). */
export const productTracksInventory = (p: ProductRecord) => p.variants.some((v) => variantTracked(v, p));

/**
 * ProductOption / ProductOptionValue ids. Until an option is created or moved by a mutation its ids
 * derive from the product id and positions; from then on they are stored so they follow the option.
 */
export function optionIds(p: ProductRecord, index: number): OptionIds {
  const o = p.options[index]!;
  if (o.ids) return o.ids;
  const id = BigInt(p.legacyId) * 10n + BigInt(index + 1);
  return { id: `gid://shopify/ProductOption/${id}`, valueIds: o.values.map((_, j) => `gid://shopify/ProductOptionValue/${id * 1000n + BigInt(j + 1)}`) };
}

/** Stores every option's current ids so later reorders/renames keep them. */
export function freezeOptionIds(p: ProductRecord): void {
  p.options.forEach((o, i) => {
    o.ids = optionIds(p, i);
  });
}

export const newOptionId = (catalog: CatalogState) => `gid://shopify/ProductOption/${nextCatalogId(catalog, "ProductOption")}`;
export const newOptionValueId = (catalog: CatalogState) => `gid://shopify/ProductOptionValue/${nextCatalogId(catalog, "ProductOptionValue")}`;

/** Variant title from its option values, as Shopify builds it ("Red / Small"). */
export const variantTitle = (v: Pick<VariantRecord, "options">) => v.options.map((o) => o.value).join(" / ");

export const nowIso = () => new Date().toISOString().replace(/\.\d{3}Z$/, "Z");

/**
 * A variant as Shopify creates it before its input is applied (price 0, no SKU, DENY, 0 g, a new
 * untracked inventory item), registered as a node with its inventory item.
 */
export function newVariant(ctx: AdminContext, catalog: CatalogState, p: ProductRecord, options: VariantRecord["options"], at: string, imageGid: string | null = null): VariantRecord {
  const v: VariantRecord = {
    gid: `gid://shopify/ProductVariant/${nextCatalogId(catalog, "ProductVariant")}`,
    productGid: p.gid,
    title: variantTitle({ options }),
    sku: "",
    price: moneyString(0, ctx.shop.currencyCode),
    compareAtPrice: null,
    options,
    inventoryQuantity: 0,
    barcode: null,
    imageGid,
    position: 0,
    taxable: true,
    inventoryPolicy: "DENY",
    grams: 0,
    inventoryItem: newInventoryItem(catalog, at),
    createdAt: at,
  };
  registerNode(ctx.state, ctx.shop.domain, { gid: v.gid, typename: "ProductVariant" });
  registerNode(ctx.state, ctx.shop.domain, { gid: v.inventoryItem!.gid, typename: "InventoryItem" });
  return v;
}
