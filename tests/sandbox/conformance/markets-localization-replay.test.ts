import { describe, expect, it } from "vitest";
import { placeCleanups, type Exchange } from "../../../sandbox/conformance/normalize";
import { echoedLocale } from "../../../sandbox/conformance/echoed-locale";
import { completeRootLists, inListEvidenceOrder } from "../../../sandbox/conformance/order/list-evidence-order";
import { recordedMarkets } from "../../../sandbox/conformance/rebuild/recorded-markets";
import { scenarioSetup } from "../../../sandbox/conformance/rebuild/preconditions";
import { unknownSeededRefusal } from "../../../sandbox/conformance/judge/unknown-seeded";
import { captureShop } from "../../../sandbox/conformance/twin";
import { UNKNOWN_SEEDED_STATE } from "../../../sandbox/shopify/admin-graphql/resolvers/unknown-seeded-state";
import { useTwin } from "../helpers";

// The markets and localization replay: locales echoed by shopLocale answers, `<x>PreDisable` steps,
// the order complete list reads prove, and markets seeded without their currency.

const ex = (path: string, over: Partial<Exchange>): Exchange => ({ path, name: path, shape: 4, querySource: "inline", variables: {}, status: 200, response: { data: {} }, ...over });
const P = (n: number) => `gid://shopify/MarketWebPresence/${n}`;
const LIST = "query L($first: Int!) { webPresences(first: $first) { nodes { id } } }";
const list = (path: string, ids: number[], first = 20) => ex(path, { query: LIST, variables: { first }, response: { data: { webPresences: { nodes: ids.map((n) => ({ id: P(n) })) } } } });
const create = (path: string, n: number) => ex(path, { query: "mutation C { webPresenceCreate(input: { defaultLocale: \"en\" }) { webPresence { id } userErrors { field } } }", response: { data: { webPresenceCreate: { webPresence: { id: P(n) }, userErrors: [] } } } });
const update = (path: string, n: number) => ex(path, { query: "mutation U($id: ID!) { webPresenceUpdate(id: $id, input: { alternateLocales: [\"fr\"] }) { webPresence { id } userErrors { field } } }", variables: { id: P(n) }, response: { data: { webPresenceUpdate: { webPresence: { id: P(n) }, userErrors: [] } } } });
const remove = (path: string, n: number) => ex(path, { query: "mutation D($id: ID!) { webPresenceDelete(id: $id) { deletedId userErrors { field } } }", variables: { id: P(n) }, response: { data: { webPresenceDelete: { deletedId: P(n), userErrors: [] } } } });
const paths = (order: Exchange[]) => order.map((e) => e.path);

describe("a shopLocale mutation stored without its variables (echoed-locale.ts)", () => {
  const enable = ex("$.setup.localeSetup", { query: "mutation E($locale: String!) { shopLocaleEnable(locale: $locale) { shopLocale { locale name } userErrors { field } } }", response: { data: { shopLocaleEnable: { shopLocale: { locale: "fr", name: "French" }, userErrors: [] } } } });
  it("takes the locale of the ShopLocale its answer returned", () => {
    expect(echoedLocale(enable, {})).toEqual({ locale: "fr" });
    expect(echoedLocale(enable, { locale: "de" })).toEqual({ locale: "de" });
  });
  it("not when the answer holds no ShopLocale, nor for other mutations", () => {
    expect(echoedLocale({ ...enable, response: { data: { shopLocaleEnable: { shopLocale: null, userErrors: [{ field: ["locale"] }] } } } }, {})).toEqual({});
    const other = ex("$.x", { query: "mutation X($locale: String!) { translationsRemove(resourceId: \"gid://shopify/Product/1\", translationKeys: [\"title\"], locales: [$locale]) { translations { locale } } }", response: { data: { translationsRemove: { translations: [{ locale: "fr" }] } } } });
    expect(echoedLocale(other, {})).toEqual({});
  });
});

describe("a step named <x>PreDisable ran before the captured changes", () => {
  const read = ex("$.read", { query: "query { shopLocales { locale } }", response: { data: { shopLocales: [] } } });
  const change = ex("$.unknownResource", { query: "mutation { translationsRegister(resourceId: \"gid://shopify/Product/1\", translations: []) { userErrors { field } } }" });
  const disable = (path: string) => ex(path, { query: "mutation D($locale: String!) { shopLocaleDisable(locale: $locale) { locale } }", variables: { locale: "fr" }, response: { data: { shopLocaleDisable: { locale: "fr" } } } });
  it("goes before the first change, after the reads", () => {
    expect(paths(placeCleanups([read, change, disable("$.setup.localePreDisable")]))).toEqual(["$.read", "$.setup.localePreDisable", "$.unknownResource"]);
  });
  it("an ordinary disable keeps its place", () => {
    expect(paths(placeCleanups([read, change, disable("$.setup.localeDisable")]))).toEqual(["$.read", "$.unknownResource", "$.setup.localeDisable"]);
  });
});

