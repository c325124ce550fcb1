import { describe, expect, it } from "vitest";
import { diffBodies } from "../../../sandbox/conformance/compare";
import { TWIN_API_KEY, VOLATILE_RULES, canonicalize } from "../../../sandbox/conformance/volatile";
import { apiClientId } from "../../../sandbox/shopify/platform/app-identity";

describe("volatile-path matcher", () => {
  it("every rule has an id and a reason", () => {
    for (const rule of VOLATILE_RULES) expect(rule.reason.length, rule.id).toBeGreaterThan(20);
    expect(new Set(VOLATILE_RULES.map((r) => r.id)).size).toBe(VOLATILE_RULES.length);
  });

  it("forgives ids, timestamps, cursors, cost numbers and request ids only in their canonical form", () => {
    const captured = {
      data: { product: { id: "gid://shopify/Product/101", createdAt: "2026-07-01T10:00:00Z", title: "Hat" }, c: { pageInfo: { endCursor: "abc" } } },
      errors: [{ message: "Resource gid://shopify/Product/101 does not exist", extensions: { requestId: "r-1" } }],
      extensions: { cost: { requestedQueryCost: 5, actualQueryCost: 3, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1997, restoreRate: 100 } } },
    };
    const twin = {
      data: { product: { id: "gid://shopify/Product/9", createdAt: "2027-01-01T00:00:00.123+00:00", title: "Hat" }, c: { pageInfo: { endCursor: "zzz" } } },
      errors: [{ message: "Resource gid://shopify/Product/9 does not exist", extensions: { requestId: "r-2" } }],
      extensions: { cost: { requestedQueryCost: 6, actualQueryCost: 6, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1994, restoreRate: 100 } } },
    };
    expect(diffBodies(captured, twin)).toEqual([]);
  });

  it("still reports what is not volatile", () => {
    const diffs = diffBodies(
      { data: { product: { id: "gid://shopify/Product/1", title: "Hat", createdAt: "2026-07-01T10:00:00Z", c: { endCursor: null } } }, extensions: { cost: { throttleStatus: { restoreRate: 100 } } } },
      { data: { product: { id: "gid://shopify/Collection/1", title: "Cap", createdAt: null, c: { endCursor: "x" } } }, extensions: { cost: { throttleStatus: { restoreRate: 50 } } } },
    );
    expect(diffs.map((d) => d.path)).toEqual(["data.product.id", "data.product.title", "data.product.createdAt", "data.product.c.endCursor", "extensions.cost.throttleStatus.restoreRate"]);
  });

  it("reports missing keys and list length changes", () => {
    expect(diffBodies({ data: { a: [1, 2] } }, { data: { a: [1] }, errors: [] })).toEqual([
      { path: "data.a.length", captured: 2, twin: 1 },
      { path: "errors", captured: "<absent>", twin: [] },
    ]);
  });

  it("maps the recording app's and the twin app's client ids to one placeholder", () => {
    expect(canonicalize(["data", "ns"], "app--347082227713--settings")).toBe("app--<api-client-id>--settings");
    expect(canonicalize(["data", "ns"], `app--${apiClientId(TWIN_API_KEY)}--settings`)).toBe("app--<api-client-id>--settings");
    expect(canonicalize(["data", "ns"], "app--1--settings")).toBe("app--1--settings");
  });

  it("compares CDN file names, bulk byte counts, bucket hosts and signing accounts by kind", () => {
    const shopify = "https://cdn.shopify.com/s/files/1/0928/9125/0994/files/png_da2fdcf2-cf85-4b96-9d1e-c7f7ac17ac6d.png?v=1784517750";
    const twin = "http://127.0.0.1:41285/cdn/shop/files/png_7845fcd0-171a-4ef7-afb7-9a38de0a4d62.png";
    expect(canonicalize(["data", "url"], shopify)).toBe(canonicalize(["data", "url"], twin));
    expect(canonicalize(["data", "url"], "https://cdn.shopify.com/s/files/1/0928/9125/0994/files/a.jpg?v=1")).not.toBe(canonicalize(["data", "url"], "http://127.0.0.1:1/cdn/shop/files/b.jpg"));
    expect(canonicalize(["data", "bulkOperation", "fileSize"], "189")).toBe(canonicalize(["data", "bulkOperation", "fileSize"], "151"));
    expect(canonicalize(["data", "bulkOperation", "fileSize"], null)).toBeNull();
    expect(canonicalize(["url"], "https://shopify-video-production-core-originals.storage.googleapis.com")).toBe("<signed-storage-url>");
    const param = ["data", "stagedUploadsCreate", "stagedTargets", 0, "parameters", 0, "value"];
    expect(canonicalize(param, "threed-model-service-prod@threed-model-service.iam.gserviceaccount.com")).toBe(canonicalize(param, "tessera-sandbox@staged-uploads.local"));
    expect(canonicalize(param, "image/png")).toBe("image/png");
  });

  it("forgives only the documented races and random parts: new media status, generated handle tails", () => {
    const media = ["data", "productCreateMedia", "media", 0, "status"];
    expect(canonicalize(media, "UPLOADED")).toBe(canonicalize(media, "PROCESSING"));
    expect(canonicalize(media, "READY")).toBe("READY");
    expect(canonicalize(["data", "product", "media", "nodes", 0, "status"], "UPLOADED")).toBe("UPLOADED");
    const handle = ["data", "metaobjectCreate", "metaobject", "handle"];
    expect(canonicalize(handle, "auto-handle-1782315778999-mv5ncdzl")).toBe(canonicalize(handle, "auto-handle-1782315778999-9l4rkeq2"));
    expect(canonicalize(handle, "auto-handle-a")).not.toBe(canonicalize(handle, "auto-handle-b"));
    expect(canonicalize(["data", "metaobjectUpdate", "metaobject", "handle"], "x-mv5ncdzl")).toBe("x-mv5ncdzl");
  });
});

