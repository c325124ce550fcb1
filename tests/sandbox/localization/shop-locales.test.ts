import { createHash } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AVAILABLE_LOCALES } from "../../../sandbox/shopify/localization/available-locales";
import { tesseraDemoShop } from "../../../sandbox/shopify/fixtures/tessera-demo";
import { EN, ES, FR, captureShop, installTestSource, productFields, startTwin, type TestResources, type TwinClient } from "./fixtures";

// shopLocales, shopLocaleEnable/Update/Disable and the web-presence side of locales, on the demo
// shop (en primary; de, fr, es, ja published). A fresh twin per test: these mutate the shop.

const ENABLE = `mutation Enable($locale: String!, $ids: [ID!]) {
  shopLocaleEnable(locale: $locale, marketWebPresenceIds: $ids) {
    shopLocale { locale name primary published marketWebPresences { id } }
    userErrors { field message }
  }
}`;
const UPDATE = `mutation Update($locale: String!, $input: ShopLocaleInput!) {
  shopLocaleUpdate(locale: $locale, shopLocale: $input) {
    shopLocale { locale published marketWebPresences { id } }
    userErrors { field message }
  }
}`;
const DISABLE = `mutation Disable($locale: String!) { shopLocaleDisable(locale: $locale) { locale userErrors { field message } } }`;
const LOCALES = `query($published: Boolean) { shopLocales(published: $published) { locale published } }`;

let twin: TwinClient;
let resources: TestResources;
beforeAll(() => void (resources = installTestSource("PRODUCT")));
afterAll(() => resources.restore());
beforeEach(async () => void (twin = await startTwin(tesseraDemoShop())));
afterEach(() => twin.sandbox.close());

const enable = async (locale: string, ids?: string[]) => (await twin.gql(ENABLE, { locale, ids })).data.shopLocaleEnable;
const primaryPresence = async () =>
  (await twin.gql("{ webPresences(first: 10) { nodes { id domain { host } alternateLocales { locale } } } }")).data.webPresences.nodes.find((w: { domain: unknown }) => w.domain);

describe("shopLocaleEnable", () => {
  it("refuses the 21st language: 20 alternates is Shopify's limit (field null, named locale)", async () => {
    const candidates = AVAILABLE_LOCALES.map(([code]) => code).filter((c) => !["en", "de", "fr", "es", "ja", "zh-CN"].includes(c));
    for (const code of candidates.slice(0, 16)) expect((await enable(code)).userErrors).toEqual([]);
    expect((await twin.gql(LOCALES)).data.shopLocales).toHaveLength(21);

    expect(await enable("zh-CN")).toEqual({
      shopLocale: null,
      userErrors: [{ field: null, message: "Your store has reached its 20 language limit. To add Chinese (Simplified), delete one of your other languages." }],
    });
    expect((await twin.gql(DISABLE, { locale: candidates[0] })).data.shopLocaleDisable.userErrors).toEqual([]);
    expect((await enable("zh-CN")).shopLocale).toMatchObject({ locale: "zh-CN", name: "Chinese (Simplified)" });
  });

  it("adds the locale unpublished, on no web presence unless asked", async () => {
    expect(await enable("it")).toEqual({ shopLocale: { locale: "it", name: "Italian", primary: false, published: false, marketWebPresences: [] }, userErrors: [] });
    expect((await twin.gql(LOCALES, { published: true })).data.shopLocales.map((l: { locale: string }) => l.locale)).toEqual(["de", "en", "es", "fr", "ja"]);
  });

  it("refuses invalid, duplicate and primary locales with Shopify's messages", async () => {
    expect((await enable("tlh")).userErrors).toEqual([{ field: ["locale"], message: "Locale is invalid" }]);
    expect((await enable("fr")).userErrors).toEqual([{ field: ["locale"], message: "Locale has already been taken" }]);
    expect((await enable("en")).userErrors).toEqual([{ field: ["locale"], message: "The primary locale of your store can't be changed through this endpoint." }]);
  });

  it("attaches the locale to the listed existing web presences and ignores unknown ids", async () => {
    const presence = await primaryPresence();
    const res = await enable("it", [presence.id, "gid://shopify/MarketWebPresence/9999999999"]);
    expect(res.shopLocale.marketWebPresences).toEqual([{ id: presence.id }]);
    expect((await primaryPresence()).alternateLocales.map((l: { locale: string }) => l.locale)).toContain("it");
  });
});

