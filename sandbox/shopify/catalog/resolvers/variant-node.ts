import type { AdminContext } from "../../admin-graphql/context";
import type { ConnectionArgs } from "../../admin-graphql/connection";
import { keysetConnection } from "../keyset";
import { legacyIdOf } from "../store";
import type { ProductRecord, VariantRecord } from "../types";
import { mediaNode, productImage } from "./media-node";
import { metafieldFields } from "./shared";
import { productNode } from "./product-node";

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
    requiresComponents: false,
    showUnitPrice: false,
    unitPrice: null,
    selectedOptions: v.options.map((o) => ({ __typename: "SelectedOption", name: o.name, value: o.value })),
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    image: media[0] ? productImage(media[0]) : null,
    media: (args: ConnectionArgs) => keysetConnection({ items: media, value: (m) => legacyIdOf(m.gid), id: (m) => legacyIdOf(m.gid) }, args, (m) => mediaNode(m, p)),
    product: () => productNode(p, ctx),
    ...metafieldFields(v.gid),
  };
}
