import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signAppProxyParams } from "../../../sandbox/app-proxy/signature";
import type { RunningSandbox } from "../../../sandbox/server";
import { startTestSandbox, TEST_APP } from "../helpers";
import { startFakeApp, type FakeApp } from "./fake-app";

// GIVEN the app proxy of shopify.app.toml ([app_proxy] prefix "apps", subpath "tessera", url …/proxy),
// WHEN a shopper requests /apps/tessera/* on the storefront, THEN the sandbox forwards it to the
// app's /proxy/* signed exactly as Shopify does: authenticate.public.appProxy accepts it, and a
// request with a forged or missing signature is refused by the same library.

describe("app proxy", () => {
  let sandbox: RunningSandbox;
  let app: FakeApp;
  const seen: Array<{ url: URL; cookie: string | null; body: string }> = [];

  beforeAll(async () => {
    app = await startFakeApp(async (request, shopify) => {
      const url = new URL(request.url);
      seen.push({ url, cookie: request.headers.get("cookie"), body: request.method === "POST" ? await request.clone().text() : "" });
      const { liquid, session } = await shopify.authenticate.public.appProxy(request);
      if (url.pathname === "/proxy/liquid") return liquid(`<p class="proxied">{{ shop.name }} · {{ request.locale.iso_code }}</p>`);
      return Response.json({ ok: true, path: url.pathname, session: session?.shop ?? null, customer: url.searchParams.get("logged_in_customer_id") }, { headers: { "set-cookie": "app=1" } });
    });
    sandbox = await startTestSandbox({ appUrl: app.url, storefront: { extensionDirs: [] } });
  });
  afterAll(async () => {
    await sandbox?.close();
    await app?.close();
  });

  it("forwards with Shopify's signed parameters, which authenticate.public.appProxy accepts", async () => {
    const res = await fetch(`${sandbox.storefrontUrl}/apps/tessera/uploads/new?product=ocean-blue-shirt&tag=a&tag=b`, { headers: { cookie: "_secure_session_id=secret" } });

    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, path: "/proxy/uploads/new", session: null, customer: "" });
    expect(res.headers.get("set-cookie")).toBeNull(); // Shopify strips cookies in both directions
    const forwarded = seen.at(-1)!;
    expect(forwarded.cookie).toBeNull();
    const params = forwarded.url.searchParams;
    expect(params.get("shop")).toBe(sandbox.defaultShop);
    expect(params.get("path_prefix")).toBe("/apps/tessera");
    expect(params.getAll("tag")).toEqual(["a", "b"]);
    expect(Math.abs(Number(params.get("timestamp")) - Date.now() / 1000)).toBeLessThan(5);
    expect(params.get("signature")).toBe(signAppProxyParams(params, TEST_APP.apiSecret));
  });

  it("passes POST bodies through and shoppers cannot override the signed parameters", async () => {
    const res = await fetch(`${sandbox.storefrontUrl}/apps/tessera/uploads?shop=evil.myshopify.com&logged_in_customer_id=42`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "caption=hello",
    });

    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ customer: "" });
    expect(seen.at(-1)!.url.searchParams.getAll("shop")).toEqual([sandbox.defaultShop]);
    expect(seen.at(-1)!.body).toBe("caption=hello");
  });

  it("refuses a forged signature and a request that bypasses the proxy (real library)", async () => {
    const direct = new URL(`${app.url}/proxy/uploads/new`);
    for (const [k, v] of Object.entries({ shop: sandbox.defaultShop, logged_in_customer_id: "", path_prefix: "/apps/tessera", timestamp: String(Math.floor(Date.now() / 1000)) })) direct.searchParams.set(k, v);
    direct.searchParams.set("signature", signAppProxyParams(direct.searchParams, "not-the-app-secret"));
    const forged = await fetch(direct);
    direct.searchParams.delete("signature");
    const unsigned = await fetch(direct);

    expect(forged.status).toBe(400);
    expect(unsigned.status).toBe(400);
  });

  it("renders an application/liquid answer with the shop's objects inside the theme layout", async () => {
    const res = await fetch(`${sandbox.storefrontUrl}/apps/tessera/liquid`);
    const html = await res.text();

    expect(res.status).toBe(200);
    expect(html).toContain('<p class="proxied">Tessera Demo Store · en</p>');
    expect(html).toContain('<header class="site-header">');
  });
});
