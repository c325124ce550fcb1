import type { GraphQLResolveInfo } from "graphql";
import type { AdminContext } from "../../admin-graphql/context";
import { notImplemented } from "../../admin-graphql/resolvers/not-implemented";
import { emitShopEvent } from "../../events";
import { apiClientId } from "../../platform/app-identity";
import { registerNode } from "../../state";
import { moneyString } from "../money";
import { orderNode } from "../resolvers/order-node";
import { requireScope } from "../resolvers/shared";
import { catalogOf, nextCatalogId, touchCatalog } from "../store";
import type { AddressRecord, CatalogState, OrderLineRecord, OrderRecord, OrderTransactionRecord, ProductRecord, VariantRecord } from "../types";
import { orderPayload } from "../webhook-payloads";
import { findOrCreateCustomer } from "./create-order";

// Admin orderCreate for orders an app records itself. Behaviour from order-live-hybrid-mixed-catalog.json:
// the order keeps the given processedAt, financialStatus PENDING shows as PENDING, fulfilment
// UNFULFILLED, tags come back sorted, an email attaches a customer.
// The order's currency is `currency` for shop money (order-create-line-item-fields.json shows shopMoney
// in the requested currency). Modelled input (order-create-parity.json, order-create-line-item-fields.json,
// money-bag-presentment-parity.json): custom and variant/product lines with properties and tax lines,
// shipping lines, an itemFixedDiscountCode, shipping/billing addresses, customAttributes,
// fulfillmentStatus FULFILLED, AUTHORIZATION transactions and SALE transactions paying in full.
// Everything else the input can carry fails loudly.

interface MoneyInput { amount: string; currencyCode: string }
interface BagInput { shopMoney?: MoneyInput | null; presentmentMoney?: MoneyInput | null }
interface TaxLineInput { title?: string | null; rate?: number | null; priceSet?: BagInput | null; [k: string]: unknown }
interface AddressInput { firstName?: string | null; lastName?: string | null; address1?: string | null; city?: string | null; provinceCode?: string | null; countryCode?: string | null; zip?: string | null; phone?: string | null; [k: string]: unknown }
interface ShippingLineInput { title: string; code?: string | null; source?: string | null; priceSet: BagInput; taxLines?: TaxLineInput[] | null; [k: string]: unknown }
interface DiscountCodeInput { itemFixedDiscountCode?: { code: string; amountSet?: BagInput | null } | null; [k: string]: unknown }
interface LineInput { productId?: string | null; title?: string | null; quantity: number; priceSet?: BagInput | null; taxLines?: TaxLineInput[] | null; sku?: string | null; requiresShipping?: boolean | null; taxable?: boolean | null; vendor?: string | null; variantId?: string | null; properties?: { name: string; value: string }[] | null; [k: string]: unknown }
interface OrderCreateInput {
  email?: string | null;
  note?: string | null;
  tags?: string[] | null;
  test?: boolean | null;
  currency?: string | null;
  processedAt?: string | null;
  financialStatus?: "PENDING" | "PAID" | null;
  lineItems?: LineInput[] | null;
  transactions?: TransactionInput[] | null;
  customAttributes?: { key: string; value: string }[] | null;
  shippingLines?: ShippingLineInput[] | null;
  discountCode?: DiscountCodeInput | null;
  fulfillmentStatus?: string | null;
  [other: string]: unknown;
}
interface TransactionInput { kind?: string | null; status?: string | null; gateway?: string | null; test?: boolean | null; amountSet: { shopMoney?: { amount: string; currencyCode: string } | null; presentmentMoney?: unknown }; [k: string]: unknown }

const CREATE_SUPPORTED = new Set(["email", "note", "tags", "test", "currency", "processedAt", "financialStatus", "lineItems", "buyerAcceptsMarketing", "taxesIncluded", "transactions", "presentmentCurrency", "shippingAddress", "customAttributes", "billingAddress", "shippingLines", "discountCode", "fulfillmentStatus"]);
const ADDRESS_SUPPORTED = new Set(["firstName", "lastName", "address1", "city", "provinceCode", "countryCode", "zip", "phone"]);
const TAX_LINE_SUPPORTED = new Set(["title", "rate", "priceSet"]);
const TRANSACTION_SUPPORTED = new Set(["kind", "status", "gateway", "test", "amountSet"]);
const LINE_SUPPORTED = new Set(["title", "quantity", "priceSet", "sku", "requiresShipping", "taxable", "vendor", "giftCard", "taxLines", "properties", "variantId", "productId"]);

