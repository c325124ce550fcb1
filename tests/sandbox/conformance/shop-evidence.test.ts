import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Exchange } from "../../../sandbox/conformance/normalize";
import { agreedCurrency, indexShopCaptures, shopCaptureIndex, withShopCurrencies, withShopEvidence } from "../../../sandbox/conformance/rebuild/shop-evidence";
import type { MarketRecord } from "../../../sandbox/shopify/state";

// Market currencies from the other captures of the same recorded shop (shop-evidence.ts).

const M = (n: number) => `gid://shopify/Market/${n}`;
const READ = "query { markets(first: 5) { nodes { id name currencySettings { baseCurrency { currencyCode } } } } }";
/** A capture file whose one read shows market `n` with `currency` (none: not selected). */
const capture = (n: number, currency?: string) => ({
  read: { query: READ, variables: {}, response: { data: { markets: { nodes: [{ id: M(n), name: "Mexico", ...(currency ? { currencySettings: { baseCurrency: { currencyCode: currency } } } : {}) }] } } } },
});
const unknown = (n: number): MarketRecord => ({ id: n, name: "Mexico", handle: "mexico", status: "ACTIVE", type: "REGION", countryCodes: [], currencyUnknown: true });
const ex = (over: Partial<Exchange>): Exchange => ({ path: "$.x", name: "x", shape: 4, querySource: "inline", variables: {}, status: 200, response: { data: {} }, ...over });
const OWN = "shop.myshopify.com/2026-04/markets/own.json";
const OTHER = "shop.myshopify.com/2026-04/markets/markets-baseline.json";

describe("market currencies other captures of the shop showed", () => {
  it("fill a market whose currency the scenario never showed, keyed by its recorded id", () => {
    const index = indexShopCaptures([{ file: OWN, json: capture(5) }, { file: OTHER, json: capture(5, "MXN") }]);
    expect(withShopCurrencies([unknown(5)], [], index, OWN)[0]).toMatchObject({ currencyCode: "MXN" });
    expect(withShopCurrencies([unknown(5)], [], index, OWN)[0]!.currencyUnknown).toBeUndefined();
  });
  it("leave it unknown when captures disagree, or for another market id", () => {
    const conflicting = indexShopCaptures([{ file: OTHER, json: capture(5, "MXN") }, { file: "shop.myshopify.com/2025-01/markets/x.json", json: capture(5, "CAD") }]);
    expect(withShopCurrencies([unknown(5)], [], conflicting, OWN)[0]).toMatchObject({ currencyUnknown: true });
    const other = indexShopCaptures([{ file: OTHER, json: capture(6, "MXN") }]);
    expect(withShopCurrencies([unknown(5)], [], other, OWN)[0]).toMatchObject({ currencyUnknown: true });
  });
  it("the scenario's own file alone is no other evidence, but a different value there is a conflict", () => {
    expect(agreedCurrency(indexShopCaptures([{ file: OWN, json: capture(5, "MXN") }]), 5, OWN)).toBeUndefined();
    expect(agreedCurrency(indexShopCaptures([{ file: OWN, json: capture(5, "CAD") }, { file: OTHER, json: capture(5, "MXN") }]), 5, OWN)).toBeUndefined();
  });
  it("only Shopify's answers count, not a request's input", () => {
    const request = { update: { query: "mutation U($id: ID!, $input: MarketUpdateInput!) { marketUpdate(id: $id, input: $input) { userErrors { field } } }", variables: { id: M(5), input: { id: M(5), currencySettings: { baseCurrency: { currencyCode: "EUR" } } } }, response: { data: { marketUpdate: { userErrors: [] } } } } };
    expect(indexShopCaptures([{ file: OTHER, json: request }]).has(5)).toBe(false);
  });
  it("not for a market the scenario's own mutation may have changed the currency of", () => {
    const index = indexShopCaptures([{ file: OTHER, json: capture(5, "MXN") }]);
    const change = ex({ query: "mutation U($id: ID!, $input: MarketUpdateInput!) { marketUpdate(id: $id, input: $input) { market { id } } }", variables: { id: M(5), input: { currencySettings: { baseCurrency: "EUR" } } }, response: { data: { marketUpdate: { market: { id: M(5) } } } } });
    expect(withShopCurrencies([unknown(5)], [change], index, OWN)[0]).toMatchObject({ currencyUnknown: true });
    // A register naming the market sets a localization, not its currency (its value's currency_code is a string, not an input field).
    const register = ex({ query: "mutation R($r: ID!, $l: [MarketLocalizationRegisterInput!]!) { marketLocalizationsRegister(resourceId: $r, marketLocalizations: $l) { userErrors { field } } }", variables: { r: "gid://shopify/Metafield/1", l: [{ key: "value", value: "{\"amount\":\"1.00\",\"currency_code\":\"MXN\"}", marketId: M(5) }] }, response: { data: { marketLocalizationsRegister: { userErrors: [] } } } });
    expect(withShopCurrencies([unknown(5)], [register], index, OWN)[0]).toMatchObject({ currencyCode: "MXN" });
  });
  it("never replace a currency the scenario's reads showed", () => {
    const index = indexShopCaptures([{ file: OTHER, json: capture(5, "MXN") }]);
    const known: MarketRecord = { ...unknown(5), currencyCode: "CAD" };
    delete known.currencyUnknown;
    expect(withShopCurrencies([known], [], index, OWN)[0]).toMatchObject({ currencyCode: "CAD" });
  });
  it("reads only the captures of the same shop folder", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "shop-evidence-"));
    const put = (file: string, json: unknown) => { mkdirSync(path.dirname(path.join(dir, file)), { recursive: true }); writeFileSync(path.join(dir, file), JSON.stringify(json)); };
    put("a.myshopify.com/2026-04/markets/own.json", capture(5));
    put("b.myshopify.com/2026-04/markets/markets-baseline.json", capture(5, "MXN"));
    put("a.myshopify.com/2025-01/markets/catalog.json", capture(7, "CAD"));
    expect(shopCaptureIndex("a.myshopify.com", dir).has(5)).toBe(false);
    expect([...shopCaptureIndex("a.myshopify.com", dir).get(7)!.keys()]).toEqual(["CAD"]);
    const setup = { scopes: [], markets: [unknown(5), unknown(7)] };
    const own = { shop: "a.myshopify.com", file: "a.myshopify.com/2026-04/markets/own.json" };
    expect(withShopEvidence(setup, [], own, dir).markets).toMatchObject([{ id: 5, currencyUnknown: true }, { id: 7, currencyCode: "CAD" }]);
  });
});
