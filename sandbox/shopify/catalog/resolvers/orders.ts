import type { GraphQLResolveInfo } from "graphql";
import type { AdminContext } from "../../admin-graphql/context";
import type { ConnectionArgs } from "../../admin-graphql/connection";
import { notImplemented } from "../../admin-graphql/resolvers/not-implemented";
import { checkPageArgs, keysetConnection, sortBy, type SortValue } from "../keyset";
import { compileSearch, type SearchSpec } from "../search/evaluate";
import { cachedSort, catalogOf, legacyIdOf } from "../store";
import type { CatalogState, OrderRecord } from "../types";
import { orderNode } from "./order-node";
import { addSearchWarnings, count, hasScope, requireScope } from "./shared";

// QueryRoot.orders / order / ordersCount. Without read_all_orders Shopify only exposes the last
// 60 days of orders, so the twin does too.

interface ListArgs extends ConnectionArgs { sortKey?: string | null; query?: string | null; savedSearchId?: string | null }

const ORDER_WINDOW_MS = 60 * 86_400_000;

function orderSpec(catalog: CatalogState): SearchSpec<OrderRecord> {
  const customer = (o: OrderRecord) => (o.customerGid ? catalog.customers.get(o.customerGid) : undefined);
  return {
    freeText: (o) => [o.name, o.name.slice(1), o.email ?? "", customer(o)?.firstName ?? "", customer(o)?.lastName ?? "", ...o.lines.map((l) => l.sku ?? "")],
    filters: {
      created_at: { kind: "time", get: (o) => [o.createdAt] },
      updated_at: { kind: "time", get: (o) => [o.updatedAt] },
      processed_at: { kind: "time", get: (o) => [o.processedAt] },
      id: { kind: "number", get: (o) => [o.legacyId] },
      name: { kind: "custom", test: (o, t) => o.name.toLowerCase() === t.value.toLowerCase() || o.name.slice(1) === t.value.replace(/^#/, "") },
      email: { kind: "keyword", get: (o) => (o.email ? [o.email] : []) },
      financial_status: { kind: "keyword", get: (o) => [o.financialStatus], list: true },
      fulfillment_status: {
        kind: "custom",
        test: (o, t) => {
          const v = t.value.toLowerCase();
          if (v === "any") return true;
          if (v === "unfulfilled" || v === "unshipped") return o.fulfillmentStatus === "UNFULFILLED";
          if (v === "fulfilled" || v === "shipped") return o.fulfillmentStatus === "FULFILLED";
          return false;
        },
      },
      status: { kind: "custom", test: (_o, t) => ["open", "any"].includes(t.value.toLowerCase()) },
      tag: { kind: "keyword", get: (o) => o.tags },
      tag_not: { kind: "custom", test: (o, t) => !o.tags.some((tag) => tag.toLowerCase() === t.value.toLowerCase()) },
      customer_id: { kind: "number", get: (o) => (o.customerGid ? [legacyIdOf(o.customerGid)] : []) },
      sku: { kind: "keyword", get: (o) => o.lines.flatMap((l) => (l.sku ? [l.sku] : [])) },
      source_name: { kind: "keyword", get: (o) => [o.sourceName] },
      sales_channel: { kind: "keyword", get: (o) => [o.sourceName === "web" ? "online_store" : o.sourceName] },
      test: { kind: "bool", get: (o) => o.test },
      current_total_price: { kind: "number", get: (o) => [Number(o.total) - Number(o.totalRefunded)] },
      subtotal_line_items_quantity: { kind: "number", get: (o) => [o.lines.reduce((s, l) => s + l.quantity, 0)] },
    },
  };
}

function sortValue(sortKey: string, catalog: CatalogState): (o: OrderRecord) => SortValue {
  switch (sortKey) {
    case "CREATED_AT": return (o) => Date.parse(o.createdAt);
    case "UPDATED_AT": return (o) => Date.parse(o.updatedAt);
    case "ID": return (o) => o.legacyId;
    case "ORDER_NUMBER": return (o) => o.number;
    case "TOTAL_PRICE": return (o) => Number(o.total);
    case "CURRENT_TOTAL_PRICE": return (o) => Number(o.total) - Number(o.totalRefunded);
    case "FINANCIAL_STATUS": return (o) => o.financialStatus.toLowerCase();
    case "FULFILLMENT_STATUS": return (o) => o.fulfillmentStatus.toLowerCase();
    case "TOTAL_ITEMS_QUANTITY": return (o) => o.lines.reduce((s, l) => s + l.quantity, 0);
    case "CUSTOMER_NAME": return (o) => {
      const c = o.customerGid ? catalog.customers.get(o.customerGid) : undefined;
      return c ? `${c.firstName} ${c.lastName}`.toLowerCase() : "";
    };
    default: return (o) => Date.parse(o.processedAt); // PROCESSED_AT, RELEVANCE
  }
}

/** Orders this token may see: all with read_all_orders, else the last 60 days. */
export function visibleOrder(o: OrderRecord, ctx: AdminContext, now = Date.now()): boolean {
  return hasScope(ctx, "read_all_orders") || Date.parse(o.createdAt) >= now - ORDER_WINDOW_MS;
}

function search(args: ListArgs, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "read_orders", "read_marketplace_orders");
  if (args.savedSearchId) throw notImplemented(info, "savedSearchId");
  const catalog = catalogOf(ctx.state, ctx.shop.domain);
  const compiled = compileSearch(args.query, orderSpec(catalog), info);
  addSearchWarnings(ctx, compiled.warnings);
  const sortKey = args.sortKey ?? "PROCESSED_AT";
  const value = sortValue(sortKey, catalog);
  const sorted = cachedSort(catalog, `orders:${sortKey}`, () => sortBy(catalog.orders.values(), value, (o) => o.legacyId));
  const now = Date.now();
  return { items: sorted.filter((o) => visibleOrder(o, ctx, now) && compiled.test(o)), value, id: (o: OrderRecord) => o.legacyId };
}

export function orders(args: ListArgs, ctx: AdminContext, info: GraphQLResolveInfo) {
  checkPageArgs(args);
  return keysetConnection(search(args, ctx, info), args, (o) => orderNode(o, ctx));
}

export function ordersCount(args: { query?: string | null; limit?: number | null; savedSearchId?: string | null }, ctx: AdminContext, info: GraphQLResolveInfo) {
  return count(search(args, ctx, info).items.length, args.limit);
}

export function order({ id }: { id: string }, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "read_orders", "read_marketplace_orders");
  const o = catalogOf(ctx.state, ctx.shop.domain).orders.get(id);
  return o && visibleOrder(o, ctx) ? orderNode(o, ctx) : null;
}

export function orderByIdentifier({ identifier }: { identifier: { id?: string | null; customId?: unknown } }, ctx: AdminContext, info: GraphQLResolveInfo) {
  if (identifier.customId) throw notImplemented(info, "orderByIdentifier(identifier: { customId })");
  return identifier.id ? order({ id: identifier.id }, ctx, info) : null;
}
