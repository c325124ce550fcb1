import type { GraphQLResolveInfo } from "graphql";
import { connection, type ConnectionArgs } from "../admin-graphql/connection";
import { gid, type AdminContext } from "../admin-graphql/context";
import { notImplemented } from "../admin-graphql/resolvers/not-implemented";
import { marketCurrencySettings, marketPriceInclusions, regionCurrency } from "./market-currency";
import type { MarketRecord, ShopRecord, ShopifyState } from "../state";
import { catalogsOfMarket } from "./catalogs";
import { localizationOf, type WebPresenceRecord } from "./store";

// Markets and web presences (2026-07): QueryRoot.markets / market(id) / webPresences, and the
// Market <-> MarketWebPresence links. Shapes follow captures/…/markets/markets-baseline.json.

interface MarketsArgs extends ConnectionArgs { type?: string | null; sortKey?: string | null; query?: string | null }

export const SORTS: Record<string, (a: MarketRecord, b: MarketRecord) => number> = {
  NAME: (a, b) => a.name.localeCompare(b.name),
  ID: (a, b) => a.id - b.id,
  STATUS: (a, b) => a.status.localeCompare(b.status) || a.id - b.id,
  MARKET_TYPE: (a, b) => a.type.localeCompare(b.type) || a.id - b.id,
};

/** Numeric id of `gid://shopify/<type>/<n>`, or undefined. */
export function gidNumber(value: unknown, type: string): number | undefined {
  const m = typeof value === "string" ? new RegExp(`^gid://shopify/${type}/(\\d+)$`).exec(value) : null;
  return m ? Number(m[1]) : undefined;
}

export function findMarket(shop: ShopRecord, marketGid: unknown): MarketRecord | undefined {
  const id = gidNumber(marketGid, "Market");
  return id === undefined ? undefined : shop.markets.find((m) => m.id === id);
}

// QueryRoot.markets: default sortKey NAME (captures list "Draft…", "International", "Mexico").
export function markets(args: MarketsArgs, ctx: AdminContext, info: GraphQLResolveInfo) {
  const sortKey = args.sortKey ?? "NAME";
  const sort = SORTS[sortKey];
  if (!sort) throw notImplemented(info, `markets(sortKey: ${sortKey})`);
  const matches = args.query ? marketQuery(args.query, info) : () => true;
  const unknown = localizationOf(ctx.state, ctx.shop).marketsWithUnknownStatus;
  if (unknown.size && (sortKey === "STATUS" || /\bstatus:/.test(args.query ?? ""))) {
    throw notImplemented(info, "markets by status while a region market's status is unknown (depends on shipping rates)");
  }
  const list = ctx.shop.markets.filter((m) => (!args.type || m.type === args.type) && matches(m)).sort(sort);
  return connection(list.map((m) => marketNode(ctx.state, ctx.shop, m)), args, (m) => m.id);
}

// The search terms the captures use (status:ACTIVE) plus name/market_type/id and free text.
export function marketQuery(query: string, info: GraphQLResolveInfo): (m: MarketRecord) => boolean {
  const tests: ((m: MarketRecord) => boolean)[] = [];
  for (const term of query.match(/\S+:"[^"]*"|\S+:\S+|"[^"]*"|\S+/g) ?? []) {
    const [, field, raw] = /^(?:(\w+):)?(.*)$/.exec(term)!;
    const value = raw!.replace(/^"|"$/g, "").toLowerCase();
    if (!field) tests.push((m) => m.name.toLowerCase().includes(value));
    else if (field === "status") tests.push((m) => m.status.toLowerCase() === value);
    else if (field === "market_type") tests.push((m) => m.type.toLowerCase() === value);
    else if (field === "name") tests.push((m) => m.name.toLowerCase() === value);
    else if (field === "id") tests.push((m) => String(m.id) === value);
    else throw notImplemented(info, `markets(query: "${field}:…")`);
  }
  return (m) => tests.every((t) => t(m));
}

export function market(args: { id: string }, ctx: AdminContext) {
  const m = findMarket(ctx.shop, args.id);
  return m ? marketNode(ctx.state, ctx.shop, m) : null;
}

// QueryRoot.primaryMarket (deprecated in 2026-07 but still served): the market seeded `primary`.
export function primaryMarket(_args: unknown, ctx: AdminContext, info: GraphQLResolveInfo) {
  const m = ctx.shop.markets.find((x) => x.primary);
  if (!m) throw notImplemented(info, "primaryMarket for a shop whose seed marks no primary market");
  return marketNode(ctx.state, ctx.shop, m);
}

export function marketNode(state: ShopifyState, shop: ShopRecord, m: MarketRecord) {
  const presences = () => localizationOf(state, shop).webPresences.filter((w) => w.marketIds.includes(m.id));
  return {
    __typename: "Market",
    id: gid("Market", m.id),
    name: m.name,
    handle: m.handle,
    status: (_: unknown, _ctx: unknown, info: GraphQLResolveInfo) => knownStatus(state, shop, m, info),
    enabled: (_: unknown, _ctx: unknown, info: GraphQLResolveInfo) => knownStatus(state, shop, m, info) === "ACTIVE",
    type: m.type,
    // Only region conditions can be set (others fail loudly in marketCreate/Update), on listed
    // countries: applicationLevel SPECIFIED, as captured for "Canada" (market-detail.json).
    conditions: (_: unknown, _ctx: unknown, info: GraphQLResolveInfo) => {
      if (!m.countryCodes.length) throw notImplemented(info, "Market.conditions of a market without regions");
      return {
        __typename: "MarketConditions",
        conditionTypes: ["REGION"],
        regionsCondition: { __typename: "RegionsCondition", applicationLevel: "SPECIFIED", regions: (args: ConnectionArgs) => regionsConnection(state, shop, m, args) },
        channelsCondition: null,
        companyLocationsCondition: null,
        locationsCondition: null,
      };
    },
    currencySettings: (_: unknown, _ctx: unknown, info: GraphQLResolveInfo) => marketCurrencySettings(shop, m, info),
    priceInclusions: (_: unknown, _ctx: unknown, info: GraphQLResolveInfo) => marketPriceInclusions(m, info),
    catalogs: (args: ConnectionArgs) => connection(catalogsOfMarket(state, shop, m.id), args, (c) => c.id),
    catalogsCount: () => ({ __typename: "Count", count: catalogsOfMarket(state, shop, m.id).length, precision: "EXACT" }),
    primary: m.primary ?? false,
    webPresence: () => {
      const first = presences()[0];
      return first ? webPresenceNode(state, shop, first) : null;
    },
    webPresences: (args: ConnectionArgs) => connection(presences().map((w) => webPresenceNode(state, shop, w)), args, (w) => w.id),
  };
}

