import type { MarketRecord, ShopLocaleRecord } from "../../shopify/state";
import type { Exchange } from "../normalize";
import { operationOf, scenarioScopes } from "../scopes";
import type { AppListing } from "../../shopify/platform/app-listing";
import { fillGaps } from "../steps";
import { recordedMarkets, UNRECORDED_MARKET_NAME } from "./recorded-markets";
import type { TwinSetup } from "../twin";
import type { SeedMarks } from "./seeded-exchanges";

// Shop state a scenario assumes but did not create, rebuilt from the capture's own responses
// where that is unambiguous:
// - scopes: the recorded currentAppInstallation.accessScopes when the scenario read them,
//   otherwise what its root fields need (scopes.ts);
// - languages: the first shopLocales read before the scenario changes locales, plus any locale
//   whose shopLocaleEnable was refused with "Locale has already been taken" (unless the scenario
//   enabled it itself earlier), plus locales seen as ShopLocale objects in responses before the
//   scenario touched them (unrecorded setup, e.g. locales a web presence lists as alternates),
//   plus the locale an enable step without query text answered (setup the recording did not keep),
//   plus a locale a successful disable removed before any enable of it.
// - the app: the recording app's title, handle, developer and requested scopes, from the first
//   App object (with its apiKey) a response shows.
// - markets: the ones the recorded shop had (recorded-markets.ts), with their recorded ids.
// Products and collections the scenario asks for by id are rebuilt by hydrate.ts. Everything else
// the recorded shop held (orders, web presences, …) is not invented: those exchanges fail as "depends
// on the recorded shop's pre-existing data".

type Data = Record<string, unknown> | null | undefined;

/**
 * `evidence`: the recording proxy's read-through answers (state only; the scopes are what the scenario's own requests needed).
 * `marks`: where the markets', locales' and app's values came from (seeded-exchanges.ts; owners "ShopLocale:<locale>", "app").
 */
export function scenarioSetup(exchanges: Exchange[], evidence: Exchange[] = [], marks?: SeedMarks): TwinSetup {
  const observed = [...evidence, ...exchanges];
  const seen = recordedMarkets(observed, marks);
  const markets = fillGaps(recordedMarkets(exchanges), seen, (m) => m.id, (m) => m.name === UNRECORDED_MARKET_NAME).map((m) => withEvidencedCurrency(m, seen));
  return { scopes: recordedScopes(exchanges, marks) ?? scenarioScopes(exchanges), locales: fillGaps(initialLocales(exchanges, marks), initialLocales(evidence), (l) => l.locale, () => false), app: recordedApp(exchanges, marks) ?? recordedApp(evidence), markets };
}

/** A market whose currency the scenario's reads did not show takes the one upstream evidence showed, if any. */
function withEvidencedCurrency(m: MarketRecord, evidence: MarketRecord[]): MarketRecord {
  const currency = m.currencyUnknown ? evidence.find((e) => e.id === m.id)?.currencyCode : undefined;
  if (!currency) return m;
  const { currencyUnknown: _unknown, ...known } = m;
  return { ...known, currencyCode: currency };
}

/** The recording app's own listing (title, handle, developer, embedded, requested scopes), from the first App object a response shows. */
function recordedApp(exchanges: Exchange[], marks?: SeedMarks): Partial<AppListing> | undefined {
  const find = (node: unknown): Record<string, unknown> | undefined => {
    if (Array.isArray(node)) return node.map(find).find(Boolean);
    if (!node || typeof node !== "object") return undefined;
    const o = node as Record<string, unknown>;
    if (typeof o.id === "string" && o.id.startsWith("gid://shopify/App/") && typeof o.apiKey === "string") return o;
    return Object.values(o).map(find).find(Boolean);
  };
  const app = exchanges.map((ex) => find(ex.response.data)).find(Boolean);
  if (!app) return undefined;
  // (every response's App object of the recording app is the same app)
  for (const ex of exchanges) {
    const same = find(ex.response.data);
    if (same && same.id === app.id) marks?.mark("app", same, ["title", "handle", "developerName", "embedded", "requestedAccessScopes"].filter((k) => same[k] !== undefined));
  }
  const out: Partial<AppListing> = {};
  if (typeof app.title === "string") out.title = app.title;
  if (typeof app.handle === "string") out.handle = app.handle;
  if (typeof app.developerName === "string") out.developerName = app.developerName;
  if (typeof app.embedded === "boolean") out.embedded = app.embedded;
  const requested = (app.requestedAccessScopes as { handle?: unknown }[] | undefined)?.map((s) => s.handle).filter((h): h is string => typeof h === "string");
  if (requested?.length) out.requestedScopes = requested;
  return out;
}

