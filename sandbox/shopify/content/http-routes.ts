import type { IncomingMessage, ServerResponse } from "node:http";
import type { Reply } from "../../http/http";
import type { ShopifyState } from "../state";
import { fileBytes } from "./files";
import { filesStore } from "./files-store";
import { signKey } from "./staged-uploads";

// Non-API HTTP endpoints of the content domain on the sandbox origin, standing in for Google Cloud
// Storage (staged uploads) and Shopify's CDN (READY files). Binary-safe: bodies are read as Buffers.

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024; // the POST policy's content-length-range (20 MB)
// Bulk mutation variables allow 100 MB (the captured policy's content-length-range: 104857600).
export const MAX_BULK_UPLOAD_BYTES = 100 * 1024 * 1024;
const MULTIPART_SLACK = 64 * 1024;
const tooLarge = (resource: string, size: number) => size > (resource === "BULK_MUTATION_VARIABLES" ? MAX_BULK_UPLOAD_BYTES : MAX_UPLOAD_BYTES);

async function readRaw(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function handleContentHttp(state: ShopifyState, req: IncomingMessage, url: URL): Promise<Reply | undefined> {
  if (url.pathname === "/staged-uploads" || url.pathname.startsWith("/staged-uploads/")) {
    const body = await readRaw(req, MAX_BULK_UPLOAD_BYTES + MULTIPART_SLACK);
    if (!body) return { status: 400, body: "EntityTooLarge" };
    if (req.method === "PUT" && url.pathname !== "/staged-uploads") return putUpload(state, decodeURIComponent(url.pathname.slice("/staged-uploads/".length)), url, body);
    // The form names its key; video and 3D model targets post to their bucket root / object URL.
    if (req.method === "POST") return postUpload(state, body, req.headers["content-type"]);
    return { status: 405, body: "MethodNotAllowed" };
  }
  return undefined;
}

/**
 * GET of a READY file's CDN URL. Written straight to the response because the shared Reply/send
 * helpers only carry text; returns false when the request is not for a twin file.
 */
export function serveFileBytes(state: ShopifyState, req: IncomingMessage, res: ServerResponse): boolean {
  const url = new URL(req.url ?? "/", "http://sandbox.local");
  if (req.method !== "GET" || !/^\/cdn\/shopify\/s\/files\/1\/\d+\/files\/[^/]+$/.test(url.pathname)) return false;
  const file = fileBytes(state, Number(url.searchParams.get("v")));
  if (!file) {
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not Found");
    return true;
  }
  res.writeHead(200, { "content-type": file.mimeType, "content-length": String(file.bytes.length), "cache-control": "public, max-age=31536000" }).end(file.bytes);
  return true;
}

// PUT <signed url>: GCS answers 200 with an empty body.
function putUpload(state: ShopifyState, key: string, url: URL, body: Buffer): Reply {
  const upload = filesStore(state).uploads.get(key);
  if (!upload || url.searchParams.get("X-Goog-Signature") !== signKey(key)) return { status: 403, body: "SignatureDoesNotMatch" };
  if (tooLarge(upload.resource, body.length)) return { status: 400, body: "EntityTooLarge" };
  upload.bytes = body;
  return { status: 200, body: "" };
}

// POST multipart form (fields first, `file` last): GCS answers 201 with an XML PostResponse.
function postUpload(state: ShopifyState, body: Buffer, contentType: string | undefined): Reply {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType ?? "");
  if (!boundary) return { status: 400, body: "InvalidArgument" };
  const parts = multipart(body, boundary[1] ?? boundary[2]!);
  const key = parts.get("key")?.toString("utf8");
  const upload = key ? filesStore(state).uploads.get(key) : undefined;
  const file = parts.get("file");
  // V4 forms sign with x-goog-signature (hex); the V2 forms of VIDEO / MODEL_3D with signature (base64).
  const v2 = parts.has("GoogleAccessId");
  const signature = v2 ? Buffer.from(parts.get("signature")?.toString("utf8") ?? "", "base64").toString("hex") : parts.get("x-goog-signature")?.toString("utf8");
  if (!upload || signature !== signKey(key!)) return { status: 403, body: "AccessDenied" };
  if (!file || file.length === 0) return { status: 400, body: "EntityTooSmall" };
  if (tooLarge(upload.resource, file.length)) return { status: 400, body: "EntityTooLarge" };
  upload.bytes = file;
  // Without success_action_status a Google form upload answers 204 (file-create-content-type-inference.json videoUpload).
  if (v2) return { status: 204, body: "" };
  return {
    status: 201,
    headers: { "content-type": "application/xml; charset=UTF-8" },
    body: `<?xml version='1.0' encoding='UTF-8'?><PostResponse><Bucket>shopify-staged-uploads</Bucket><Key>${key}</Key><ETag>"${file.length}"</ETag></PostResponse>`,
  };
}

function multipart(body: Buffer, boundary: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const part = body.subarray(start + delimiter.length + 2, next - 2); // skip CRLF after delimiter, before next
    const headerEnd = part.indexOf("\r\n\r\n");
    if (headerEnd !== -1) {
      const name = /name="([^"]+)"/.exec(part.subarray(0, headerEnd).toString("utf8"))?.[1];
      if (name) out.set(name, part.subarray(headerEnd + 4));
    }
    start = next;
  }
  return out;
}
