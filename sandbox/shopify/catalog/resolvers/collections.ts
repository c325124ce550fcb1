import type { GraphQLResolveInfo } from "graphql";
import type { AdminContext } from "../../admin-graphql/context";
import type { ConnectionArgs } from "../../admin-graphql/connection";
import { notImplemented } from "../../admin-graphql/resolvers/not-implemented";
import { checkPageArgs, keysetConnection, sortBy } from "../keyset";
import { compileSearch, type SearchSpec } from "../search/evaluate";
import { cachedSort, catalogOf } from "../store";
import type { CollectionRecord } from "../types";
import { collectionNode, collectionSortValue } from "./collection-node";
import { addSearchWarnings, count, requireScope } from "./shared";

interface ListArgs extends ConnectionArgs { sortKey?: string | null; query?: string | null; savedSearchId?: string | null }

const spec: SearchSpec<CollectionRecord> = {
  freeText: (c) => [c.title, c.handle],
  filters: {
    title: { kind: "text", get: (c) => [c.title] },
    handle: { kind: "keyword", get: (c) => [c.handle], list: true },
    id: { kind: "number", get: (c) => [c.legacyId] },
    collection_type: { kind: "keyword", get: (c) => [c.ruleSet ? "smart" : "custom"] },
    product_id: { kind: "custom", test: (c, t) => c.productGids.includes(`gid://shopify/Product/${t.value}`) },
    updated_at: { kind: "time", get: (c) => [c.updatedAt] },
    published_at: { kind: "time", get: (c) => [c.publishedAt] },
    published_status: { kind: "custom", test: (c, t) => (/unpublished|hidden|unavailable/i.test(t.value) ? !c.publishedAt : /published|visible/i.test(t.value) ? !!c.publishedAt : true) },
  },
};

function search(args: ListArgs, ctx: AdminContext, info: GraphQLResolveInfo) {
  if (args.savedSearchId) throw notImplemented(info, "savedSearchId");
  const catalog = catalogOf(ctx.state, ctx.shop.domain);
  const compiled = compileSearch(args.query, spec, info);
  addSearchWarnings(ctx, compiled.warnings);
  const sortKey = args.sortKey === "RELEVANCE" ? "ID" : (args.sortKey ?? "ID");
  const value = collectionSortValue(sortKey);
  const sorted = cachedSort(catalog, `collections:${sortKey}`, () => sortBy(catalog.collections.values(), value, (c) => c.legacyId));
  return { items: sorted.filter(compiled.test), value, id: (c: CollectionRecord) => c.legacyId };
}

export function collections(args: ListArgs, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "read_products");
  checkPageArgs(args);
  return keysetConnection(search(args, ctx, info), args, (c) => collectionNode(c, ctx));
}

export function collectionsCount(args: { query?: string | null; limit?: number | null }, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "read_products");
  return count(search(args, ctx, info).items.length, args.limit);
}

export function collection({ id }: { id: string }, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "read_products");
  const c = catalogOf(ctx.state, ctx.shop.domain).collections.get(id);
  return c ? collectionNode(c, ctx) : null;
}

export function collectionByIdentifier({ identifier }: { identifier: { id?: string | null; handle?: string | null; customId?: unknown } }, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "read_products");
  if (identifier.customId) throw notImplemented(info, "collectionByIdentifier(identifier: { customId })");
  const all = catalogOf(ctx.state, ctx.shop.domain).collections;
  const c = identifier.id ? all.get(identifier.id) : [...all.values()].find((x) => x.handle === identifier.handle);
  return c ? collectionNode(c, ctx) : null;
}

export function collectionByHandle({ handle }: { handle: string }, ctx: AdminContext, info: GraphQLResolveInfo) {
  return collectionByIdentifier({ identifier: { handle } }, ctx, info);
}
