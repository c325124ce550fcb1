import { emitShopEvent } from "../../events";
import { registerNode, type MarketRecord, type ShopRecord, type ShopifyState } from "../../state";
import { convertFromShop, convertToShop, moneyString, roundMoney } from "../money";
import { catalogOf, nextCatalogId, touchCatalog } from "../store";
import { shippingFor, taxRule } from "../tax";
import type { AddressRecord, CatalogState, CustomerRecord, OrderLineRecord, OrderRecord, ProductRecord, VariantRecord } from "../types";
import { orderPayload, productPayload } from "../webhook-payloads";

// createOrder: what a completed checkout leaves behind in Shopify. Used by the storefront checkout
// (and by the seed for historical orders). Emits orders/create, orders/paid and products/update.

export interface CreateOrderInput {
  lines: { variantId: string; quantity: number }[];
  customerId?: string | null;
  /** Finds the customer by email or creates one (guest checkout still creates a customer in Shopify). */
  email?: string | null;
  customer?: { firstName?: string; lastName?: string; acceptsMarketing?: boolean } | null;
  landingSite?: string | null; // "/de-de/products/x?utm_source=google&utm_medium=cpc"
  referringSite?: string | null;
  locale?: string; // checkout locale, e.g. "de"
  countryCode?: string; // shipping country; picks the market (and presentment currency)
  sourceName?: string; // "web"
  shippingAddress?: AddressRecord | null;
  tags?: string[];
  financialStatus?: "PAID" | "PENDING";
  /** Seed only: historical time; live checkouts happen now. */
  processedAt?: Date;
  /** Seed only: historical orders do not consume today's stock or announce themselves. */
  historical?: boolean;
}

export type CreateOrderResult = { order: OrderRecord; userErrors: [] } | { order: null; userErrors: { field: string[]; message: string }[] };

export function createOrder(state: ShopifyState, shop: string, input: CreateOrderInput): CreateOrderResult {
  const shopRecord = state.shops.get(shop);
  if (!shopRecord) return fail(["shop"], `Unknown shop ${shop}`);
  const catalog = catalogOf(state, shop);
  if (!input.lines.length) return fail(["lineItems"], "Line items can't be blank");

  const resolved: { product: ProductRecord; variant: VariantRecord; quantity: number }[] = [];
  for (const [i, line] of input.lines.entries()) {
    const found = findVariant(catalog, line.variantId);
    if (!found) return fail(["lineItems", String(i), "variantId"], `Variant ${line.variantId} does not exist`);
    if (!Number.isInteger(line.quantity) || line.quantity < 1) return fail(["lineItems", String(i), "quantity"], "Quantity must be greater than or equal to 1");
    if (!input.historical) {
      if (found.product.status !== "ACTIVE" || !found.product.publishedAt) return fail(["lineItems", String(i), "variantId"], `${found.product.title} is not available`);
      if (found.variant.inventoryPolicy === "DENY" && found.variant.inventoryQuantity < line.quantity) {
        return fail(["lineItems", String(i), "quantity"], `${found.product.title} is out of stock`);
      }
    }
    resolved.push({ ...found, quantity: line.quantity });
  }

  const market = marketFor(shopRecord, input.countryCode);
  if (!market) return fail(["countryCode"], `${input.countryCode} is not in an active market`);
  const countryCode = input.countryCode ?? market.countryCodes[0] ?? "IE";
  const shopCurrency = shopRecord.currencyCode;
  const currency = market.currencyCode ?? shopCurrency;

  const customer = input.customerId
    ? catalog.customers.get(input.customerId)
    : input.email
      ? findOrCreateCustomer(state, shop, catalog, input, countryCode, input.processedAt ?? new Date())
      : undefined;
  if (input.customerId && !customer) return fail(["customerId"], "Customer does not exist");

  const lines: OrderLineRecord[] = resolved.map(({ product, variant, quantity }) => ({
    gid: `gid://shopify/LineItem/${nextCatalogId(catalog, "LineItem")}`,
    productGid: product.gid,
    variantGid: variant.gid,
    title: product.title,
    quantity,
    unitPrice: moneyString(Number(variant.price), shopCurrency),
    unitPricePresentment: moneyString(convertFromShop(Number(variant.price), shopCurrency, currency), currency),
    variantTitle: variant.title === "Default Title" ? null : variant.title,
    sku: variant.sku || null,
    vendor: product.vendor || null,
  }));

  // Totals are computed in the presentment currency (what the buyer paid), then converted.
  const subtotalP = roundMoney(lines.reduce((s, l) => s + Number(l.unitPricePresentment) * l.quantity, 0), currency);
  const shippingP = shippingFor(subtotalP, currency);
  const tax = taxRule(countryCode);
  const taxP = roundMoney(tax.included ? (subtotalP + shippingP) - (subtotalP + shippingP) / (1 + tax.rate) : (subtotalP + shippingP) * tax.rate, currency);
  const totalP = roundMoney(subtotalP + shippingP + (tax.included ? 0 : taxP), currency);
  const toShop = (n: number) => (currency === shopCurrency ? n : convertToShop(n, currency, shopCurrency));
  const subtotalS = currency === shopCurrency ? subtotalP : roundMoney(lines.reduce((s, l) => s + Number(l.unitPrice) * l.quantity, 0), shopCurrency);
  const shippingS = toShop(shippingP);
  const taxS = toShop(taxP);
  const totalS = roundMoney(subtotalS + shippingS + (tax.included ? 0 : taxS), shopCurrency);

  const at = (input.processedAt ?? new Date()).toISOString().replace(/\.\d{3}Z$/, "Z");
  const number = 1001 + catalog.orders.size;
  const legacyId = nextCatalogId(catalog, "Order");
  const order: OrderRecord = {
    gid: `gid://shopify/Order/${legacyId}`,
    legacyId,
    name: `#${number}`,
    number,
    customerGid: customer?.gid ?? null,
    email: customer?.email ?? input.email ?? null,
    currencyCode: shopCurrency,
    presentmentCurrencyCode: currency,
    subtotal: moneyString(subtotalS, shopCurrency),
    totalTax: moneyString(taxS, shopCurrency),
    totalShipping: moneyString(shippingS, shopCurrency),
    total: moneyString(totalS, shopCurrency),
    totalRefunded: moneyString(0, shopCurrency),
    presentment: {
      subtotal: moneyString(subtotalP, currency),
      totalTax: moneyString(taxP, currency),
      totalShipping: moneyString(shippingP, currency),
      total: moneyString(totalP, currency),
      totalRefunded: moneyString(0, currency),
    },
    taxesIncluded: tax.included,
    lines,
    landingSite: input.landingSite ?? null,
    referringSite: input.referringSite ?? null,
    sourceName: input.sourceName ?? "web",
    countryCode,
    locale: input.locale ?? customer?.locale ?? "en",
    financialStatus: input.financialStatus ?? "PAID",
    fulfillmentStatus: "UNFULFILLED",
    refunds: [],
    createdAt: at,
    processedAt: at,
    updatedAt: at,
    tags: input.tags ?? [],
    marketId: market.id,
    shippingAddress: input.shippingAddress ?? customer?.address ?? null,
    test: false,
  };
  catalog.orders.set(order.gid, order);
  registerNode(state, shop, { gid: order.gid, typename: "Order" });
  for (const l of lines) registerNode(state, shop, { gid: l.gid, typename: "LineItem" });
  touchCatalog(catalog);

  if (!input.historical) {
    for (const { product, variant, quantity } of resolved) variant.inventoryQuantity -= quantity;
    const payload = orderPayload(shopRecord, catalog, order);
    emitShopEvent(state, { shop, topic: "orders/create", payload });
    if (order.financialStatus === "PAID") emitShopEvent(state, { shop, topic: "orders/paid", payload });
    for (const product of new Set(resolved.map((r) => r.product))) {
      emitShopEvent(state, { shop, topic: "products/update", payload: productPayload(shopRecord, product) });
    }
  }
  return { order, userErrors: [] };
}

