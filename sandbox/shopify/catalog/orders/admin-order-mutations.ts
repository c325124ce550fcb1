import { randomUUID } from "node:crypto";
import type { GraphQLResolveInfo } from "graphql";
import type { AdminContext } from "../../admin-graphql/context";
import { notImplemented } from "../../admin-graphql/resolvers/not-implemented";
import { deleteOwnerMetafields } from "../../content/metafields-store";
import { emitShopEvent } from "../../events";
import { apiClientId } from "../../platform/app-identity";
import { domainState, registerNode, unregisterNode } from "../../state";
import { moneyBag, moneyString } from "../money";
import { orderNode } from "../resolvers/order-node";
import { requireScope } from "../resolvers/shared";
import { catalogOf, nextCatalogId, touchCatalog } from "../store";
import type { OrderLineRecord, OrderRecord, OrderTransactionRecord } from "../types";
import { orderPayload } from "../webhook-payloads";

// Admin orderCreate / orderUpdate / orderDelete for orders an app records itself (custom line items:
// title + priceSet, no variant). Behaviour from order-live-hybrid-mixed-catalog.json: the order keeps
// the given processedAt, financialStatus PENDING shows as PENDING, fulfilment UNFULFILLED, tags come
// back sorted; orderUpdate changes note/tags; orderDelete answers deletedId and the order is gone.
// The order's currency is `currency` for shop and presentment money alike (order-create-line-item-fields.json
// shows shopMoney in the requested currency). Everything else the input can carry (variant lines,
// transactions, customers, addresses, discounts, shipping and tax lines…) is not implemented and
// fails loudly.

interface MoneyInput { amount: string; currencyCode: string }
interface BagInput { shopMoney?: MoneyInput | null; presentmentMoney?: MoneyInput | null }
interface TaxLineInput { title?: string | null; rate?: number | null; priceSet?: BagInput | null; [k: string]: unknown }
interface AddressInput { firstName?: string | null; lastName?: string | null; address1?: string | null; city?: string | null; provinceCode?: string | null; countryCode?: string | null; zip?: string | null; phone?: string | null; [k: string]: unknown }
interface LineInput { title?: string | null; quantity: number; priceSet?: BagInput | null; taxLines?: TaxLineInput[] | null; sku?: string | null; requiresShipping?: boolean | null; taxable?: boolean | null; vendor?: string | null; variantId?: string | null; [k: string]: unknown }
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
  [other: string]: unknown;
}
interface TransactionInput { kind?: string | null; status?: string | null; gateway?: string | null; test?: boolean | null; amountSet: { shopMoney?: { amount: string; currencyCode: string } | null; presentmentMoney?: unknown }; [k: string]: unknown }

const CREATE_SUPPORTED = new Set(["email", "note", "tags", "test", "currency", "processedAt", "financialStatus", "lineItems", "buyerAcceptsMarketing", "taxesIncluded", "transactions", "presentmentCurrency", "shippingAddress"]);
const ADDRESS_SUPPORTED = new Set(["firstName", "lastName", "address1", "city", "provinceCode", "countryCode", "zip", "phone"]);
const TAX_LINE_SUPPORTED = new Set(["title", "rate", "priceSet"]);
const TRANSACTION_SUPPORTED = new Set(["kind", "status", "gateway", "test", "amountSet"]);
const LINE_SUPPORTED = new Set(["title", "quantity", "priceSet", "sku", "requiresShipping", "taxable", "vendor", "giftCard", "taxLines"]);
const UPDATE_SUPPORTED = new Set(["id", "note", "tags", "email"]);

