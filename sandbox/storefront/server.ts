import { existsSync, readFileSync } from "node:fs";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { appProxyPrefix, forwardAppProxy } from "../app-proxy/forward";
import type { SandboxAppConfig } from "../config";
import { FAULTS_HEADER, type Faults } from "../faults";
import { BodyTooLargeError } from "../http/http";
import { servePixelRequest } from "../pixels/serve";
import { webPixelExtensions } from "../pixels/registry";
import { readAppToml, type AppProxyConfig } from "../shopify/app-toml";
import type { ShopifyState } from "../shopify/state";
import { StorefrontCarts } from "./cart";
import type { StorefrontContext } from "./context";
import { APP_EXTENSIONS_DIR, discoverExtensions, loadThemeExtension } from "./extensions";
import { createBlockEngine, LiquidBlockError } from "./liquid";
import { resolveStorefrontLocale } from "./locale";
import { addToCart, cartPage, checkoutPage, collectionPage, completeCheckout, homePage, productPage, searchPage, startCheckout, thankYouPage, type PageDeps, type PageResult } from "./pages";
import { readPlacements, type PlacementsInput } from "./placements";
import { liquidErrorPage, liquidGlobals, renderPage } from "./render-page";
import { placeholderImage } from "./images";
import { esc, THEME_CSS, ui } from "./theme";

// The storefront preview of one shop of the twin, on its own origin (default: a random port;
// SANDBOX_STOREFRONT_PORT or startSandbox({ storefront: { port } }) fixes it). Paths are Shopify's:
// /, /products/<handle>, /collections/<handle>, /cart, /search, /checkouts/cn/<token>, locale
// folders (/de/…, /en-de/…), /apps/<subpath>/… (app proxy), /cdn/shop/files/… (images),
// /cdn/shop/extensions/<handle>/assets/… (theme app extension assets), /wpm/… (web pixels).

export interface StorefrontOptions {
  port?: number;
  hostname?: string;
  /** Placements (blocks/embeds) or a path to a placements JSON file. */
  placements?: PlacementsInput | string;
  /** Extension folders to load instead of the app's extensions/ (e.g. test fixtures). */
  extensionDirs?: string[];
  appProxy?: AppProxyConfig | null;
}

export interface StorefrontDeps {
  state: ShopifyState;
  app: SandboxAppConfig;
  shop: string;
  faults: Faults;
  log: (line: string) => void;
}

export interface RunningStorefront { origin: string; port: number; close(): Promise<void> }

interface Out { status: number; body?: string | Buffer; headers?: Record<string, string> }

const here = path.dirname(fileURLToPath(import.meta.url));
const MIME: Record<string, string> = { ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".webp": "image/webp", ".gif": "image/gif", ".json": "application/json", ".woff2": "font/woff2" };

