import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { RunningSandbox } from "../../../sandbox/server";
import type { MarketRecord, ShopLocaleRecord, ShopRecord, ShopifyState } from "../../../sandbox/shopify/state";
import {
  overrideTranslatableSource, type TranslatableField, type TranslatableSource,
} from "../../../sandbox/shopify/localization/translatable-sources";
import { graphql, startTestSandbox } from "../helpers";

// Test-only translatable sources (the catalog's real PRODUCT source is written concurrently), a
// twin of the capture shop (same ids, so captured variables and digests replay unchanged), and a
// small capture reader.

// ---- translatable sources -------------------------------------------------------------------

export interface TestResources {
  /** Adds or replaces a resource; fields in Shopify's key order. */
  put(shop: string, gid: string, fields: TranslatableField[]): void;
  /** Changes one source value, as a productUpdate would. */
  setValue(shop: string, gid: string, key: string, value: string | null): void;
  restore(): void;
}

/** Serves an in-memory source for `resourceType`, over whatever the owning domain registers. */
export function installTestSource(resourceType: string): TestResources {
  const byShop = new Map<string, Map<string, TranslatableField[]>>();
  const shopMap = (shop: string) => byShop.get(shop) ?? byShop.set(shop, new Map()).get(shop)!;
  const source: TranslatableSource = {
    resourceType,
    list: (_state: ShopifyState, shop: string) => [...shopMap(shop)].map(([gid, fields]) => ({ gid, fields })),
    find: (_state: ShopifyState, shop: string, gid: string) => {
      const fields = shopMap(shop).get(gid);
      return fields ? { gid, fields } : undefined;
    },
  };
  const restore = overrideTranslatableSource(source);
  return {
    put: (shop, gid, fields) => void shopMap(shop).set(gid, fields.map((f) => ({ ...f }))),
    setValue(shop, gid, key, value) {
      const field = shopMap(shop).get(gid)?.find((f) => f.key === key);
      if (!field) throw new Error(`no ${key} on ${gid}`);
      field.value = value;
    },
    restore,
  };
}

/** A product's translatable fields as Shopify lists them (title, body_html, handle, product_type, meta_*). */
export function productFields(p: { title: string; handle: string; bodyHtml?: string | null; productType?: string; metaTitle?: string | null; metaDescription?: string | null }): TranslatableField[] {
  return [
    { key: "title", value: p.title, type: "SINGLE_LINE_TEXT_FIELD" },
    { key: "body_html", value: p.bodyHtml ?? null, type: "HTML" },
    { key: "handle", value: p.handle, type: "URI" },
    { key: "product_type", value: p.productType ?? "", type: "SINGLE_LINE_TEXT_FIELD" },
    { key: "meta_title", value: p.metaTitle ?? null, type: "MULTI_LINE_TEXT_FIELD" },
    { key: "meta_description", value: p.metaDescription ?? null, type: "MULTI_LINE_TEXT_FIELD" },
  ];
}

// ---- the capture shop -----------------------------------------------------------------------

export const CAPTURE_SHOP = "harry-test-heelo.myshopify.com";

// Markets exactly as `markets(first: 10)` listed them in localization-translations-market-scoped.json.
const CAPTURE_MARKETS: MarketRecord[] = [
  [97997685042, "Draft Proxy Currency Settings 20260507164352 Manual Rate", "DRAFT", "NONE"],
  [97997816114, "Draft Proxy Currency Settings 20260507164435 Manual Rate", "DRAFT", "NONE"],
  [97997947186, "Draft Proxy Currency Settings 20260507164530 Manual Rate", "DRAFT", "NONE"],
  [98515026226, "Draft Proxy Currency Settings 20260613200520 Manual Rate", "DRAFT", "NONE"],
  [98667069746, "Draft Proxy Currency Settings 20260626001542 Manual Rate", "DRAFT", "NONE"],
  [92276785458, "International", "ACTIVE", "REGION"],
  [92276818226, "Mexico", "ACTIVE", "REGION"],
].map(([id, name, status, type]) => ({
  id: id as number,
  name: name as string,
  handle: (name as string).toLowerCase().replace(/\s+/g, "-"),
  status: status as MarketRecord["status"],
  type: type as MarketRecord["type"],
  countryCodes: [],
}));

const locale = (code: string, name: string, published = false, primary = false): ShopLocaleRecord => ({ locale: code, name, primary, published });
export const EN = locale("en", "English", true, true);
export const ES = locale("es", "Spanish");
export const FR = locale("fr", "French");
export const DE_PUBLISHED = locale("de", "German", true);

export function captureShop(locales: ShopLocaleRecord[] = [EN, ES, FR]): ShopRecord {
  return {
    id: 92891250994,
    domain: CAPTURE_SHOP,
    name: "harry-test-heelo",
    email: "owner@example.test",
    currencyCode: "CAD",
    ianaTimezone: "America/Toronto",
    primaryDomain: { id: 157391388978, host: CAPTURE_SHOP },
    plan: { partnerDevelopment: true, shopifyPlus: false, publicDisplayName: "Development" },
    locales: locales.map((l) => ({ ...l })),
    markets: CAPTURE_MARKETS.map((m) => ({ ...m })),
    staff: [{ id: 1, firstName: "Test", lastName: "Owner", email: "owner@example.test", locale: "en", accountOwner: true }],
  };
}

export interface TwinClient { sandbox: RunningSandbox; gql(query: string, variables?: Record<string, unknown>): Promise<any> }

/** A sandbox serving `shop`, and a client that returns the parsed body (throws on HTTP errors). */
export async function startTwin(shop: ShopRecord): Promise<TwinClient> {
  const sandbox = await startTestSandbox({ shops: [shop] });
  const token = sandbox.issueAccessToken(shop.domain);
  return {
    sandbox,
    async gql(query, variables) {
      const res = await graphql(sandbox, token, query, variables);
      if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${res.text}`);
      return res.json;
    },
  };
}

// ---- captures -------------------------------------------------------------------------------

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const CAPTURES = path.resolve(repoRoot, "../shared/shopify/captures");

export function loadCapture(domain: string, name: string): any {
  return JSON.parse(readFileSync(path.join(CAPTURES, `${CAPTURE_SHOP}/2026-04/${domain}/${name}.json`), "utf8"));
}

/** A request document from _requests/config/parity-requests/<domain>/<name>.graphql. */
export function requestDocument(domain: string, name: string): string {
  return readFileSync(path.join(CAPTURES, `_requests/config/parity-requests/${domain}/${name}.graphql`), "utf8");
}

/** Variables and response data of one recorded step ({request:{variables}} or {variables}, response or bare). */
export function step(node: any): { variables: Record<string, any>; data: any } {
  const variables = node.request?.variables ?? node.variables ?? {};
  const body = node.response?.payload ?? node.response ?? node;
  return { variables, data: body.data };
}

/** Drops what legitimately differs between two runs: timestamps and ids the twin mints itself. */
export function scrub(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(scrub);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === "updatedAt" && typeof v === "string" ? "<timestamp>" : scrub(v)]));
  }
  if (typeof value === "string") return value.replace(/gid:\/\/shopify\/(MarketWebPresence|Domain)\/\d+/g, "gid://shopify/$1/<id>");
  return value;
}