const isSet = (v: unknown) => v != null && v !== false && !(Array.isArray(v) && v.length === 0);
const sortTags = (tags: string[]) => [...new Set(tags.map((t) => t.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b));
const nowIso = () => new Date().toISOString().replace(/\.\d{3}Z$/, "Z");

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
  if (addressInput) for (const [key, value] of Object.entries(addressInput)) if (!ADDRESS_SUPPORTED.has(key) && isSet(value)) throw notImplemented(info, `orderCreate shippingAddress field \`${key}\``);
  for (const t of txInputs) {
    for (const [key, value] of Object.entries(t)) if (!TRANSACTION_SUPPORTED.has(key) && isSet(value)) throw notImplemented(info, `orderCreate transaction field \`${key}\``);
    if ((t.kind ?? "SALE") !== "AUTHORIZATION" || (t.status ?? "SUCCESS") !== "SUCCESS") throw notImplemented(info, `orderCreate transaction ${t.kind ?? "SALE"}/${t.status ?? "SUCCESS"}`);
    if (!t.gateway) throw notImplemented(info, "orderCreate transaction without gateway"); // default gateway not captured
    if (t.amountSet.presentmentMoney != null || !t.amountSet.shopMoney || t.amountSet.shopMoney.currencyCode !== currency) throw notImplemented(info, "orderCreate transaction amount in another currency");
  }
  let taxShop = 0;
  let taxPres = 0;
  const lines: OrderLineRecord[] = lineInputs.map((l) => {
    const [amount, presAmount] = l.priceSet ? bagAmounts(l.priceSet, "line item price") : [0, 0];
    const unit = moneyString(amount, currency);
    for (const tl of l.taxLines ?? []) {
      const [ts, tp] = bagAmounts(tl.priceSet, "tax line");
      taxShop += ts;
      taxPres += tp;
    }
    return {
      gid: `gid://shopify/LineItem/${nextCatalogId(catalog, "LineItem")}`,
      productGid: null,
      variantGid: null,
      title: l.title ?? "",
      quantity: l.quantity,
      unitPrice: unit,
      unitPricePresentment: moneyString(presAmount, presentmentCurrency),
      variantTitle: null,
      sku: l.sku ?? null,
      vendor: l.vendor ?? null,
    };
  });
  const subtotal = lines.reduce((s, l) => s + Number(l.unitPrice) * l.quantity, 0);
  const subtotalPres = lines.reduce((s, l) => s + Number(l.unitPricePresentment) * l.quantity, 0);
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
    customerGid: null, // no customer is attached: the input's `customer` field is not implemented
    email: input.email ?? null,
    currencyCode: currency,
    presentmentCurrencyCode: presentmentCurrency,
    subtotal: money(subtotal),
    totalTax: money(taxShop),
    totalShipping: money(0),
    total: money(subtotal + taxShop),
    totalRefunded: money(0),
    presentment: { subtotal: pmoney(subtotalPres), totalTax: pmoney(taxPres), totalShipping: pmoney(0), total: pmoney(subtotalPres + taxPres), totalRefunded: pmoney(0) },
    taxesIncluded: false,
    lines,
    landingSite: null,
    referringSite: null,
    // Orders an app creates carry the app's api_client_id as their source (not captured; Shopify's docs).
    sourceName: apiClientId(ctx.token.apiKey),
    countryCode: ctx.shop.markets[0]?.countryCodes[0] ?? "CA",
    locale: "en",
    financialStatus: txInputs.length ? "AUTHORIZED" : input.financialStatus === "PAID" ? "PAID" : "PENDING",
    ...(txInputs.length ? { transactions: txInputs.map((t): OrderTransactionRecord => ({
      gid: `gid://shopify/OrderTransaction/${nextCatalogId(catalog, "OrderTransaction")}`,
      kind: "AUTHORIZATION",
      status: "SUCCESS",
      gateway: t.gateway!,
      amount: money(Number(t.amountSet.shopMoney!.amount)),
      test: t.test ?? false,
      createdAt: at,
    })) } : {}),
    fulfillmentStatus: "UNFULFILLED",
    refunds: [],
    createdAt: at,
    processedAt: input.processedAt ? new Date(input.processedAt).toISOString().replace(/\.\d{3}Z$/, "Z") : at,
    updatedAt: at,
    tags: sortTags(input.tags ?? []),
    marketId: null,
    shippingAddress: addressInput ? {
      firstName: addressInput.firstName ?? "",
      lastName: addressInput.lastName ?? "",
      address1: addressInput.address1 ?? "",
      city: addressInput.city ?? "",
      province: addressInput.provinceCode ?? null,
      provinceCodeOnly: true,
      zip: addressInput.zip ?? "",
      countryCode: addressInput.countryCode ?? "",
      country: addressInput.countryCode ? new Intl.DisplayNames(["en"], { type: "region" }).of(addressInput.countryCode) ?? "" : "",
      phone: addressInput.phone ?? null,
    } : null,
    test: input.test ?? false,
    note: input.note ?? null,
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

export function orderUpdate(args: { input: { id: string; note?: string | null; tags?: string[] | null; email?: string | null; [k: string]: unknown } }, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "write_orders");
  for (const [key, value] of Object.entries(args.input)) {
    if (!UPDATE_SUPPORTED.has(key) && isSet(value)) throw notImplemented(info, `orderUpdate input field \`${key}\``);
  }
  const catalog = catalogOf(ctx.state, ctx.shop.domain);
  const order = catalog.orders.get(args.input.id);
  // No capture of an unknown id; wording follows the other "does not exist" answers.
  if (!order) return { __typename: "OrderUpdatePayload", order: null, userErrors: [{ __typename: "UserError", field: ["id"], message: "Order does not exist" }] };
  if (args.input.note !== undefined) order.note = args.input.note;
  if (args.input.tags != null) order.tags = sortTags(args.input.tags);
  if (args.input.email !== undefined) order.email = args.input.email;
  order.updatedAt = nowIso();
  touchCatalog(catalog);
  emitShopEvent(ctx.state, { shop: ctx.shop.domain, topic: "orders/updated", payload: orderPayload(ctx.shop, catalog, order) });
  return { __typename: "OrderUpdatePayload", order: orderNode(order, ctx), userErrors: [] };
}

