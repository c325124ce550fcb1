import type { Reply } from "../../http/http";
import type { ShopifyState } from "../state";
import { hashString } from "../seed/prng";
import { cachedSort, catalogOf } from "./store";
import type { MediaRecord } from "./types";

// GET <origin>/cdn/shop/files/<name>: the twin's stand-in for Shopify's CDN. The CSVs point at
// burst.shopifycdn.com, which is not reachable offline, so every product image is served as a
// deterministic SVG placeholder with the recorded width/height (so width/height attributes and the
// image's intrinsic size agree, as on the real CDN).

function findMedia(state: ShopifyState, name: string): MediaRecord | undefined {
  for (const shop of state.shops.keys()) {
    const catalog = catalogOf(state, shop);
    const [index] = cachedSort(catalog, "cdn-files", () => {
      const byName = new Map<string, MediaRecord>();
      for (const p of catalog.products.values()) for (const m of p.media) byName.set(m.url.slice(m.url.lastIndexOf("/") + 1), m);
      return [byName];
    });
    const hit = index?.get(name);
    if (hit) return hit;
  }
  return undefined;
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function placeholderSvg(name: string, width: number, height: number): string {
  const h = hashString(name);
  const hue = h % 360;
  const label = escapeXml(name.replace(/\.[a-z]+$/i, "").replace(/[_-]+/g, " ").slice(0, 40));
  const font = Math.max(12, Math.round(width / 24));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="100%" height="100%" fill="hsl(${hue} 45% 82%)"/>` +
    `<circle cx="${width / 2}" cy="${height / 2 - font}" r="${Math.round(Math.min(width, height) / 6)}" fill="hsl(${(hue + 40) % 360} 40% 62%)"/>` +
    `<text x="50%" y="${Math.round(height * 0.75)}" font-family="sans-serif" font-size="${font}" text-anchor="middle" fill="hsl(${hue} 30% 30%)">${label}</text></svg>`;
}

export function serveCatalogImage(state: ShopifyState, name: string): Reply {
  const media = findMedia(state, name);
  if (!media) return { status: 404, body: { errors: "Not Found" } };
  return {
    status: 200,
    body: placeholderSvg(name, media.width, media.height),
    headers: { "content-type": "image/svg+xml", "cache-control": "public, max-age=31536000, immutable" },
  };
}
