import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { MarketRecord } from "../../shopify/state";
import { CAPTURES_DIR } from "../captures";
import { normalizeCapture, upstreamEvidence, type Exchange } from "../normalize";
import { currencyFacts } from "./recorded-markets";
import { isMutationStep, isObject } from "../steps";
import type { TwinSetup } from "../twin";

// What the OTHER captures of the same recorded shop (the same `<shop>.myshopify.com` folder, every
// API version and folder) showed of the shop's standing objects: a filler for a value that the
// scenario's own reads and its upstreamCalls never showed. Only Shopify's answers count (steps and
// upstreamCalls, as normalize.ts finds them; never requests or `proxyExpected`). So far: market
// currencies, keyed by the recorded market id (harry's market-localization-money-metafield-remove-
// parity.json reads "International" and "Mexico" without their currencies; markets-baseline.json and
// markets-catalog.json show them: CAD and MXN).
// A value is taken only when every capture of the shop that shows the market's currency shows the
// same one (captures that disagree leave it unknown), and only for a market whose currency the
// scenario neither showed nor changed (a mutation naming the market that mentions a currency).

const MARKET = /^gid:\/\/shopify\/Market\/(\d+)$/;

/** Market id -> currency -> the capture files whose answers showed the market with that currency. */
export type MarketCurrencyIndex = Map<number, Map<string, Set<string>>>;

/** Every currency Shopify's answers in `exchanges` showed for a market, by market id. */
function marketCurrenciesShown(exchanges: Exchange[]): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!isObject(node)) return;
    const id = typeof node.id === "string" ? Number(MARKET.exec(node.id)?.[1]) : 0;
    const currency = id ? currencyFacts(node).currencyCode : undefined;
    if (id && currency) out.set(id, (out.get(id) ?? new Set()).add(currency));
    Object.values(node).forEach(walk);
  };
  for (const ex of exchanges) walk(ex.response?.data);
  return out;
}

/** The shop-wide index over parsed capture files (`file`: its path, to tell the scenario's own file apart). */
export function indexShopCaptures(files: { file: string; json: unknown }[]): MarketCurrencyIndex {
  const index: MarketCurrencyIndex = new Map();
  for (const { file, json } of files) {
    for (const [id, currencies] of marketCurrenciesShown([...normalizeCapture(json), ...upstreamEvidence(json)])) {
      const byCurrency = index.get(id) ?? new Map<string, Set<string>>();
      for (const c of currencies) byCurrency.set(c, (byCurrency.get(c) ?? new Set()).add(file));
      index.set(id, byCurrency);
    }
  }
  return index;
}

const cache = new Map<string, MarketCurrencyIndex>();

/** The index of every capture file under `<dir>/<shop>/` (paths relative to `dir`), built once per shop. */
export function shopCaptureIndex(shop: string, dir = CAPTURES_DIR): MarketCurrencyIndex {
  const key = `${dir}\n${shop}`;
  const known = cache.get(key);
  if (known) return known;
  const files: { file: string; json: unknown }[] = [];
  const visit = (rel: string): void => {
    for (const name of readdirSync(path.join(dir, rel)).sort()) {
      const child = path.join(rel, name);
      if (statSync(path.join(dir, child)).isDirectory()) visit(child);
      else if (name.endsWith(".json")) files.push({ file: child.split(path.sep).join("/"), json: JSON.parse(readFileSync(path.join(dir, child), "utf8")) as unknown });
    }
  };
  if (existsSync(path.join(dir, shop))) visit(shop);
  const index = indexShopCaptures(files);
  cache.set(key, index);
  return index;
}

/** Every object key in a value, at any depth (an input's field names, not its string values). */
const keysOf = (v: unknown): string[] => (Array.isArray(v) ? v.flatMap(keysOf) : isObject(v) ? Object.entries(v).flatMap(([k, x]) => [k, ...keysOf(x)]) : []);

/** Whether a mutation of the scenario names the market and mentions a currency (it may have changed it). */
function scenarioMayChangeCurrency(exchanges: Exchange[], id: number): boolean {
  const gid = `gid://shopify/Market/${id}`;
  return exchanges.some((ex) => {
    if (!isMutationStep(ex)) return false;
    // Without its query text, what a mutation naming the market set is not known.
    if (!ex.query) return JSON.stringify(ex.response?.data ?? null).includes(gid);
    const request = `${ex.query} ${JSON.stringify(ex.variables ?? {})}`;
    return request.includes(gid) && (/currency/i.test(ex.query) || keysOf(ex.variables).some((k) => /currency/i.test(k)));
  });
}

/**
 * The one currency other captures of the shop showed for the market: at least one file other
 * than `ownFile` shows it, and no file (the own one included) shows another.
 */
export function agreedCurrency(index: MarketCurrencyIndex, id: number, ownFile: string): string | undefined {
  const byCurrency = index.get(id);
  if (!byCurrency || byCurrency.size !== 1) return undefined;
  const [currency, files] = [...byCurrency][0]!;
  return [...files].some((f) => f !== ownFile) ? currency : undefined;
}

/** `markets` with the currencies no read of the scenario showed filled from the shop's other captures. */
export function withShopCurrencies(markets: MarketRecord[], exchanges: Exchange[], index: MarketCurrencyIndex, ownFile: string): MarketRecord[] {
  return markets.map((m) => {
    if (!m.currencyUnknown || m.currencyCode || scenarioMayChangeCurrency(exchanges, m.id)) return m;
    const currency = agreedCurrency(index, m.id, ownFile);
    if (!currency) return m;
    const { currencyUnknown: _unknown, ...known } = m;
    return { ...known, currencyCode: currency };
  });
}

/** The scenario's twin setup, its markets' unknown currencies filled from the shop's other captures. */
export function withShopEvidence(setup: TwinSetup, exchanges: Exchange[], capture: { shop: string; file: string }, dir = CAPTURES_DIR): TwinSetup {
  const markets = setup.markets ?? [];
  if (!markets.some((m) => m.currencyUnknown && !m.currencyCode)) return setup;
  return { ...setup, markets: withShopCurrencies(markets, exchanges, shopCaptureIndex(capture.shop, dir), capture.file) };
}
