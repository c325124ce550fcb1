import type { AppProxyConfig } from "../shopify/app-toml";
import { signAppProxyParams } from "./signature";

// The storefront side of an app proxy: https://<shop>/<prefix>/<subpath>/<rest>?<query> is fetched
// from <app URL><proxy path>/<rest>?<query>&shop=…&logged_in_customer_id=…&path_prefix=…&timestamp=…&signature=…
// Like Shopify, cookies never cross the proxy (request Cookie and response Set-Cookie are stripped).

export interface ProxiedRequest {
  method: string;
  /** Path after the proxy prefix, e.g. "/upload" for /apps/tessera/upload. */
  rest: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body?: Buffer;
  shop: string;
  loggedInCustomerId?: string;
}

export interface ProxiedResponse { status: number; headers: Record<string, string>; body: Buffer; liquid: boolean; target: string }

const FORWARDED_REQUEST_HEADERS = ["accept", "accept-language", "content-type", "user-agent", "x-requested-with"];
const RETURNED_RESPONSE_HEADERS = ["content-type", "location", "cache-control", "etag", "last-modified", "vary"];

export function appProxyPrefix(config: AppProxyConfig): string {
  return `/${config.prefix}/${config.subpath}`;
}

/** The signed URL Shopify requests on the app for this storefront request. */
export function signedProxyUrl(config: AppProxyConfig, appUrl: string, secret: string, req: Pick<ProxiedRequest, "rest" | "query" | "shop" | "loggedInCustomerId">, now = Date.now()): URL {
  // The proxy URL's host is the app's (shopify app dev rewrites it the same way), its path is kept.
  const proxyPath = new URL(config.url).pathname.replace(/\/$/, "");
  const target = new URL(`${proxyPath}${req.rest}`, appUrl);
  const params = new URLSearchParams(req.query);
  for (const key of ["shop", "logged_in_customer_id", "path_prefix", "timestamp", "signature"]) params.delete(key); // shoppers cannot inject these
  params.set("shop", req.shop);
  params.set("logged_in_customer_id", req.loggedInCustomerId ?? "");
  params.set("path_prefix", appProxyPrefix(config));
  params.set("timestamp", String(Math.floor(now / 1000)));
  params.set("signature", signAppProxyParams(params, secret));
  target.search = params.toString();
  return target;
}

export async function forwardAppProxy(config: AppProxyConfig, appUrl: string, secret: string, req: ProxiedRequest): Promise<ProxiedResponse> {
  const target = signedProxyUrl(config, appUrl, secret, req);
  const headers: Record<string, string> = {};
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = req.headers[name];
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  headers["x-forwarded-host"] = req.shop;
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  let res: Response;
  try {
    res = await fetch(target, { method: req.method, headers, body: hasBody && req.body ? new Uint8Array(req.body) : undefined, redirect: "manual", signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    // What a shopper sees when the app is down; the theme block must still work without it.
    return { status: 502, headers: { "content-type": "text/plain; charset=utf-8" }, body: Buffer.from(`App proxy: the app did not answer (${(error as Error).message}).`), liquid: false, target: target.toString() };
  }
  const out: Record<string, string> = {};
  for (const name of RETURNED_RESPONSE_HEADERS) {
    const value = res.headers.get(name);
    if (value) out[name] = value;
  }
  const body = Buffer.from(await res.arrayBuffer());
  const liquid = (res.headers.get("content-type") ?? "").startsWith("application/liquid");
  return { status: res.status, headers: out, body, liquid, target: target.toString() };
}
