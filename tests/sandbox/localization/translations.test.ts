import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { tesseraDemoShop } from "../../../sandbox/shopify/fixtures/tessera-demo";
import { translationFor } from "../../../sandbox/shopify/localization/translation-for";
import { installTestSource, productFields, startTwin, type TestResources, type TwinClient } from "./fixtures";

// translationsRegister / translationsRemove / translatableResource rules on the demo shop
// (en primary; de, fr, es, ja enabled; markets Germany…Mexico).

const sha256 = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");
const shop = tesseraDemoShop();
const SHOP = shop.domain;
const PRODUCT = "gid://shopify/Product/8800000000001";
const SPAIN = `gid://shopify/Market/${shop.markets.find((m) => m.handle === "spain")!.id}`;
const MEXICO = `gid://shopify/Market/${shop.markets.find((m) => m.handle === "mexico")!.id}`;

const REGISTER = `mutation Register($resourceId: ID!, $translations: [TranslationInput!]!) {
  translationsRegister(resourceId: $resourceId, translations: $translations) {
    translations { key value locale outdated updatedAt market { id } }
    userErrors { field message code }
  }
}`;
const REMOVE = `mutation Remove($resourceId: ID!, $keys: [String!]!, $locales: [String!]!, $marketIds: [ID!]) {
  translationsRemove(resourceId: $resourceId, translationKeys: $keys, locales: $locales, marketIds: $marketIds) {
    translations { key value locale market { id } }
    userErrors { field message code }
  }
}`;
const READ = `query Read($id: ID!, $locale: String!, $marketId: ID, $outdated: Boolean) {
  translatableResource(resourceId: $id) {
    resourceId
    translatableContent { key value digest locale type }
    translations(locale: $locale, marketId: $marketId, outdated: $outdated) { key value locale outdated market { id } }
  }
}`;

let twin: TwinClient;
let resources: TestResources;
const title = "Linen Shirt";
const input = (over: Record<string, unknown> = {}) => ({ locale: "fr", key: "title", value: "Chemise en lin", translatableContentDigest: sha256(title), ...over });
const read = async (variables: Record<string, unknown>) => (await twin.gql(READ, { id: PRODUCT, ...variables })).data.translatableResource;

beforeAll(async () => {
  resources = installTestSource("PRODUCT");
  twin = await startTwin(shop);
});
afterAll(async () => {
  await twin.sandbox.close();
  resources.restore();
});
beforeEach(() => {
  resources.put(SHOP, PRODUCT, productFields({ title, handle: "linen-shirt", bodyHtml: "<p>Soft linen.</p>", productType: "Shirts" }));
});

describe("translatableResource", () => {
  it("lists non-null source fields with the sha256 digest, primary locale and content type", async () => {
    const r = await read({ locale: "fr" });
    expect(r.translatableContent).toEqual([
      { key: "title", value: title, digest: sha256(title), locale: "en", type: "SINGLE_LINE_TEXT_FIELD" },
      { key: "body_html", value: "<p>Soft linen.</p>", digest: sha256("<p>Soft linen.</p>"), locale: "en", type: "HTML" },
      { key: "handle", value: "linen-shirt", digest: sha256("linen-shirt"), locale: "en", type: "URI" },
      { key: "product_type", value: "Shirts", digest: sha256("Shirts"), locale: "en", type: "SINGLE_LINE_TEXT_FIELD" },
    ]);
  });

  it("reads null for an unknown resource", async () => {
    const res = await twin.gql(READ, { id: "gid://shopify/Product/1", locale: "fr" });
    expect(res.data.translatableResource).toBeNull();
  });
});

