import { afterEach, describe, expect, it } from "vitest";
import { createOrder } from "../../../sandbox/shopify/catalog/orders/create-order";
import { catalogOf } from "../../../sandbox/shopify/catalog/store";
import { emitShopEvent } from "../../../sandbox/shopify/events";
import { SHOPIFY_RETRY_DELAYS_SECONDS } from "../../../sandbox/shopify/webhook-dispatcher";
import type { RunningSandbox } from "../../../sandbox/server";
import { readAppToml } from "../../../sandbox/shopify/app-toml";
import { graphql, startTestSandbox } from "../helpers";
import { startFakeApp, type FakeApp } from "./fake-app";

// GIVEN the app's webhook subscriptions (shopify.app.toml + API-created), WHEN the twin's shop
// changes, THEN the app receives signed deliveries that the real authenticate.webhook accepts,
// retried on failure with the same webhook id on Shopify's schedule (compressed here).

const TIME_SCALE = 0.0001; // Shopify's 4-hour schedule in ~1.4 s
let sandbox: RunningSandbox | undefined;
let app: FakeApp | undefined;
afterEach(async () => {
  await sandbox?.close();
  await app?.close();
  sandbox = app = undefined;
});

type Received = { topic: string; shop: string; webhookId: string; payload: unknown; status: number };

async function startPair(options: { failFirst?: number; faults?: string; subscriptions?: string[] } = {}) {
  const received: Received[] = [];
  let failures = options.failFirst ?? 0;
  app = await startFakeApp(async (request, shopify) => {
    const hmacOk = await shopify.authenticate.webhook(request.clone()).then((ctx) => ctx, (r: Response) => r);
    if (hmacOk instanceof Response) {
      received.push({ topic: request.headers.get("x-shopify-topic")!, shop: "", webhookId: request.headers.get("x-shopify-webhook-id")!, payload: null, status: hmacOk.status });
      return hmacOk;
    }
    const status = failures-- > 0 ? 503 : 200;
    received.push({ topic: hmacOk.topic, shop: hmacOk.shop, webhookId: hmacOk.webhookId, payload: hmacOk.payload, status });
    return new Response(null, { status });
  });
  const subscriptions = options.subscriptions
    ? [...readAppToml().webhooks, ...options.subscriptions.map((topic) => ({ topic, uri: `/webhooks/${topic}`, compliance: false }))]
    : undefined;
  sandbox = await startTestSandbox({ appUrl: app.url, webhooks: { timeScale: TIME_SCALE, subscriptions }, faults: options.faults ?? "", storefront: false });
  return received;
}