export function orderDelete(args: { orderId: string }, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "write_orders");
  const catalog = catalogOf(ctx.state, ctx.shop.domain);
  const order = catalog.orders.get(args.orderId);
  // No capture of an unknown id; NOT_FOUND is the schema's code for it.
  if (!order) return { __typename: "OrderDeletePayload", deletedId: null, userErrors: [{ __typename: "OrderDeleteUserError", field: ["orderId"], message: "Order does not exist", code: "NOT_FOUND" }] };
  catalog.orders.delete(order.gid);
  unregisterNode(ctx.state, ctx.shop.domain, order.gid);
  for (const l of order.lines) unregisterNode(ctx.state, ctx.shop.domain, l.gid);
  deleteOwnerMetafields(ctx.state, ctx.shop.domain, order.gid);
  touchCatalog(catalog);
  emitShopEvent(ctx.state, { shop: ctx.shop.domain, topic: "orders/delete", payload: { id: order.legacyId } });
  return { __typename: "OrderDeletePayload", deletedId: order.gid, userErrors: [] };
}

/**
 * orderCancel (orderCreate-state-derived-payment-and-count.json, money-bag-presentment-parity.json
 * cleanups): answers a Job that is not done yet. The twin marks the order cancelled at once. Only
 * orders without variant lines (nothing to restock) and without a refund request are modelled;
 * unknown or already-cancelled orders are not captured and fail loudly.
 */
export function orderCancel(args: { orderId: string; reason: string; restock: boolean; refund?: boolean | null; refundMethod?: unknown; notifyCustomer?: boolean | null; staffNote?: string | null }, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "write_orders");
  const catalog = catalogOf(ctx.state, ctx.shop.domain);
  const order = catalog.orders.get(args.orderId);
  if (!order) throw notImplemented(info, "orderCancel of an unknown order");
  if (order.cancelledAt) throw notImplemented(info, "orderCancel of a cancelled order");
  if (args.refund || args.refundMethod != null) throw notImplemented(info, "orderCancel with a refund");
  if (args.staffNote) throw notImplemented(info, "orderCancel(staffNote:)");
  if (order.lines.some((l) => l.variantGid) || order.financialStatus !== "AUTHORIZED" && order.financialStatus !== "PENDING") throw notImplemented(info, "orderCancel of an order with variant lines or received payments");
  order.cancelledAt = nowIso();
  order.cancelReason = args.reason;
  order.updatedAt = order.cancelledAt;
  touchCatalog(catalog);
  emitShopEvent(ctx.state, { shop: ctx.shop.domain, topic: "orders/cancelled", payload: orderPayload(ctx.shop, catalog, order) });
  return { __typename: "OrderCancelPayload", job: { __typename: "Job", id: `gid://shopify/Job/${randomUUID()}`, done: false }, orderCancelUserErrors: [], userErrors: [] };
}

// ---- order editing (money-bag-presentment-parity.json): orderEditBegin opens a CalculatedOrder
// carrying the order's totals in both currencies; the twin models no edit operations (add/remove
// lines, quantities, discounts), so committing an edit always finds no change and answers the
// captured "There must be at least one change to be made." Other CalculatedOrder fields fail loudly.

interface CalculatedOrderRecord { gid: string; shop: string; orderGid: string }
const calculatedOrders = (state: AdminContext["state"]) => domainState(state, "calculated-orders", () => new Map<string, CalculatedOrderRecord>());

export function orderEditBegin(args: { id: string }, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "write_order_edits");
  const catalog = catalogOf(ctx.state, ctx.shop.domain);
  const order = catalog.orders.get(args.id);
  // Not captured: unknown orders, and paid/refunded or cancelled orders (which Shopify refuses to edit).
  if (!order) throw notImplemented(info, "orderEditBegin of an unknown order");
  if ((order.financialStatus !== "PENDING" && order.financialStatus !== "AUTHORIZED") || order.cancelledAt) throw notImplemented(info, `orderEditBegin of a ${order.cancelledAt ? "cancelled" : order.financialStatus} order`);
  const record: CalculatedOrderRecord = { gid: `gid://shopify/CalculatedOrder/${nextCatalogId(catalog, "CalculatedOrder")}`, shop: ctx.shop.domain, orderGid: order.gid };
  calculatedOrders(ctx.state).set(record.gid, record);
  return {
    __typename: "OrderEditBeginPayload",
    calculatedOrder: {
      __typename: "CalculatedOrder",
      id: record.gid,
      originalOrder: () => orderNode(order, ctx),
      totalPriceSet: moneyBag(order.total, order.currencyCode, order.presentment.total, order.presentmentCurrencyCode),
    },
    userErrors: [],
  };
}

export function orderEditCommit(args: { id: string; notifyCustomer?: boolean | null; staffNote?: string | null }, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "write_order_edits");
  const record = calculatedOrders(ctx.state).get(args.id);
  if (!record || record.shop !== ctx.shop.domain) throw notImplemented(info, "orderEditCommit of an unknown calculated order");
  return { __typename: "OrderEditCommitPayload", order: null, userErrors: [{ __typename: "UserError", field: ["id"], message: "There must be at least one change to be made." }] };
}
