import type { MarketRecord } from "../../shopify/state";
import type { Exchange } from "../normalize";
import { acceptedCleanly, ANY_GID, isMutationStep, isObject, rootKeys } from "../steps";
import type { SeedMarks } from "./seeded-exchanges";

// Markets the recorded shop already had, as part of the shop the twin starts with (like its
// locales): every Market a read showed before a mutation of the scenario named it, or that a
// mutation Shopify accepted without errors worked on, and that no step of the scenario created.
// They keep their recorded ids; their name, handle, status, type, currency and countries are what
// the reads showed (a currency no read showed stays unknown: `currencyUnknown`, unless the shop's other captures agree on it: shop-evidence.ts). A market no read described (only its id is known) gets placeholders, and
// `unrecordedMarkets` names it so that differences in those values are judged as unknown.

const MARKET = /^gid:\/\/shopify\/Market\/(\d+)$/;

/** The gids the scenario's own `create` mutation answered (never the recorded shop's). */
const createdBy = (exchanges: Exchange[], create: string) =>
  new Set(exchanges.filter((ex) => rootKeys(ex).includes(create)).flatMap((ex) => JSON.stringify(ex.response.data).match(ANY_GID) ?? []));

/** `marks`: where each value taken came from (seeded-exchanges.ts). */
export function recordedMarkets(exchanges: Exchange[], marks?: SeedMarks): MarketRecord[] {
  const created = createdBy(exchanges, "marketCreate");
  const touched = new Set<string>();
  const found = new Map<string, MarketRecord>();
  const add = (id: string, o: Record<string, unknown> = {}) => {
    const n = Number(MARKET.exec(id)?.[1]);
    const facts = currencyFacts(o);
    const currency = facts.currencyCode;
    const known = found.get(id);
    // A later read may show what an earlier one did not select.
    if (known) {
      if (known.currencyUnknown && typeof currency === "string") { known.currencyCode = currency; delete known.currencyUnknown; }
      if (known.currencySettings === undefined && facts.currencySettings !== undefined) known.currencySettings = facts.currencySettings;
      if (known.priceInclusions === undefined && facts.priceInclusions !== undefined) known.priceInclusions = facts.priceInclusions;
    }
    if (!n || created.has(id) || known) return;
    // Countries: `regions.nodes[].code`, or (2026-04+) `conditions.regionsCondition.regions.edges[].node.code`.
    const listed = (o.regions as { nodes?: { code?: unknown }[] } | undefined)?.nodes
      ?? ((o.conditions as { regionsCondition?: { regions?: { edges?: { node?: { code?: unknown } }[] } } } | undefined)?.regionsCondition?.regions?.edges ?? []).map((e) => e.node ?? {});
    const regions = listed.map((r) => r.code).filter((c): c is string => typeof c === "string");
    found.set(id, {
      id: n,
      name: typeof o.name === "string" ? o.name : UNRECORDED_MARKET_NAME,
      handle: typeof o.handle === "string" ? o.handle : `recorded-market-${n}`,
      status: o.status === "DRAFT" ? "DRAFT" : "ACTIVE",
      type: typeof o.type === "string" ? (o.type as MarketRecord["type"]) : "REGION",
      countryCodes: regions,
      // No read showed its currency: unknown, never the shop's by default.
      ...(typeof currency === "string" ? { currencyCode: currency } : { currencyUnknown: true }),
      ...(facts.currencySettings !== undefined ? { currencySettings: facts.currencySettings } : {}),
      ...(facts.priceInclusions !== undefined ? { priceInclusions: facts.priceInclusions } : {}),
    });
  };
  const collect = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(collect);
    if (!isObject(node)) return;
    if (typeof node.id === "string" && MARKET.test(node.id) && !touched.has(node.id) && !created.has(node.id)) {
      add(node.id, node);
      if (marks) markMarket(marks, node);
    }
    Object.values(node).forEach(collect);
  };
  for (const ex of exchanges) {
    if (!isMutationStep(ex)) { collect(ex.response?.data); continue; }
    const request = JSON.stringify(ex.variables ?? {}).match(ANY_GID) ?? [];
    if (acceptedCleanly(ex)) for (const g of request) if (MARKET.test(g) && !touched.has(g)) add(g);
    for (const g of [...request, ...(JSON.stringify(ex.response?.data ?? null).match(ANY_GID) ?? [])]) touched.add(g);
  }
  return [...found.values()];
}

