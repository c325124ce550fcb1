import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUPPORTED_LOCALES } from "~/modules/i18n/locales";
import { startStack, type RunningStack } from "../../scripts/support/stack";
import { freePort, launchChromium, STAFF_USER_AGENT, watchPage } from "./support/browser";

// Every admin page, in every supported locale, opened in Chromium through the real auth path
// (sandbox-minted session token → token exchange → Admin GraphQL twin), with no console errors.
const PAGES = [
  { name: "dashboard", nav: null, title: "dashboard.title", content: "dashboard.setup.title" },
  { name: "copy", nav: "/app/copy", title: "copy.title", content: "copy.empty.heading" },
  { name: "ugc", nav: "/app/ugc", title: "ugc.title", content: "ugc.empty.heading" },
  { name: "ads", nav: "/app/ads", title: "ads.title", content: "ads.empty.heading" },
  { name: "attribution", nav: "/app/attribution", title: "attribution.title", content: "attribution.empty.heading" },
  { name: "settings", nav: "/app/settings", title: "settings.title", content: "settings.store.title" },
] as const;

const SCREENSHOTS = path.resolve("test-results/screenshots");
let stack: RunningStack;
let browser: Browser;
let dataDir: string;

function message(locale: string, key: string): string {
  const read = (l: string) => JSON.parse(fs.readFileSync(path.resolve(`app/locales/${l}.json`), "utf8")) as Record<string, unknown>;
  const lookup = (tree: unknown) => key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);
  const value = lookup(read(locale)) ?? lookup(read("en"));
  if (typeof value !== "string") throw new Error(`no message ${key}`);
  return value;
}

async function titleBar(page: Page) {
  return page.locator("ui-title-bar").first().getAttribute("title");
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tessera-e2e-"));
  stack = await startStack({ appPort: await freePort(), sandboxPort: await freePort(), dataDir });
  browser = await launchChromium();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe.each(SUPPORTED_LOCALES.map((l) => [l]))("admin in %s", (locale) => {
  it("renders every page with its translated content and no console errors", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale, userAgent: STAFF_USER_AGENT });
    const page = await context.newPage();
    const problems = watchPage(page);
    try {
      await page.goto(stack.adminUrl({ locale }), { waitUntil: "networkidle" });
      for (const target of PAGES) {
        if (target.nav) {
          // Client-side navigation through the nav menu, as a staff member would click it in admin:
          // the data request carries the session token App Bridge adds.
          await page.locator(`nav[aria-label="App navigation"] a[href="${target.nav}"]`).click();
          await page.waitForURL((url) => url.pathname === target.nav);
        }
        await expect.poll(() => titleBar(page), { timeout: 15_000 }).toBe(message(locale, target.title));
        await page.getByText(message(locale, target.content), { exact: true }).first().waitFor({ timeout: 15_000 });
        expect(await page.locator("html").getAttribute("lang")).toBe(locale);
        await page.waitForLoadState("networkidle");
        await page.screenshot({ path: path.join(SCREENSHOTS, locale, `${target.name}.png`), fullPage: true });
        expect(problems.take(), `${locale} ${target.name}`).toEqual([]);
      }
      const settingsText = await page.locator("body").innerText();
      expect(settingsText).toContain("Tessera Demo Store"); // read from the Admin API twin
    } finally {
      await context.close();
    }
  });
});

describe("admin document loads", () => {
  it("opens a deep link directly (document request with a fresh session token)", async () => {
    const page = await browser.newPage({ userAgent: STAFF_USER_AGENT });
    const problems = watchPage(page);
    await page.goto(stack.adminUrl({ locale: "fr", path: "/app/ugc" }), { waitUntil: "networkidle" });
    expect(await titleBar(page)).toBe(message("fr", "ugc.title"));
    expect(problems.take()).toEqual([]);
    await page.close();
  });

  it("offers a login form outside Shopify admin and explains a bad shop domain", async () => {
    const page = await browser.newPage({ userAgent: STAFF_USER_AGENT });
    const problems = watchPage(page);
    await page.goto(`${stack.appUrl}/auth/login?locale=de`, { waitUntil: "networkidle" });
    await page.getByText(message("de", "login.title")).waitFor();
    await page.getByLabel(message("de", "login.shopLabel")).fill("not a shop!");
    await page.getByRole("button", { name: message("de", "login.submit") }).click();
    await page.getByText(message("de", "login.errors.invalidShop")).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, "de", "login.png") });
    expect(problems.take()).toEqual([]);
    await page.close();
  });

  it("refuses the app without a session token", async () => {
    const response = await fetch(`${stack.appUrl}/app/settings`, { headers: { "user-agent": "Mozilla/5.0 Chrome/156" }, redirect: "manual" });
    expect([302, 401]).toContain(response.status);
    const body = await response.text();
    expect(body).not.toContain("Tessera Demo Store");
  });
});
