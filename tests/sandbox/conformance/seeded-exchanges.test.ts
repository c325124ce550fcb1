import { describe, expect, it } from "vitest";
import { preexistingOwners } from "../../../sandbox/conformance/rebuild/hydrate";
import { recordedMarkets, recordedWebPresences } from "../../../sandbox/conformance/rebuild/recorded-markets";
import { recordedShop } from "../../../sandbox/conformance/rebuild/recorded-shop";
import { scenarioSetup } from "../../../sandbox/conformance/rebuild/preconditions";
import { preexistingDefinitions } from "../../../sandbox/conformance/rebuild/hydrate-metaobjects";
import type { Exchange } from "../../../sandbox/conformance/normalize";
import { replayScenario } from "../../../sandbox/conformance/replay";
import { markRebuilt, SEEDED_CATEGORY, SeedMarks, seedExchanges, seededOnly, unlessSeeded } from "../../../sandbox/conformance/rebuild/seeded-exchanges";

// A read (or mutation answer) that supplied the rebuilt shop state cannot pass on the values it
// supplied itself (seeded-exchanges.ts): it passes only on values no rebuilder took from it.

const capture = { file: "harry-test-heelo.myshopify.com/2025-01/x/test.json", shop: "harry-test-heelo.myshopify.com", apiVersion: "2025-01", domain: "x" };
const ex = (path: string, over: Partial<Exchange>): Exchange => ({ path, name: path, shape: 4, querySource: "inline", variables: {}, status: 200, response: { data: {} }, ...over });
const product = "gid://shopify/Product/10252752617778";
const productRead = (path: string, extra: Record<string, unknown> = {}) =>
  ex(path, { query: `query { product(id: "${product}") { id title vendor ${Object.keys(extra).join(" ")} } }`, response: { data: { product: { id: product, title: "Canvas bag", vendor: "Acme", ...extra } } } });
const rebuiltAll = (marks: SeedMarks, gids: string[]) => markRebuilt(marks, { ids: gids });

