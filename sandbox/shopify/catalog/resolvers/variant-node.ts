import type { AdminContext } from "../../admin-graphql/context";
import type { ConnectionArgs } from "../../admin-graphql/connection";
import { keysetConnection } from "../keyset";
import { legacyIdOf } from "../store";
import type { ProductRecord, VariantRecord } from "../types";
import { mediaNode, productImage } from "./media-node";
import { metafieldFields } from "./shared";
import { productNode } from "./product-node";
import { inventoryItemNode } from "./inventory-item-node";
import { unitPrice, unitPriceMeasurementNode } from "../unit-price";

// ProductVariant. `price`/`compareAtPrice` are the Money scalar ("24.00"), not MoneyV2.
export function variantNode(v: VariantRecord, p: ProductRecord, ctx: AdminContext) {
  const media = v.imageGid ? p.media.filter((m) => m.gid === v.imageGid) : [];
  const sellable = p.status === "ACTIVE" && p.publishedAt !== null;
  return {
    __typename: "ProductVariant",
    id: v.gid,
    legacyResourceId: String(legacyIdOf(v.gid)),
    title: v.title,
    displayName: `${p.title} - ${v.title}`,
    sku: v.sku || null,
    barcode: v.barcode,
    price: v.price,
    compareAtPrice: v.compareAtPrice,
    position: v.position,
    taxable: v.taxable,
    inventoryPolicy: v.inventoryPolicy,
    inventoryQuantity: v.inventoryQuantity,
    sellableOnlineQuantity: Math.max(0, v.inventoryQuantity),
    availableForSale: sellable && (v.inventoryQuantity > 0 || v.inventoryPolicy === "CONTINUE"),
    requiresComponents: v.requiresComponents ?? false,
    showUnitPrice: v.showUnitPrice ?? false,
    // Unset: taxCode "" and an all-zero measurement (product-variants-bulk-update-parity.json preflight read).
    taxCode: v.taxCode ?? "",
    unitPriceMeasurement: unitPriceMeasurementNode(v.unitPriceMeasurement),
    unitPrice: unitPrice(v, ctx.shop.currencyCode),
    inventoryItem: () => inventoryItemNode(v, p, ctx),
    selectedOptions: v.options.map((o) => ({ __typename: "SelectedOption", name: o.name, value: o.value })),
    createdAt: v.createdAt ?? p.createdAt,
    updatedAt: v.updatedAt ?? p.updatedAt,
    image: media[0] ? productImage(media[0]) : null,
    media: (args: ConnectionArgs) => keysetConnection({ items: media, value: (m) => legacyIdOf(m.gid), id: (m) => legacyIdOf(m.gid) }, args, (m) => mediaNode(m, p)),
    product: () => productNode(p, ctx),
    ...metafieldFields(v.gid),
  };
}
