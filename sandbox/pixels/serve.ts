import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Reply } from "../http/http";
import type { StorefrontContext } from "../storefront/context";
import { bundlePixel, pixelSettings, type WebPixelExtension } from "./registry";

// What the storefront serves for web pixels: the manager script, one sandbox document per pixel
// (an opaque-origin iframe that starts the pixel's worker), and the page's pixel data.

const here = path.dirname(fileURLToPath(import.meta.url));
const readScript = (file: string) => readFileSync(path.join(here, file), "utf8");

export const STANDARD_EVENTS = [
  "alert_displayed", "cart_viewed", "checkout_address_info_submitted", "checkout_completed", "checkout_contact_info_submitted",
  "checkout_shipping_info_submitted", "checkout_started", "collection_viewed", "page_viewed", "payment_info_submitted",
  "product_added_to_cart", "product_removed_from_cart", "product_viewed", "search_submitted", "ui_extension_errored",
] as const;

// Where Shopify's default privacy settings ask for consent before any tracking (EEA, UK, Switzerland).
const CONSENT_COUNTRIES = new Set("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO GB CH".split(" "));

export interface PageEvent { name: (typeof STANDARD_EVENTS)[number]; data: unknown }

export function consentRequired(ctx: StorefrontContext): boolean {
  return ctx.loc.market.countryCodes.some((c) => CONSENT_COUNTRIES.has(c));
}

/** The JSON the manager reads from <script id="shopify-wpm-data">. Pixels the app never connected (webPixelCreate) are not loaded. */
export function pixelPageData(ctx: StorefrontContext, pixels: WebPixelExtension[], init: { cart: unknown }, pageEvents: PageEvent[]) {
  const settings = pixelSettings(ctx.state, ctx.shop.domain, ctx.app.apiKey);
  return {
    standardEvents: STANDARD_EVENTS,
    consentRequired: consentRequired(ctx),
    currency: ctx.currency,
    pixels: settings ? pixels.map((p) => ({ handle: p.handle, src: `/wpm/sandbox/${encodeURIComponent(p.handle)}.html`, settings, requires: p.requires })) : [],
    init: {
      customer: null, // the sandbox storefront has no customer accounts
      cart: init.cart,
      shop: {
        countryCode: ctx.loc.market.countryCodes[0] ?? "IE",
        myshopifyDomain: ctx.shop.domain,
        name: ctx.shop.name,
        paymentSettings: { currencyCode: ctx.currency },
        storefrontUrl: ctx.origin,
      },
    },
    pageEvents,
  };
}

/** JSON inside <script type="application/json">: `<` escaped so no "</script>" can close it. */
export const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

export async function servePixelRequest(pathname: string, pixels: WebPixelExtension[]): Promise<Reply | undefined> {
  if (pathname === "/wpm/manager.js") return script(readScript("manager.browser.js"));
  const frame = /^\/wpm\/sandbox\/([^/]+)\.html$/.exec(pathname);
  if (!frame) return undefined;
  const pixel = pixels.find((p) => p.handle === decodeURIComponent(frame[1]!));
  if (!pixel) return { status: 404, body: "no such web pixel" };
  let bundle: string;
  try {
    bundle = await bundlePixel(pixel);
  } catch (error) {
    return { status: 500, body: `web pixel ${pixel.handle} does not build: ${(error as Error).message}` };
  }
  const code = `${readScript("worker.browser.js")}\n${bundle}`;
  // The iframe is sandboxed without allow-same-origin: an opaque origin, so the pixel cannot reach
  // the shop's DOM, cookies or storage except through the browser API the manager proxies.
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>web-pixel ${pixel.handle}</title></head><body><script>
(() => {
  const worker = new Worker(URL.createObjectURL(new Blob([${scriptJson(code)}], { type: "text/javascript" })));
  worker.onmessage = (e) => parent.postMessage(e.data, "*");
  worker.onerror = (e) => { e.preventDefault(); parent.postMessage({ type: "error", message: e.message }, "*"); };
  addEventListener("message", (e) => { if (e.source === parent) worker.postMessage(e.data); });
  parent.postMessage({ type: "ready" }, "*");
})();
</script></body></html>`;
  return { status: 200, body: html, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } };
}

const script = (body: string): Reply => ({ status: 200, body, headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-cache" } });