describe("seed marks of the rebuilders", () => {
  it("a product read whose every value hydrate.ts took is a seed of it, and only of rebuilt owners", () => {
    const marks = new SeedMarks();
    const read = productRead("$.read");
    preexistingOwners([read], marks);
    expect(seededOnly(read, marks)).toBeUndefined(); // not rebuilt (yet): its marks do not count
    rebuiltAll(marks, [product]);
    expect(seededOnly(read, marks)).toEqual([product]);
    expect(seedExchanges([read], marks)).toEqual(["$.read"]);
  });

  it("a value the rebuild did not take from the read (computed by the twin) keeps it a test", () => {
    const marks = new SeedMarks();
    const read = productRead("$.read", { onlineStoreUrl: null, totalInventory: 0 });
    preexistingOwners([read], marks);
    rebuiltAll(marks, [product]);
    expect(seededOnly(read, marks)).toBeUndefined();
  });

  it("a read after a mutation changed the object is no seed", () => {
    const marks = new SeedMarks();
    const update = ex("$.update", { query: "mutation U($p: ProductUpdateInput!) { productUpdate(product: $p) { product { id } userErrors { field } } }", variables: { p: { id: product, vendor: "Other" } }, response: { data: { productUpdate: { product: { id: product }, userErrors: [] } } } });
    const after = productRead("$.after");
    preexistingOwners([productRead("$.before"), update, after], marks);
    rebuiltAll(marks, [product]);
    expect(seededOnly(after, marks)).toBeUndefined();
  });

  it("a mutation answer that supplied the fields its request did not set still tests the fields it set and its userErrors", () => {
    const marks = new SeedMarks();
    const update = ex("$.update", {
      query: "mutation U($p: ProductUpdateInput!) { productUpdate(product: $p) { product { id title handle } userErrors { field } } }",
      variables: { p: { id: product, handle: "new-handle" } },
      response: { data: { productUpdate: { product: { id: product, title: "Canvas bag", handle: "new-handle" }, userErrors: [] } } },
    });
    const [owner] = preexistingOwners([update], marks);
    expect(owner?.answered).toEqual({ title: "Canvas bag" });
    rebuiltAll(marks, [product]);
    expect(seededOnly(update, marks)).toBeUndefined();
    expect(seedExchanges([update], marks)).toEqual(["$.update"]);
  });

  it("markets, web presences, shop address, locales and app identity mark what they take", () => {
    const market = "gid://shopify/Market/92276785458";
    const read = ex("$.markets", { query: "query { markets(first: 5) { nodes { id name handle status type currencySettings { baseCurrency { currencyCode } localCurrencies roundingEnabled } } } }", response: { data: { markets: { nodes: [{ id: market, name: "International", handle: "international", status: "ACTIVE", type: "REGION", currencySettings: { baseCurrency: { currencyCode: "CAD" }, localCurrencies: false, roundingEnabled: true } }] } } } });
    const withComputed = ex("$.markets2", { query: "query { markets(first: 5) { nodes { id name enabled } } }", response: { data: { markets: { nodes: [{ id: market, name: "International", enabled: true }] } } } });
    const marks = new SeedMarks();
    const setup = scenarioSetup([read, withComputed], [], marks);
    markRebuilt(marks, { ids: [], markets: setup.markets });
    expect(seededOnly(read, marks)).toEqual([market]);
    expect(seededOnly(withComputed, marks)).toBeUndefined(); // `enabled` is the twin's own (from the status)

    const presence = "gid://shopify/MarketWebPresence/9";
    const presences = ex("$.presences", { query: "query { webPresences(first: 1) { nodes { id subfolderSuffix defaultLocale { locale } } } }", response: { data: { webPresences: { nodes: [{ id: presence, subfolderSuffix: null, defaultLocale: { locale: "en" } }] } } } });
    const domain = ex("$.domain", { query: "query { webPresences(first: 1) { nodes { id subfolderSuffix domain { host } } } }", response: { data: { webPresences: { nodes: [{ id: presence, subfolderSuffix: null, domain: { host: "harry-test-heelo.myshopify.com" } }] } } } });
    const pm = new SeedMarks();
    markRebuilt(pm, { ids: [], presences: recordedWebPresences([presences, domain], pm) });
    expect(seededOnly(presences, pm)).toEqual([presence]);
    expect(seededOnly(domain, pm)).toBeUndefined(); // the host follows from the shop's domain, not from the read

    const shop = ex("$.shop", { query: "query { shop { email shopAddress { city } } }", response: { data: { shop: { email: "a@b.c", shopAddress: { city: "Ottawa" } } } } });
    const shopName = ex("$.name", { query: "query { shop { email unitSystem } }", response: { data: { shop: { email: "a@b.c", unitSystem: "METRIC_SYSTEM" } } } });
    const identity = ex("$.identity", { query: "query { shop { name contactEmail currencyCode features { giftCards } } }", response: { data: { shop: { name: "x", contactEmail: "a@b.c", currencyCode: "CAD", features: { giftCards: true } } } } });
    const sm = new SeedMarks();
    recordedShop([shop, shopName, identity], [], sm);
    markRebuilt(sm, { ids: [] });
    expect(seededOnly(shop, sm)).toEqual(["shop"]);
    expect(seededOnly(shopName, sm)).toBeUndefined(); // units follow the twin's rule, not the read
    expect(seededOnly(identity, sm)).toEqual(["shop"]); // the recorded shop's identity and the copied development-store settings

    const locales = ex("$.locales", { query: "query { shopLocales { locale name primary published } }", response: { data: { shopLocales: [{ locale: "en", name: "English", primary: true, published: true }, { locale: "fr", name: "French", primary: false, published: true }] } } });
    const lm = new SeedMarks();
    markRebuilt(lm, { ids: [], locales: scenarioSetup([locales], [], lm).locales });
    expect(seededOnly(locales, lm)).toEqual(["ShopLocale:en", "ShopLocale:fr"]);
  });

  it("the installation's scopes a read showed seed that read, and a read showing other scopes is no seed", () => {
    const read = (path: string, handles: string[]) => ex(path, { query: "query { currentAppInstallation { accessScopes { handle } } }", response: { data: { currentAppInstallation: { accessScopes: handles.map((handle) => ({ handle })) } } } });
    const [first, same, fewer] = [read("$.first", ["read_products", "write_products"]), read("$.same", ["read_products", "write_products"]), read("$.fewer", ["read_products"])];
    const marks = new SeedMarks();
    expect(scenarioSetup([first, same, fewer], [], marks).scopes).toEqual(["read_products", "write_products"]);
    markRebuilt(marks, { ids: [] });
    expect([first, same, fewer].map((r) => seededOnly(r, marks))).toEqual([["scopes"], ["scopes"], undefined]);
  });

  it("media taken from a mutation's answer seed it only for the media rebuilt from it", () => {
    const media = "gid://shopify/MediaImage/5";
    const answer = ex("$.createMedia", {
      query: "mutation M($productId: ID!) { productCreateMedia(productId: $productId, media: []) { product { id media(first: 5) { nodes { id status alt } } } mediaUserErrors { field } } }",
      variables: { productId: product },
      response: { data: { productCreateMedia: { product: { id: product, media: { nodes: [{ id: media, status: "READY", alt: "x" }] } }, mediaUserErrors: [] } } },
    });
    const marks = new SeedMarks();
    const [owner] = preexistingOwners([answer], marks);
    expect(owner?.catalog?.media?.map((m) => m.id)).toEqual([media]);
    const listed = (answer.response.data as { productCreateMedia: { product: { media: { nodes: object[] } } } }).productCreateMedia.product.media.nodes[0]!;
    expect(marks.seededKeys(listed).size).toBe(0); // not rebuilt yet
    rebuiltAll(marks, [product, media]);
    expect([...marks.seededKeys(listed).keys()].sort()).toEqual(["alt", "id", "status"]);
    expect(seededOnly(answer, marks)).toBeUndefined(); // its mediaUserErrors are still a test
  });

  it("a standard metaobject definition is enabled from Shopify's template: its name is the twin's, not the read's", () => {
    const gid = "gid://shopify/MetaobjectDefinition/1";
    const standard = ex("$.defs", { query: "query { metaobjectDefinitions(first: 5) { nodes { id type name } } }", response: { data: { metaobjectDefinitions: { nodes: [{ id: gid, type: "shopify--color-pattern", name: "Color" }] } } } });
    const custom = ex("$.custom", { query: "query { metaobjectDefinitions(first: 5) { nodes { id type name } } }", response: { data: { metaobjectDefinitions: { nodes: [{ id: "gid://shopify/MetaobjectDefinition/2", type: "mine", name: "Mine" }] } } } });
    const marks = new SeedMarks();
    preexistingDefinitions([standard, custom], marks);
    rebuiltAll(marks, [gid, "gid://shopify/MetaobjectDefinition/2"]);
    expect(seededOnly(standard, marks)).toBeUndefined();
    expect(seededOnly(custom, marks)).toEqual(["gid://shopify/MetaobjectDefinition/2"]);
  });
});