/**
 * What a read showed of a market's money: its currency (the base currency of its currency settings,
 * or the one currency all its listed countries show: markets-baseline.json's "Conformance US" has
 * no currency settings and its US region prices in CAD), its other currency settings (null: none),
 * and its price inclusions (null: none). Undefined where the read did not select them.
 */
export function currencyFacts(o: Record<string, unknown>): Pick<MarketRecord, "currencyCode" | "currencySettings" | "priceInclusions"> {
  const settings = o.currencySettings;
  const base = isObject(settings) && isObject(settings.baseCurrency) ? settings.baseCurrency.currencyCode : undefined;
  const regionEdges = ((o.conditions as { regionsCondition?: { regions?: { edges?: { node?: { currency?: { currencyCode?: unknown } } }[] } } } | undefined)?.regionsCondition?.regions?.edges ?? []);
  const regionCurrencies = new Set(regionEdges.map((e) => e.node?.currency?.currencyCode));
  const regional = regionCurrencies.size === 1 ? [...regionCurrencies][0] : undefined;
  const currencyCode = typeof base === "string" ? base : typeof regional === "string" ? regional : undefined;
  const currencySettings = settings === null ? null
    : isObject(settings) && typeof settings.localCurrencies === "boolean" && typeof settings.roundingEnabled === "boolean" ? { localCurrencies: settings.localCurrencies, roundingEnabled: settings.roundingEnabled }
    : undefined;
  const inclusions = o.priceInclusions;
  const priceInclusions = inclusions === null ? null
    : isObject(inclusions) ? Object.fromEntries(Object.entries(inclusions).filter(([k, v]) => k !== "__typename" && ["string", "boolean"].includes(typeof v)))
    : undefined;
  return { ...(currencyCode ? { currencyCode } : {}), ...(currencySettings !== undefined ? { currencySettings } : {}), ...(priceInclusions !== undefined ? { priceInclusions } : {}) };
}

/** The values of a market node that `recordedMarkets` takes (seeded-exchanges.ts). */
function markMarket(marks: SeedMarks, node: Record<string, unknown>): void {
  const owner = node.id as string;
  marks.mark(owner, node, ["id", "name", "handle", "status", "type"].filter((k) => typeof node[k] === "string"));
  const regions = (o: unknown) => (isObject(o) && Array.isArray(o.nodes) ? o.nodes : []);
  for (const r of regions(node.regions)) if (isObject(r) && typeof r.code === "string") marks.mark(owner, r, ["code"]);
  const edges = isObject(node.conditions) && isObject(node.conditions.regionsCondition) && isObject(node.conditions.regionsCondition.regions) && Array.isArray(node.conditions.regionsCondition.regions.edges) ? node.conditions.regionsCondition.regions.edges : [];
  const facts = currencyFacts(node);
  const settings = node.currencySettings;
  const base = isObject(settings) && isObject(settings.baseCurrency) && typeof settings.baseCurrency.currencyCode === "string" ? settings.baseCurrency : undefined;
  for (const e of edges) {
    const region = isObject(e) && isObject(e.node) ? e.node : undefined;
    if (!region) continue;
    if (typeof region.code === "string") marks.mark(owner, region, ["code"]);
    // The currency all its regions show, when that is where the market's currency came from.
    if (!base && facts.currencyCode && isObject(region.currency)) marks.mark(owner, region.currency, ["currencyCode"]);
  }
  if (settings === null) marks.mark(owner, node, ["currencySettings"]);
  if (base) marks.mark(owner, base, ["currencyCode"]);
  if (isObject(settings) && facts.currencySettings) marks.mark(owner, settings, ["localCurrencies", "roundingEnabled"]);
  if (facts.priceInclusions !== undefined) marks.mark(owner, node, ["priceInclusions"]);
}

export const UNRECORDED_MARKET_NAME = "Recorded market";

