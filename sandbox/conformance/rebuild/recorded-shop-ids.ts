import { readFileSync } from "node:fs";
import path from "node:path";
import { CAPTURES_DIR } from "../captures";
import type { Exchange } from "../normalize";
import type { Twin } from "../twin";

// The recorded Shop is the twin's shop: a capture is recorded on one shop, and the twin plays it
// (same domain, currency, locale). So the Shop gid the answers show (and the ShopAddress named
// after it, store-properties-baseline.json: Shop/63755419881, ShopAddress/63755419881) is paired
// with the twin's own, like an object the scenario made: a difference inside `shop { … }` is the
// twin's, never the recorded shop's pre-existing data. Only when the answers name one Shop.

const SHOP = /gid:\/\/shopify\/Shop\/\d+/g;
const SHOP_ADDRESS = /gid:\/\/shopify\/ShopAddress\/\d+/g;

/** captured gid -> twin gid for the recorded Shop and its address (when the twin's shop has one). */
export function recordedShopIds(answers: Exchange[], twin: Twin): Map<string, string> {
  const out = new Map<string, string>();
  const shop = twin.sandbox.state.shops.get(twin.shop);
  if (!shop) return out;
  const text = answers.map((ex) => JSON.stringify(ex.response ?? null)).join("\n");
  const shops = new Set(text.match(SHOP) ?? []);
  if (shops.size !== 1) return out;
  out.set([...shops][0]!, `gid://shopify/Shop/${shop.id}`);
  const addresses = new Set(text.match(SHOP_ADDRESS) ?? []);
  if (shop.address && addresses.size === 1) out.set([...addresses][0]!, `gid://shopify/ShopAddress/${shop.id}`);
  return out;
}

const recordedTimes = new Map<string, string | undefined>();
/** When the capture was recorded: its file's top-level `capturedAt` (some files have none: then undefined). */
export function capturedAtOf(file: string, dir = CAPTURES_DIR): string | undefined {
  const full = path.join(dir, file);
  if (!recordedTimes.has(full)) {
    let at: string | undefined;
    try {
      const json = JSON.parse(readFileSync(full, "utf8")) as { capturedAt?: unknown };
      at = typeof json?.capturedAt === "string" ? json.capturedAt : undefined;
    } catch { at = undefined; }
    recordedTimes.set(full, at);
  }
  return recordedTimes.get(full);
}