describe("objects a bulk mutation of the scenario made are not the shop's (hydrate.ts bulkMade)", () => {
  const made = "gid://shopify/Product/10231722869042";
  const run = (mutation: string) => ex("$.run", { query: "mutation R($mutation: String!, $path: String!) { bulkOperationRunMutation(mutation: $mutation, stagedUploadPath: $path) { bulkOperation { id } userErrors { field } } }", variables: { mutation, path: "tmp/1/bulk/x.jsonl" }, response: { data: { bulkOperationRunMutation: { bulkOperation: { id: "gid://shopify/BulkOperation/1" }, userErrors: [] } } } });
  const read = ex("$.downstreamRead", { query: "query { products(first: 1) { nodes { id title } } }", response: { data: { products: { nodes: [{ id: made, title: "Bulk made" }] } } } });
  const cleanup = ex("$.cleanup", { query: "mutation D($input: ProductDeleteInput!) { productDelete(input: $input) { deletedProductId } }", variables: { input: { id: made } }, response: { data: { productDelete: { deletedProductId: made } } } });

  it("a product first shown after a bulk productCreate run is not rebuilt", () => {
    expect(preexistingOwners([run("mutation { productCreate(product: $p) { product { id } } }"), read, cleanup])).toEqual([]);
  });

  it("but one shown before the run, or after a bulk run that creates no products, is", () => {
    expect(preexistingOwners([read, run("mutation { productCreate(product: $p) { product { id } } }"), cleanup]).map((o) => o.gid)).toEqual([made]);
    expect(preexistingOwners([run("mutation { metafieldsSet(metafields: $m) { metafields { id } } }"), read, cleanup]).map((o) => o.gid)).toEqual([made]);
  });
});

describe("unlessSeeded", () => {
  it("turns only a pass into not comparable; a difference stays a failure", () => {
    const marks = new SeedMarks();
    const read = productRead("$.read");
    preexistingOwners([read], marks);
    rebuiltAll(marks, [product]);
    expect(unlessSeeded({ status: "passed" }, read, marks)).toMatchObject({ status: "incomparable", category: SEEDED_CATEGORY });
    const failed = { status: "failed" as const, category: "response differs", detail: "x", diffs: [] };
    expect(unlessSeeded(failed, read, marks)).toBe(failed);
    expect(unlessSeeded({ status: "passed" }, productRead("$.other", { totalInventory: 0 }), marks)).toEqual({ status: "passed" });
  });

  it("in a replay: the read that rebuilt a product is not comparable, a later read of a field it did not supply passes", async () => {
    const results = await replayScenario(capture, [
      productRead("$.read"),
      ex("$.status", { query: `query { product(id: "${product}") { id title hasOnlyDefaultVariant } }`, response: { data: { product: { id: product, title: "Canvas bag", hasOnlyDefaultVariant: true } } } }),
    ]);
    expect(results.map((r) => [r.path, r.outcome.status, "category" in r.outcome ? r.outcome.category : undefined])).toEqual([
      ["$.read", "incomparable", SEEDED_CATEGORY],
      ["$.status", "passed", undefined],
    ]);
  });
});
