import type { GraphQLResolveInfo } from "graphql";
import { connection, type ConnectionArgs } from "../admin-graphql/connection";
import { gid, type AdminContext } from "../admin-graphql/context";
import { notImplemented } from "../admin-graphql/resolvers/not-implemented";
import { domainState, type ShopRecord, type ShopifyState } from "../state";
import { findMarket, marketNode, marketQuery, SORTS } from "./markets";

// Market catalogs: catalogCreate (market context), catalogs, catalogsCount, catalogDelete.
// Captured: markets/catalogs-connection-read.json (create ACTIVE/DRAFT with context.marketIds,
// catalogs(type: MARKET, query: "title:…", sortKey: TITLE, reverse), a COMPANY_LOCATION read of
// a shop without B2B catalogs is empty, catalogsCount with limit -> AT_LEAST).
// Price lists, publications, company-location catalogs and every validation error are not
// modelled and fail loudly; a catalog created without them has no price list, no publication and
// no running operations.

export interface CatalogRecord { id: number; title: string; status: "ACTIVE" | "DRAFT" | "ARCHIVED"; marketIds: number[] }

function catalogsOf(state: ShopifyState, shop: ShopRecord): CatalogRecord[] {
  const all = domainState(state, "market-catalogs", () => new Map<string, CatalogRecord[]>());
  let list = all.get(shop.domain);
  if (!list) all.set(shop.domain, (list = []));
  return list;
}

interface CatalogMarketsArgs { type?: string | null; status?: string | null; query?: string | null }

// The catalog's markets, filtered like QueryRoot.markets, by name as Shopify's cursors show
// ({"last_value":"Mexico"} in markets-baseline.json).
function catalogMarkets(shop: ShopRecord, c: CatalogRecord, args: CatalogMarketsArgs, info: GraphQLResolveInfo) {
  const matches = args.query ? marketQuery(args.query, info) : () => true;
  return shop.markets
    .filter((m) => c.marketIds.includes(m.id) && (!args.type || m.type === args.type) && (!args.status || m.status === args.status) && matches(m))
    .sort(SORTS.NAME);
}

function catalogNode(state: ShopifyState, shop: ShopRecord, c: CatalogRecord) {
  return {
    __typename: "MarketCatalog",
    id: gid("MarketCatalog", c.id),
    title: c.title,
    status: c.status,
    // Created without priceListId/publicationId (others fail loudly): none linked, nothing running.
    priceList: null,
    publication: null,
    operations: [],
    markets: (args: ConnectionArgs & CatalogMarketsArgs, _ctx: unknown, info: GraphQLResolveInfo) =>
      connection(catalogMarkets(shop, c, args, info).map((m) => marketNode(state, shop, m)), args, (m) => m.id),
    marketsCount: (args: CatalogMarketsArgs & { limit?: number | null }, _ctx: unknown, info: GraphQLResolveInfo) => count(catalogMarkets(shop, c, args, info).length, args.limit),
  };
}

function count(n: number, limit: number | null | undefined) {
  const max = limit ?? 10000;
  return n > max ? { __typename: "Count", count: max, precision: "AT_LEAST" } : { __typename: "Count", count: n, precision: "EXACT" };
}

interface CatalogCreateInput { title: string; status: string; context: { marketIds?: string[] | null; companyLocationIds?: string[] | null }; priceListId?: string | null; publicationId?: string | null }

