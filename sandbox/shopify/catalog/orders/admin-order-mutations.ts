import type { GraphQLResolveInfo } from "graphql";
import type { AdminContext } from "../../admin-graphql/context";
import { notImplemented } from "../../admin-graphql/resolvers/not-implemented";
import { deleteOwnerMetafields } from "../../content/metafields-store";
import { emitShopEvent } from "../../events";
import { apiClientId } from "../../platform/app-identity";
import { registerNode, unregisterNode } from "../../state";
import { moneyString } from "../money";
import { orderNode } from "../resolvers/order-node";
import { requireScope } from "../resolvers/shared";
import { catalogOf, nextCatalogId, touchCatalog } from "../store";
import type { OrderLineRecord, OrderRecord } from "../types";
import { orderPayload } from "../webhook-payloads";

// Admin orderCreate / orderUpdate / orderDelete for orders an app records itself (custom line items:
// title + priceSet, no variant). Behaviour from order-live-hybrid-mixed-catalog.json: the order keeps
// the given processedAt, financialStatus PENDING shows as PENDING, fulfilment UNFULFILLED, tags come
// back sorted; orderUpdate changes note/tags; orderDelete answers deletedId and the order is gone.
// The order's currency is `currency` for shop and presentment money alike (order-create-line-item-fields.json
// shows shopMoney in the requested currency). Everything else the input can carry (variant lines,
// transactions, customers, addresses, discounts, shipping and tax lines…) is not implemented and
// fails loudly.

interface LineInput { title?: string | null; quantity: number; priceSet?: { shopMoney?: { amount: string; currencyCode: string } | null } | null; sku?: string | null; requiresShipping?: boolean | null; taxable?: boolean | null; vendor?: string | null; variantId?: string | null; [k: string]: unknown }
interface OrderCreateInput {
  email?: string | null;
  note?: string | null;
  tags?: string[] | null;
  test?: boolean | null;
  currency?: string | null;
  processedAt?: string | null;
  financialStatus?: "PENDING" | "PAID" | null;
  lineItems?: LineInput[] | null;
  [other: string]: unknown;
}

const CREATE_SUPPORTED = new Set(["email", "note", "tags", "test", "currency", "processedAt", "financialStatus", "lineItems", "buyerAcceptsMarketing", "taxesIncluded"]);
const LINE_SUPPORTED = new Set(["title", "quantity", "priceSet", "sku", "requiresShipping", "taxable", "vendor", "giftCard"]);
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

  // Without financialStatus Shopify derives it from `transactions` (orderCreate-state-derived-payment-and-count.json), which the twin does not model.
  if (input.financialStatus == null) throw notImplemented(info, "orderCreate without financialStatus (derived from transactions)");
  const catalog = catalogOf(ctx.state, ctx.shop.domain);
  const currency = input.currency ?? ctx.shop.currencyCode;
  const lines: OrderLineRecord[] = lineInputs.map((l) => {
    const amount = Number(l.priceSet?.shopMoney?.amount ?? 0);
    const unit = moneyString(amount, currency);
    return {
      gid: `gid://shopify/LineItem/${nextCatalogId(catalog, "LineItem")}`,
      productGid: null,
      variantGid: null,
      title: l.title ?? "",
      quantity: l.quantity,
      unitPrice: unit,
      unitPricePresentment: unit,
      variantTitle: null,
      sku: l.sku ?? null,
      vendor: l.vendor ?? null,
    };
  });
  const subtotal = lines.reduce((s, l) => s + Number(l.unitPrice) * l.quantity, 0);
  const money = (n: number) => moneyString(n, currency);
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
    presentmentCurrencyCode: currency,
    subtotal: money(subtotal),
    totalTax: money(0),
    totalShipping: money(0),
    total: money(subtotal),
    totalRefunded: money(0),
    presentment: { subtotal: money(subtotal), totalTax: money(0), totalShipping: money(0), total: money(subtotal), totalRefunded: money(0) },
    taxesIncluded: false,
    lines,
    landingSite: null,
    referringSite: null,
    // Orders an app creates carry the app's api_client_id as their source (not captured; Shopify's docs).
    sourceName: apiClientId(ctx.token.apiKey),
    countryCode: ctx.shop.markets[0]?.countryCodes[0] ?? "CA",
    locale: "en",
    financialStatus: input.financialStatus === "PENDING" ? "PENDING" : "PAID",
    fulfillmentStatus: "UNFULFILLED",
    refunds: [],
    createdAt: at,
    processedAt: input.processedAt ? new Date(input.processedAt).toISOString().replace(/\.\d{3}Z$/, "Z") : at,
    updatedAt: at,
    tags: sortTags(input.tags ?? []),
    marketId: null,
    shippingAddress: null,
    test: input.test ?? false,
    note: input.note ?? null,
  };
  catalog.orders.set(order.gid, order);
  registerNode(ctx.state, ctx.shop.domain, { gid: order.gid, typename: "Order" });
  for (const l of lines) registerNode(ctx.state, ctx.shop.domain, { gid: l.gid, typename: "LineItem" });
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