describe("the order complete list reads prove (list-evidence-order.ts)", () => {
  it("a complete root list: unfiltered, fewer items than asked for, no next page", () => {
    expect(completeRootLists(list("$.l", [1, 2])).get("MarketWebPresence")).toEqual(new Set([P(1), P(2)]));
    expect(completeRootLists(list("$.l", [1, 2], 2)).size).toBe(0); // a full page may not be all
    const filtered = ex("$.f", { query: "query { products(first: 5, query: \"title:a\") { nodes { id } } }", response: { data: { products: { nodes: [{ id: "gid://shopify/Product/1" }] } } } });
    expect(completeRootLists(filtered).size).toBe(0);
    const nested = ex("$.n", { query: "query { market(id: \"gid://shopify/Market/1\") { webPresences(first: 5) { nodes { id } } } }", response: { data: { market: { webPresences: { nodes: [{ id: P(1) }] } } } } });
    expect(completeRootLists(nested).size).toBe(0);
  });

  it("moves the maker after a list read that does not show its object, to just before its first use", () => {
    const order = [create("$.cases[10]", 9), list("$.cases[12]", [1]), update("$.cases[11]", 9)];
    expect(paths(inListEvidenceOrder(order))).toEqual(["$.cases[12]", "$.cases[10]", "$.cases[11]"]);
  });

  it("moves a cleanup that deletes the object to before a later list read that does not show it", () => {
    const order = [create("$.cases[8]", 8), list("$.cases[12]", [1]), remove("$.cleanup.caseDelete", 8)];
    expect(paths(inListEvidenceOrder(order))).toEqual(["$.cases[8]", "$.cleanup.caseDelete", "$.cases[12]"]);
  });

  it("moves nothing when the lists show the objects, when the delete is no cleanup, or when a step deleted it first", () => {
    const shown = [create("$.c", 8), list("$.l", [1, 8]), remove("$.cleanup.d", 8)];
    expect(inListEvidenceOrder(shown)).toEqual(shown);
    const notCleanup = [create("$.c", 8), update("$.u", 8), list("$.l", [1]), remove("$.cases.delete", 8)];
    expect(inListEvidenceOrder(notCleanup)).toEqual(notCleanup);
    const deletedFirst = [create("$.c", 8), remove("$.cases.delete", 8), list("$.l", [1]), remove("$.cleanup.d", 8)];
    expect(inListEvidenceOrder(deletedFirst)).toEqual(deletedFirst);
    const fullPage = [create("$.c", 8), list("$.l", [1, 2], 2), remove("$.cleanup.d", 8)];
    expect(inListEvidenceOrder(fullPage)).toEqual(fullPage);
  });
});

describe("markets seeded without their currency (unknown-seeded.ts)", () => {
  const read = (currencySettings?: unknown) => ex("$.read", { query: "query { markets(first: 5) { nodes { id name currencySettings { baseCurrency { currencyCode } } } } }", response: { data: { markets: { nodes: [{ id: "gid://shopify/Market/5", name: "Mexico", ...(currencySettings ? { currencySettings } : {}) }] } } } });
  it("keep the currency a read showed, and are marked unknown otherwise (never the shop's by default)", () => {
    expect(recordedMarkets([read({ baseCurrency: { currencyCode: "MXN" } })])[0]).toMatchObject({ currencyCode: "MXN" });
    expect(recordedMarkets([read()])[0]).toMatchObject({ currencyUnknown: true });
    expect(recordedMarkets([read()])[0]!.currencyCode).toBeUndefined();
    const evidence = { ...read({ baseCurrency: { currencyCode: "MXN" } }), evidence: true as const };
    expect(scenarioSetup([read()], [evidence]).markets?.[0]).toMatchObject({ currencyCode: "MXN" });
    expect(scenarioSetup([read()], [evidence]).markets?.[0]?.currencyUnknown).toBeUndefined();
  });

  const refusal = (gid: string) => ({ data: { marketLocalizationsRegister: null }, errors: [{ message: `the currency of ${gid} is not known`, path: ["marketLocalizationsRegister"], extensions: { code: UNKNOWN_SEEDED_STATE, gid } }] });
  it("the twin's refusal for such a market is found (replay.ts records it as a failure, like NOT_IMPLEMENTED)", () => {
    expect(unknownSeededRefusal(refusal("gid://shopify/Market/5"))).toBe("the currency of gid://shopify/Market/5 is not known");
  });
  it("not another error, nor an answer without errors", () => {
    expect(unknownSeededRefusal({ data: {}, errors: [{ message: "n", extensions: { code: "NOT_IMPLEMENTED_IN_SANDBOX" } }] })).toBeUndefined();
    expect(unknownSeededRefusal({ data: { marketLocalizationsRegister: { userErrors: [] } } })).toBeUndefined();
  });
});

