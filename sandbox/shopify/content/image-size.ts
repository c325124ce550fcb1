// Width/height/MIME from the first bytes of PNG, JPEG, GIF and WebP files — enough for the twin's
// READY MediaImage without a dependency. Returns undefined for anything else (→ fileErrors).

export interface ImageInfo { mimeType: string; width: number; height: number }

export function imageInfo(b: Buffer): ImageInfo | undefined {
  if (b.length >= 24 && b.readUInt32BE(0) === 0x89504e47 && b.toString("ascii", 12, 16) === "IHDR") {
    return { mimeType: "image/png", width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  }
  if (b.length >= 10 && (b.toString("ascii", 0, 6) === "GIF87a" || b.toString("ascii", 0, 6) === "GIF89a")) {
    return { mimeType: "image/gif", width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
  }
  if (b.length >= 30 && b.toString("ascii", 0, 4) === "RIFF" && b.toString("ascii", 8, 12) === "WEBP") return webp(b);
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) return jpeg(b);
  return undefined;
}

function webp(b: Buffer): ImageInfo | undefined {
  const chunk = b.toString("ascii", 12, 16);
  if (chunk === "VP8X") return { mimeType: "image/webp", width: 1 + b.readUIntLE(24, 3), height: 1 + b.readUIntLE(27, 3) };
  if (chunk === "VP8 ") return { mimeType: "image/webp", width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
  if (chunk === "VP8L") {
    const bits = b.readUInt32LE(21);
    return { mimeType: "image/webp", width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  return undefined;
}

// Walk JPEG segments to the first start-of-frame marker (SOF0–SOF15 except DHT/JPG/DAC).
function jpeg(b: Buffer): ImageInfo | undefined {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1]!;
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) { i += 2; continue; }
    const length = b.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { mimeType: "image/jpeg", height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    }
    i += 2 + length;
  }
  return undefined;
}

// File extensions Shopify's CDN uses for the formats the twin reads (jpeg is "jpg").
const EXTENSION_OF: Record<string, string> = { "image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/webp": "webp", "image/svg+xml": "svg", "application/pdf": "pdf", "video/mp4": "mp4" };

/** The extension a file of `mimeType` is stored under on the CDN (an other image type: its subtype). */
export const extensionForMime = (mimeType: string): string | undefined =>
  EXTENSION_OF[mimeType] ?? (mimeType.startsWith("image/") ? mimeType.slice("image/".length) : undefined);
