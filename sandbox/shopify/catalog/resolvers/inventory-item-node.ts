import type { AdminContext } from "../../admin-graphql/context";
import type { ConnectionArgs } from "../../admin-graphql/connection";
import { keysetConnection } from "../keyset";
import { moneyV2 } from "../money";
import { catalogOf, legacyIdOf } from "../store";
import type { ProductRecord, VariantRecord } from "../types";
import { inventoryItemOf } from "../variants";
import { variantNode } from "./variant-node";
import { count } from "./shared";

// InventoryItem (ProductVariant.inventoryItem, QueryRoot.inventoryItem, node). Inventory levels and
// locations are outside the twin (they fail loudly); the item's own attributes are modelled, with
// the values productVariantsBulkCreate/Update captures show (product-variants-bulk-*-parity.json).

export function inventoryItemNode(v: VariantRecord, p: ProductRecord, ctx: AdminContext) {
  const item = inventoryItemOf(catalogOf(ctx.state, ctx.shop.domain), v, p);
  const legacyId = legacyIdOf(item.gid);
  return {
    __typename: "InventoryItem",
    id: item.gid,
    legacyResourceId: String(legacyId),
    sku: v.sku || null,
    tracked: item.tracked,
    trackedEditable: { __typename: "EditableProperty", locked: false, reason: null },
    requiresShipping: item.requiresShipping,
    countryCodeOfOrigin: item.countryCodeOfOrigin,
    provinceCodeOfOrigin: item.provinceCodeOfOrigin,
    harmonizedSystemCode: item.harmonizedSystemCode,
    measurement: {
      __typename: "InventoryItemMeasurement",
      id: `gid://shopify/InventoryItemMeasurement/${legacyId}`,
      weight: { __typename: "Weight", value: item.weight.value, unit: item.weight.unit },
    },
    unitCost: item.cost == null ? null : moneyV2(item.cost, ctx.shop.currencyCode),
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    duplicateSkuCount: () => {
      if (!v.sku) return 0;
      let n = 0;
      for (const other of catalogOf(ctx.state, ctx.shop.domain).products.values()) for (const w of other.variants) if (w !== v && w.sku === v.sku) n++;
      return n;
    },
    // Levels are not modelled: an item stocked nowhere (API-made without quantities) has none, a
    // stocked one fails loudly rather than invent locations.
    ...(item.stocked ? {} : {
      inventoryLevels: (args: ConnectionArgs) => keysetConnection({ items: [] as never[], value: () => 0, id: () => 0 }, args, (x) => x),
      locationsCount: count(0),
    }),
    variant: () => variantNode(v, p, ctx),
    variants: (args: ConnectionArgs) => keysetConnection({ items: [v], value: (w) => legacyIdOf(w.gid), id: (w) => legacyIdOf(w.gid) }, args, (w) => variantNode(w, p, ctx)),
  };
}

/** The variant (and product) owning an inventory item gid. */
export function findInventoryItem(ctx: AdminContext, gid: string): { v: VariantRecord; p: ProductRecord } | undefined {
  for (const p of catalogOf(ctx.state, ctx.shop.domain).products.values()) for (const v of p.variants) if (v.inventoryItem?.gid === gid) return { v, p };
  return undefined;
}
