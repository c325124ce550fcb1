import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { catalogOf } from "../../../sandbox/shopify/catalog/store";
import { translatableSource } from "../../../sandbox/shopify/localization/translatable-sources";
import { PRODUCT_CSV_DIR, SEED_CSV_FILES } from "../../../sandbox/shopify/seed/csv-products";
import { createShopifyState } from "../../../sandbox/shopify/state";
import { tesseraDemoShop } from "../../../sandbox/shopify/fixtures/tessera-demo";
import { seedShop } from "../../../sandbox/shopify/seed";
import { shopifyFetch } from "../helpers";
import { useSeededSandbox } from "./catalog-helpers";

const SHOP = "tessera-demo.myshopify.com";

function csvRows(file: string): Record<string, string>[] {
  return parse(readFileSync(path.join(PRODUCT_CSV_DIR, file), "utf8"), { columns: true, skip_empty_lines: true });
}

describe("seeded demo shop", () => {
  const t = useSeededSandbox();

  it("has one product per distinct CSV handle and one variant per variant row", () => {
    const rows = SEED_CSV_FILES.flatMap(csvRows);
    const handles = new Set(rows.map((r) => r["Handle"]));
    const variantRows = rows.filter((r) => r["Option1 Value"] || r["Variant Price"]);
    const catalog = catalogOf(t.sandbox.state, SHOP);
    expect(catalog.products.size).toBe(handles.size);
    expect([...catalog.products.values()].map((p) => p.handle).sort()).toEqual([...handles].sort());
    expect([...catalog.products.values()].reduce((n, p) => n + p.variants.length, 0)).toBe(variantRows.length);
    expect(t.sandbox.seedReport).toMatchObject({ products: handles.size, customers: 40, orders: 120 });
  });

  it("keeps the CSV's options, prices, SKUs, SEO, alt text and status", () => {
    const catalog = catalogOf(t.sandbox.state, SHOP);
    const shirt = [...catalog.products.values()].find((p) => p.handle === "example-shirt")!;
    expect(shirt.options.map((o) => o.name)).toEqual(["Color", "Size"]);
    expect(shirt.variants[0]).toMatchObject({ sku: "SRT_COT_111", price: "25.00", title: "Green / S" });
    expect(shirt.seo).toEqual({ title: "Example T-Shirt | Test Store", description: "Cotton shirts from our store." });
    expect(shirt.media[0]).toMatchObject({ alt: "A rack of T-Shirts", width: 1500, sourceUrl: "https://burst.shopifycdn.com/photos/tshirts.jpg?width=1500" });
    const statuses = new Set([...catalog.products.values()].map((p) => p.status));
    expect(statuses).toEqual(new Set(["ACTIVE", "DRAFT", "ARCHIVED"]));
    const bracelet = [...catalog.products.values()].find((p) => p.handle === "chain-bracelet")!;
    expect(bracelet.variants.map((v) => [v.title, v.price, v.compareAtPrice])).toEqual([["Blue", "42.99", "44.99"], ["Black", "42.99", "44.99"]]);
  });

  it("serves every product image from the sandbox CDN with its recorded size", async () => {
    const media = [...catalogOf(t.sandbox.state, SHOP).products.values()][0]!.media[0]!;
    expect(media.url.startsWith(`${t.sandbox.origin}/cdn/shop/files/`)).toBe(true);
    const res = await fetch(media.url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/svg+xml");
    expect(await res.text()).toContain(`width="${media.width}" height="${media.height}"`);
    expect((await fetch(`${t.sandbox.origin}/cdn/shop/files/nope.jpg`)).status).toBe(404);
  });

  it("has markets with web presences for de-DE, fr-FR, es-ES, es-MX, ja-JP and the primary market", () => {
    const shop = t.sandbox.state.shops.get(SHOP)!;
    const presences = shop.markets.map((m) => m.webPresence && `${m.webPresence.defaultLocale}-${m.webPresence.subfolderSuffix ?? "root"}`);
    expect(presences.sort()).toEqual(["de-de", "en-root", "es-es", "es-mx", "fr-fr", "ja-jp"]);
    expect(shop.markets.filter((m) => m.primary)).toHaveLength(1);
    const published = new Set(shop.locales.filter((l) => l.published).map((l) => l.locale));
    for (const m of shop.markets) for (const l of [m.webPresence!.defaultLocale, ...m.webPresence!.alternateLocales]) expect(published.has(l)).toBe(true);
  });

  it("registers PRODUCT, COLLECTION and MEDIA_IMAGE translatable sources with Shopify's keys", () => {
    const product = [...catalogOf(t.sandbox.state, SHOP).products.values()].find((p) => p.handle === "example-shirt")!;
    const found = translatableSource("PRODUCT")!.find(t.sandbox.state, SHOP, product.gid)!;
    expect(found.fields.map((f) => [f.key, f.type])).toEqual([
      ["title", "SINGLE_LINE_TEXT_FIELD"], ["body_html", "HTML"], ["handle", "URI"], ["product_type", "SINGLE_LINE_TEXT_FIELD"],
      ["meta_title", "MULTI_LINE_TEXT_FIELD"], ["meta_description", "MULTI_LINE_TEXT_FIELD"],
    ]);
    const collections = [...translatableSource("COLLECTION")!.list(t.sandbox.state, SHOP)];
    expect(collections.length).toBe(catalogOf(t.sandbox.state, SHOP).collections.size);
    expect(translatableSource("MEDIA_IMAGE")!.find(t.sandbox.state, SHOP, product.media[0]!.gid)!.fields).toEqual([{ key: "alt", value: "A rack of T-Shirts", type: "SINGLE_LINE_TEXT_FIELD" }]);
  });

  it("is deterministic: the same seed gives the same ids and orders", () => {
    const snapshot = () => {
      const state = createShopifyState([tesseraDemoShop()]);
      seedShop(state, SHOP, { origin: "http://x", now: new Date("2026-07-01T00:00:00Z") });
      const c = catalogOf(state, SHOP);
      return JSON.stringify([[...c.products.keys()], [...c.collections.keys()], [...c.customers.keys()], [...c.orders.values()].map((o) => [o.gid, o.total, o.landingSite])]);
    };
    expect(snapshot()).toBe(snapshot());
  });

  it("startSandbox({ seed: false }) leaves the shop empty", async () => {
    const { startTestSandbox } = await import("../helpers");
    const empty = await startTestSandbox({ seed: false });
    try {
      expect(catalogOf(empty.state, SHOP).products.size).toBe(0);
      const res = await shopifyFetch(empty, `/admin/api/${empty.apiVersion}/graphql.json`, {
        headers: { "x-shopify-access-token": empty.issueAccessToken() },
        body: JSON.stringify({ query: "{ productsCount { count } }" }),
      });
      expect(res.json.data.productsCount.count).toBe(0);
    } finally {
      await empty.close();
    }
  });
});