describe("the twin refuses a money market localization whose market currency is unknown", () => {
  const shop = "harry-test-heelo.myshopify.com";
  const twin = useTwin({ shops: [captureShop(shop, 63_000_000_001, [], [
    { id: 5, name: "Mexico", handle: "mexico", status: "ACTIVE", type: "REGION", countryCodes: [], currencyUnknown: true },
    { id: 6, name: "Canada", handle: "canada", status: "ACTIVE", type: "REGION", countryCodes: [], currencyCode: "CAD" },
  ])] });
  it("with UNKNOWN_SEEDED_STATE_IN_SANDBOX naming the market, and applies the currency rule to a known one", async () => {
    const created = await twin.gql(`mutation($p: ProductCreateInput!) { productCreate(product: $p) { product { metafields(first: 1) { nodes { id } } } } }`, { p: { title: "M", metafields: [{ namespace: "custom", key: "price", type: "money", value: JSON.stringify({ amount: "5.99", currency_code: "CAD" }) }] } });
    const resourceId = created.data.productCreate.product.metafields.nodes[0].id;
    const digest = "81a95d2ef1d0b2e556a53d267b772008b5c6bff7a01960a54bd14efff7159b2b";
    const register = (marketId: string, currency: string) => twin.gql(`mutation($r: ID!, $m: [MarketLocalizationRegisterInput!]!) { marketLocalizationsRegister(resourceId: $r, marketLocalizations: $m) { marketLocalizations { value } userErrors { code } } }`,
      { r: resourceId, m: [{ key: "value", value: JSON.stringify({ amount: "7.99", currency_code: currency }), marketId, marketLocalizableContentDigest: digest }] });
    const unknown = await register("gid://shopify/Market/5", "MXN");
    expect(unknown.errors[0].extensions).toMatchObject({ code: UNKNOWN_SEEDED_STATE, gid: "gid://shopify/Market/5" });
    expect((await register("gid://shopify/Market/6", "MXN")).data.marketLocalizationsRegister.userErrors).toEqual([{ code: "FAILS_RESOURCE_VALIDATION" }]);
    expect((await register("gid://shopify/Market/6", "CAD")).data.marketLocalizationsRegister.userErrors).toEqual([]);
  });
});

describe("a read showing a value a mutation stored before it replaced (stale-read-order.ts)", () => {
  const X = "gid://shopify/Product/7";
  const made = ex("$.setup.productCreate", { query: "mutation C($p: ProductCreateInput!) { productCreate(product: $p) { product { id title } userErrors { field } } }", variables: { p: { title: "Old" } }, response: { data: { productCreate: { product: { id: X, title: "Old" }, userErrors: [] } } } });
  const changed = (errors: unknown[] = []) => ex("$.setup.productUpdate", { query: "mutation U($p: ProductUpdateInput!) { productUpdate(product: $p) { product { id title } userErrors { field } } }", variables: { p: { id: X, title: "New" } }, response: { data: { productUpdate: { product: errors.length ? null : { id: X, title: "New" }, userErrors: errors } } } });
  const read = (title: string) => ex("$.setupRead", { query: "query R($id: ID!) { translatableResource(resourceId: $id) { resourceId translatableContent { key value } } }", variables: { id: X }, response: { data: { translatableResource: { resourceId: X, translatableContent: [{ key: "title", value: title }] } } } });
  it("ran before it: it goes before the first indexed step stored after it", async () => {
    const { staleReadKey, showsReplacedValue } = await import("../../../sandbox/conformance/order/stale-read-order");
    expect(showsReplacedValue(read("Old"), changed(), [made, changed(), read("Old")])).toBe(true);
    const found = [{ exchange: made, indexOrder: 0 }, { exchange: changed(), indexOrder: 3 }, { exchange: read("Old") }, { exchange: ex("$.register", {}), indexOrder: 1 }];
    expect(staleReadKey(found, 2)).toBe(1);
  });
  it("not when the read shows the new value, nor when the change was refused", async () => {
    const { showsReplacedValue } = await import("../../../sandbox/conformance/order/stale-read-order");
    expect(showsReplacedValue(read("New"), changed(), [made])).toBe(false);
    expect(showsReplacedValue(read("Old"), changed([{ field: ["title"] }]), [made])).toBe(false);
  });
});

