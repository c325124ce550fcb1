import { placeholderSvg } from "../catalog/cdn-images";

// The twin is offline, so Shopify's download of a remote `originalSource` (fileCreate,
// productCreateMedia, fileUpdate) cannot happen. It stands in for the public web only where a
// URL fully determines its content: placeholder-image generators, whose documented URL grammar
// names the size and format (placehold.co: `/<W>x<H>[@2x][/<bg>[/<fg>]][.<fmt>|/<fmt>]`, default
// SVG, 10–4000 px). Every other remote URL is unreachable and its processing ends in a download
// failure, as on Shopify for a URL that does not answer with an image (example.com in
// file-acknowledge-update-failed-parity.json: FAILED).
// Not even a generic file (contentType FILE) of a URL with a known extension is taken as READY:
// Shopify stores whatever the URL answers (w3.org's dummy.pdf became READY application/pdf in
// media-file-interface-fields.json), so the outcome, the size and the bytes the CDN URL serves
// depend on a server the twin cannot reach; marking it READY would invent all three.

export interface RemoteImage {
  /** What Shopify reports (MediaImage.mimeType), from the generator's format. */
  mimeType: string;
  width: number;
  height: number;
  /** Bytes the twin's CDN serves: an SVG placeholder of that size (the real raster is not generated). */
  bytes: Buffer;
  bytesType: "image/svg+xml";
}

const FORMATS: Record<string, string> = {
  svg: "image/svg+xml", png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", gif: "image/gif", webp: "image/webp", avif: "image/avif",
};
const MIN = 10;
const MAX = 4000;

export function remoteImage(source: string): RemoteImage | undefined {
  let url: URL;
  try { url = new URL(source); } catch { return undefined; }
  if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
  if (url.hostname !== "placehold.co") return undefined;
  const segments = url.pathname.split("/").filter(Boolean);
  let format = "svg";
  // The format is the last segment (`/png`) or the last segment's extension (`.png`, `white.png`).
  const lastSeg = segments[segments.length - 1] ?? "";
  const ext = /\.([a-z]+)$/i.exec(lastSeg)?.[1]?.toLowerCase();
  if (ext && FORMATS[ext]) {
    format = ext;
    segments[segments.length - 1] = lastSeg.slice(0, -ext.length - 1);
  } else if (segments.length > 1 && FORMATS[lastSeg.toLowerCase()]) {
    format = lastSeg.toLowerCase();
    segments.pop();
  }
  const size = /^(\d+)(?:x(\d+))?(?:@([23])x)?$/.exec(segments[0] ?? "");
  if (!size) return undefined;
  const scale = Number(size[3] ?? 1);
  const width = Number(size[1]) * scale;
  const height = Number(size[2] ?? size[1]) * scale;
  if (Math.min(width, height) < MIN || Math.max(width, height) > MAX * scale) return undefined;
  const name = url.searchParams.get("text") ?? `${width} × ${height}`;
  return { mimeType: FORMATS[format]!, width, height, bytes: Buffer.from(placeholderSvg(name, width, height)), bytesType: "image/svg+xml" };
}
