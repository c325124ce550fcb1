import type { AdminContext } from "../admin-graphql/context";
import { placeholderSvg } from "../catalog/cdn-images";
import { mediaNode, mediaStatus } from "../catalog/resolvers/media-node";
import { attachProductMedia, detachProductMedia } from "../catalog/resolvers/product-media";
import { catalogOf } from "../catalog/store";
import type { MediaRecord, ProductRecord } from "../catalog/types";
import { isoSeconds } from "../platform/app-identity";
import { saveFile, type FileRecord } from "./files-store";

// Product media are Files too: a MediaImage made by productCreateMedia (or seeded with a product)
// is answered by the files API — fileAcknowledgeUpdateFailed returns it, fileDelete deletes it and
// it leaves product.media (media-file-mutation-first-lifecycle.json, file-delete-product-media-parity.json,
// quirks.md §1). The catalog keeps owning these records; this module gives the files API a view of them.

export interface ProductMediaFile { m: MediaRecord; p: ProductRecord }

export const gidNumber = (gid: string) => Number(/\/(\d+)$/.exec(gid)?.[1]);

/** The product media whose gid carries this number, whatever type the caller's gid named. */
export function findProductMedia(ctx: AdminContext, n: number): ProductMediaFile | undefined {
  if (!Number.isFinite(n)) return undefined;
  for (const p of catalogOf(ctx.state, ctx.shop.domain).products.values()) {
    const m = p.media.find((x) => gidNumber(x.gid) === n);
    if (m) return { m, p };
  }
  return undefined;
}

export function productMediaFiles(ctx: AdminContext): ProductMediaFile[] {
  const out: ProductMediaFile[] = [];
  for (const p of catalogOf(ctx.state, ctx.shop.domain).products.values()) for (const m of p.media) out.push({ m, p });
  return out;
}

export const productMediaStatus = ({ m }: ProductMediaFile) => mediaStatus(m);
export const productMediaNode = ({ m, p }: ProductMediaFile) => mediaNode(m, p);
export const productMediaTypename = ({ m }: ProductMediaFile) => (m.kind === "EXTERNAL_VIDEO" ? "ExternalVideo" : "MediaImage");
/** The file name Shopify lists it under: the last path segment of its CDN (or source) URL. */
export const productMediaFilename = ({ m }: ProductMediaFile) => decodeURIComponent(m.url.split(/[?#]/)[0]!.split("/").pop() ?? "");

// ---- fileUpdate(referencesToAdd / referencesToRemove)
// A file referenced by products is one record in the files store; each product carries a media
// entry with the same gid. Product-only media are first promoted to such a record (same id), so
// detaching them from their product leaves a READY file behind, as on Shopify.

export function promoteToFile(ctx: AdminContext, pm: ProductMediaFile): FileRecord {
  const { m, p } = pm;
  const n = gidNumber(m.gid);
  const f: FileRecord = {
    id: n, shop: ctx.shop.domain, typename: productMediaTypename(pm), alt: m.alt, filename: productMediaFilename(pm), originalSource: m.sourceUrl,
    createdAt: m.createdAt ?? p.createdAt, updatedAt: m.updatedAt ?? p.updatedAt, readyAt: 0,
    outcome: m.kind === "EXTERNAL_VIDEO" ? null : {
      status: "READY", mimeType: m.mimeType ?? (/\.png(\?|$)/i.test(m.url) ? "image/png" : "image/jpeg"), width: m.width, height: m.height,
      size: 0, bytes: Buffer.from(placeholderSvg(productMediaFilename(pm), m.width, m.height)), servedType: "image/svg+xml",
    },
  };
  if (f.outcome?.status === "READY") f.outcome.size = f.outcome.bytes.length;
  saveFile(ctx.state, f);
  return f;
}

/** Products whose media carry this gid. */
export function productsReferencing(ctx: AdminContext, gid: string): ProductRecord[] {
  return [...catalogOf(ctx.state, ctx.shop.domain).products.values()].filter((p) => p.media.some((m) => m.gid === gid));
}

export function removeReferences(ctx: AdminContext, gid: string, productIds: string[]): void {
  for (const p of productsReferencing(ctx, gid)) if (productIds.includes(p.gid)) detachProductMedia(ctx, p, gid);
}

export function addReferences(ctx: AdminContext, f: FileRecord, gid: string, cdnUrl: string, productIds: string[]): void {
  const products = catalogOf(ctx.state, ctx.shop.domain).products;
  const ready = f.outcome?.status === "READY" ? f.outcome : undefined;
  for (const id of productIds) {
    const p = products.get(id);
    if (!p) continue;
    const at = isoSeconds();
    attachProductMedia(ctx, p, {
      gid, url: cdnUrl, alt: f.alt, width: ready?.width ?? 0, height: ready?.height ?? 0, sourceUrl: f.originalSource,
      kind: f.typename === "ExternalVideo" ? "EXTERNAL_VIDEO" : "IMAGE", ...(ready ? { mimeType: ready.mimeType } : {}), createdAt: at, updatedAt: at,
    });
  }
}

/** Alt text is the file's: product copies follow it. */
export function syncReferenceAlt(ctx: AdminContext, gid: string, alt: string): void {
  for (const p of productsReferencing(ctx, gid)) for (const m of p.media) if (m.gid === gid) m.alt = alt;
}