describe("a zone's offset at the recorded time (volatile.ts zone-offset-at-recorded-time)", () => {
  // store-properties-baseline.json (2026-04): recorded 2026-04-25T01:25:08.696Z, America/Toronto, EDT.
  const shop = (abbreviation: string, offset: string, minutes: number, zone = "America/Toronto") => ({ data: { shop: { ianaTimezone: zone, timezoneAbbreviation: abbreviation, timezoneOffset: offset, timezoneOffsetMinutes: minutes } } });
  const recordedAt = "2026-04-25T01:25:08.696Z";
  const winter = new Date("2026-11-25T16:00:00Z");

  it("forgives the captured summer offset against the twin's winter offset", () => {
    expect(diffBodies(shop("EDT", "-0400", -240), shop("EST", "-0500", -300), 20, { recordedAt, answeredAt: winter })).toEqual([]);
  });

  it("does not forgive a captured value that was not the zone's offset at the recorded time, nor a twin value that is not its offset now", () => {
    const all = ["data.shop.timezoneAbbreviation", "data.shop.timezoneOffset", "data.shop.timezoneOffsetMinutes"];
    expect(diffBodies(shop("EST", "-0500", -300), shop("EDT", "-0400", -240), 20, { recordedAt, answeredAt: new Date(recordedAt) }).map((d) => d.path)).toEqual(all);
    expect(diffBodies(shop("EDT", "-0400", -240), shop("CST", "-0600", -360), 20, { recordedAt, answeredAt: winter }).map((d) => d.path)).toEqual(all);
    expect(diffBodies(shop("EDT", "-0400", -180), shop("EST", "-0500", -300), 20, { recordedAt, answeredAt: winter }).map((d) => d.path)).toEqual(["data.shop.timezoneOffsetMinutes"]);
  });

  it("needs the recorded time, the same zone on both sides, and no change of offset within an hour of the recorded time", () => {
    expect(diffBodies(shop("EDT", "-0400", -240), shop("EST", "-0500", -300), 20, { answeredAt: winter })).toHaveLength(3);
    expect(diffBodies(shop("EDT", "-0400", -240), shop("EST", "-0500", -300, "America/New_York"), 20, { recordedAt, answeredAt: winter })).toHaveLength(4);
    // 2026-03-08T07:00Z: Toronto moved from EST to EDT.
    expect(diffBodies(shop("EDT", "-0400", -240), shop("EST", "-0500", -300), 20, { recordedAt: "2026-03-08T07:30:00Z", answeredAt: winter })).toHaveLength(3);
  });
});
