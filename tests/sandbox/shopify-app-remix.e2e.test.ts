import http from "node:http";
import type { AddressInfo } from "node:net";
import "@shopify/shopify-app-remix/adapters/node";
import { ApiVersion, AppDistribution, shopifyApp } from "@shopify/shopify-app-remix/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routeShopifyToSandbox, type SandboxRouting } from "~/modules/shopify/sandbox-routing.server";
import type { RunningSandbox } from "../../sandbox/server";
import { deliverWebhook } from "../../sandbox/shopify/webhooks";
import { MapSessionStorage, startTestSandbox, TEST_APP } from "./helpers";

// GIVEN the real shopifyApp() configured like app/shopify.server.ts and the routing dispatcher,
// WHEN Shopify admin (the sandbox) opens the app, THEN the library authenticates exactly as it
// would against Shopify: token exchange, Admin GraphQL, refresh of expiring offline tokens, webhooks.
describe("shopify-app-remix against the sandbox", () => {
  let sandbox: RunningSandbox;
  let routing: SandboxRouting | undefined;
  const sessionStorage = new MapSessionStorage();
  const installedShops: string[] = [];
  let shopify: ReturnType<typeof createApp>;

  function createApp() {
    return shopifyApp({
      apiKey: TEST_APP.apiKey,
      apiSecretKey: TEST_APP.apiSecret,
      apiVersion: ApiVersion.July26,
      scopes: ["read_products"],
      appUrl: TEST_APP.appUrl,
      authPathPrefix: "/auth",
      sessionStorage,
      distribution: AppDistribution.AppStore,
      isEmbeddedApp: true,
      logger: { level: 0 },
      future: { unstable_newEmbeddedAuthStrategy: true, expiringOfflineAccessTokens: true },
      hooks: { afterAuth: async ({ session }) => { installedShops.push(session.shop); } },
    });
  }

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    routing = routeShopifyToSandbox({ SHOPIFY_SANDBOX_ORIGIN: sandbox.origin, NODE_ENV: "test" });
    shopify = createApp();
  });
  afterAll(async () => {
    routing?.restore();
    await sandbox.close();
  });

  async function openAppDocumentRequest(path = "/app") {
    const res = await fetch(sandbox.openAppUrl({ path }), { redirect: "manual" });
    return new Request(res.headers.get("location")!);
  }

  it("authenticates a document request, exchanges the token and queries the sandbox shop", async () => {
    const started = performance.now();
    const { admin, session } = await shopify.authenticate.admin(await openAppDocumentRequest());
    const authMs = performance.now() - started;

    expect(session.shop).toBe("tessera-demo.myshopify.com");
    expect(session.isOnline).toBe(false);
    expect(session.accessToken).toMatch(/^shpat_/);
    expect(session.refreshToken).toMatch(/^shprt_/);
    expect(session.expires!.getTime() - Date.now()).toBeGreaterThan(3500_000);
    expect(installedShops).toEqual(["tessera-demo.myshopify.com"]);

    const gqlStarted = performance.now();
    const response = await admin.graphql(`#graphql
      query ShopName { shop { name } }`);
    const body = await response.json();
    console.info(`[sandbox timing] authenticate.admin incl. token exchange ${authMs.toFixed(1)} ms; admin.graphql ${(performance.now() - gqlStarted).toFixed(1)} ms`);

    expect(body.data.shop.name).toBe("Tessera Demo Store");
    expect(body.extensions?.cost?.throttleStatus?.maximumAvailable).toBe(2000);
  });

  it("authenticates a fetch request with Authorization: Bearer from the stored session, without a new exchange", async () => {
    const before = sessionStorage.sessions.get("offline_tessera-demo.myshopify.com")!.accessToken;
    const request = new Request(`${TEST_APP.appUrl}/app/copy?_data=routes%2Fapp.copy`, {
      headers: { Authorization: `Bearer ${sandbox.mintSessionToken()}` },
    });

    const { session } = await shopify.authenticate.admin(request);

    expect(session.accessToken).toBe(before);
  });

  it("refreshes an expiring offline token through the refresh grant (unauthenticated.admin)", async () => {
    const stored = sessionStorage.sessions.get("offline_tessera-demo.myshopify.com")!;
    const oldToken = stored.accessToken;
    stored.expires = new Date(Date.now() + 60_000); // inside the library's 5-minute refresh window

    const { admin, session } = await shopify.unauthenticated.admin("tessera-demo.myshopify.com");

    expect(session.accessToken).not.toBe(oldToken);
    const body = await (await admin.graphql("#graphql\nquery ShopName { shop { name currencyCode } }")).json();
    expect(body.data.shop).toEqual({ name: "Tessera Demo Store", currencyCode: "EUR" });
  });

  it("sends the app back through the bounce page when the id_token is bad", async () => {
    const request = await openAppDocumentRequest();
    const url = new URL(request.url);
    url.searchParams.set("id_token", url.searchParams.get("id_token")!.slice(0, -3) + "abc");

    const thrown = await shopify.authenticate.admin(new Request(url)).catch((r: unknown) => r);

    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).headers.get("location")).toContain("/auth/session-token");
  });

  it("delivers webhooks that authenticate.webhook accepts (HMAC, headers)", async () => {
    const received: Array<{ topic: string; shop: string; payload: unknown; webhookId: string }> = [];
    const server = http.createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const request = new Request(`${TEST_APP.appUrl}${req.url}`, {
        method: "POST",
        headers: req.headers as Record<string, string>,
        body: Buffer.concat(chunks),
      });
      try {
        const ctx = await shopify.authenticate.webhook(request);
        received.push({ topic: ctx.topic, shop: ctx.shop, payload: ctx.payload, webhookId: ctx.webhookId });
        res.end("ok");
      } catch (thrown) {
        res.statusCode = thrown instanceof Response ? thrown.status : 500;
        res.end();
      }
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    const appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const delivery = { appUrl, path: "/webhooks/app/scopes_update", topic: "app/scopes_update", shop: sandbox.defaultShop, payload: { current: ["read_products"] }, apiVersion: "2026-07" };
      const ok = await deliverWebhook({ ...delivery, secret: TEST_APP.apiSecret });
      const forged = await deliverWebhook({ ...delivery, secret: "wrong-secret" });

      expect(ok.status).toBe(200);
      expect(forged.status).toBe(401);
      expect(received).toEqual([{ topic: "APP_SCOPES_UPDATE", shop: sandbox.defaultShop, payload: { current: ["read_products"] }, webhookId: ok.webhookId }]);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