export const isSet = (v: unknown) => v != null && v !== false && !(Array.isArray(v) && v.length === 0);
export const sortTags = (tags: string[]) => [...new Set(tags.map((t) => t.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b));
export const nowIso = () => new Date().toISOString().replace(/\.\d{3}Z$/, "Z");

export function orderCreate(args: { order: OrderCreateInput; options?: { inventoryBehaviour?: string | null } | null }, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "write_orders");
  const input = args.order;
  for (const [key, value] of Object.entries(input)) {
    if (!CREATE_SUPPORTED.has(key) && isSet(value)) throw notImplemented(info, `orderCreate input field \`${key}\``);
  }
  if (input.taxesIncluded) throw notImplemented(info, "orderCreate(taxesIncluded: true)");
  const lineInputs = input.lineItems ?? [];
  for (const line of lineInputs) {
    for (const [key, value] of Object.entries(line)) if (!LINE_SUPPORTED.has(key) && isSet(value)) throw notImplemented(info, `orderCreate line item field \`${key}\``);
    if (line.giftCard) throw notImplemented(info, "orderCreate gift card line items");
  }
  // No capture of a rejected orderCreate here; an order without lines is refused like the checkout does.
  if (!lineInputs.length) return { __typename: "OrderCreatePayload", order: null, userErrors: [{ __typename: "OrderCreateUserError", field: ["order", "lineItems"], message: "Line items can't be blank", code: null }] };

  // Without financialStatus Shopify derives it from `transactions`. Only successful AUTHORIZATION
  // transactions in the order's currency are modelled (orderCreate-state-derived-payment-and-count.json:
  // the order is AUTHORIZED, capturable, nothing received or outstanding); other kinds, statuses and
  // the combination with an explicit financialStatus fail loudly.
  const txInputs = input.transactions ?? [];
  if (input.financialStatus != null && input.financialStatus !== "PENDING" && input.financialStatus !== "PAID") throw notImplemented(info, `orderCreate(financialStatus: ${input.financialStatus})`);
  if (input.financialStatus != null && txInputs.length) throw notImplemented(info, "orderCreate with both financialStatus and transactions");
  // Neither financialStatus nor transactions: nothing received, everything outstanding (money-bag-presentment-parity.json), i.e. PENDING.
  const catalog = catalogOf(ctx.state, ctx.shop.domain);
  const currency = input.currency ?? ctx.shop.currencyCode;
  // The shop's own language and home country (its primary market's first country; an app-created
  // order with no address is placed there).
  const shopLocale = ctx.shop.locales.find((l) => l.primary)?.locale ?? "en";
  const shopCountry = (ctx.shop.markets.find((m) => m.primary) ?? ctx.shop.markets[0])?.countryCodes[0] ?? "CA";
  // presentmentCurrency: every amount must then carry its presentmentMoney (money-bag-presentment-parity.json);
  // the twin does not convert between currencies for app-created orders.
  const presentmentCurrency = (input.presentmentCurrency as string | null | undefined) ?? currency;
  const bagAmounts = (bag: BagInput | null | undefined, what: string): [number, number] => {
    const shop = bag?.shopMoney;
    if (!shop || shop.currencyCode !== currency) throw notImplemented(info, `orderCreate ${what} without shopMoney in the order currency`);
    if (presentmentCurrency === currency) {
      if (bag.presentmentMoney && (bag.presentmentMoney.currencyCode !== currency || Number(bag.presentmentMoney.amount) !== Number(shop.amount))) throw notImplemented(info, `orderCreate ${what} with a differing presentmentMoney`);
      return [Number(shop.amount), Number(shop.amount)];
    }
    if (!bag.presentmentMoney || bag.presentmentMoney.currencyCode !== presentmentCurrency) throw notImplemented(info, `orderCreate ${what} without presentmentMoney in ${presentmentCurrency}`);
    return [Number(shop.amount), Number(bag.presentmentMoney.amount)];
  };
  for (const line of lineInputs) {
    for (const tl of line.taxLines ?? []) for (const [key, value] of Object.entries(tl)) if (!TAX_LINE_SUPPORTED.has(key) && isSet(value)) throw notImplemented(info, `orderCreate tax line field \`${key}\``);
  }
  const addressInput = input.shippingAddress as AddressInput | null | undefined;
  const billingInput = input.billingAddress as AddressInput | null | undefined;
  for (const [name, a] of [["shippingAddress", addressInput], ["billingAddress", billingInput]] as const) {
    if (a) for (const [key, value] of Object.entries(a)) if (!ADDRESS_SUPPORTED.has(key) && isSet(value)) throw notImplemented(info, `orderCreate ${name} field \`${key}\``);
  }
  if (txInputs.length && new Set(txInputs.map((t) => t.kind ?? "SALE")).size > 1) throw notImplemented(info, "orderCreate with transactions of different kinds");
  if (input.fulfillmentStatus != null && input.fulfillmentStatus !== "FULFILLED") throw notImplemented(info, `orderCreate(fulfillmentStatus: ${input.fulfillmentStatus})`);
  // Lines naming a variant or product link to it (order-create-parity.json, order-create-line-item-fields.json).
  // A variantId the shop does not have is accepted as a custom line: variant null, the input's title
  // and SKU (metafield-definition-non-product-metafields.json captures[4]); an unknown productId was
  // not captured. Only the default inventoryBehaviour (BYPASS) is modelled.
  const linked = lineInputs.map((l, i) => {
    if (!l.variantId && !l.productId) return { product: undefined, variant: undefined };
    const found = linkedProduct(catalog, l.variantId, l.productId);
    if (!found && l.variantId && !l.productId) return { product: undefined, variant: undefined };
    if (!found) throw notImplemented(info, `orderCreate lineItems[${i}] naming a product the shop does not have`);
    return found;
  });
  if (linked.some((l) => l.variant) && (args.options?.inventoryBehaviour ?? "BYPASS") !== "BYPASS") throw notImplemented(info, `orderCreate(options: { inventoryBehaviour: ${args.options?.inventoryBehaviour} })`);
  const discountInput = input.discountCode;
  if (discountInput && (Object.entries(discountInput).some(([k, v]) => k !== "itemFixedDiscountCode" && isSet(v)) || !discountInput.itemFixedDiscountCode)) throw notImplemented(info, "orderCreate discount codes other than itemFixedDiscountCode");
  for (const t of txInputs) {
    for (const [key, value] of Object.entries(t)) if (!TRANSACTION_SUPPORTED.has(key) && isSet(value)) throw notImplemented(info, `orderCreate transaction field \`${key}\``);
    if (!["AUTHORIZATION", "SALE"].includes(t.kind ?? "SALE") || (t.status ?? "SUCCESS") !== "SUCCESS") throw notImplemented(info, `orderCreate transaction ${t.kind ?? "SALE"}/${t.status ?? "SUCCESS"}`);
    if (!t.gateway) throw notImplemented(info, "orderCreate transaction without gateway"); // default gateway not captured
    if (t.amountSet.presentmentMoney != null || !t.amountSet.shopMoney || t.amountSet.shopMoney.currencyCode !== currency) throw notImplemented(info, "orderCreate transaction amount in another currency");
  }
  let taxShop = 0;
  let taxPres = 0;
  const lines: OrderLineRecord[] = lineInputs.map((l, i) => {
    const { product, variant } = linked[i]!;
    const [amount, presAmount] = l.priceSet ? bagAmounts(l.priceSet, "line item price") : [0, 0];
    const unit = moneyString(amount, currency);
    const taxLines = (l.taxLines ?? []).map((tl) => {
      const [ts, tp] = bagAmounts(tl.priceSet, "tax line");
      taxShop += ts;
      taxPres += tp;
      return { title: tl.title ?? "", rate: tl.rate ?? 0, price: moneyString(ts, currency), pricePresentment: moneyString(tp, presentmentCurrency) };
    });
    return {
      gid: `gid://shopify/LineItem/${nextCatalogId(catalog, "LineItem")}`,
      productGid: product?.gid ?? null,
      variantGid: variant?.gid ?? null,
      title: l.title ?? product?.title ?? "",
      quantity: l.quantity,
      unitPrice: unit,
      unitPricePresentment: moneyString(presAmount, presentmentCurrency),
      variantTitle: variant && variant.title !== "Default Title" ? variant.title : null,
      sku: l.sku ?? null,
      vendor: l.vendor ?? null,
      // Line item properties come back as customAttributes {key, value} (order-create-line-item-fields.json).
      customAttributes: (l.properties ?? []).map((p) => ({ key: p.name, value: p.value })),
      // The schema's defaults (requiresShipping: false, taxable: true) apply when omitted.
      requiresShipping: l.requiresShipping ?? false,
      taxable: l.taxable ?? true,
      taxLines,
    };
  });
  const shippingLines = (input.shippingLines ?? []).map((sl) => {
    for (const [key, value] of Object.entries(sl)) if (!["title", "code", "source", "priceSet", "taxLines"].includes(key) && isSet(value)) throw notImplemented(info, `orderCreate shipping line field \`${key}\``);
    const [ps, pp] = bagAmounts(sl.priceSet, "shipping line price");
    const taxLines = (sl.taxLines ?? []).map((tl) => {
      const [ts, tp] = bagAmounts(tl.priceSet, "tax line");
      taxShop += ts;
      taxPres += tp;
      return { title: tl.title ?? "", rate: tl.rate ?? 0, price: moneyString(ts, currency), pricePresentment: moneyString(tp, presentmentCurrency) };
    });
    return { title: sl.title, code: sl.code ?? null, source: sl.source ?? null, price: moneyString(ps, currency), pricePresentment: moneyString(pp, presentmentCurrency), taxLines };
  });
  const shipping = shippingLines.reduce((s, l) => s + Number(l.price), 0);
  const shippingPres = shippingLines.reduce((s, l) => s + Number(l.pricePresentment), 0);
  const fixed = discountInput?.itemFixedDiscountCode;
  const [discount, discountPres] = fixed ? bagAmounts(fixed.amountSet, "discount amount") : [0, 0];
  // Subtotal: the line items after discounts; total adds shipping and (tax-exclusive) taxes
  // (order-create-parity.json: 2 × 20.00 − 5.00 + 5.00 shipping + 2.50 tax = 42.5).
  const subtotal = lines.reduce((s, l) => s + Number(l.unitPrice) * l.quantity, 0) - discount;
  const subtotalPres = lines.reduce((s, l) => s + Number(l.unitPricePresentment) * l.quantity, 0) - discountPres;
  const total = subtotal + shipping + taxShop;
  const totalPres = subtotalPres + shippingPres + taxPres;
  // SALE transactions are payments received: modelled when they pay the order in full (PAID).
  const sale = txInputs.length > 0 && (txInputs[0]!.kind ?? "SALE") === "SALE";
  if (sale && Math.abs(txInputs.reduce((s, t) => s + Number(t.amountSet.shopMoney!.amount), 0) - total) > 0.005) throw notImplemented(info, "orderCreate with SALE transactions that do not pay the order in full");
  const money = (n: number) => moneyString(n, currency);
  const pmoney = (n: number) => moneyString(n, presentmentCurrency);
  const at = nowIso();
  const legacyId = nextCatalogId(catalog, "Order");
  const number = 1001 + catalog.orders.size;
  const order: OrderRecord = {
    gid: `gid://shopify/Order/${legacyId}`,
    legacyId,
    name: `#${number}`,
    number,
    // An email alone attaches the shop's customer with that email, created if new
    // (order-live-hybrid-mixed-catalog.json: customer { email, displayName: <email> }).
    customerGid: input.email ? findOrCreateCustomer(ctx.state, ctx.shop.domain, catalog, { lines: [], email: input.email, locale: shopLocale }, addressInput?.countryCode ?? shopCountry, new Date()).gid : null,
    email: input.email ?? null,
    currencyCode: currency,
    presentmentCurrencyCode: presentmentCurrency,
    subtotal: money(subtotal),
    totalTax: money(taxShop),
    totalShipping: money(shipping),
    total: money(total),
    totalRefunded: money(0),
    presentment: { subtotal: pmoney(subtotalPres), totalTax: pmoney(taxPres), totalShipping: pmoney(shippingPres), total: pmoney(totalPres), totalRefunded: pmoney(0) },
    taxesIncluded: false,
    lines,
    landingSite: null,
    referringSite: null,
    // Orders an app creates carry the app's api_client_id as their source (not captured; Shopify's docs).
    sourceName: apiClientId(ctx.token.apiKey),
    countryCode: shopCountry,
    locale: shopLocale,
    financialStatus: sale ? "PAID" : txInputs.length ? "AUTHORIZED" : input.financialStatus === "PAID" ? "PAID" : "PENDING",
    ...(txInputs.length ? { transactions: txInputs.map((t): OrderTransactionRecord => ({
      gid: `gid://shopify/OrderTransaction/${nextCatalogId(catalog, "OrderTransaction")}`,
      kind: sale ? "SALE" : "AUTHORIZATION",
      status: "SUCCESS",
      gateway: t.gateway!,
      amount: money(Number(t.amountSet.shopMoney!.amount)),
      test: t.test ?? false,
      createdAt: at,
    })) } : {}),
    fulfillmentStatus: input.fulfillmentStatus === "FULFILLED" ? "FULFILLED" : "UNFULFILLED",
    refunds: [],
    createdAt: at,
    processedAt: input.processedAt ? new Date(input.processedAt).toISOString().replace(/\.\d{3}Z$/, "Z") : at,
    updatedAt: at,
    tags: sortTags(input.tags ?? []),
    marketId: null,
    shippingAddress: addressInput ? orderAddress(addressInput) : null,
    // Only given billing addresses are known; with a shipping address alone it was not captured (fails loudly).
    ...(billingInput || !addressInput ? { billingAddress: billingInput ? orderAddress(billingInput) : null } : {}),
    shippingLines,
    ...(fixed ? { discount: { code: fixed.code, amount: money(discount), amountPresentment: pmoney(discountPres) } } : {}),
    test: input.test ?? false,
    note: input.note ?? null,
    customAttributes: (input.customAttributes ?? []).map((a) => ({ key: a.key, value: a.value })),
  };
  catalog.orders.set(order.gid, order);
  registerNode(ctx.state, ctx.shop.domain, { gid: order.gid, typename: "Order" });
  for (const l of lines) registerNode(ctx.state, ctx.shop.domain, { gid: l.gid, typename: "LineItem" });
  for (const t of order.transactions ?? []) registerNode(ctx.state, ctx.shop.domain, { gid: t.gid, typename: "OrderTransaction" });
  touchCatalog(catalog);
  const payload = orderPayload(ctx.shop, catalog, order);
  emitShopEvent(ctx.state, { shop: ctx.shop.domain, topic: "orders/create", payload });
  if (order.financialStatus === "PAID") emitShopEvent(ctx.state, { shop: ctx.shop.domain, topic: "orders/paid", payload });
  return { __typename: "OrderCreatePayload", order: orderNode(order, ctx), userErrors: [] };
}

/** An orderCreate address: the province is known by its code only. */
function orderAddress(a: AddressInput): AddressRecord {
  return {
    firstName: a.firstName ?? "",
    lastName: a.lastName ?? "",
    address1: a.address1 ?? "",
    city: a.city ?? "",
    province: a.provinceCode ?? null,
    provinceCodeOnly: true,
    zip: a.zip ?? "",
    countryCode: a.countryCode ?? "",
    country: a.countryCode ? new Intl.DisplayNames(["en"], { type: "region" }).of(a.countryCode) ?? "" : "",
    phone: a.phone ?? null,
  };
}

/** The product (and variant) a line names: the variant wins over productId, as the schema documents. */
function linkedProduct(catalog: CatalogState, variantId: string | null | undefined, productId: string | null | undefined): { product: ProductRecord; variant: VariantRecord | undefined } | undefined {
  for (const product of catalog.products.values()) {
    if (variantId) {
      const variant = product.variants.find((v) => v.gid === variantId);
      if (variant) return { product, variant };
    } else if (product.gid === productId) return { product, variant: undefined };
  }
  return undefined;
}