describe("translationsRegister", () => {
  it("rejects a stale digest once the source changed, and keeps the old translation", async () => {
    const ok = await twin.gql(REGISTER, { resourceId: PRODUCT, translations: [input()] });
    expect(ok.data.translationsRegister.userErrors).toEqual([]);
    resources.setValue(SHOP, PRODUCT, "title", "Linen Shirt v2");

    const stale = await twin.gql(REGISTER, { resourceId: PRODUCT, translations: [input({ value: "Chemise v2" })] });
    expect(stale.data.translationsRegister).toEqual({
      translations: [],
      userErrors: [{ field: ["translations", "0", "translatableContentDigest"], message: "Translatable content hash is invalid", code: "INVALID_TRANSLATABLE_CONTENT" }],
    });
    expect((await read({ locale: "fr" })).translations.map((t: { value: string }) => t.value)).toEqual(["Chemise en lin"]);
  });

  it("marks a translation outdated when its source value changes, and fresh again after re-registering", async () => {
    await twin.gql(REGISTER, { resourceId: PRODUCT, translations: [input({ locale: "de", value: "Leinenhemd" })] });
    expect((await read({ locale: "de" })).translations[0].outdated).toBe(false);

    resources.setValue(SHOP, PRODUCT, "title", "Linen Shirt (new cut)");
    expect((await read({ locale: "de" })).translations).toEqual([{ key: "title", value: "Leinenhemd", locale: "de", outdated: true, market: null }]);
    expect((await read({ locale: "de", outdated: false })).translations).toEqual([]);
    expect((await read({ locale: "de", outdated: true })).translations).toHaveLength(1);

    const again = await twin.gql(REGISTER, {
      resourceId: PRODUCT,
      translations: [input({ locale: "de", value: "Leinenhemd (neu)", translatableContentDigest: sha256("Linen Shirt (new cut)") })],
    });
    expect(again.data.translationsRegister.translations[0]).toMatchObject({ value: "Leinenhemd (neu)", outdated: false });
  });

  it("refuses 101 translations in one call and writes none of them", async () => {
    const translations = Array.from({ length: 101 }, (_, i) => input({ locale: "es", value: `Camisa ${i}` }));
    const res = await twin.gql(REGISTER, { resourceId: PRODUCT, translations });
    expect(res.data.translationsRegister).toEqual({
      translations: null,
      userErrors: [{ field: ["resourceId"], message: "Too many keys for resource - maximum 100 per mutation", code: "TOO_MANY_KEYS_FOR_RESOURCE" }],
    });
    expect((await read({ locale: "es" })).translations).toEqual([]);
  });

  it("accepts exactly 100 translations", async () => {
    const translations = Array.from({ length: 100 }, (_, i) => input({ locale: "ja", value: `リネンシャツ ${i}` }));
    const res = await twin.gql(REGISTER, { resourceId: PRODUCT, translations });
    expect(res.data.translationsRegister.userErrors).toEqual([]);
    expect(res.data.translationsRegister.translations).toHaveLength(100);
    expect((await read({ locale: "ja" })).translations).toEqual([{ key: "title", value: "リネンシャツ 99", locale: "ja", outdated: false, market: null }]);
  });

  it("rejects a locale the shop has not enabled, and the primary locale, per input", async () => {
    const res = await twin.gql(REGISTER, {
      resourceId: PRODUCT,
      translations: [input({ locale: "it" }), input({ locale: "en" }), input({ key: "vendor" }), input({ locale: "fr", value: "Chemise" })],
    });
    expect(res.data.translationsRegister.userErrors).toEqual([
      { field: ["translations", "0", "locale"], message: "Locale is not a valid locale for the shop", code: "INVALID_LOCALE_FOR_SHOP" },
      { field: ["translations", "1", "locale"], message: "Locale cannot be the same as the shop's primary locale", code: "INVALID_LOCALE_FOR_SHOP" },
      { field: ["translations", "2", "key"], message: "Key vendor is not a valid translatable field", code: "INVALID_KEY_FOR_MODEL" },
    ]);
    // Valid inputs of the same call are still written (per-key, not all-or-nothing).
    expect(res.data.translationsRegister.translations.map((t: { value: string }) => t.value)).toEqual(["Chemise"]);
  });

  it("answers RESOURCE_NOT_FOUND with translations null for an unknown resource", async () => {
    const res = await twin.gql(REGISTER, { resourceId: "gid://shopify/Product/1", translations: [input()] });
    expect(res.data.translationsRegister).toEqual({
      translations: null,
      userErrors: [{ field: ["resourceId"], message: "Resource gid://shopify/Product/1 does not exist", code: "RESOURCE_NOT_FOUND" }],
    });
  });

  it("stamps updatedAt with second precision", async () => {
    const res = await twin.gql(REGISTER, { resourceId: PRODUCT, translations: [input({ value: "Chemise" })] });
    expect(res.data.translationsRegister.translations[0].updatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });
});

describe("market-scoped translations", () => {
  it("are read back only for their market, and the storefront prefers them over the shop-level one", async () => {
    await twin.gql(REGISTER, { resourceId: PRODUCT, translations: [input({ locale: "es", value: "Camisa de lino" })] });
    const mx = await twin.gql(REGISTER, { resourceId: PRODUCT, translations: [input({ locale: "es", value: "Camisa de lino (MX)", marketId: MEXICO })] });
    expect(mx.data.translationsRegister.translations[0].market).toEqual({ id: MEXICO });

    expect((await read({ locale: "es", marketId: MEXICO })).translations).toEqual([
      { key: "title", value: "Camisa de lino (MX)", locale: "es", outdated: false, market: { id: MEXICO } },
    ]);
    expect((await read({ locale: "es", marketId: SPAIN })).translations).toEqual([]);
    expect((await read({ locale: "es" })).translations.map((t: { value: string }) => t.value)).toEqual(["Camisa de lino"]);

    const state = twin.sandbox.state;
    expect(translationFor(state, SHOP, PRODUCT, "title", "es", MEXICO)).toBe("Camisa de lino (MX)");
    expect(translationFor(state, SHOP, PRODUCT, "title", "es", SPAIN)).toBe("Camisa de lino");
    expect(translationFor(state, SHOP, PRODUCT, "title", "es")).toBe("Camisa de lino");
    expect(translationFor(state, SHOP, PRODUCT, "body_html", "es")).toBeNull();
  });

  it("rejects an unknown market before looking at the locale", async () => {
    const res = await twin.gql(REGISTER, { resourceId: PRODUCT, translations: [input({ locale: "it", marketId: "gid://shopify/Market/999" })] });
    expect(res.data.translationsRegister.userErrors).toEqual([
      { field: ["translations", "0", "marketId"], message: "The market corresponding to the `marketId` argument doesn't exist", code: "MARKET_DOES_NOT_EXIST" },
    ]);
  });
});

describe("translationsRemove", () => {
  it("removes and echoes the matching translations; a second call matches nothing (null, no error)", async () => {
    await twin.gql(REGISTER, { resourceId: PRODUCT, translations: [input({ value: "Chemise" }), input({ key: "product_type", value: "Chemises", translatableContentDigest: sha256("Shirts") })] });
    const removed = await twin.gql(REMOVE, { resourceId: PRODUCT, keys: ["title", "product_type"], locales: ["fr"] });
    expect(removed.data.translationsRemove).toEqual({
      translations: [
        { key: "title", value: "Chemise", locale: "fr", market: null },
        { key: "product_type", value: "Chemises", locale: "fr", market: null },
      ],
      userErrors: [],
    });
    expect((await read({ locale: "fr" })).translations).toEqual([]);
    const again = await twin.gql(REMOVE, { resourceId: PRODUCT, keys: ["title"], locales: ["fr"] });
    expect(again.data.translationsRemove).toEqual({ translations: null, userErrors: [] });
  });

  it("touches only the listed market scope", async () => {
    await twin.gql(REGISTER, { resourceId: PRODUCT, translations: [input({ locale: "es", value: "Camisa" }), input({ locale: "es", value: "Camisa MX", marketId: MEXICO })] });
    const res = await twin.gql(REMOVE, { resourceId: PRODUCT, keys: ["title"], locales: ["es"], marketIds: [MEXICO] });
    expect(res.data.translationsRemove.translations).toEqual([{ key: "title", value: "Camisa MX", locale: "es", market: { id: MEXICO } }]);
    expect((await read({ locale: "es" })).translations.map((t: { value: string }) => t.value)).toEqual(["Camisa"]);
  });
});
