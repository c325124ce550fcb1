import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Exchange } from "../../../sandbox/conformance/normalize";
import { capturedAtOf, recordedShopIds } from "../../../sandbox/conformance/rebuild/recorded-shop-ids";
import type { Twin } from "../../../sandbox/conformance/twin";

const read = (data: unknown): Exchange => ({ path: "$.read", name: "read", shape: 1, querySource: "inline", variables: {}, status: 200, response: { data } });
const twinWith = (address?: Record<string, unknown>) => ({ shop: "s.myshopify.com", sandbox: { state: { shops: new Map([["s.myshopify.com", { id: 7, address }]]) } } }) as unknown as Twin;

describe("the recorded Shop is the twin's shop (recorded-shop-ids.ts)", () => {
  // store-properties-baseline.json: Shop/63755419881 with ShopAddress/63755419881.
  const shop = read({ shop: { id: "gid://shopify/Shop/63755419881", shopAddress: { id: "gid://shopify/ShopAddress/63755419881", city: "Ottawa" } } });

  it("pairs the one Shop the answers show, and its address when the twin's shop has one", () => {
    expect([...recordedShopIds([shop], twinWith({ city: "Ottawa" }))]).toEqual([["gid://shopify/Shop/63755419881", "gid://shopify/Shop/7"], ["gid://shopify/ShopAddress/63755419881", "gid://shopify/ShopAddress/7"]]);
    expect([...recordedShopIds([shop], twinWith())]).toEqual([["gid://shopify/Shop/63755419881", "gid://shopify/Shop/7"]]);
  });

  it("pairs nothing when the answers name no Shop or more than one", () => {
    expect(recordedShopIds([read({ product: { id: "gid://shopify/Product/1" } })], twinWith()).size).toBe(0);
    expect(recordedShopIds([shop, read({ shop: { id: "gid://shopify/Shop/1" } })], twinWith()).size).toBe(0);
  });

  it("reads the recorded time from the capture file's capturedAt, and none when the file has none", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "captured-at-"));
    writeFileSync(path.join(dir, "a.json"), JSON.stringify({ capturedAt: "2026-04-25T01:25:08.696Z", x: {} }));
    writeFileSync(path.join(dir, "b.json"), JSON.stringify({ x: { capturedAt: "2026-04-25T01:25:08.696Z" } }));
    expect(capturedAtOf("a.json", dir)).toBe("2026-04-25T01:25:08.696Z");
    expect(capturedAtOf("b.json", dir)).toBeUndefined();
  });
});