/** Captured gids of markets rebuilt with placeholder values (no read described them). */
export const unrecordedMarkets = (markets: MarketRecord[]) => markets.filter((m) => m.name === UNRECORDED_MARKET_NAME).map((m) => `gid://shopify/Market/${m.id}`);

/** A web presence the recorded shop had, as its reads showed it. */
export interface RecordedWebPresence { id: number; subfolderSuffix: string | null; defaultLocale?: string; alternateLocales?: string[]; marketIds: number[] }

const PRESENCE = /^gid:\/\/shopify\/MarketWebPresence\/(\d+)$/;

/**
 * Web presences the recorded shop already had, seen in reads before any mutation named them and
 * not created by the scenario (webPresenceCreate): the root one (no subfolder) takes the place of
 * the twin shop's own root presence, subfolder ones are added, all with their recorded ids.
 */
export function recordedWebPresences(exchanges: Exchange[], marks?: SeedMarks): RecordedWebPresence[] {
  const created = createdBy(exchanges, "webPresenceCreate");
  const touched = new Set<string>();
  const found = new Map<string, RecordedWebPresence>();
  // `market`: the market whose webPresences the node is listed in (markets-baseline.json reads a
  // market's presences from the market: the presence belongs to it).
  const collect = (node: unknown, market?: number): void => {
    if (Array.isArray(node)) return node.forEach((v) => collect(v, market));
    if (!isObject(node)) return;
    const id = typeof node.id === "string" ? node.id : "";
    const n = Number(PRESENCE.exec(id)?.[1]);
    if (n && !touched.has(id) && !created.has(id) && "subfolderSuffix" in node && marks) markPresence(marks, node);
    if (n && !touched.has(id) && !created.has(id) && !found.has(id) && "subfolderSuffix" in node) {
      const locale = (v: unknown) => (isObject(v) && typeof v.locale === "string" ? v.locale : undefined);
      const alternates = Array.isArray(node.alternateLocales) ? node.alternateLocales.map(locale).filter((l): l is string => !!l) : undefined;
      const listed = node.markets as { nodes?: { id?: unknown }[]; edges?: { node?: { id?: unknown } }[] } | undefined;
      const markets = (listed?.nodes ?? listed?.edges?.map((e) => e.node ?? {}) ?? []).map((m) => Number(MARKET.exec(String(m.id))?.[1])).filter((m) => m > 0);
      if (market && !markets.includes(market)) markets.push(market);
      found.set(id, { id: n, subfolderSuffix: typeof node.subfolderSuffix === "string" ? node.subfolderSuffix : null, defaultLocale: locale(node.defaultLocale), alternateLocales: alternates, marketIds: markets });
    }
    const owner = Number(MARKET.exec(id)?.[1]) || undefined;
    for (const [k, v] of Object.entries(node)) collect(v, owner && (k === "webPresences" || k === "webPresence") ? owner : k === "node" || k === "nodes" || k === "edges" ? market : undefined);
  };
  for (const ex of exchanges) {
    if (isMutationStep(ex)) {
      for (const g of `${JSON.stringify(ex.variables ?? {})} ${JSON.stringify(ex.response?.data ?? null)}`.match(ANY_GID) ?? []) touched.add(g);
      continue;
    }
    collect(ex.response?.data);
  }
  return [...found.values()];
}

/** The values of a web presence node that `recordedWebPresences` takes (seeded-exchanges.ts). */
function markPresence(marks: SeedMarks, node: Record<string, unknown>): void {
  const owner = node.id as string;
  marks.mark(owner, node, ["id", "subfolderSuffix"]);
  if (isObject(node.defaultLocale)) marks.mark(owner, node.defaultLocale, ["locale"]);
  if (Array.isArray(node.alternateLocales)) for (const l of node.alternateLocales) marks.mark(owner, l, ["locale"]);
  const listed = node.markets as { nodes?: unknown[]; edges?: { node?: unknown }[] } | undefined;
  for (const m of listed?.nodes ?? listed?.edges?.map((e) => e.node) ?? []) if (isObject(m) && typeof m.id === "string" && MARKET.test(m.id)) marks.mark(owner, m, ["id"]);
}
