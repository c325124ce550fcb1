import type { ShopRecord } from "../state";
import { legacyIdOf } from "./store";
import type { CatalogState, OrderRecord, ProductRecord } from "./types";

// Webhook bodies use Shopify's REST resource shapes (snake_case, numeric ids, admin_graphql_api_id),
// not GraphQL. Only the fields Shopify documents for products/* and orders/* that the twin knows.

const restTime = (iso: string | null) => iso;

export function productPayload(shop: ShopRecord, p: ProductRecord): Record<string, unknown> {
  const images = p.media.map((m) => ({
    id: m.productImageId,
    admin_graphql_api_id: `gid://shopify/ProductImage/${m.productImageId}`,
    product_id: p.legacyId,
    position: m.position,
    alt: m.alt || null,
    width: m.width,
    height: m.height,
    src: m.url,
    variant_ids: p.variants.filter((v) => v.imageGid === m.gid).map((v) => legacyIdOf(v.gid)),
    created_at: restTime(p.createdAt),
    updated_at: restTime(p.updatedAt),
  }));
  return {
    id: p.legacyId,
    admin_graphql_api_id: p.gid,
    title: p.title,
    body_html: p.descriptionHtml,
    vendor: p.vendor,
    product_type: p.productType,
    handle: p.handle,
    created_at: restTime(p.createdAt),
    updated_at: restTime(p.updatedAt),
    published_at: restTime(p.publishedAt),
    template_suffix: p.templateSuffix,
    published_scope: "global",
    tags: p.tags.join(", "),
    status: p.status.toLowerCase(),
    variants: p.variants.map((v) => ({
      id: legacyIdOf(v.gid),
      admin_graphql_api_id: v.gid,
      product_id: p.legacyId,
      title: v.title,
      price: v.price,
      compare_at_price: v.compareAtPrice,
      sku: v.sku,
      position: v.position,
      inventory_policy: v.inventoryPolicy.toLowerCase(),
      inventory_quantity: v.inventoryQuantity,
      barcode: v.barcode,
      taxable: v.taxable,
      option1: v.options[0]?.value ?? null,
      option2: v.options[1]?.value ?? null,
      option3: v.options[2]?.value ?? null,
      image_id: v.imageGid ? (p.media.find((m) => m.gid === v.imageGid)?.productImageId ?? null) : null,
      inventory_item_id: v.inventoryItem ? legacyIdOf(v.inventoryItem.gid) : null,
      created_at: restTime(v.createdAt ?? p.createdAt),
      updated_at: restTime(v.updatedAt ?? p.updatedAt),
    })),
    // REST option values list only the values some variant uses (like ProductOption.values).
    options: p.options.map((o, i) => ({ product_id: p.legacyId, name: o.name, position: i + 1, values: o.values.filter((value) => p.variants.some((v) => v.options[i]?.value === value)) })),
    images,
    image: images[0] ?? null,
    media: p.media.map((m) => ({ id: legacyIdOf(m.gid), admin_graphql_api_id: m.gid, alt: m.alt || null, position: m.position, media_content_type: "IMAGE" })),
    variant_gids: p.variants.map((v) => ({ admin_graphql_api_id: v.gid, updated_at: p.updatedAt })),
    has_variants_that_requires_components: false,
    category: null,
  };
}

const set = (shopAmount: string, shopCurrency: string, presentmentAmount: string, presentmentCurrency: string) => ({
  shop_money: { amount: shopAmount, currency_code: shopCurrency },
  presentment_money: { amount: presentmentAmount, currency_code: presentmentCurrency },
});

export function orderPayload(shop: ShopRecord, catalog: CatalogState, o: OrderRecord): Record<string, unknown> {
  const customer = o.customerGid ? catalog.customers.get(o.customerGid) : undefined;
  const P = o.presentment;
  const c = o.currencyCode;
  const pc = o.presentmentCurrencyCode;
  return {
    id: o.legacyId,
    admin_graphql_api_id: o.gid,
    name: o.name,
    order_number: o.number,
    number: o.number - 1000,
    email: o.email,
    contact_email: o.email,
    created_at: o.createdAt,
    updated_at: o.updatedAt,
    processed_at: o.processedAt,
    currency: c,
    presentment_currency: pc,
    customer_locale: o.locale,
    financial_status: o.financialStatus.toLowerCase(),
    cancelled_at: o.cancelledAt ?? null,
    cancel_reason: o.cancelReason?.toLowerCase() ?? null,
    fulfillment_status: o.fulfillmentStatus === "FULFILLED" ? "fulfilled" : null,
    landing_site: o.landingSite,
    referring_site: o.referringSite,
    source_name: o.sourceName,
    taxes_included: o.taxesIncluded,
    test: o.test,
    tags: o.tags.join(", "),
    subtotal_price: o.subtotal,
    total_tax: o.totalTax,
    total_price: o.total,
    total_shipping_price_set: set(o.totalShipping, c, P.totalShipping, pc),
    subtotal_price_set: set(o.subtotal, c, P.subtotal, pc),
    total_tax_set: set(o.totalTax, c, P.totalTax, pc),
    total_price_set: set(o.total, c, P.total, pc),
    current_total_price: (Number(o.total) - Number(o.totalRefunded)).toFixed(2),
    line_items: o.lines.map((l) => ({
      id: legacyIdOf(l.gid),
      admin_graphql_api_id: l.gid,
      product_id: l.productGid ? legacyIdOf(l.productGid) : null,
      variant_id: l.variantGid ? legacyIdOf(l.variantGid) : null,
      title: l.title,
      name: l.variantTitle ? `${l.title} - ${l.variantTitle}` : l.title,
      variant_title: l.variantTitle,
      sku: l.sku,
      vendor: l.vendor,
      quantity: l.quantity,
      price: l.unitPrice,
      price_set: set(l.unitPrice, c, l.unitPricePresentment, pc),
    })),
    customer: customer
      ? {
          id: customer.legacyId,
          admin_graphql_api_id: customer.gid,
          email: customer.email,
          first_name: customer.firstName,
          last_name: customer.lastName,
          locale: customer.locale,
          created_at: customer.createdAt,
          updated_at: customer.updatedAt,
        }
      : null,
    shipping_address: o.shippingAddress
      ? {
          first_name: o.shippingAddress.firstName,
          last_name: o.shippingAddress.lastName,
          address1: o.shippingAddress.address1,
          city: o.shippingAddress.city,
          province: o.shippingAddress.province,
          zip: o.shippingAddress.zip,
          country: o.shippingAddress.country,
          country_code: o.shippingAddress.countryCode,
        }
      : null,
    refunds: o.refunds.map((r) => ({ id: legacyIdOf(r.gid), admin_graphql_api_id: r.gid, created_at: r.createdAt, note: r.note })),
  };
}