describe("differences on the recorded shop's objects", () => {
  const foreign = new Set(["gid://shopify/Collection/1"]);
  const captured = { data: { resources: { nodes: [{ resourceId: "gid://shopify/Collection/1", translations: [] }] } } };
  it("a list inside a foreign object differs through that object (concernsForeign)", async () => {
    const { concernsForeign } = await import("../../../sandbox/conformance/replay");
    expect(concernsForeign({ path: "data.resources.nodes[0].translations.length", captured: 0, twin: 1 }, captured, foreign)).toBe(true);
    const own = { data: { resources: { nodes: [{ resourceId: "gid://shopify/Collection/2", translations: [] }] } } };
    expect(concernsForeign({ path: "data.resources.nodes[0].translations.length", captured: 0, twin: 1 }, own, foreign)).toBe(false);
  });
  it("…but not where the twin's object at that place is one of the scenario's own (its list is judged)", async () => {
    // localization-collection-translation-lifecycle.json readAfterRegister: the captured page's first
    // collection is the shop's frontpage, the twin's is the scenario's collection with its translation.
    const { concernsForeign } = await import("../../../sandbox/conformance/replay");
    const d = { path: "data.resources.nodes[0].translations.length", captured: 0, twin: 1 };
    const twinPage = (resourceId: string) => ({ data: { resources: { nodes: [{ resourceId, translations: [{ key: "title" }] }] } } });
    expect(concernsForeign(d, captured, foreign, twinPage("gid://shopify/Collection/7"), new Set(["gid://shopify/Collection/7"]))).toBe(false);
    expect(concernsForeign(d, captured, foreign, twinPage("gid://shopify/Collection/8"), new Set(["gid://shopify/Collection/7"]))).toBe(true);
  });
  it("a list of only foreign objects against only objects the twin started with (preexisting-lists.ts)", async () => {
    const { listOfPreexistingOnly } = await import("../../../sandbox/conformance/judge/preexisting-lists");
    const presences = { data: { webPresences: { nodes: [{ id: "gid://shopify/MarketWebPresence/62842765618" }, { id: "gid://shopify/MarketWebPresence/69720899890" }] } } };
    const all = new Set(["gid://shopify/MarketWebPresence/62842765618", "gid://shopify/MarketWebPresence/69720899890"]);
    const twin = (n: number) => ({ data: { webPresences: { nodes: [{ id: `gid://shopify/MarketWebPresence/${n}` }] } } });
    const d = { path: "data.webPresences.nodes.length", captured: 2, twin: 1 };
    expect(listOfPreexistingOnly(d, presences, twin(100), all, { twinMade: new Set(), firstStepId: 200 })).toBe(true);
    // the twin's item was made during the scenario, or paired with the scenario's object: not the twin's starting state
    expect(listOfPreexistingOnly(d, presences, twin(300), all, { twinMade: new Set(), firstStepId: 200 })).toBe(false);
    expect(listOfPreexistingOnly(d, presences, twin(100), all, { twinMade: new Set(["gid://shopify/MarketWebPresence/100"]), firstStepId: 200 })).toBe(false);
    // a captured item of the scenario's own
    expect(listOfPreexistingOnly(d, presences, twin(100), new Set(["gid://shopify/MarketWebPresence/62842765618"]), { twinMade: new Set(), firstStepId: 200 })).toBe(false);
  });
});

