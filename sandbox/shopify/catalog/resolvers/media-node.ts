import type { MediaRecord, ProductRecord } from "../types";

// MediaImage (product media) and Image objects. Media ids are MediaImage gids; MediaImage.image
// uses gid://shopify/ImageSource/<media id>; the deprecated Product.images use ProductImage ids
// (captures: product-create-media-parity.json).

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

export function mediaImageNode(m: MediaRecord, product: ProductRecord) {
  const image = imageObject(m, `gid://shopify/ImageSource/${m.gid.slice(m.gid.lastIndexOf("/") + 1)}`);
  return {
    __typename: "MediaImage",
    id: m.gid,
    alt: m.alt,
    mediaContentType: "IMAGE",
    status: "READY",
    fileStatus: "READY",
    image,
    preview: { __typename: "MediaPreviewImage", image, status: "READY" },
    mediaErrors: [],
    mediaWarnings: [],
    fileErrors: [],
    mimeType: m.sourceUrl.match(/\.png(\?|$)/i) ? "image/png" : "image/jpeg",
    originalSource: { __typename: "MediaImageOriginalSource", url: m.sourceUrl, fileSize: null },
    createdAt: product.createdAt,
    updatedAt: product.updatedAt,
  };
}
