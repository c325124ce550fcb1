import type { OrderRecord, ProductRecord, VariantRecord } from "../shopify/catalog/types";
import { catalogOf } from "../shopify/catalog/store";
import { legacyId, localePath, presentmentAmount, type StorefrontContext } from "../storefront/context";
import { localized } from "../storefront/locale";
import { isOnline, type CollectionLike } from "../storefront/objects";

// The `data` of standard pixel events, shaped exactly like @shopify/web-pixels-extension 2.18's
// types (build/ts/types/PixelEvents): ids are the numeric ids as strings, money is
// MoneyV2 { amount: number, currencyCode } in the visitor's presentment currency.

export interface MoneyV2 { amount: number; currencyCode: string }

const money = (ctx: StorefrontContext, decimal: string | number): MoneyV2 => ({ amount: presentmentAmount(ctx, decimal), currencyCode: ctx.currency });
const moneyOf = (ctx: StorefrontContext, amount: number): MoneyV2 => ({ amount: Math.round(amount * 100) / 100, currencyCode: ctx.currency });

export function productVariantPayload(ctx: StorefrontContext, product: ProductRecord, variant: VariantRecord) {
  const media = (variant.imageGid ? product.media.find((m) => m.gid === variant.imageGid) : undefined) ?? [...product.media].sort((a, b) => a.position - b.position)[0];
  const file = media ? new URL(media.url, "http://x").pathname.split("/").pop() : undefined;
  return {
    id: String(legacyId(variant.gid)),
    image: file ? { src: `${ctx.origin}/cdn/shop/files/${file}?v=1` } : null,
    price: money(ctx, variant.price),
    product: {
      id: String(product.legacyId),
      title: localized(ctx.state, ctx.shop, ctx.loc, product.gid, "title", product.title),
      type: product.productType || null,
      untranslatedTitle: product.title,
      url: localePath(ctx, `/products/${product.handle}`),
      vendor: product.vendor,
    },
    sku: variant.sku || null,
    title: localized(ctx.state, ctx.shop, ctx.loc, variant.gid, "title", variant.title),
    untranslatedTitle: variant.title,
  };
}

export function findVariant(ctx: StorefrontContext, variantGid: string): { product: ProductRecord; variant: VariantRecord } | undefined {
  for (const product of catalogOf(ctx.state, ctx.shop.domain).products.values()) {
    const variant = product.variants.find((v) => v.gid === variantGid);
    if (variant) return { product, variant };
  }
  return undefined;
}

export interface CartLineInput { variantGid: string; quantity: number }

export function cartLinePayload(ctx: StorefrontContext, line: CartLineInput) {
  const found = findVariant(ctx, line.variantGid);
  if (!found) return null;
  const unit = presentmentAmount(ctx, found.variant.price);
  return { cost: { totalAmount: moneyOf(ctx, unit * line.quantity) }, merchandise: productVariantPayload(ctx, found.product, found.variant), quantity: line.quantity };
}

export function cartPayload(ctx: StorefrontContext, cart: { token: string; lines: CartLineInput[]; attributes: Record<string, string> } | undefined) {
  if (!cart || !cart.lines.length) return null;
  const lines = cart.lines.map((l) => cartLinePayload(ctx, l)).filter((l): l is NonNullable<typeof l> => !!l);
  return {
    attributes: Object.entries(cart.attributes).map(([key, value]) => ({ key, value })),
    cost: { totalAmount: moneyOf(ctx, lines.reduce((s, l) => s + l.cost.totalAmount.amount, 0)) },
    id: `gid://shopify/Cart/${cart.token}`,
    lines,
    totalQuantity: lines.reduce((s, l) => s + l.quantity, 0),
  };
}

export function collectionPayload(ctx: StorefrontContext, collection: CollectionLike) {
  const catalog = catalogOf(ctx.state, ctx.shop.domain);
  const products = collection.productGids.map((g) => catalog.products.get(g)).filter((p): p is ProductRecord => !!p && isOnline(p));
  return {
    id: String(collection.legacyId),
    productVariants: products.flatMap((p) => (p.variants[0] ? [productVariantPayload(ctx, p, p.variants[0])] : [])),
    title: localized(ctx.state, ctx.shop, ctx.loc, collection.gid, "title", collection.title),
  };
}

export interface CheckoutState {
  token: string;
  lines: CartLineInput[];
  email: string | null;
  countryCode: string | null;
  order: OrderRecord | null;
  customerIsFirstOrder: boolean | null;
}

const address = (countryCode: string | null) =>
  countryCode ? { address1: null, address2: null, city: null, country: null, countryCode, firstName: null, lastName: null, phone: null, province: null, provinceCode: null, zip: null } : null;

export function checkoutPayload(ctx: StorefrontContext, checkout: CheckoutState) {
  const order = checkout.order;
  const lines = checkout.lines.map((line, i) => {
    const found = findVariant(ctx, line.variantGid);
    const variant = found ? productVariantPayload(ctx, found.product, found.variant) : null;
    return {
      discountAllocations: [],
      finalLinePrice: moneyOf(ctx, (variant?.price.amount ?? 0) * line.quantity),
      id: order ? String(legacyId(order.lines[i]?.gid ?? "0")) : `${checkout.token}-${i}`,
      properties: [],
      quantity: line.quantity,
      sellingPlanAllocation: null,
      title: variant?.product.title ?? null,
      variant,
    };
  });
  const subtotal = lines.reduce((s, l) => s + l.finalLinePrice.amount, 0);
  // Before payment only the subtotal is known; the order carries Shopify's tax and shipping.
  const fromOrder = (value: string | undefined) => (value === undefined ? null : { amount: Number(value), currencyCode: order!.presentmentCurrencyCode });
  const total = order ? fromOrder(order.presentment.total) : moneyOf(ctx, subtotal);
  return {
    attributes: [],
    billingAddress: address(checkout.countryCode),
    buyerAcceptsEmailMarketing: false,
    buyerAcceptsSmsMarketing: false,
    currencyCode: ctx.currency,
    delivery: order ? { selectedDeliveryOptions: [{ cost: fromOrder(order.presentment.totalShipping), costAfterDiscounts: fromOrder(order.presentment.totalShipping), description: null, handle: "standard", title: "Standard", type: "shipping" }] } : null,
    discountApplications: [],
    discountsAmount: moneyOf(ctx, 0),
    email: checkout.email,
    lineItems: lines,
    localization: {
      country: { isoCode: checkout.countryCode ?? ctx.loc.market.countryCodes[0] ?? null },
      language: { isoCode: ctx.loc.locale.toUpperCase() },
      market: { handle: ctx.loc.market.handle, id: `gid://shopify/Market/${ctx.loc.market.id}` },
    },
    order: order ? { customer: order.customerGid ? { id: String(legacyId(order.customerGid)), isFirstOrder: checkout.customerIsFirstOrder } : null, id: String(order.legacyId) } : null,
    phone: null,
    shippingAddress: address(checkout.countryCode),
    shippingLine: order ? { price: fromOrder(order.presentment.totalShipping)! } : null,
    smsMarketingPhone: null,
    subtotalPrice: order ? fromOrder(order.presentment.subtotal) : moneyOf(ctx, subtotal),
    token: checkout.token,
    totalPrice: total,
    totalTax: order ? fromOrder(order.presentment.totalTax)! : moneyOf(ctx, 0),
    transactions: order ? [{ amount: total!, gateway: "bogus", paymentMethod: { name: "Bogus Gateway", type: "direct" } }] : [],
  };
}
