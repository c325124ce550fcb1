import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "../../sandbox/server";
import { readAppToml } from "../../sandbox/shopify/app-toml";
import { graphql, TEST_APP } from "../sandbox/helpers";
import { startFakeApp, type FakeApp } from "../sandbox/storefront/fake-app";
import { launchChromium, STAFF_USER_AGENT, watchPage } from "./support/browser";

// A shopper in Chromium on the storefront preview: the product page renders the test theme app
// block (its assets load, every image has dimensions, no console errors); the test web pixel runs
// in its strict sandbox and sends nothing until the shopper consents, then receives the standard
// events with @shopify/web-pixels-extension's shapes; the checkout creates an order and the app
// (the real shopify-app-remix library) receives orders/create signed.

// Key sets of the package's types (build/ts/types/PixelEvents/index.d.ts, v2.18.0).
const ENVELOPE = ["clientId", "context", "data", "id", "name", "seq", "timestamp", "type"];
const CUSTOM_ENVELOPE = ["clientId", "context", "customData", "id", "name", "seq", "timestamp", "type"];
const PRODUCT_VARIANT = ["id", "image", "price", "product", "sku", "title", "untranslatedTitle"];
const PRODUCT = ["id", "title", "type", "untranslatedTitle", "url", "vendor"];
const CART_LINE = ["cost", "merchandise", "quantity"];
const CHECKOUT = ["attributes", "billingAddress", "buyerAcceptsEmailMarketing", "buyerAcceptsSmsMarketing", "currencyCode", "delivery", "discountApplications", "discountsAmount", "email", "lineItems", "localization", "order", "phone", "shippingAddress", "shippingLine", "smsMarketingPhone", "subtotalPrice", "token", "totalPrice", "totalTax", "transactions"];
const LINE_ITEM = ["discountAllocations", "finalLinePrice", "id", "properties", "quantity", "sellingPlanAllocation", "title", "variant"];
const CONTEXT = ["document", "navigator", "window"];

type PixelEvent = { id: string; name: string; type: string; seq: number; clientId: string; timestamp: string; context: Record<string, unknown>; data: any; customData?: unknown };
const keys = (o: unknown) => Object.keys(o as object).sort();

function expectVariant(v: any) {
  expect(keys(v)).toEqual(PRODUCT_VARIANT);
  expect(keys(v.product)).toEqual(PRODUCT);
  expect(v.price).toEqual({ amount: expect.any(Number), currencyCode: "EUR" });
  expect(v.id).toMatch(/^\d+$/);
  expect(v.product.id).toMatch(/^\d+$/);
}

let sandbox: RunningSandbox;
let app: FakeApp;
let browser: Browser;
let collector: http.Server;
let collectorUrl: string;
const batches: Array<{ consent: { analytics: boolean }; shop: string; events: PixelEvent[]; origin: string | undefined }> = [];
const orderWebhooks: Array<{ topic: string; payload: any; webhookId: string }> = [];

beforeAll(async () => {
  collector = http.createServer(async (req, res) => {
    res.setHeader("access-control-allow-origin", "*");
    if (req.method === "POST") {
      let body = "";
      for await (const c of req) body += c;
      batches.push({ ...JSON.parse(body), origin: req.headers.origin });
    }
    res.end();
  });
  await new Promise<void>((r) => collector.listen(0, "127.0.0.1", () => r()));
  collectorUrl = `http://127.0.0.1:${(collector.address() as AddressInfo).port}/events`;

  app = await startFakeApp(async (request, shopify) => {
    const { topic, payload, webhookId } = await shopify.authenticate.webhook(request);
    orderWebhooks.push({ topic, payload, webhookId });
    return new Response(null, { status: 200 });
  });
  sandbox = await startSandbox({
    port: 0, ...TEST_APP, appUrl: app.url, faults: "",
    webhooks: { subscriptions: [...readAppToml().webhooks, { topic: "orders/create", uri: "/webhooks/orders/create", compliance: false }] },
    storefront: {
      extensionDirs: [path.resolve("tests/fixtures/theme-block"), path.resolve("tests/fixtures/web-pixel")],
      placements: { blocks: [{ block: "test-block", templates: ["product"] }] },
    },
  });
  // The app connects its pixel as Shopify apps do: webPixelCreate with the extension's settings.
  const token = sandbox.issueAccessToken();
  const created = await graphql(sandbox, token, `mutation($s: JSON!) { webPixelCreate(webPixel: { settings: $s }) { userErrors { message } } }`, { s: JSON.stringify({ collectorUrl }) });
  expect(created.json.data.webPixelCreate.userErrors).toEqual([]);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
  await app?.close();
  await new Promise<void>((r) => (collector ? collector.close(() => r()) : r()));
});

