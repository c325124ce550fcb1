import { createHmac } from "node:crypto";
import { shopifyApi, ApiVersion } from "@shopify/shopify-api";
import "@shopify/shopify-api/adapters/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../../sandbox/server";
import { startTestSandbox, TEST_APP } from "./helpers";

// The local admin host: opening the app, refreshing session tokens, serving the App Bridge stand-in.
describe("sandbox admin host", () => {
  let sandbox: RunningSandbox;
  const api = shopifyApi({
    apiKey: TEST_APP.apiKey, apiSecretKey: TEST_APP.apiSecret, apiVersion: ApiVersion.July26,
    hostName: "localhost:3000", hostScheme: "http", isEmbeddedApp: true, logger: { level: 0 },
  });
  beforeAll(async () => { sandbox = await startTestSandbox(); });
  afterAll(() => sandbox.close());

  it("mints session tokens that @shopify/shopify-api verifies with the app secret", async () => {
    const payload = await api.session.decodeSessionToken(sandbox.mintSessionToken());

    expect(payload).toMatchObject({
      iss: "https://tessera-demo.myshopify.com/admin",
      dest: "https://tessera-demo.myshopify.com",
      aud: TEST_APP.apiKey,
      sub: expect.any(String),
      jti: expect.any(String),
      sid: expect.any(String),
    });
    expect(payload.exp - payload.iat).toBe(60);
    expect(payload.nbf).toBe(payload.iat);

    // And the signature really is HMAC-SHA256 with the secret.
    const [head, body, sig] = sandbox.mintSessionToken().split(".");
    expect(createHmac("sha256", TEST_APP.apiSecret).update(`${head}.${body}`).digest("base64url")).toBe(sig);
  });

  it("opens the app like Shopify admin: 302 to the app URL with embedded, shop, host, locale and id_token", async () => {
    const res = await fetch(sandbox.openAppUrl({ locale: "de", path: "/app/copy" }), { redirect: "manual" });

    expect(res.status).toBe(302);
    const location = new URL(res.headers.get("location")!);
    expect(`${location.origin}${location.pathname}`).toBe("http://localhost:3000/app/copy");
    expect(location.searchParams.get("embedded")).toBe("1");
    expect(location.searchParams.get("shop")).toBe("tessera-demo.myshopify.com");
    expect(location.searchParams.get("locale")).toBe("de");
    expect(api.utils.sanitizeHost(location.searchParams.get("host")!)).toBeTruthy();
    expect(atob(location.searchParams.get("host")!)).toBe("admin.shopify.com/store/tessera-demo");
    await expect(api.session.decodeSessionToken(location.searchParams.get("id_token")!)).resolves.toBeTruthy();
  });

  it("refuses to redirect outside the app", async () => {
    const res = await fetch(sandbox.openAppUrl({ path: "//evil.example/x" }), { redirect: "manual" });
    expect(res.status).toBe(400);
  });

  it("refreshes a session token for the app origin (CORS), and refuses a forged one", async () => {
    const previous = sandbox.mintSessionToken();
    const res = await fetch(`${sandbox.origin}/admin/session-token`, {
      method: "POST",
      headers: { "content-type": "text/plain", origin: "http://localhost:3000" },
      body: JSON.stringify({ token: previous }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
    const { token } = (await res.json()) as { token: string };
    const [a, b] = await Promise.all([api.session.decodeSessionToken(previous), api.session.decodeSessionToken(token)]);
    expect(b.sid).toBe(a.sid);
    expect(b.jti).not.toBe(a.jti);

    const forged = previous.slice(0, -4) + "AAAA";
    const bad = await fetch(`${sandbox.origin}/admin/session-token`, { method: "POST", body: JSON.stringify({ token: forged }) });
    expect(bad.status).toBe(401);

    const preflight = await fetch(`${sandbox.origin}/admin/session-token`, { method: "OPTIONS", headers: { origin: "http://localhost:3000" } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toContain("POST");
  });

  it("serves the App Bridge stand-in as JavaScript that talks to no other host", async () => {
    const res = await fetch(`${sandbox.origin}/cdn/app-bridge.js`);
    const source = await res.text();
    expect(res.headers.get("content-type")).toContain("javascript");
    expect(source).toContain("shopify:navigate");
    const code = source.split("\n").filter((line) => !line.trim().startsWith("//")).join("\n");
    expect(code).not.toMatch(/https?:\/\//i); // only the sandbox origin (from its own src) and the app's origin
  });
});
