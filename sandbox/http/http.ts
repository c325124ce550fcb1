import type { IncomingMessage, ServerResponse } from "node:http";

// Tiny HTTP helpers so each twin endpoint stays a small function of (request) -> response.

export interface Reply { status: number; body?: unknown; headers?: Record<string, string> }

export class BodyTooLargeError extends Error {}

export async function readBody(req: IncomingMessage, limitBytes = 1_000_000): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) throw new BodyTooLargeError(`request body over ${limitBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Form fields from a JSON or x-www-form-urlencoded body (OAuth endpoints accept both). */
export function parseFields(body: string, contentType: string | undefined): Record<string, string> | undefined {
  if (contentType?.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(body));
  try {
    const parsed: unknown = JSON.parse(body || "{}");
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return undefined;
    return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));
  } catch {
    return undefined;
  }
}

export function send(res: ServerResponse, reply: Reply): void {
  const headers = { ...reply.headers };
  let payload: string | undefined;
  if (reply.body !== undefined) {
    payload = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
    headers["content-type"] ??= typeof reply.body === "string" ? "text/plain; charset=utf-8" : "application/json; charset=utf-8";
  }
  res.writeHead(reply.status, headers);
  res.end(payload);
}

/**
 * The shop a Shopify-domain request is for. The routing dispatcher keeps the shop in Host;
 * X-Forwarded-Host is honoured for proxies that cannot keep Host.
 */
export function requestShop(req: IncomingMessage): string | undefined {
  const candidates = [req.headers.host, String(req.headers["x-forwarded-host"] ?? "").split(",")[0]];
  for (const raw of candidates) {
    const host = raw?.trim().toLowerCase().replace(/:\d+$/, "");
    if (host && /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/.test(host)) return host;
  }
  return undefined;
}
