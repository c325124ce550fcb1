import { readFileSync } from "node:fs";
import type { Reply } from "../http/http";

// GET /cdn/app-bridge.js — the app loads this instead of Shopify's CDN script in local mode
// (AppProvider's __APP_BRIDGE_URL prop and the APP_BRIDGE_URL env var read by shopify-app-remix).
const source = readFileSync(new URL("./app-bridge.browser.js", import.meta.url), "utf8");

export function serveAppBridgeScript(): Reply {
  return {
    status: 200,
    body: source,
    headers: { "content-type": "application/javascript; charset=utf-8", "cache-control": "no-cache", "access-control-allow-origin": "*" },
  };
}
