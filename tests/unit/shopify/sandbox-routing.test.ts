import http from "node:http";
import type { AddressInfo } from "node:net";
import { getGlobalDispatcher } from "undici";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { routeShopifyToSandbox, type SandboxRouting } from "~/modules/shopify/sandbox-routing.server";

interface Seen { host?: string; url?: string; method?: string; body: string; token?: string }

function recordingServer(name: string) {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      seen.push({ host: req.headers.host, url: req.url, method: req.method, body, token: req.headers["x-shopify-access-token"] as string });
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ server: name }));
    });
  });
  return {
    seen,
    start: () => new Promise<string>((r) => server.listen(0, "127.0.0.1", () => r(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))),
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe("routeShopifyToSandbox", () => {
  const sandbox = recordingServer("sandbox");
  const other = recordingServer("other");
  let sandboxOrigin = "";
  let otherOrigin = "";
  let routing: SandboxRouting | undefined;

  beforeAll(async () => {
    sandboxOrigin = await sandbox.start();
    otherOrigin = await other.start();
  });
  afterEach(() => routing?.restore());
  afterAll(async () => {
    await sandbox.stop();
    await other.stop();
  });

  it("sends https://<shop>.myshopify.com requests to the sandbox, keeping path, query, body and the shop as Host", async () => {
    routing = routeShopifyToSandbox({ SHOPIFY_SANDBOX_ORIGIN: sandboxOrigin, NODE_ENV: "test" });

    // Node's global fetch, the one @shopify/shopify-api captures, honours the npm undici dispatcher.
    const res = await fetch("https://tessera-demo.myshopify.com/admin/api/2026-07/graphql.json?x=1", {
      method: "POST",
      headers: { "X-Shopify-Access-Token": "tok", "content-type": "application/json" },
      body: '{"query":"{ shop { name } }"}',
    });

    expect(await res.json()).toEqual({ server: "sandbox" });
    expect(sandbox.seen.at(-1)).toEqual({
      host: "tessera-demo.myshopify.com",
      url: "/admin/api/2026-07/graphql.json?x=1",
      method: "POST",
      body: '{"query":"{ shop { name } }"}',
      token: "tok",
    });
  });

  it("leaves every other host untouched", async () => {
    routing = routeShopifyToSandbox({ SHOPIFY_SANDBOX_ORIGIN: sandboxOrigin, NODE_ENV: "test" });
    const before = sandbox.seen.length;

    const res = await fetch(`${otherOrigin}/feed?y=2`);

    expect(await res.json()).toEqual({ server: "other" });
    expect(other.seen.at(-1)?.url).toBe("/feed?y=2");
    expect(sandbox.seen.length).toBe(before);
  });

  it("does nothing without SHOPIFY_SANDBOX_ORIGIN", () => {
    expect(routeShopifyToSandbox({ NODE_ENV: "development" })).toBeUndefined();
  });

  it("refuses to run in production", () => {
    expect(() => routeShopifyToSandbox({ SHOPIFY_SANDBOX_ORIGIN: sandboxOrigin, NODE_ENV: "production" })).toThrow(/production/);
  });

  it("restore() puts the previous dispatcher back", () => {
    const before = getGlobalDispatcher();
    routing = routeShopifyToSandbox({ SHOPIFY_SANDBOX_ORIGIN: sandboxOrigin, NODE_ENV: "test" });
    expect(getGlobalDispatcher()).not.toBe(before);

    routing!.restore();

    // Checked by identity, not by a request: unrouted, the .myshopify.com name would go to the internet.
    expect(getGlobalDispatcher()).toBe(before);
  });
});
