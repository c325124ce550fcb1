import type { GraphQLResolveInfo } from "graphql";
import type { AdminContext } from "../../admin-graphql/context";
import type { ConnectionArgs } from "../../admin-graphql/connection";
import { checkPageArgs, keysetConnection, sortBy, type SortValue } from "../keyset";
import { compileSearch, type SearchSpec } from "../search/evaluate";
import { cachedSort, catalogOf } from "../store";
import type { CatalogState, CustomerRecord } from "../types";
import { amountSpent, customerNode } from "./customer-node";
import { addSearchWarnings, count, requireScope } from "./shared";

// QueryRoot.customers / customer / customersCount (read_customers, which Tessera does not request:
// the twin answers ACCESS_DENIED for the app's own token, as Shopify would).

interface ListArgs extends ConnectionArgs { sortKey?: string | null; query?: string | null }

function spec(catalog: CatalogState): SearchSpec<CustomerRecord> {
  const ordersOf = (c: CustomerRecord) => [...catalog.orders.values()].filter((o) => o.customerGid === c.gid);
  return {
    freeText: (c) => [c.firstName, c.lastName, c.email],
    filters: {
      email: { kind: "keyword", get: (c) => [c.email] },
      first_name: { kind: "keyword", get: (c) => [c.firstName] },
      last_name: { kind: "keyword", get: (c) => [c.lastName] },
      country: { kind: "keyword", get: (c) => [c.countryCode, c.address.country] },
      id: { kind: "number", get: (c) => [c.legacyId] },
      customer_date: { kind: "time", get: (c) => [c.createdAt] },
      updated_at: { kind: "time", get: (c) => [c.updatedAt] },
      tag: { kind: "keyword", get: (c) => c.tags },
      tag_not: { kind: "custom", test: (c, t) => !c.tags.some((tag) => tag.toLowerCase() === t.value.toLowerCase()) },
      state: { kind: "keyword", get: () => ["disabled"] },
      accepts_marketing: { kind: "bool", get: (c) => c.acceptsMarketing },
      orders_count: { kind: "number", get: (c) => [ordersOf(c).length] },
      total_spent: { kind: "number", get: (c) => [amountSpent(ordersOf(c))] },
    },
  };
}

function sortValue(sortKey: string): (c: CustomerRecord) => SortValue {
  switch (sortKey) {
    case "CREATED_AT": return (c) => Date.parse(c.createdAt);
    case "UPDATED_AT": return (c) => Date.parse(c.updatedAt);
    case "NAME": return (c) => `${c.firstName} ${c.lastName}`.toLowerCase();
    case "LOCATION": return (c) => `${c.address.country} ${c.address.city}`.toLowerCase();
    default: return (c) => c.legacyId;
  }
}

function search(args: ListArgs, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "read_customers");
  const catalog = catalogOf(ctx.state, ctx.shop.domain);
  const compiled = compileSearch(args.query, spec(catalog), info);
  addSearchWarnings(ctx, compiled.warnings);
  const sortKey = args.sortKey === "RELEVANCE" ? "ID" : (args.sortKey ?? "ID");
  const value = sortValue(sortKey);
  const sorted = cachedSort(catalog, `customers:${sortKey}`, () => sortBy(catalog.customers.values(), value, (c) => c.legacyId));
  return { items: sorted.filter(compiled.test), value, id: (c: CustomerRecord) => c.legacyId };
}

export function customers(args: ListArgs, ctx: AdminContext, info: GraphQLResolveInfo) {
  checkPageArgs(args);
  return keysetConnection(search(args, ctx, info), args, (c) => customerNode(c, ctx));
}

export function customersCount(args: { query?: string | null; limit?: number | null }, ctx: AdminContext, info: GraphQLResolveInfo) {
  return count(search(args, ctx, info).items.length, args.limit);
}

export function customer({ id }: { id: string }, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "read_customers");
  const c = catalogOf(ctx.state, ctx.shop.domain).customers.get(id);
  return c ? customerNode(c, ctx) : null;
}
