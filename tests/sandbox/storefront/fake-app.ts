import http from "node:http";
import type { AddressInfo } from "node:net";
import "@shopify/shopify-app-remix/adapters/node";
import { ApiVersion, AppDistribution, shopifyApp } from "@shopify/shopify-app-remix/server";
import { MapSessionStorage, TEST_APP } from "../helpers";

// The real shopifyApp() (configured like app/shopify.server.ts) behind a tiny HTTP server, so the
// sandbox's deliveries and proxied requests are judged by the library itself, not by our own code.

export function createTestShopifyApp(appUrl: string) {
  return shopifyApp({
    apiKey: TEST_APP.apiKey,
    apiSecretKey: TEST_APP.apiSecret,
    apiVersion: ApiVersion.July26,
    scopes: ["read_products"],
    appUrl,
    authPathPrefix: "/auth",
    sessionStorage: new MapSessionStorage(),
    distribution: AppDistribution.AppStore,
    isEmbeddedApp: true,
    logger: { level: 0 },
    future: { unstable_newEmbeddedAuthStrategy: true, expiringOfflineAccessTokens: true },
  });
}

export type TestShopifyApp = ReturnType<typeof createTestShopifyApp>;

export interface FakeApp {
  url: string;
  shopify: TestShopifyApp;
  close(): Promise<void>;
}

/** Serves `handler(request, shopify)` on a random port; the app URL is that server's. */
export async function startFakeApp(handler: (request: Request, shopify: TestShopifyApp) => Promise<Response>): Promise<FakeApp> {
  let shopify!: TestShopifyApp;
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const request = new Request(`${url}${req.url}`, { method: req.method, headers, body: hasBody ? Buffer.concat(chunks) : undefined });
    let response: Response;
    try {
      response = await handler(request, shopify);
    } catch (thrown) {
      response = thrown instanceof Response ? thrown : new Response(String(thrown), { status: 500 });
    }
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  shopify = createTestShopifyApp(url);
  return {
    url,
    shopify,
    close: () => new Promise<void>((r) => {
      server.close(() => r());
      server.closeAllConnections();
    }),
  };
}
