import { readFileSync } from "node:fs";
import path from "node:path";
import type { AdminApiContext } from "@shopify/shopify-app-remix/server";
import { buildSchema, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { loadSetupGuide, SETUP_GUIDE_LOCALES_QUERY } from "~/modules/shops/setup-guide.server";
import { loadShopProfile, SETTINGS_SHOP_QUERY } from "~/modules/shops/shop-profile.server";

const SHOP = "tessera-demo.myshopify.com";

// An Admin context whose graphql() answers like shopify-app-remix: a Response, or a thrown error.
function adminAnswering(answer: () => Promise<Response>): AdminApiContext {
  return { graphql: answer } as unknown as AdminApiContext;
}

const settingsData = {
  shop: {
    id: "gid://shopify/Shop/1",
    name: "Tessera Demo",
    email: "owner@example.com",
    myshopifyDomain: SHOP,
    currencyCode: "EUR",
    ianaTimezone: "Europe/Berlin",
    primaryDomain: { url: "https://demo.example", host: "demo.example" },
    plan: { publicDisplayName: "Basic", partnerDevelopment: false, shopifyPlus: false },
  },
  shopLocales: [
    { locale: "fr", name: "French", primary: false, published: false },
    { locale: "de", name: "German", primary: false, published: true },
    { locale: "en", name: "English", primary: true, published: true },
  ],
  currentAppInstallation: { id: "gid://shopify/AppInstallation/1", accessScopes: [{ handle: "write_products" }, { handle: "read_locales" }] },
};

describe("Admin GraphQL documents", () => {
  const schema = buildSchema(readFileSync(path.resolve(__dirname, "../../../../shared/shopify/admin-2026-07.schema.graphql"), "utf8"));

  it.each([
    ["SettingsShop", SETTINGS_SHOP_QUERY],
    ["SetupGuideLocales", SETUP_GUIDE_LOCALES_QUERY],
  ])("%s is valid against the 2026-07 schema", (name, document) => {
    const parsed = parse(document.replace("#graphql", ""));
    expect(validate(schema, parsed).map(String)).toEqual([]);
    expect(parsed.definitions.map((d) => ("name" in d ? d.name?.value : undefined))).toEqual([name]);
  });
});

describe("loadShopProfile", () => {
  it("maps the store, primary language first, scopes sorted", async () => {
    const result = await loadShopProfile(adminAnswering(async () => Response.json({ data: settingsData })), SHOP);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.profile.languages.map((l) => l.locale)).toEqual(["en", "de", "fr"]);
    expect(result.profile.grantedScopes).toEqual(["read_locales", "write_products"]);
    expect(result.profile.plan).toEqual({ name: "Basic", developmentStore: false, shopifyPlus: false });
  });

  it("turns a GraphQL error into a message instead of a crash", async () => {
    const result = await loadShopProfile(adminAnswering(async () => { throw new Error("Access denied for shop field."); }), SHOP);
    expect(result).toEqual({ ok: false, message: "Access denied for shop field." });
  });

  it("reports an HTTP failure by status", async () => {
    const result = await loadShopProfile(adminAnswering(async () => { throw new Response("{}", { status: 502 }); }), SHOP);
    expect(result).toEqual({ ok: false, message: "HTTP 502" });
  });

  it("rethrows 401 so shopify-app-remix can re-authenticate", async () => {
    const unauthorized = new Response(null, { status: 401 });
    await expect(loadShopProfile(adminAnswering(async () => { throw unauthorized; }), SHOP)).rejects.toBe(unauthorized);
  });

  it("rejects a response of the wrong shape", async () => {
    const result = await loadShopProfile(adminAnswering(async () => Response.json({ data: { shop: null } })), SHOP);
    expect(result.ok).toBe(false);
  });
});

describe("loadSetupGuide", () => {
  it("marks languages done once a secondary language is published", async () => {
    const guide = await loadSetupGuide(adminAnswering(async () => Response.json({ data: settingsData })), SHOP);
    expect(guide.languagesChecked).toBe(true);
    expect(guide.steps.map((s) => [s.id, s.done])).toEqual([["languages", true], ["channel", false], ["gallery", false], ["pixel", false]]);
  });

  it("leaves languages open, and says so, when Shopify cannot be asked", async () => {
    const guide = await loadSetupGuide(adminAnswering(async () => { throw new Error("boom"); }), SHOP);
    expect(guide.languagesChecked).toBe(false);
    expect(guide.steps[0]).toMatchObject({ id: "languages", done: false });
  });
});
