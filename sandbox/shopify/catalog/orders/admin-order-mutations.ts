import { randomUUID } from "node:crypto";
import type { GraphQLResolveInfo } from "graphql";
import type { AdminContext } from "../../admin-graphql/context";
import { notImplemented } from "../../admin-graphql/resolvers/not-implemented";
import { deleteOwnerMetafields } from "../../content/metafields-store";
import { emitShopEvent } from "../../events";
import { domainState, unregisterNode } from "../../state";
import { moneyBag } from "../money";
import { orderNode } from "../resolvers/order-node";
import { requireScope } from "../resolvers/shared";
import { catalogOf, nextCatalogId, touchCatalog } from "../store";
import { orderPayload } from "../webhook-payloads";
import { isSet, nowIso, sortTags } from "./admin-order-create";

export { orderCreate } from "./admin-order-create";

// Admin orderUpdate / orderDelete / orderCancel / orderEdit* for orders an app records itself
// (orderCreate: admin-order-create.ts). orderUpdate changes note/tags/email; orderDelete answers
// deletedId and the order is gone (order-live-hybrid-mixed-catalog.json).

const UPDATE_SUPPORTED = new Set(["id", "note", "tags", "email"]);

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