/** Records a refund (seed: historical returns). Amount in the presentment currency. */
export function addRefund(state: ShopifyState, shop: string, order: OrderRecord, amountPresentment: number, createdAt: Date, note: string | null): void {
  const catalog = catalogOf(state, shop);
  const shopCurrency = order.currencyCode;
  const currency = order.presentmentCurrencyCode;
  const amountP = Math.min(amountPresentment, Number(order.presentment.total) - Number(order.presentment.totalRefunded));
  const amountS = currency === shopCurrency ? amountP : convertToShop(amountP, currency, shopCurrency);
  const gid = `gid://shopify/Refund/${nextCatalogId(catalog, "Refund")}`;
  order.refunds.push({ gid, createdAt: createdAt.toISOString().replace(/\.\d{3}Z$/, "Z"), amount: moneyString(amountS, shopCurrency), amountPresentment: moneyString(amountP, currency), note });
  order.totalRefunded = moneyString(Number(order.totalRefunded) + amountS, shopCurrency);
  order.presentment.totalRefunded = moneyString(Number(order.presentment.totalRefunded) + amountP, currency);
  order.financialStatus = Number(order.presentment.totalRefunded) >= Number(order.presentment.total) ? "REFUNDED" : "PARTIALLY_REFUNDED";
  order.updatedAt = order.refunds.at(-1)!.createdAt;
  registerNode(state, shop, { gid, typename: "Refund" });
  touchCatalog(catalog);
}

function fail(field: string[], message: string): CreateOrderResult {
  return { order: null, userErrors: [{ field, message }] };
}

function findVariant(catalog: CatalogState, variantGid: string) {
  for (const product of catalog.products.values()) {
    const variant = product.variants.find((v) => v.gid === variantGid);
    if (variant) return { product, variant };
  }
  return undefined;
}

/** The active market that contains the country; no country means the primary market. */
export function marketFor(shop: ShopRecord, countryCode: string | undefined): MarketRecord | undefined {
  const active = shop.markets.filter((m) => m.status === "ACTIVE");
  if (!countryCode) return active.find((m) => m.primary) ?? active[0];
  return active.find((m) => m.countryCodes.includes(countryCode.toUpperCase()));
}

export function findOrCreateCustomer(state: ShopifyState, shop: string, catalog: CatalogState, input: CreateOrderInput, countryCode: string, at: Date): CustomerRecord {
  const email = input.email!.trim().toLowerCase();
  for (const c of catalog.customers.values()) if (c.email === email) return c;
  const legacyId = nextCatalogId(catalog, "Customer");
  const first = input.customer?.firstName ?? input.shippingAddress?.firstName ?? "";
  const last = input.customer?.lastName ?? input.shippingAddress?.lastName ?? "";
  const iso = at.toISOString().replace(/\.\d{3}Z$/, "Z");
  const customer: CustomerRecord = {
    gid: `gid://shopify/Customer/${legacyId}`,
    legacyId,
    firstName: first,
    lastName: last,
    email,
    locale: input.locale ?? "en",
    countryCode,
    createdAt: iso,
    updatedAt: iso,
    tags: [],
    acceptsMarketing: input.customer?.acceptsMarketing ?? false,
    address: input.shippingAddress ?? { firstName: first, lastName: last, address1: "", city: "", province: null, zip: "", countryCode, country: countryCode, phone: null },
  };
  catalog.customers.set(customer.gid, customer);
  registerNode(state, shop, { gid: customer.gid, typename: "Customer" });
  return customer;
}