function knownStatus(state: ShopifyState, shop: ShopRecord, m: MarketRecord, info: GraphQLResolveInfo) {
  if (localizationOf(state, shop).marketsWithUnknownStatus.has(m.id)) {
    throw notImplemented(info, "Market.status of a region market created without status (depends on shipping rates)");
  }
  return m.status;
}

// Country names are CLDR's English names (Intl), which is what Shopify shows for the captured
// "Canada"; a few Shopify names may differ from CLDR's.
const COUNTRY_NAMES = new Intl.DisplayNames(["en"], { type: "region" });

function regionsConnection(state: ShopifyState, shop: ShopRecord, m: MarketRecord, args: ConnectionArgs) {
  const ids = localizationOf(state, shop).regionIds;
  const nodes = m.countryCodes.map((code) => {
    const key = `${m.id} ${code}`;
    if (!ids.has(key)) ids.set(key, state.nextId());
    return { __typename: "MarketRegionCountry", id: gid("MarketRegionCountry", ids.get(key)!), name: COUNTRY_NAMES.of(code) ?? code, code, currency: (_: unknown, _ctx: unknown, info: GraphQLResolveInfo) => regionCurrency(shop, m, info) };
  });
  return connection(nodes, args, (n) => n.id);
}

export function webPresences(args: ConnectionArgs, ctx: AdminContext) {
  const all = localizationOf(ctx.state, ctx.shop).webPresences;
  return connection(all.map((w) => webPresenceNode(ctx.state, ctx.shop, w)), args, (w) => w.id);
}

export function shopLocaleNode(state: ShopifyState, shop: ShopRecord, code: string) {
  const l = shop.locales.find((x) => x.locale === code);
  return {
    __typename: "ShopLocale",
    locale: code,
    name: l?.name ?? code,
    primary: l?.primary ?? false,
    published: l?.published ?? false,
    marketWebPresences: () =>
      localizationOf(state, shop)
        .webPresences.filter((w) => [w.defaultLocale, ...w.alternateLocales].some((c) => resolveShopLocale(shop, c) === code))
        .map((w) => webPresenceNode(state, shop, w)),
  };
}

// A presence keeps the locale codes it was given ("en-us", "fr-CA": rootUrls echo them) while its
// defaultLocale/alternateLocales are the shop locales they stand for (captured: "en-us" -> en,
// "fr-CA" -> fr when only fr is enabled): same code in any case, else the same language.
export function resolveShopLocale(shop: ShopRecord, code: string): string {
  const lower = code.toLowerCase();
  const exact = shop.locales.find((l) => l.locale.toLowerCase() === lower);
  if (exact) return exact.locale;
  const lang = lower.split("-")[0];
  return shop.locales.find((l) => l.locale.toLowerCase() === lang)?.locale ?? code;
}

export function webPresenceNode(state: ShopifyState, shop: ShopRecord, w: WebPresenceRecord) {
  return {
    __typename: "MarketWebPresence",
    id: gid("MarketWebPresence", w.id),
    subfolderSuffix: w.subfolderSuffix,
    domain: w.domain && { __typename: "Domain", id: gid("Domain", w.domain.id), host: w.domain.host, url: `https://${w.domain.host}`, sslEnabled: true },
    defaultLocale: () => shopLocaleNode(state, shop, resolveShopLocale(shop, w.defaultLocale)),
    alternateLocales: () => w.alternateLocales.map((code) => shopLocaleNode(state, shop, resolveShopLocale(shop, code))),
    rootUrls: rootUrls(shop, w),
    markets: (args: ConnectionArgs) => {
      const list = shop.markets.filter((m) => w.marketIds.includes(m.id)).sort(SORTS.NAME);
      return connection(list.map((m) => marketNode(state, shop, m)), args, (m) => m.id);
    },
  };
}

// Captured shapes: domain root "https://<host>/"; subfolder "https://<primary host>/<lang>-<suffix>/".
// Default locale first, alternates after it sorted by code (webPresenceCreate with [fr, de] -> en, de, fr).
function rootUrls(shop: ShopRecord, w: WebPresenceRecord) {
  const locales = [w.defaultLocale, ...[...w.alternateLocales].sort()];
  return locales.map((locale, i) => {
    const lang = locale.split("-")[0]!.toLowerCase();
    const url = w.subfolderSuffix
      ? `https://${shop.primaryDomain.host}/${lang}-${w.subfolderSuffix}/`
      : `https://${w.domain!.host}/${i === 0 ? "" : `${locale}/`}`;
    return { __typename: "MarketWebPresenceRootUrl", locale, url };
  });
}
