import http from "node:http";
import { startSandbox, type RunningSandbox } from "../server";
import type { MarketRecord, ShopLocaleRecord, ShopRecord } from "../shopify/state";
import { localizationOf } from "../shopify/localization/store";
import { appListing, type AppListing } from "../shopify/platform/app-listing";
import type { RecordedWebPresence } from "./rebuild/recorded-markets";
import { TWIN_API_KEY } from "./volatile";

// A fresh twin per scenario, with a shop shaped like the recorded one (quirks.md: CAD, primary
// locale en, Toronto) and an installation holding exactly the scopes the scenario needs.

export function captureShop(domain: string, id: number, locales: ShopLocaleRecord[] = [], markets: MarketRecord[] = []): ShopRecord {
  const handle = domain.replace(/\.myshopify\.com$/, "");
  return {
    id,
    domain,
    name: handle,
    email: `owner@${handle}.example`,
    currencyCode: "CAD",
    ianaTimezone: "America/Toronto",
    primaryDomain: { id: id + 1, host: domain },
    plan: { partnerDevelopment: true, shopifyPlus: false, publicDisplayName: "Development" },
    locales: [{ locale: "en", name: "English", primary: true, published: true }, ...locales.filter((l) => l.locale !== "en")],
    markets,
    staff: [{ id: id + 2, firstName: "Conformance", lastName: "Owner", email: `owner@${handle}.example`, locale: "en", accountOwner: true }],
  };
}

export interface Twin { sandbox: RunningSandbox; token: string; shop: string; close(): Promise<void> }

export interface TwinSetup { scopes: string[]; locales?: ShopLocaleRecord[]; app?: Partial<AppListing>; markets?: MarketRecord[] }

export async function startTwin(domain: string, { scopes, locales, app, markets }: TwinSetup): Promise<Twin> {
  const shops = [captureShop(domain, 63_000_000_001, locales, markets)];
  const sandbox = await startSandbox({ port: 0, shops, scopes, apiKey: TWIN_API_KEY, apiSecret: "conformance-secret" });
  // The recording app was a custom app (the captures' own notes: "The conformance app is a custom
  // app", refused the Billing API); its title, handle and developer are what its reads showed.
  Object.assign(appListing(sandbox.state), { distribution: "custom", ...app });
  const token = sandbox.issueAccessToken(domain);
  return { sandbox, token, shop: domain, close: () => sandbox.close() };
}

export interface TwinReply { status: number; body: unknown }

/** POST to the twin's Admin GraphQL endpoint with the shop in Host, as Shopify is called. */
export function postGraphql(twin: Twin, payload: { query: string; variables: Record<string, unknown>; operationName?: string }): Promise<TwinReply> {
  const url = new URL(`/admin/api/${twin.sandbox.apiVersion}/graphql.json`, twin.sandbox.origin);
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: "POST", headers: { host: twin.shop, "content-type": "application/json", "x-shopify-access-token": twin.token } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (text += c));
      res.on("end", () => {
        let body: unknown = text;
        try { body = JSON.parse(text); } catch { /* keep text */ }
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    req.on("error", reject);
    req.end(JSON.stringify(payload));
  });
}

/**
 * Puts the recorded shop's web presences in the twin shop's localization state: the root one
 * (no subfolder) takes over the twin's root presence under its recorded id; subfolder ones are
 * added. A locale no read of the presence showed keeps the twin's (root) or the shop's primary.
 */
export function placeRecordedWebPresences(twin: Twin, presences: RecordedWebPresence[]): void {
  const shop = twin.sandbox.state.shops.get(twin.shop);
  if (!shop) return;
  // The twin shop's own presences (its root one) exist from the start, before the scenario's first step.
  const loc = localizationOf(twin.sandbox.state, shop);
  if (!presences.length) return;
  const primary = shop.locales.find((l) => l.primary)?.locale ?? "en";
  for (const p of presences) {
    const root = p.subfolderSuffix === null ? loc.webPresences.find((w) => w.subfolderSuffix === null) : undefined;
    if (root) {
      Object.assign(root, { id: p.id, ...(p.defaultLocale ? { defaultLocale: p.defaultLocale } : {}), ...(p.alternateLocales ? { alternateLocales: p.alternateLocales } : {}), ...(p.marketIds.length ? { marketIds: p.marketIds } : {}) });
      continue;
    }
    if (p.subfolderSuffix === null || loc.webPresences.some((w) => w.id === p.id)) continue;
    loc.webPresences.push({ id: p.id, subfolderSuffix: p.subfolderSuffix, domain: null, defaultLocale: p.defaultLocale ?? primary, alternateLocales: p.alternateLocales ?? [], marketIds: p.marketIds });
  }
  loc.webPresences.sort((a, b) => a.id - b.id);
}
