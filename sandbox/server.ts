import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { handleOpenApp, handleSessionTokenPreflight, handleSessionTokenRefresh, type AdminHostDeps } from "./admin-host/open-app";
import { serveAppBridgeScript } from "./admin-host/app-bridge";
import { appConfigFromEnv, type SandboxAppConfig } from "./config";
import { BodyTooLargeError, parseFields, readBody, requestShop, send, type Reply } from "./http/http";
import { handleAdminGraphql } from "./shopify/admin-graphql/handler";
import { ThrottleBucket } from "./shopify/admin-graphql/cost";
import { ADMIN_API_VERSION, loadAdminSchema } from "./shopify/admin-graphql/schema";
import { AccessTokenStore } from "./shopify/auth/access-tokens";
import { mintSessionToken } from "./shopify/auth/session-token";
import { handleAccessTokenRequest } from "./shopify/auth/token-endpoint";
import { tesseraDemoShop } from "./shopify/fixtures/tessera-demo";
import { createShopifyState, ensureInstallation, type ShopRecord, type ShopifyState } from "./shopify/state";

// One HTTP server for the Shopify twin. Requests whose Host is a *.myshopify.com domain are
// Shopify API calls (the app's routing dispatcher keeps the shop in Host); everything else is
// the local admin host and CDN stand-ins.

export interface SandboxOptions extends Partial<SandboxAppConfig> {
  port?: number; // 0 = random
  hostname?: string;
  shops?: ShopRecord[];
  log?: (line: string) => void;
}

export interface RunningSandbox {
  origin: string;
  port: number;
  app: SandboxAppConfig;
  apiVersion: string;
  defaultShop: string;
  state: ShopifyState;
  tokens: AccessTokenStore;
  schemaLoadMs: number;
  /** Installs the app (if needed) and issues an offline token, as a token exchange would. */
  issueAccessToken(shop?: string, opts?: { expiring?: boolean }): string;
  mintSessionToken(shop?: string): string;
  openAppUrl(opts?: { shop?: string; locale?: string; path?: string }): string;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const defaults = appConfigFromEnv();
  const app: SandboxAppConfig = {
    apiKey: options.apiKey ?? defaults.apiKey,
    apiSecret: options.apiSecret ?? defaults.apiSecret,
    appUrl: options.appUrl ?? defaults.appUrl,
    scopes: options.scopes ?? defaults.scopes,
  };
  const shops = options.shops ?? [tesseraDemoShop()];
  const defaultShop = shops[0]?.domain;
  if (!defaultShop) throw new Error("startSandbox needs at least one shop");
  const { schema, loadMs } = loadAdminSchema();
  const state = createShopifyState(shops);
  const tokens = new AccessTokenStore();
  const buckets = new Map<string, ThrottleBucket>();
  const adminHost: AdminHostDeps = { app, state, defaultShop };
  const log = options.log ?? (() => {});

  async function route(req: IncomingMessage): Promise<Reply> {
    const url = new URL(req.url ?? "/", "http://sandbox.local");
    const shop = requestShop(req);
    if (shop) {
      if (req.method === "POST" && url.pathname === "/admin/oauth/access_token") {
        return handleAccessTokenRequest({ app, state, tokens }, shop, parseFields(await readBody(req), req.headers["content-type"]));
      }
      const gql = /^\/admin\/api\/([^/]+)\/graphql\.json$/.exec(url.pathname);
      if (req.method === "POST" && gql) {
        const accessToken = req.headers["x-shopify-access-token"];
        return handleAdminGraphql({ schema, state, tokens, buckets }, {
          shop,
          version: gql[1]!,
          accessToken: Array.isArray(accessToken) ? accessToken[0] : accessToken,
          body: await readBody(req, 5_000_000),
          contentType: req.headers["content-type"],
        });
      }
      return { status: 404, body: { errors: `Not Found: ${req.method} ${url.pathname} is not implemented in the Tessera sandbox` } };
    }
    if (url.pathname === "/admin/session-token" && req.method === "OPTIONS") return handleSessionTokenPreflight(adminHost);
    if (url.pathname === "/admin/session-token" && req.method === "POST") return handleSessionTokenRefresh(adminHost, await readBody(req, 10_000));
    if (url.pathname === "/admin/apps/open" && req.method === "GET") return handleOpenApp(adminHost, url);
    if (url.pathname === "/cdn/app-bridge.js" && req.method === "GET") return serveAppBridgeScript();
    if (url.pathname === "/" && req.method === "GET") {
      return { status: 200, body: `Tessera Shopify sandbox\nshops: ${[...state.shops.keys()].join(", ")}\nopen the app: /admin/apps/open?shop=${defaultShop}\n` };
    }
    return { status: 404, body: { errors: "Not Found" } };
  }

  const server = http.createServer((req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    route(req)
      .catch((error: unknown): Reply => {
        if (error instanceof BodyTooLargeError) return { status: 413, body: { errors: error.message } };
        log(`sandbox error: ${(error as Error).stack ?? String(error)}`);
        return { status: 500, body: { errors: "Internal Server Error" } };
      })
      .then((reply) => {
        send(res, reply);
        log(`${req.method} ${req.headers.host ?? ""}${req.url} ${reply.status} ${(performance.now() - started).toFixed(1)}ms`);
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 4500, options.hostname ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${options.hostname ?? "127.0.0.1"}:${port}`;

  return {
    origin,
    port,
    app,
    apiVersion: ADMIN_API_VERSION,
    defaultShop,
    state,
    tokens,
    schemaLoadMs: loadMs,
    issueAccessToken(shop = defaultShop, { expiring = false } = {}) {
      const installation = ensureInstallation(state, shop, app.apiKey, app.scopes);
      return tokens.issueOffline(shop, app.apiKey, installation.scopes.join(","), { expiring }).access.token;
    },
    mintSessionToken(shop = defaultShop) {
      const owner = state.shops.get(shop)?.staff[0];
      if (!owner) throw new Error(`unknown shop ${shop}`);
      return mintSessionToken(app, shop, String(owner.id));
    },
    openAppUrl({ shop = defaultShop, locale, path } = {}) {
      const url = new URL("/admin/apps/open", origin);
      url.searchParams.set("shop", shop);
      if (locale) url.searchParams.set("locale", locale);
      if (path) url.searchParams.set("path", path);
      return url.toString();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
