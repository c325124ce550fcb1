import type { GraphQLResolveInfo } from "graphql";
import type { AdminContext } from "../../admin-graphql/context";
import { connection, type ConnectionArgs } from "../../admin-graphql/connection";
import { catalogOf } from "../store";
import type { ProductRecord } from "../types";
import { requireScope } from "./shared";

// QueryRoot.productTags / productTypes / productVendors: the shop's distinct values as a string
// connection, sorted case-insensitively (product-helper-roots-read.json: "accessories", "Apparel",
// "Badge"; tags "1/8\"", "10mm", "14mm"). Empty product types and vendors are not values.
// QueryRoot.productDuplicateJob: the twin runs no duplicate jobs, so any id is a finished job
// (the capture's unknown id answered { id, done: true }).

function distinct(ctx: AdminContext, values: (p: ProductRecord) => string[]): string[] {
  const seen = new Set<string>();
  for (const p of catalogOf(ctx.state, ctx.shop.domain).products.values()) for (const v of values(p)) if (v) seen.add(v);
  const key = (s: string) => s.toLowerCase();
  return [...seen].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a < b ? -1 : a > b ? 1 : 0));
}

const stringConnection = (items: string[], args: ConnectionArgs) => connection(items, args, (s) => s);

export function productTags(args: ConnectionArgs, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "read_products");
  return stringConnection(distinct(ctx, (p) => p.tags), args);
}

export function productTypes(args: ConnectionArgs, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "read_products");
  return stringConnection(distinct(ctx, (p) => [p.productType]), args);
}

export function productVendors(args: ConnectionArgs, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "read_products");
  return stringConnection(distinct(ctx, (p) => [p.vendor]), args);
}

export function productDuplicateJob(args: { id: string }, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "read_products");
  return { __typename: "ProductDuplicateJob", id: args.id, done: true };
}
