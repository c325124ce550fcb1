import http from "node:http";
import type { AddressInfo } from "node:net";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../../sandbox/server";
import { signHs256 } from "../../sandbox/shopify/auth/jwt";
import { startTestSandbox, TEST_APP } from "../sandbox/helpers";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

// The App Bridge stand-in in a real browser, on a page shaped like the app's embedded layout.
// A browser test: `npm test` runs it in the browser step, after installing Chromium.
describe("App Bridge stand-in (/cdn/app-bridge.js)", () => {
  let sandbox: RunningSandbox;
  let browser: Browser;
  let appOrigin = "";
  const appServer = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://app.local");
    if (url.pathname === "/api/echo") {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ authorization: req.headers.authorization ?? null }));
      return;
    }
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.end(`<!doctype html><html><head><title>app</title></head><body>
      <script src="${sandbox.origin}/cdn/app-bridge.js" data-api-key="${TEST_APP.apiKey}"></script>
      <ui-nav-menu><a href="/app" rel="home">Home</a><a href="/app/copy">Copy</a></ui-nav-menu>
      <ui-title-bar title="Copy queue"></ui-title-bar>
      <main>content</main>
      <script>window.__navigated = []; addEventListener("shopify:navigate", (e) => window.__navigated.push(e.target.getAttribute("href")));</script>
    </body></html>`);
  });

  beforeAll(async () => {
    await new Promise<void>((r) => appServer.listen(0, "127.0.0.1", () => r()));
    appOrigin = `http://127.0.0.1:${(appServer.address() as AddressInfo).port}`;
    sandbox = await startTestSandbox({ appUrl: appOrigin });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
    await new Promise<void>((r) => appServer.close(() => r()));
  });

  it("gives the page window.shopify, authorised same-origin fetches, a nav bar, a title, toasts — and no console errors", async () => {
    const page = await browser.newPage();
    const consoleErrors: string[] = [];
    const foreignRequests: string[] = [];
    page.on("console", (m) => { if (m.type() === "error") consoleErrors.push(m.text()); });
    page.on("pageerror", (e) => consoleErrors.push(e.message));
    page.on("request", (r) => { const o = new URL(r.url()).origin; if (o !== appOrigin && o !== sandbox.origin) foreignRequests.push(r.url()); });

    // A token about to expire, so idToken() must fetch a fresh one from the sandbox.
    const now = Math.floor(Date.now() / 1000);
    const shop = sandbox.defaultShop;
    const staffId = String(sandbox.state.shops.get(shop)!.staff[0]!.id);
    const nearlyExpired = signHs256({ iss: `https://${shop}/admin`, dest: `https://${shop}`, aud: TEST_APP.apiKey, sub: staffId, exp: now + 5, nbf: now - 55, iat: now - 55, jti: "j", sid: "s" }, TEST_APP.apiSecret);
    const opened = new URL((await fetch(sandbox.openAppUrl({ locale: "fr" }), { redirect: "manual" })).headers.get("location")!);
    opened.searchParams.set("id_token", nearlyExpired);
    await page.goto(opened.toString());

    const config = await page.evaluate(() => (window as any).shopify.config);
    expect(config).toEqual({ apiKey: TEST_APP.apiKey, shop, host: opened.searchParams.get("host"), locale: "fr" });

    const token: string = await page.evaluate(() => (window as any).shopify.idToken());
    expect(token.split(".")).toHaveLength(3);
    expect(token).not.toBe(nearlyExpired);

    const echo = await page.evaluate(() => fetch("/api/echo").then((r) => r.json()));
    expect(echo).toEqual({ authorization: `Bearer ${token}` });

    await expect(page.locator("ui-title-bar h1").textContent()).resolves.toBe("Copy queue");
    const navLinks = page.locator("ui-nav-menu nav a");
    await expect(navLinks.allTextContents()).resolves.toEqual(["Home", "Copy"]);
    expect(await page.locator("ui-nav-menu nav a").first().isVisible()).toBe(true);
    const urlBefore = page.url();
    await navLinks.nth(1).click();
    await expect.poll(() => page.evaluate(() => (window as any).__navigated)).toEqual(["/app/copy"]);
    expect(page.url()).toBe(urlBefore); // no full reload: the app's Remix navigate() does the work

    await page.evaluate(() => (window as any).shopify.toast.show("Saved"));
    await expect(page.locator("tessera-sandbox-overlay .toast").textContent()).resolves.toBe("Saved");
    await page.evaluate(() => { (window as any).shopify.loading(true); (window as any).shopify.loading(false); });

    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.close();
  });

  it("reloads the bounce page with a fresh id_token", async () => {
    const page = await browser.newPage();
    const opened = (await fetch(sandbox.openAppUrl(), { redirect: "manual" })).headers.get("location")!;
    await page.goto(opened); // seeds the stand-in's session state, as the first embedded load does
    const reload = `${appOrigin}/app/copy?embedded=1&shop=${sandbox.defaultShop}`;
    await page.goto(`${appOrigin}/auth/session-token?shop=${sandbox.defaultShop}&shopify-reload=${encodeURIComponent(reload)}`);
    await page.waitForURL(/\/app\/copy\?.*id_token=/);
    expect(new URL(page.url()).searchParams.get("id_token")!.split(".")).toHaveLength(3);
    await page.close();
  });
});