describe("shopLocaleUpdate / shopLocaleDisable", () => {
  it("publishes, and moves the locale between web presences ([] removes it everywhere)", async () => {
    await enable("it");
    const presence = await primaryPresence();
    const res = await twin.gql(UPDATE, { locale: "it", input: { published: true, marketWebPresenceIds: [presence.id] } });
    expect(res.data.shopLocaleUpdate).toEqual({ shopLocale: { locale: "it", published: true, marketWebPresences: [{ id: presence.id }] }, userErrors: [] });
    const cleared = await twin.gql(UPDATE, { locale: "it", input: { marketWebPresenceIds: [] } });
    expect(cleared.data.shopLocaleUpdate.shopLocale).toEqual({ locale: "it", published: true, marketWebPresences: [] });
  });

  it("guards the primary locale and unknown locales", async () => {
    const primary = await twin.gql(UPDATE, { locale: "en", input: { published: false } });
    expect(primary.data.shopLocaleUpdate.userErrors).toEqual([{ field: ["locale"], message: "The primary locale of your store can't be changed through this endpoint." }]);
    const missing = await twin.gql(UPDATE, { locale: "zz", input: { published: false } });
    expect(missing.data.shopLocaleUpdate).toEqual({ shopLocale: null, userErrors: [{ field: ["locale"], message: "The locale doesn't exist." }] });
    const disable = await twin.gql(DISABLE, { locale: "it" });
    expect(disable.data.shopLocaleDisable).toEqual({ locale: null, userErrors: [{ field: ["locale"], message: "The locale doesn't exist." }] });
  });

  it("disabling a locale deletes its translations at once; registering in it is then refused", async () => {
    const gid = "gid://shopify/Product/8800000000002";
    resources.put(twin.sandbox.defaultShop, gid, productFields({ title: "Mug", handle: "mug" }));
    const digest = createHash("sha256").update("Mug").digest("hex");
    const register = `mutation($t: [TranslationInput!]!) { translationsRegister(resourceId: "${gid}", translations: $t) { translations { value } userErrors { code } } }`;
    const t = [{ locale: "fr", key: "title", value: "Tasse", translatableContentDigest: digest }];
    expect((await twin.gql(register, { t })).data.translationsRegister.userErrors).toEqual([]);

    expect((await twin.gql(DISABLE, { locale: "fr" })).data.shopLocaleDisable).toEqual({ locale: "fr", userErrors: [] });
    const read = await twin.gql(`{ translatableResource(resourceId: "${gid}") { translations(locale: "fr") { value } } }`);
    expect(read.data.translatableResource.translations).toEqual([]);
    expect((await twin.gql(register, { t })).data.translationsRegister.userErrors).toEqual([{ code: "INVALID_LOCALE_FOR_SHOP" }]);
    // Re-enabling does not bring old translations back.
    await enable("fr");
    const after = await twin.gql(`{ translatableResource(resourceId: "${gid}") { translations(locale: "fr") { value } } }`);
    expect(after.data.translatableResource.translations).toEqual([]);
  });
});

describe("markets and web presences", () => {
  // A shop of our own: the demo fixture's markets belong to the catalog seed and may change.
  const shop = captureShop([EN, ES, FR]);
  const mexico = shop.markets.find((m) => m.name === "Mexico")!;
  mexico.webPresence = { id: 5001, subfolderSuffix: "mx", defaultLocale: "es", alternateLocales: ["en"] };
  const MEXICO = `gid://shopify/Market/${mexico.id}`;
  let own: TwinClient;
  beforeEach(async () => void (own = await startTwin(shop)));
  afterEach(() => own.sandbox.close());

  it("lists markets by name (default sortKey) with a status filter, and reads one by id", async () => {
    const res = await own.gql(`{ markets(first: 10) { nodes { name status } } active: markets(first: 10, query: "status:ACTIVE") { nodes { name } } }`);
    expect(res.data.markets.nodes.map((m: { name: string }) => m.name)).toEqual(shop.markets.map((m) => m.name).sort());
    expect(res.data.active.nodes.map((m: { name: string }) => m.name)).toEqual(["International", "Mexico"]);
    const one = await own.gql(`query($id: ID!) { market(id: $id) { id name handle status type webPresences(first: 5) { nodes { subfolderSuffix } } } missing: market(id: "gid://shopify/Market/1") { id } }`, { id: MEXICO });
    expect(one.data).toEqual({ market: { id: MEXICO, name: "Mexico", handle: "mexico", status: "ACTIVE", type: "REGION", webPresences: { nodes: [{ subfolderSuffix: "mx" }] } }, missing: null });
  });

  it("serves the root presence on the primary domain and the seeded subfolder one, with captured root-URL shapes", async () => {
    const res = await own.gql(`{ webPresences(first: 5) { nodes { subfolderSuffix domain { host url sslEnabled } defaultLocale { locale primary published } alternateLocales { locale } rootUrls { locale url } markets(first: 2) { nodes { name } } } } }`);
    const host = "harry-test-heelo.myshopify.com";
    expect(res.data.webPresences.nodes).toEqual([
      {
        subfolderSuffix: "mx",
        domain: null,
        defaultLocale: { locale: "es", primary: false, published: false },
        alternateLocales: [{ locale: "en" }],
        rootUrls: [{ locale: "es", url: `https://${host}/es-mx/` }, { locale: "en", url: `https://${host}/en-mx/` }],
        markets: { nodes: [{ name: "Mexico" }] },
      },
      {
        subfolderSuffix: null,
        domain: { host, url: `https://${host}`, sslEnabled: true },
        defaultLocale: { locale: "en", primary: true, published: true },
        alternateLocales: [],
        rootUrls: [{ locale: "en", url: `https://${host}/` }],
        markets: { nodes: [] },
      },
    ]);
  });

  it("reports on each locale the presences that use it", async () => {
    const res = await own.gql(`{ shopLocales { locale marketWebPresences { subfolderSuffix } } }`);
    expect(res.data.shopLocales).toEqual([
      { locale: "en", marketWebPresences: [{ subfolderSuffix: "mx" }, { subfolderSuffix: null }] },
      { locale: "es", marketWebPresences: [{ subfolderSuffix: "mx" }] },
      { locale: "fr", marketWebPresences: [] },
    ]);
  });
});