export function catalogCreate(args: { input: CatalogCreateInput }, ctx: AdminContext, info: GraphQLResolveInfo) {
  const { input } = args;
  if (input.priceListId != null || input.publicationId != null) throw notImplemented(info, "catalogCreate(priceListId/publicationId)");
  if (input.context.companyLocationIds != null || input.context.marketIds == null) throw notImplemented(info, "catalogCreate for a context other than marketIds");
  if (!input.title.trim()) throw notImplemented(info, "catalogCreate with a blank title (error not captured)");
  const marketIds = input.context.marketIds.map((g) => {
    const m = findMarket(ctx.shop, g);
    if (!m) throw notImplemented(info, "catalogCreate with an unknown market (error not captured)");
    return m.id;
  });
  const record: CatalogRecord = { id: ctx.state.nextId(), title: input.title, status: input.status as CatalogRecord["status"], marketIds };
  catalogsOf(ctx.state, ctx.shop).push(record);
  return { catalog: catalogNode(ctx.state, ctx.shop, record), userErrors: [] };
}

/** Market.catalogs / catalogsCount: the market catalogs that list the market, by id. */
export function catalogsOfMarket(state: ShopifyState, shop: ShopRecord, marketId: number) {
  return catalogsOf(state, shop).filter((c) => c.marketIds.includes(marketId)).sort((a, b) => a.id - b.id).map((c) => catalogNode(state, shop, c));
}

// QueryRoot.catalog(id): the market catalog, or null for an unknown id (the twin holds no other catalogs).
export function catalog(args: { id: string }, ctx: AdminContext) {
  const record = catalogsOf(ctx.state, ctx.shop).find((c) => gid("MarketCatalog", c.id) === args.id);
  return record ? catalogNode(ctx.state, ctx.shop, record) : null;
}

export function catalogDelete(args: { id: string; deleteDependentResources?: boolean | null }, ctx: AdminContext, info: GraphQLResolveInfo) {
  const list = catalogsOf(ctx.state, ctx.shop);
  const index = list.findIndex((c) => gid("MarketCatalog", c.id) === args.id);
  if (index < 0) throw notImplemented(info, "catalogDelete of an unknown catalog (error not captured)");
  const [record] = list.splice(index, 1);
  return { deletedId: gid("MarketCatalog", record!.id), userErrors: [] };
}

interface CatalogsArgs extends ConnectionArgs { type?: string | null; query?: string | null; sortKey?: string | null }

// The twin's shops hold market catalogs only: no B2B company locations and no catalog-owning
// channel apps. Another type reads as none (captured for COMPANY_LOCATION on a shop without B2B);
// no type lists every catalog, which on both captured shops (Online Store and other channels
// installed) were market catalogs only (markets-baseline.json, market-catalogs.json).
function matching(ctx: AdminContext, args: { type?: string | null; query?: string | null }, info: GraphQLResolveInfo): CatalogRecord[] {
  if (args.type != null && args.type !== "MARKET") return [];
  const tests: ((c: CatalogRecord) => boolean)[] = [];
  for (const term of args.query?.match(/\S+:"[^"]*"|\S+/g) ?? []) {
    const m = /^title:"?([^"]*)"?$/.exec(term);
    if (!m) throw notImplemented(info, `${info.fieldName}(query: "${term}")`);
    const value = m[1]!.toLowerCase();
    tests.push((c) => c.title.toLowerCase().includes(value));
  }
  return catalogsOf(ctx.state, ctx.shop).filter((c) => tests.every((t) => t(c)));
}

export function catalogs(args: CatalogsArgs, ctx: AdminContext, info: GraphQLResolveInfo) {
  const list = matching(ctx, args, info);
  const sortKey = args.sortKey ?? "ID";
  if (sortKey === "TITLE") list.sort((a, b) => a.title.toLowerCase().localeCompare(b.title.toLowerCase()) || a.id - b.id);
  else if (sortKey === "ID") list.sort((a, b) => a.id - b.id);
  else throw notImplemented(info, `catalogs(sortKey: ${sortKey})`);
  return connection(list.map((c) => catalogNode(ctx.state, ctx.shop, c)), args, (n) => n.id);
}

export function catalogsCount(args: { type?: string | null; query?: string | null; limit?: number | null }, ctx: AdminContext, info: GraphQLResolveInfo) {
  return count(matching(ctx, args, info).length, args.limit);
}