describe("the recorded shop's market money and presences (recorded-markets.ts, market-currency.ts)", () => {
  const marketsRead = ex("$.markets", { query: "query { markets(first: 2) { edges { node { id name currencySettings { baseCurrency { currencyCode } localCurrencies roundingEnabled } priceInclusions { inclusiveTaxPricingStrategy } conditions { regionsCondition { regions(first: 1) { edges { node { ... on MarketRegionCountry { code currency { currencyCode } } } } } } } webPresences(first: 1) { edges { node { id subfolderSuffix } } } } } } }", response: { data: { markets: { edges: [
    { node: { id: "gid://shopify/Market/1", name: "Canada", currencySettings: { baseCurrency: { currencyCode: "CAD" }, localCurrencies: false, roundingEnabled: true }, priceInclusions: { inclusiveTaxPricingStrategy: "INCLUDES_TAXES_IN_PRICE_BASED_ON_COUNTRY" }, conditions: { regionsCondition: { regions: { edges: [{ node: { code: "CA", currency: { currencyCode: "CAD" } } }] } } }, webPresences: { edges: [] } } },
    { node: { id: "gid://shopify/Market/2", name: "US", currencySettings: null, priceInclusions: null, conditions: { regionsCondition: { regions: { edges: [{ node: { code: "US", currency: { currencyCode: "CAD" } } }] } } }, webPresences: { edges: [{ node: { id: P(9), subfolderSuffix: null } }] } } },
  ] } } } });
  it("takes the currency, currency settings and price inclusions a read showed, and links a presence to the market that lists it", async () => {
    const { recordedWebPresences } = await import("../../../sandbox/conformance/rebuild/recorded-markets");
    const [canada, us] = recordedMarkets([marketsRead]);
    expect(canada).toMatchObject({ currencyCode: "CAD", currencySettings: { localCurrencies: false, roundingEnabled: true }, priceInclusions: { inclusiveTaxPricingStrategy: "INCLUDES_TAXES_IN_PRICE_BASED_ON_COUNTRY" } });
    expect(us).toMatchObject({ currencyCode: "CAD", currencySettings: null, priceInclusions: null });
    expect(recordedWebPresences([marketsRead]).map((p) => [p.id, p.marketIds])).toEqual([[9, [2]]]);
  });
  it("a read that selected none of it leaves them unknown", () => {
    const [m] = recordedMarkets([ex("$.m", { query: "query { markets(first: 1) { nodes { id name } } }", response: { data: { markets: { nodes: [{ id: "gid://shopify/Market/1", name: "Canada" }] } } } })]);
    expect(m!.currencySettings).toBeUndefined();
    expect(m!.priceInclusions).toBeUndefined();
  });
});

describe("the twin answers a market's money only where it is known", () => {
  const twin = useTwin({ shops: [captureShop("harry-test-heelo.myshopify.com", 63_000_000_001, [], [
    { id: 1, name: "Canada", handle: "ca", status: "ACTIVE", type: "REGION", countryCodes: ["CA"], currencyCode: "CAD", currencySettings: { localCurrencies: false, roundingEnabled: true }, priceInclusions: null },
    { id: 2, name: "Mexico", handle: "mx", status: "ACTIVE", type: "REGION", countryCodes: ["MX"], currencyUnknown: true },
  ])] });
  const READ = `query($id: ID!) { market(id: $id) { currencySettings { baseCurrency { currencyCode currencyName enabled } localCurrencies roundingEnabled } priceInclusions { inclusiveTaxPricingStrategy } conditions { regionsCondition { regions(first: 1) { nodes { ... on MarketRegionCountry { code currency { currencyCode currencyName enabled } } } } } } } }`;
  it("answers a known market's currency settings, country currency and (no) price inclusions", async () => {
    const res = await twin.gql(READ, { id: "gid://shopify/Market/1" });
    const cad = { currencyCode: "CAD", currencyName: "Canadian Dollar", enabled: true };
    expect(res.data.market).toEqual({ currencySettings: { baseCurrency: cad, localCurrencies: false, roundingEnabled: true }, priceInclusions: null, conditions: { regionsCondition: { regions: { nodes: [{ code: "CA", currency: cad }] } } } });
  });
  it("refuses for a market whose currency is unknown and one created in the twin", async () => {
    const res = await twin.gql(READ, { id: "gid://shopify/Market/2" });
    expect(res.errors.map((e: { extensions: { code: string } }) => e.extensions.code).sort()).toEqual(["NOT_IMPLEMENTED_IN_SANDBOX", "NOT_IMPLEMENTED_IN_SANDBOX", UNKNOWN_SEEDED_STATE]);
    const made = await twin.gql(`mutation { marketCreate(input: { name: "New", conditions: { regionsCondition: { regions: [{ countryCode: FR }] } } }) { market { id } } }`);
    const read = await twin.gql(READ, { id: made.data.marketCreate.market.id });
    expect(read.errors.every((e: { extensions: { code: string } }) => e.extensions.code === "NOT_IMPLEMENTED_IN_SANDBOX")).toBe(true);
  });
});