export async function startStorefront(deps: StorefrontDeps, options: StorefrontOptions = {}): Promise<RunningStorefront> {
  const dirs = options.extensionDirs ?? [APP_EXTENSIONS_DIR];
  const extensions = () => discoverExtensions(dirs);
  const sources = {
    themeExtensions: () => extensions().filter((e) => e.type === "theme").map(loadThemeExtension),
    pixels: () => webPixelExtensions(extensions()),
    placements: () => readPlacements(options.placements),
  };
  const pageDeps: PageDeps = { sources, carts: new StorefrontCarts() };
  const appProxy = options.appProxy === undefined ? readAppToml().appProxy : options.appProxy ?? undefined;
  let origin = "";

  async function route(req: IncomingMessage): Promise<Out> {
    const url = new URL(req.url ?? "/", origin);
    const method = req.method ?? "GET";
    const cookies = parseCookies(req.headers.cookie);
    await deps.faults.forRequest(req.headers[FAULTS_HEADER]).delay();

    if (url.pathname === "/theme.css") return { status: 200, body: THEME_CSS, headers: { "content-type": MIME[".css"]! } };
    if (url.pathname === "/theme.js") return { status: 200, body: readFileSync(path.join(here, "theme.browser.js")), headers: { "content-type": MIME[".js"]! } };
    if (url.pathname.startsWith("/wpm/")) {
      const reply = await servePixelRequest(url.pathname, sources.pixels());
      return reply ? { status: reply.status, body: String(reply.body ?? ""), headers: reply.headers } : { status: 404, body: "Not Found" };
    }
    const image = /^\/cdn\/shop\/files\/([^/]+)$/.exec(url.pathname);
    if (image) return placeholderImage(deps.state, deps.shop, decodeURIComponent(image[1]!), url.searchParams);
    const asset = /^\/cdn\/shop\/extensions\/([^/]+)\/assets\/([^/]+)$/.exec(url.pathname);
    if (asset) return extensionAsset(sources.themeExtensions(), decodeURIComponent(asset[1]!), decodeURIComponent(asset[2]!));

    const shop = deps.state.shops.get(deps.shop)!;
    const loc = resolveStorefrontLocale(deps.state, shop, url.pathname);
    if (!loc) return { status: 404, body: "no market" };
    const ctx: StorefrontContext = { state: deps.state, shop, app: deps.app, loc, currency: loc.market.currencyCode ?? shop.currencyCode, origin, url, template: "404" };
    const cart = pageDeps.carts.cart(shop.domain, cookies.cart);
    const setCookies = visitCookies(req, url, cookies);

    if (appProxy && (url.pathname === appProxyPrefix(appProxy) || url.pathname.startsWith(`${appProxyPrefix(appProxy)}/`))) {
      return proxy(ctx, appProxy, req, url, cookies);
    }

    const page = await dispatch(ctx, method, loc.rest, req, cart, cookies, setCookies);
    if (page) return toOut(page, setCookies);
    ctx.template = "404";
    const notFound = await renderPage(ctx, sources, { title: "404", cart, cookies, main: () => `<h1>${esc(ui(ctx, "notFound"))}</h1>` });
    return toOut(notFound, setCookies);
  }

  async function dispatch(ctx: StorefrontContext, method: string, rest: string, req: IncomingMessage, cart: ReturnType<StorefrontCarts["cart"]>, cookies: Record<string, string>, setCookies: string[]): Promise<PageResult | undefined> {
    const r = { ctx, cart, cookies };
    let m: RegExpExecArray | null;
    if (method === "GET" && rest === "/") return (ctx.template = "index"), homePage(pageDeps, r);
    if (method === "GET" && (m = /^\/products\/([^/]+)$/.exec(rest))) return (ctx.template = "product"), productPage(pageDeps, r, decodeURIComponent(m[1]!));
    if (method === "GET" && (m = /^\/collections\/([^/]+)$/.exec(rest))) return (ctx.template = "collection"), collectionPage(pageDeps, r, decodeURIComponent(m[1]!));
    if (method === "GET" && rest === "/search") return (ctx.template = "search"), searchPage(pageDeps, r);
    if (method === "GET" && rest === "/cart") return (ctx.template = "cart"), cartPage(pageDeps, r);
    if (method === "GET" && rest === "/cart.js") return { status: 200, json: { token: cart?.token ?? null, item_count: (cart?.lines ?? []).reduce((s, l) => s + l.quantity, 0), currency: ctx.currency } };
    if (method === "POST" && (rest === "/cart/add" || rest === "/cart/add.js")) {
      let target = cart;
      if (!target) {
        target = pageDeps.carts.createCart(ctx.shop.domain);
        setCookies.push(`cart=${target.token}; Path=/; SameSite=Lax; Max-Age=${14 * 86400}`);
      }
      return addToCart(pageDeps, ctx, target, await formFields(req), rest.endsWith(".js"));
    }
    if (method === "GET" && rest === "/checkout") return startCheckout(pageDeps, ctx, cart, cookies);
    if ((m = /^\/checkouts\/cn\/([0-9a-f]+)$/.exec(rest))) {
      if (method === "GET") return checkoutPage(pageDeps, r, m[1]!);
      if (method === "POST") return completeCheckout(pageDeps, r, m[1]!, await formFields(req));
    }
    if (method === "GET" && (m = /^\/checkouts\/cn\/([0-9a-f]+)\/thank-you$/.exec(rest))) return thankYouPage(pageDeps, r, m[1]!);
    return undefined;
  }

  async function proxy(ctx: StorefrontContext, config: AppProxyConfig, req: IncomingMessage, url: URL, cookies: Record<string, string>): Promise<Out> {
    ctx.template = "app_proxy";
    const body = req.method === "GET" || req.method === "HEAD" ? undefined : await readRaw(req);
    const res = await forwardAppProxy(config, deps.app.appUrl, deps.app.apiSecret, {
      method: req.method ?? "GET", rest: url.pathname.slice(appProxyPrefix(config).length), query: url.searchParams, headers: req.headers, body, shop: ctx.shop.domain,
    });
    deps.log(`app proxy ${req.method} ${url.pathname} → ${res.target} ${res.status}`);
    if (!res.liquid) return { status: res.status, body: res.body, headers: res.headers };
    // application/liquid: Shopify renders it with the shop's objects inside the theme layout.
    return renderProxyLiquid(ctx, res.body.toString("utf8"), res.status, cookies);
  }

  async function renderProxyLiquid(ctx: StorefrontContext, source: string, status: number, cookies: Record<string, string>): Promise<Out> {
    const layoutNone = /\{%-?\s*layout\s+none\s*-?%\}/.test(source);
    const template = source.replace(/\{%-?\s*layout\s+none\s*-?%\}/g, "");
    const engine = createBlockEngine({ ext: { handle: "app-proxy", root: here, name: "app-proxy", blocks: [], locales: {}, defaultLocale: undefined }, ctx, assetBase: "/cdn/shop/extensions/app-proxy/assets" });
    let html: string;
    try {
      html = await engine.parseAndRender(template, {}, { globals: liquidGlobals(ctx, undefined) });
    } catch (error) {
      return { status: 500, body: liquidErrorPage(new LiquidBlockError("app proxy response", (error as Error).message)), headers: { "content-type": "text/html; charset=utf-8" } };
    }
    if (layoutNone) return { status, body: html, headers: { "content-type": "text/html; charset=utf-8" } };
    const page = await renderPage(ctx, sources, { title: ctx.shop.name, cart: undefined, cookies, main: () => html });
    return { status: page.status === 200 ? status : page.status, body: page.html, headers: { "content-type": "text/html; charset=utf-8" } };
  }

  const server = http.createServer((req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    route(req)
      .catch((error: unknown): Out => {
        if (error instanceof BodyTooLargeError) return { status: 413, body: error.message };
        if (error instanceof LiquidBlockError) return { status: 500, body: liquidErrorPage(error), headers: { "content-type": "text/html; charset=utf-8" } };
        deps.log(`storefront error: ${(error as Error).stack ?? String(error)}`);
        return { status: 500, body: "Internal Server Error" };
      })
      .then((out) => {
        res.writeHead(out.status, { "content-type": "text/plain; charset=utf-8", ...out.headers });
        res.end(out.body);
        deps.log(`storefront ${req.method} ${req.url} ${out.status} ${(performance.now() - started).toFixed(1)}ms`);
      });
  });
  const hostname = options.hostname ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, hostname, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${hostname}:${port}`;
  return {
    origin,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function toOut(page: PageResult, setCookies: string[]): Out {
  // node's writeHead takes an array for repeated Set-Cookie headers.
  const cookies = setCookies.length ? ({ "set-cookie": setCookies } as unknown as Record<string, string>) : {};
  if ("location" in page) return { status: page.status, headers: { location: page.location, ...cookies } };
  if ("json" in page) return { status: page.status, body: JSON.stringify(page.json), headers: { "content-type": "application/json; charset=utf-8", ...cookies } };
  return { status: page.status, body: page.html, headers: { "content-type": "text/html; charset=utf-8", ...cookies } };
}

/** Shopify's _landing_page / _orig_referrer cookies: the first page of a visit, kept for the order's landing_site. */
function visitCookies(req: IncomingMessage, url: URL, cookies: Record<string, string>): string[] {
  if (req.method !== "GET" || cookies._landing_page !== undefined) return [];
  const referrer = String(req.headers.referer ?? "");
  const external = referrer && !referrer.startsWith(url.origin) ? referrer : "";
  return [
    `_landing_page=${encodeURIComponent(url.pathname + url.search)}; Path=/; SameSite=Lax; Max-Age=${14 * 86400}`,
    `_orig_referrer=${encodeURIComponent(external)}; Path=/; SameSite=Lax; Max-Age=${14 * 86400}`,
  ];
}

function extensionAsset(extensions: { handle: string; root: string }[], handle: string, file: string): Out {
  const ext = extensions.find((e) => e.handle === handle);
  const full = ext ? path.join(ext.root, "assets", file) : "";
  if (!ext || file.includes("..") || !existsSync(full)) return { status: 404, body: "Not Found" };
  return { status: 200, body: readFileSync(full), headers: { "content-type": MIME[path.extname(file).toLowerCase()] ?? "application/octet-stream", "cache-control": "public, max-age=60" } };
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i <= 0) continue;
    try {
      out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
    } catch {
      /* a malformed cookie is ignored, as browsers and Shopify do */
    }
  }
  return out;
}

async function readRaw(req: IncomingMessage, limit = 5_000_000): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLargeError(`request body over ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

async function formFields(req: IncomingMessage): Promise<URLSearchParams> {
  const buffer = await readRaw(req, 100_000);
  const raw = buffer.toString("utf8");
  const type = String(req.headers["content-type"] ?? "");
  if (type.includes("application/json")) {
    const json = JSON.parse(raw || "{}") as Record<string, unknown>;
    return new URLSearchParams(Object.entries(json).map(([k, v]) => [k, String(v)]));
  }
  if (type.includes("multipart/form-data")) {
    const form = await new Response(new Uint8Array(buffer), { headers: { "content-type": type } }).formData();
    return new URLSearchParams([...form.entries()].map(([k, v]) => [k, String(v)]));
  }
  return new URLSearchParams(raw);
}
