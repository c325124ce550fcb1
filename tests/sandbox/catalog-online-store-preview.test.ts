import { describe, expect, it } from "vitest";
import { onlineStorePreviewUrl } from "../../sandbox/shopify/catalog/online-store-preview";
import type { ProductRecord } from "../../sandbox/shopify/catalog/types";
import type { ShopRecord } from "../../sandbox/shopify/state";

// Product.onlineStorePreviewUrl: the storefront URL once published, a signed preview link before
// (product-helper-roots-read.json seed, product-update-parity.json).

const shop = { id: 92891250994, domain: "harry-test-heelo.myshopify.com" } as ShopRecord;
const storefront = "https://harry-test-heelo.myshopify.com/products/hat";
const product = (publishedAt: string | null) => ({ gid: "gid://shopify/Product/1", handle: "hat", updatedAt: "2026-07-19T14:53:47Z", publishedAt }) as ProductRecord;

describe("onlineStorePreviewUrl", () => {
  it("is the storefront URL of a published product", () => {
    expect(onlineStorePreviewUrl(product("2025-03-26T19:51:38Z"), shop, storefront)).toBe(storefront);
  });

  it("is a password-bypass preview link, valid for an hour, for an unpublished product", () => {
    const now = Date.parse("2026-07-19T14:53:52.097Z");
    const url = onlineStorePreviewUrl(product(null), shop, storefront, now);
    const m = /^https:\/\/[a-z0-9]{16}-92891250994\.shopifypreview\.com\/products_preview\?preview_key=[0-9a-f]{32}&_bt=([A-Za-z0-9+/]+=*)--[0-9a-f]{40}$/.exec(url);
    expect(m).not.toBeNull();
    const token = JSON.parse(Buffer.from(m![1]!, "base64").toString("utf8"));
    // The recorded tokens' message: a Ruby Marshal dump of the shop's domain.
    expect(token).toEqual({ _rails: { message: "BAhJIiNoYXJyeS10ZXN0LWhlZWxvLm15c2hvcGlmeS5jb20GOgZFVA==", exp: "2026-07-19T15:53:52.097Z", pur: "permanent_password_bypass" } });
  });
});
