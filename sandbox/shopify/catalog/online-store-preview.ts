import { createHash, createHmac } from "node:crypto";
import type { ShopRecord } from "../state";
import type { ProductRecord } from "./types";

// Product.onlineStorePreviewUrl. A product published to the online store is previewed at its
// storefront URL; any other product (a draft, or an active product not published: publishedAt
// null) gets a signed preview link on the shop's preview host, valid for an hour, that lets the
// merchant past the storefront password (product-helper-roots-read.json seed: the published
// snowboard vs the unpublished DRAFT and ACTIVE products; product-update-parity.json).
// Shape: https://<16 lowercase alphanumerics>-<shop id>.shopifypreview.com/products_preview
//   ?preview_key=<32 hex>&_bt=<base64 {"_rails":{"message":<base64 Marshal of the shop domain>,
//   "exp":<issue time + 1 h>,"pur":"permanent_password_bypass"}}>--<40 hex signature>

const PREVIEW_TTL_MS = 60 * 60 * 1000;
const SECRET = "tessera-sandbox-preview";

export function onlineStorePreviewUrl(p: ProductRecord, shop: ShopRecord, storefrontUrl: string, now = Date.now()): string {
  if (p.publishedAt) return storefrontUrl;
  const host = createHash("sha256").update(shop.domain).digest("base64url").replace(/[^a-z0-9]/gi, "").toLowerCase().slice(0, 16).padEnd(16, "0");
  const previewKey = createHash("md5").update(`${p.gid} ${p.handle} ${p.updatedAt}`).digest("hex");
  const token = Buffer.from(JSON.stringify({ _rails: { message: marshalString(shop.domain), exp: new Date(now + PREVIEW_TTL_MS).toISOString(), pur: "permanent_password_bypass" } })).toString("base64");
  const signature = createHmac("sha1", SECRET).update(token).digest("hex");
  return `https://${host}-${shop.id}.shopifypreview.com/products_preview?preview_key=${previewKey}&_bt=${token}--${signature}`;
}

/** Base64 of a Ruby Marshal dump of a short UTF-8 string (how the recorded tokens carry the shop domain). */
function marshalString(s: string): string {
  const bytes = Buffer.from(s, "utf8");
  if (bytes.length >= 123) throw new Error("preview token message too long");
  return Buffer.concat([Buffer.from([0x04, 0x08, 0x49, 0x22, bytes.length + 5]), bytes, Buffer.from([0x06, 0x3a, 0x06, 0x45, 0x54])]).toString("base64");
}
