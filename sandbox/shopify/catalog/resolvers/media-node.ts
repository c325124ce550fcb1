import type { MediaRecord, ProductRecord } from "../types";

// MediaImage / ExternalVideo (product media) and Image objects. Media ids are MediaImage gids;
// MediaImage.image uses gid://shopify/ImageSource/<media id>; the deprecated Product.images use
// ProductImage ids (captures: product-create-media-parity.json).
//
// Lifecycle of media added by productCreateMedia (seeded media are READY): the create payload says
// UPLOADED, reads say PROCESSING until the simulated processing time has passed
// (simulatedDelays().fileProcessingMs, shared with fileCreate), then READY. The twin is offline, so an
// image it would have to download from an external URL ends FAILED with IMAGE_DOWNLOAD_FAILURE, as
// fileCreate's files do, unless content/remote-sources.ts can answer the URL; external videos
// (YouTube/Vimeo embeds) need no download and become READY.

export type MediaStatus = "UPLOADED" | "PROCESSING" | "READY" | "FAILED";

export function mediaStatus(m: MediaRecord, now = Date.now()): MediaStatus {
  if (m.failure) return "FAILED";
  if (m.readyAt === undefined) return "READY";
  // An external video stays UPLOADED until it is READY (product-top-level-media-parity.json).
  if (now < m.readyAt) return m.kind === "EXTERNAL_VIDEO" ? "UPLOADED" : "PROCESSING";
  // Only an image the twin can read offline (a staged upload's bytes, or a content/remote-sources.ts
  // URL) processes; appendMedia has then put its CDN url, size and MIME type on the record.
  if ((m.kind ?? "IMAGE") === "IMAGE" && !m.mimeType) {
    m.failure = {
      code: "IMAGE_DOWNLOAD_FAILURE",
      message: "Media failed to process because the image could not be downloaded.",
      details: `The Tessera sandbox is offline and cannot fetch ${m.sourceUrl}.`,
    };
    return "FAILED";
  }
  m.readyAt = undefined;
  return "READY";
}

export const isReadyImage = (m: MediaRecord) => (m.kind ?? "IMAGE") === "IMAGE" && mediaStatus(m) === "READY";

export function imageObject(m: MediaRecord, id: string) {
  return {
    __typename: "Image",
    id,
    url: () => m.url,
    src: m.url,
    originalSrc: m.url,
    transformedSrc: () => m.url,
    altText: m.alt || null,
    width: m.width,
    height: m.height,
  };
}

export const productImage = (m: MediaRecord) => imageObject(m, `gid://shopify/ProductImage/${m.productImageId}`);

/** The node of any product media; `forced` is the status a create payload reports (UPLOADED). */
export function mediaNode(m: MediaRecord, product: ProductRecord, forced?: "UPLOADED") {
  const status: MediaStatus = forced ?? mediaStatus(m);
  const ready = status === "READY";
  const mediaErrors = status === "FAILED" && m.failure ? [{ __typename: "MediaError", ...m.failure }] : [];
  const common = {
    id: m.gid,
    alt: m.alt,
    status,
    fileStatus: status,
    mediaErrors,
    mediaWarnings: [],
    fileErrors: mediaErrors.map((e) => ({ ...e, __typename: "FileError" })),
    createdAt: m.createdAt ?? product.createdAt,
    updatedAt: m.updatedAt ?? product.updatedAt,
  };
  if (m.kind === "EXTERNAL_VIDEO") {
    return {
      __typename: "ExternalVideo",
      ...common,
      mediaContentType: "EXTERNAL_VIDEO",
      ...externalVideoUrls(m.sourceUrl),
      // No capture shows a processing video's preview; like images, it has no image until READY.
      ...(ready ? {} : { preview: { __typename: "MediaPreviewImage", image: null, status } }),
    };
  }
  const image = ready ? imageObject(m, `gid://shopify/ImageSource/${m.gid.slice(m.gid.lastIndexOf("/") + 1)}`) : null;
  return {
    __typename: "MediaImage",
    ...common,
    mediaContentType: "IMAGE",
    image,
    preview: { __typename: "MediaPreviewImage", image, status },
    mimeType: ready ? (m.mimeType ?? (m.sourceUrl.match(/\.png(\?|$)/i) ? "image/png" : "image/jpeg")) : null,
    originalSource: ready ? { __typename: "MediaImageOriginalSource", url: m.sourceUrl, fileSize: null } : null,
  };
}

/** Kept for callers that only deal with seeded (READY) images. */
export const mediaImageNode = (m: MediaRecord, product: ProductRecord) => mediaNode(m, product);

/**
 * ExternalVideo originUrl / embedUrl / host. YouTube forms are captured (watch?v=ID ->
 * https://youtu.be/ID and https://www.youtube.com/embed/ID); Vimeo follows Shopify's documented
 * player URL. Other hosts get no URLs, so selecting them fails loudly.
 */
export function externalVideoUrls(source: string): Record<string, string> {
  const yt = /^https?:\/\/(?:www\.|m\.)?(?:youtube\.com\/(?:watch\?(?:.*&)?v=|embed\/)|youtu\.be\/)([\w-]{6,})/i.exec(source);
  if (yt) return { host: "YOUTUBE", originUrl: `https://youtu.be/${yt[1]}`, embeddedUrl: `https://youtu.be/${yt[1]}`, embedUrl: `https://www.youtube.com/embed/${yt[1]}` };
  const vimeo = /^https?:\/\/(?:www\.)?vimeo\.com\/(\d+)/i.exec(source);
  if (vimeo) return { host: "VIMEO", originUrl: `https://vimeo.com/${vimeo[1]}`, embeddedUrl: `https://vimeo.com/${vimeo[1]}`, embedUrl: `https://player.vimeo.com/video/${vimeo[1]}` };
  return {};
}
