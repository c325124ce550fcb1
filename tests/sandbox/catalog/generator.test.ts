import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { catalogOf } from "../../../sandbox/shopify/catalog/store";
import { tesseraDemoShop } from "../../../sandbox/shopify/fixtures/tessera-demo";
import { generateCatalog, loadCatalogJsonl, writeCatalogJsonl } from "../../../sandbox/shopify/seed/generate";
import { createShopifyState } from "../../../sandbox/shopify/state";

const SHOP = "tessera-demo.myshopify.com";
const dir = mkdtempSync(path.join(tmpdir(), "tessera-catalog-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("benchmark catalog generator", () => {
  it("is deterministic per seed and differs across seeds", () => {
    const a = JSON.stringify([...generateCatalog(300, 7)]);
    expect(JSON.stringify([...generateCatalog(300, 7)])).toBe(a);
    expect(JSON.stringify([...generateCatalog(300, 8)])).not.toBe(a);
  });

  it("makes exactly n products with unique handles and SKUs", () => {
    const products = [...generateCatalog(2000, 1)];
    expect(products).toHaveLength(2000);
    expect(new Set(products.map((p) => p.handle)).size).toBe(2000);
    const skus = products.flatMap((p) => p.variants.map((v) => v.sku));
    expect(new Set(skus).size).toBe(skus.length);
    expect(products.every((p) => p.variants.length > 0 && p.options.length > 0)).toBe(true);
  });

  it("writes JSONL and loads it into the twin with the same ids on every load", async () => {
    const file = path.join(dir, "catalog.jsonl");
    await writeCatalogJsonl(file, 5000, 42);
    expect(statSync(file).size).toBeGreaterThan(1_000_000);
    const load = async () => {
      const state = createShopifyState([tesseraDemoShop()]);
      const n = await loadCatalogJsonl(state, SHOP, file, { origin: "http://x", now: new Date("2026-07-01T00:00:00Z") });
      return { n, ids: [...catalogOf(state, SHOP).products.keys()], state };
    };
    const first = await load();
    expect(first.n).toBe(5000);
    expect((await load()).ids).toEqual(first.ids);
    expect(first.state.nodes.get(SHOP)!.size).toBeGreaterThan(5000 * 3);
  });
});