const events = () => batches.flatMap((b) => b.events);
const eventNamed = (name: string) => events().find((e) => e.name === name);

async function firstProductPath(page: Page) {
  await page.goto(`${sandbox.storefrontUrl}/`);
  return page.locator("ul.grid a").first().getAttribute("href");
}

describe("storefront preview in Chromium", () => {
  it("renders the block, runs the pixel only after consent, and checks out into a signed orders/create", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, userAgent: STAFF_USER_AGENT });
    const page = await context.newPage();
    const problems = watchPage(page);
    try {
      const productPath = (await firstProductPath(page))!;
      await page.goto(`${sandbox.storefrontUrl}${productPath}`, { waitUntil: "networkidle" });

      // The block: rendered, its deferred JS ran (custom element upgraded), its CSS applied, images sized.
      await page.locator("test-block[data-ready=true]").waitFor();
      expect(await page.locator("test-block").evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe("solid");
      const images = await page.locator("img").evaluateAll((imgs) => imgs.map((i) => ({ w: i.getAttribute("width"), h: i.getAttribute("height"), ok: (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0 })));
      expect(images.length).toBeGreaterThanOrEqual(3);
      for (const img of images) expect(img).toEqual({ w: expect.stringMatching(/^\d+$/), h: expect.stringMatching(/^\d+$/), ok: true });

      // No consent yet: the pixel is not even loaded, nothing is sent.
      await page.waitForTimeout(300);
      expect(await page.locator("iframe[name^=web-pixel-sandbox]").count()).toBe(0);
      expect(batches).toEqual([]);

      await page.getByRole("button", { name: "Accept" }).click();
      await expect.poll(() => events().map((e) => e.name), { timeout: 10_000 }).toEqual(expect.arrayContaining(["page_viewed", "product_viewed", "tessera:test_block_viewed"]));
      expect(await page.locator("iframe[name^=web-pixel-sandbox]").getAttribute("sandbox")).toBe("allow-scripts");
      expect(batches[0]!.origin).toBe("null"); // strict sandbox: opaque origin
      expect(batches.every((b) => b.consent.analytics && b.shop === sandbox.defaultShop)).toBe(true);

      await page.getByRole("button", { name: "Add to cart" }).click();
      await expect.poll(() => eventNamed("product_added_to_cart"), { timeout: 10_000 }).toBeTruthy();

      // Each page's batch goes out ~50 ms after its events; a shopper is slower than that, so wait as one.
      await page.getByRole("link", { name: "View cart" }).click();
      await expect.poll(() => eventNamed("cart_viewed"), { timeout: 10_000 }).toBeTruthy();
      await page.getByRole("button", { name: "Check out" }).click();
      await page.waitForURL(/\/checkouts\/cn\/[0-9a-f]+$/);
      await expect.poll(() => eventNamed("checkout_started"), { timeout: 10_000 }).toBeTruthy();
      await page.getByLabel("Email").fill("shopper@example.com");
      await page.getByLabel("Country").selectOption("DE");
      await page.getByRole("button", { name: "Pay now" }).click();
      await page.waitForURL(/\/thank-you$/);
      const orderId = await page.locator("[data-order-id]").textContent();
      await expect.poll(() => eventNamed("checkout_completed"), { timeout: 10_000 }).toBeTruthy();
      await expect.poll(() => orderWebhooks.length, { timeout: 10_000 }).toBe(1);
      await page.waitForLoadState("networkidle");

      // Envelopes and payloads exactly as documented.
      const standard = events().filter((e) => e.type === "standard");
      expect(standard.map((e) => e.name)).toEqual(["page_viewed", "product_viewed", "product_added_to_cart", "page_viewed", "cart_viewed", "page_viewed", "checkout_started", "page_viewed", "checkout_completed"]);
      for (const e of standard) {
        expect(keys(e)).toEqual(ENVELOPE);
        expect(keys(e.context)).toEqual(CONTEXT);
        expect(e.id).toMatch(/^sh-[0-9a-f-]{36}$/);
        expect(new Date(e.timestamp).toISOString()).toBe(e.timestamp);
      }
      expect(new Set(standard.map((e) => e.clientId)).size).toBe(1);
      expect(eventNamed("page_viewed")!.data).toEqual({});
      expect(eventNamed("page_viewed")!.context.document).toMatchObject({ location: { pathname: productPath } });
      expectVariant(eventNamed("product_viewed")!.data.productVariant);
      const line = eventNamed("product_added_to_cart")!.data.cartLine;
      expect(keys(line)).toEqual(CART_LINE);
      expectVariant(line.merchandise);
      expect(line.merchandise).toEqual(eventNamed("product_viewed")!.data.productVariant);
      expect(keys(eventNamed("cart_viewed")!.data.cart)).toEqual(["attributes", "cost", "id", "lines", "totalQuantity"]);
      for (const name of ["checkout_started", "checkout_completed"]) {
        const checkout = eventNamed(name)!.data.checkout;
        expect(keys(checkout)).toEqual(CHECKOUT);
        expect(keys(checkout.lineItems[0])).toEqual(LINE_ITEM);
        expectVariant(checkout.lineItems[0].variant);
      }
      expect(eventNamed("checkout_started")!.data.checkout.order).toBeNull();
      const completed = eventNamed("checkout_completed")!.data.checkout;
      expect(completed.order.id).toBe(orderId);
      expect(completed.email).toBe("shopper@example.com");
      expect(completed.localization.country.isoCode).toBe("DE");
      const custom = events().find((e) => e.type === "custom")!;
      expect(keys(custom)).toEqual(CUSTOM_ENVELOPE);
      expect(custom.customData).toEqual({ blockId: expect.any(String) });

      // The app got orders/create for that order, and the real library verified its HMAC.
      expect(orderWebhooks[0]).toMatchObject({ topic: "ORDERS_CREATE", payload: { id: Number(orderId), email: "shopper@example.com" } });
      expect(orderWebhooks[0]!.payload.landing_site).toBe("/");

      // Navigating away ends the pixel's worker, so Chromium reports its in-flight keepalive POSTs
      // as aborted although they reached the collector (every event above arrived): not a problem.
      expect(problems.take().filter((p) => p !== `request failed: ${collectorUrl} (net::ERR_ABORTED)`)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("declining consent keeps the pixel unloaded across pages", async () => {
    const before = batches.length;
    const context = await browser.newContext({ userAgent: STAFF_USER_AGENT });
    const page = await context.newPage();
    const problems = watchPage(page);
    try {
      const productPath = (await firstProductPath(page))!;
      await page.getByRole("button", { name: "Decline" }).click();
      await page.goto(`${sandbox.storefrontUrl}${productPath}`, { waitUntil: "networkidle" });
      await page.waitForTimeout(300);

      expect(await page.locator("#shopify-pc__banner").count()).toBe(0);
      expect(await page.locator("iframe[name^=web-pixel-sandbox]").count()).toBe(0);
      expect(batches.length).toBe(before);
      expect(problems.take()).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
