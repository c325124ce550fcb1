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
import { serveCatalogImage } from "./shopify/catalog/cdn-images";
import { tesseraDemoShop } from "./shopify/fixtures/tessera-demo";
import { seedShop, type SeedReport } from "./shopify/seed";
import { createShopifyState, ensureInstallation, type ShopRecord, type ShopifyState } from "./shopify/state";
import { handleContentHttp, serveFileBytes } from "./shopify/content/http-routes";
import { handlePlatformHttp } from "./shopify/platform/http-routes";
import { setSandboxOrigin } from "./shopify/platform/app-identity";
import { drainedBucket, FAULTS_HEADER, Faults, parseFaults, serverErrorReply, type FaultSpec } from "./faults";
import { readAppToml, type TomlWebhookSubscription } from "./shopify/app-toml";
import { subscriptionsFor } from "./shopify/platform/webhook-subscriptions";
import { handleWebhookControl } from "./shopify/webhook-control";
import { WebhookDispatcher, type DeliveryRecord } from "./shopify/webhook-dispatcher";
import { startStorefront, type RunningStorefront, type StorefrontOptions } from "./storefront/server";

// One HTTP server for the Shopify twin. Requests whose Host is a *.myshopify.com domain are
// Shopify API calls (the app's routing dispatcher keeps the shop in Host); everything else is
// the local admin host and CDN stand-ins.

export interface SandboxOptions extends Partial<SandboxAppConfig> {
  port?: number; // 0 = random
  hostname?: string;
  shops?: ShopRecord[];
  log?: (line: string) => void;
  /** Seed tessera-demo.myshopify.com (catalog, customers, orders) from the shared CSVs; false = empty shop. */
  seed?: boolean;
  /** Fault injection for this run ("latency=200,5xx=0.1,…"); default SANDBOX_FAULTS. See faults.ts. */
  faults?: string | FaultSpec;
  /** Webhook delivery: retry time compression, timeout, subscriptions (default shopify.app.toml). */
  webhooks?: { timeScale?: number; timeoutMs?: number; subscriptions?: TomlWebhookSubscription[] };
  /** Storefront preview of the default shop on its own origin; false = none. See storefront/server.ts. */
  storefront?: StorefrontOptions | false;
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
  seedReport: SeedReport | undefined;
  /** The default shop's storefront preview (home, products, collections, cart, checkout, app proxy, pixels). */
  storefrontUrl: string | undefined;
  faults: Faults;
  webhooks: WebhookDispatcher;
  /** Delivers a webhook to the app now, as Shopify would (signed, retried). */
  triggerWebhook(topic: string, shop: string, payload: unknown): DeliveryRecord[];
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
  const faults = options.faults === undefined ? Faults.fromEnv() : new Faults(typeof options.faults === "string" ? parseFaults(options.faults) : options.faults);
  const appToml = readAppToml();
  const webhooks = new WebhookDispatcher({
    state, app, apiVersion: appToml.webhookApiVersion ?? ADMIN_API_VERSION, faults, log,
    configSubscriptions: options.webhooks?.subscriptions ?? appToml.webhooks,
    apiSubscriptions: (shop, topic) => subscriptionsFor(state, shop, app.apiKey, topic).map((s) => ({ topic, uri: s.uri, source: "api" as const, includeFields: s.includeFields.length ? s.includeFields : undefined })),
    timeScale: options.webhooks?.timeScale, timeoutMs: options.webhooks?.timeoutMs,
  }).start();

  async function route(req: IncomingMessage): Promise<Reply> {
    const url = new URL(req.url ?? "/", "http://sandbox.local");
    const shop = requestShop(req);
    if (shop) {
      // Injected faults hit Shopify's API surface only (see faults.ts).
      const fault = faults.forRequest(req.headers[FAULTS_HEADER]);
      await fault.delay();
      const failed = fault.serverError();
      if (failed) return serverErrorReply(failed);
      const throttled = fault.throttle();
      if (req.method === "POST" && url.pathname === "/admin/oauth/access_token") {
        return handleAccessTokenRequest({ app, state, tokens }, shop, parseFields(await readBody(req), req.headers["content-type"]));
      }
      const gql = /^\/admin\/api\/([^/]+)\/graphql\.json$/.exec(url.pathname);
      if (req.method === "POST" && gql) {
        const accessToken = req.headers["x-shopify-access-token"];
        // Forced THROTTLED: an empty bucket for this request only, so the answer carries the real requested cost.
        const drained = throttled ? new Map([[`${shop} ${app.apiKey}`, drainedBucket()]]) : undefined;
        return handleAdminGraphql({ schema, state, tokens, buckets: drained ?? buckets }, {
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
    const cdnFile = /^\/cdn\/shop\/files\/([^/]+)$/.exec(url.pathname);
    if (cdnFile && req.method === "GET") return serveCatalogImage(state, decodeURIComponent(cdnFile[1]!));
    if (url.pathname === "/" && req.method === "GET") {
      return { status: 200, body: `Tessera Shopify sandbox\nshops: ${[...state.shops.keys()].join(", ")}\nopen the app: /admin/apps/open?shop=${defaultShop}\n` };
    }
    // Staged-upload targets, bulk result files and billing confirmation pages live on the sandbox origin.
    const twinRoute = (await handleContentHttp(state, req, url)) ?? handlePlatformHttp(state, req, url);
    if (twinRoute) return twinRoute;
    const control = handleWebhookControl({ state, tokens, dispatcher: webhooks, apiKey: app.apiKey, defaultShop: adminHost.defaultShop }, req.method ?? "GET", url, () => readBody(req, 1_000_000));
    if (control) return control;
    return { status: 404, body: { errors: "Not Found" } };
  }

  const server = http.createServer((req: IncomingMessage, res: ServerResponse) => {
    if (!requestShop(req) && serveFileBytes(state, req, res)) return; // binary file bytes (Reply carries text only)
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
  // Seeded after listen: image URLs need the origin. Nothing is served before startSandbox returns.
  const demoShop = "tessera-demo.myshopify.com";
  const seedReport = options.seed !== false && state.shops.has(demoShop) ? seedShop(state, demoShop, { origin }) : undefined;
  setSandboxOrigin(state, origin);
  const envStorefrontPort = process.env.SANDBOX_STOREFRONT_PORT ? Number(process.env.SANDBOX_STOREFRONT_PORT) : undefined;
  const storefront: RunningStorefront | undefined = options.storefront === false
    ? undefined
    : await startStorefront({ state, app, shop: defaultShop, faults, log }, { port: envStorefrontPort, hostname: options.hostname, ...options.storefront });

  return {
    origin,
    port,
    app,
    apiVersion: ADMIN_API_VERSION,
    defaultShop,
    state,
    tokens,
    schemaLoadMs: loadMs,
    seedReport,
    storefrontUrl: storefront?.origin,
    faults,
    webhooks,
    triggerWebhook: (topic, shop, payload) => webhooks.trigger(topic, shop, payload),
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
    close: async () => {
      webhooks.close();
      await storefront?.close();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