describe("webhook dispatcher", () => {
  it("models Shopify's 8 retries over 4 hours", () => {
    expect(SHOPIFY_RETRY_DELAYS_SECONDS).toHaveLength(8);
    expect(SHOPIFY_RETRY_DELAYS_SECONDS.reduce((a, b) => a + b, 0)).toBe(4 * 3600);
  });

  it("delivers orders/create and orders/paid from a placed order, signed so authenticate.webhook accepts them", async () => {
    // As if the app's TOML subscribed to the order topics.
    const received = await startPair({ subscriptions: ["orders/create", "orders/paid"] });
    const variant = [...catalogOf(sandbox!.state, sandbox!.defaultShop).products.values()].find((p) => p.status === "ACTIVE" && p.publishedAt && p.variants[0]!.inventoryQuantity > 0)!.variants[0]!;
    sandbox!.issueAccessToken(); // installed: Shopify only sends shop webhooks to installed apps

    const result = createOrder(sandbox!.state, sandbox!.defaultShop, { lines: [{ variantId: variant.gid, quantity: 1 }], email: "shopper@example.com", countryCode: "DE" });
    await sandbox!.webhooks.idle();

    expect(result.order).not.toBeNull();
    expect(received.map((r) => r.topic).sort()).toEqual(["ORDERS_CREATE", "ORDERS_PAID"]);
    expect(received.every((r) => r.status === 200 && r.shop === sandbox!.defaultShop)).toBe(true);
    expect((received[0]!.payload as { id: number }).id).toBe(result.order!.legacyId);
    const [create, paid] = [received.find((r) => r.topic === "ORDERS_CREATE")!, received.find((r) => r.topic === "ORDERS_PAID")!];
    expect(create.webhookId).not.toBe(paid.webhookId);
  });

  it("adds API-created subscriptions (webhookSubscriptionCreate) to the app configuration's", async () => {
    await startPair();
    const token = sandbox!.issueAccessToken();
    const res = await graphql(sandbox!, token, `mutation { webhookSubscriptionCreate(topic: ORDERS_CREATE, webhookSubscription: { uri: "https://tessera.example/webhooks/orders" }) { userErrors { message } } }`);

    expect(res.json.data.webhookSubscriptionCreate.userErrors).toEqual([]);
    expect(sandbox!.webhooks.subscriptionsFor(sandbox!.defaultShop, "orders/create")).toEqual([{ topic: "orders/create", uri: "https://tessera.example/webhooks/orders", source: "api", includeFields: undefined }]);
    expect(sandbox!.webhooks.subscriptionsFor(sandbox!.defaultShop, "app/uninstalled")).toEqual([expect.objectContaining({ uri: "/webhooks/app/uninstalled", source: "app-config" })]);
  });

  it("retries a failing delivery with the same X-Shopify-Webhook-Id, then records it delivered", async () => {
    const received = await startPair({ failFirst: 2 });

    const [delivery] = sandbox!.triggerWebhook("app/scopes_update", sandbox!.defaultShop, { current: ["read_products"] });
    await sandbox!.webhooks.idle();

    expect(received.map((r) => r.status)).toEqual([503, 503, 200]);
    expect(new Set(received.map((r) => r.webhookId))).toEqual(new Set([delivery!.webhookId]));
    expect(delivery!.state).toBe("delivered");
    expect(delivery!.attempts.map((a) => a.status)).toEqual([503, 503, 200]);
    const log = await (await fetch(`${sandbox!.origin}/sandbox/webhooks?topic=app/scopes_update`)).json();
    expect(log.deliveries[0]).toMatchObject({ webhookId: delivery!.webhookId, state: "delivered", url: `${app!.url}/webhooks/app/scopes_update` });
  });

  it("gives up after the 8th retry", async () => {
    const received = await startPair({ failFirst: 100 });

    const [delivery] = sandbox!.triggerWebhook("app/scopes_update", sandbox!.defaultShop, {});
    await sandbox!.webhooks.idle();

    expect(received).toHaveLength(9);
    expect(delivery!.state).toBe("failed");
  });

  it("a delivery signed with another secret is refused by authenticate.webhook", async () => {
    const received = await startPair();
    const { deliverWebhook } = await import("../../../sandbox/shopify/webhooks");

    const forged = await deliverWebhook({ appUrl: app!.url, path: "/webhooks/app/uninstalled", topic: "app/uninstalled", shop: sandbox!.defaultShop, payload: {}, apiVersion: "2026-07", secret: "forged" });

    expect(forged.status).toBe(401);
    expect(received).toEqual([expect.objectContaining({ status: 401 })]);
  });

  it("uninstall revokes the app's tokens and sends app/uninstalled with the shop; compliance topics on request", async () => {
    const received = await startPair();
    sandbox!.issueAccessToken();

    const uninstall = await fetch(`${sandbox!.origin}/sandbox/shops/${sandbox!.defaultShop}/uninstall`, { method: "POST" });
    const redact = await fetch(`${sandbox!.origin}/sandbox/compliance/customers/redact`, { method: "POST", body: JSON.stringify({ customer: { id: 7, email: "a@b.example" }, orders: [1, 2] }) });
    await sandbox!.webhooks.idle();

    expect(uninstall.status).toBe(202);
    expect((await uninstall.json()).wasInstalled).toBe(true);
    expect(sandbox!.state.installations.size).toBe(0);
    expect(redact.status).toBe(202);
    const byTopic = Object.fromEntries(received.map((r) => [r.topic, r]));
    expect(byTopic.APP_UNINSTALLED).toMatchObject({ status: 200, payload: expect.objectContaining({ myshopify_domain: sandbox!.defaultShop, currency: "EUR" }) });
    expect(byTopic.CUSTOMERS_REDACT!.payload).toEqual({ shop_id: 73_000_000_001, shop_domain: sandbox!.defaultShop, customer: { id: 7, email: "a@b.example", phone: null }, orders_to_redact: [1, 2] });
  });

  it("sends no shop webhooks to an app that is not installed, and drops deliveries under drop-webhooks", async () => {
    const received = await startPair({ faults: "drop-webhooks=1" });

    emitShopEvent(sandbox!.state, { shop: sandbox!.defaultShop, topic: "app/scopes_update", payload: {} }); // not installed: ignored
    sandbox!.issueAccessToken();
    emitShopEvent(sandbox!.state, { shop: sandbox!.defaultShop, topic: "app/scopes_update", payload: {} });
    await sandbox!.webhooks.idle();

    expect(received).toEqual([]);
    expect(sandbox!.webhooks.deliveries().map((d) => d.state)).toEqual(["dropped"]);
  });
});
