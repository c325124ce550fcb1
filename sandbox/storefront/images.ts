import { placeholderSvg } from "../shopify/catalog/cdn-images";
import { catalogOf } from "../shopify/catalog/store";
import type { ShopifyState } from "../shopify/state";
import { fileName } from "./objects";

// The shop's /cdn/shop/files/<name> on the storefront origin (Shopify serves storefront images from
// the shop's own domain). Same placeholder as the twin's CDN, but resized to the width/height the
// URL asks for (never upscaled), like the CDN's image transformations.

export function placeholderImage(state: ShopifyState, shop: string, name: string, params: URLSearchParams) {
  const media = findMedia(state, shop, name);
  if (!media) return { status: 404, body: "Not Found" };
  const reqW = Number(params.get("width")) || undefined;
  const reqH = Number(params.get("height")) || undefined;
  const ratio = media.width / media.height;
  let width = media.width;
  let height = media.height;
  if (reqW && reqH) { width = Math.min(reqW, media.width); height = Math.min(reqH, media.height); }
  else if (reqW) { width = Math.min(reqW, media.width); height = Math.round(width / ratio); }
  else if (reqH) { height = Math.min(reqH, media.height); width = Math.round(height * ratio); }
  const svg = placeholderSvg(name, width, height); // the twin CDN's placeholder, at the requested size
  return { status: 200, body: svg, headers: { "content-type": "image/svg+xml", "cache-control": "public, max-age=3600" } };
}

function findMedia(state: ShopifyState, shop: string, name: string) {
  for (const product of catalogOf(state, shop).products.values()) {
    for (const media of product.media) if (fileName(media.url) === name) return media;
  }
  return undefined;
}