/** (`marks`: every read that shows exactly these scopes shows the installation's seeded scopes, owner "scopes".) */
function recordedScopes(exchanges: Exchange[], marks?: SeedMarks): string[] | undefined {
  const shown = exchanges.map((ex) => (ex.response.data as Data)?.currentAppInstallation as { accessScopes?: { handle?: unknown }[] } | undefined);
  const handlesOf = (i?: { accessScopes?: { handle?: unknown }[] }) => i?.accessScopes?.map((s) => s.handle).filter((h): h is string => typeof h === "string");
  const handles = shown.map(handlesOf).find((h) => h?.length);
  if (handles) for (const i of shown) if (handlesOf(i)?.join(" ") === handles.join(" ")) for (const scope of i!.accessScopes!) marks?.mark("scopes", scope, ["handle"]);
  return handles;
}

function initialLocales(exchanges: Exchange[], marks?: SeedMarks): ShopLocaleRecord[] {
  const out = new Map<string, ShopLocaleRecord>();
  const touched = new Set<string>(); // locales a shopLocale* mutation of the scenario changed before
  let changed = false;
  for (const ex of exchanges) {
    const data = ex.response.data as Data;
    const read = data?.shopLocales;
    if (!changed && Array.isArray(read) && out.size === 0) {
      for (const l of read as Partial<ShopLocaleRecord>[]) {
        if (typeof l.locale === "string") out.set(l.locale, { locale: l.locale, name: l.name ?? displayName(l.locale), primary: !!l.primary, published: !!l.published });
        if (typeof l.locale === "string") marks?.mark(`ShopLocale:${l.locale}`, l, LOCALE_KEYS);
      }
    }
    // The root field from the document, or from the response when the step has no query text.
    const root = operationOf(ex)?.selectionSet.selections.find((s) => s.kind === "Field")?.name.value ?? Object.keys(data ?? {})[0] ?? "";
    // An enable the recording made in setup without keeping its query text is the scenario's
    // starting state: the locale it answered is there from the start.
    const unrecordedEnable = !ex.query && root === "shopLocaleEnable" ? (data?.shopLocaleEnable as { shopLocale?: Partial<ShopLocaleRecord> } | undefined)?.shopLocale : undefined;
    if (typeof unrecordedEnable?.locale === "string" && !touched.has(unrecordedEnable.locale)) {
      const l = unrecordedEnable.locale;
      out.set(l, { locale: l, name: unrecordedEnable.name ?? displayName(l), primary: false, published: !!unrecordedEnable.published });
      continue;
    }
    // A disable that succeeded before any enable of that locale: the locale was there from the start.
    const disabled = root === "shopLocaleDisable" ? (data?.shopLocaleDisable as { locale?: unknown; userErrors?: unknown[] } | undefined) : undefined;
    if (typeof disabled?.locale === "string" && !disabled.userErrors?.length && !touched.has(disabled.locale) && !out.has(disabled.locale)) {
      out.set(disabled.locale, { locale: disabled.locale, name: displayName(disabled.locale), primary: false, published: false });
    }
    if (/^shopLocale(Enable|Disable|Update)$/.test(root)) {
      const locale = ex.variables.locale;
      const errors = JSON.stringify(data ?? {});
      // A refused duplicate enable means the locale existed, unless this scenario enabled it itself.
      if (typeof locale === "string" && errors.includes("Locale has already been taken") && !out.has(locale) && !touched.has(locale)) {
        out.set(locale, { locale, name: displayName(locale), primary: false, published: false });
      }
      if (typeof locale === "string") touched.add(locale);
      for (const l of shopLocaleObjects(data)) touched.add(l.locale);
      changed = true;
    }
    // Locales the recorded shop already had, seen as ShopLocale objects in any response (e.g. a
    // webPresenceCreate payload's alternateLocales) before the scenario changed that locale itself.
    for (const l of shopLocaleObjects(data)) {
      if (!l.primary && !touched.has(l.locale) && !out.has(l.locale)) out.set(l.locale, { ...l, primary: false });
    }
    if (marks) for (const node of shopLocaleObjects(data, [], true)) if (!node.primary && !touched.has(node.locale)) marks.mark(`ShopLocale:${node.locale}`, node, LOCALE_KEYS);
  }
  return [...out.values()];
}

const LOCALE_KEYS = ["locale", "name", "primary", "published"];

/** Objects shaped like ShopLocale ({ locale, primary, published, name? }) anywhere in a response (`asRecorded`: the captured objects themselves). */
export function shopLocaleObjects(node: unknown, found: ShopLocaleRecord[] = [], asRecorded = false): ShopLocaleRecord[] {
  if (Array.isArray(node)) node.forEach((v) => shopLocaleObjects(v, found, asRecorded));
  else if (node && typeof node === "object") {
    const o = node as Record<string, unknown>;
    if (typeof o.locale === "string" && typeof o.primary === "boolean" && typeof o.published === "boolean") {
      found.push(asRecorded ? (o as unknown as ShopLocaleRecord) : { locale: o.locale, name: typeof o.name === "string" ? o.name : displayName(o.locale), primary: o.primary, published: o.published });
    } else for (const v of Object.values(o)) shopLocaleObjects(v, found, asRecorded);
  }
  return found;
}

const displayName = (locale: string) => new Intl.DisplayNames(["en"], { type: "language" }).of(locale) ?? locale;
