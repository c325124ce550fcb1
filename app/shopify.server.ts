import "@shopify/shopify-app-remix/adapters/node";
import { ApiVersion, AppDistribution, LogSeverity, shopifyApp } from "@shopify/shopify-app-remix/server";
import { db } from "./db.server";
import { logger } from "./modules/observability/logger.server";
import { appEnv } from "./modules/config/env.server";
import { routeShopifyToSandbox } from "./modules/shopify/sandbox-routing.server";
import { EncryptedPrismaSessionStorage } from "./modules/shopify/session-storage.server";
import { ACCESS_SCOPES } from "./modules/shopify/scopes";
import { recordInstallation } from "./modules/shops/installation.server";

const env = appEnv();
// Local mode: *.myshopify.com requests go to the sandbox twin (no-op unless SHOPIFY_SANDBOX_ORIGIN is set).
routeShopifyToSandbox(env);

const shopify = shopifyApp({
  apiKey: env.SHOPIFY_API_KEY,
  apiSecretKey: env.SHOPIFY_API_SECRET,
  apiVersion: ApiVersion.July26,
  scopes: env.SCOPES ? env.SCOPES.split(",") : [...ACCESS_SCOPES],
  appUrl: env.SHOPIFY_APP_URL,
  authPathPrefix: "/auth",
  sessionStorage: new EncryptedPrismaSessionStorage(db),
  distribution: AppDistribution.AppStore,
  isEmbeddedApp: true,
  // The library's own messages go through the app's structured logger (warnings and errors only).
  logger: {
    level: LogSeverity.Warning,
    log: (severity, message) => {
      if (severity === LogSeverity.Error) logger.error({ source: "shopify" }, message);
      else if (severity === LogSeverity.Warning) logger.warn({ source: "shopify" }, message);
      else logger.debug({ source: "shopify" }, message);
    },
  },
  future: {
    unstable_newEmbeddedAuthStrategy: true,
    expiringOfflineAccessTokens: true,
  },
  hooks: {
    afterAuth: async ({ session }) => {
      await recordInstallation(session.shop, session.scope ?? "");
    },
  },
});

export default shopify;
export const apiVersion = ApiVersion.July26;
/**
 * Shopify's document headers (frame-ancestors CSP, App Bridge preload). The library honours an
 * APP_BRIDGE_URL override for the script but always preloads the CDN copy; keep them the same.
 */
export function addDocumentResponseHeaders(request: Request, headers: Headers) {
  shopify.addDocumentResponseHeaders(request, headers);
  if (env.APP_BRIDGE_URL && headers.get("Link")?.includes("cdn.shopify.com/shopifycloud/app-bridge.js")) {
    headers.set("Link", `<${env.APP_BRIDGE_URL}>; rel="preload"; as="script";`);
  }
}
export const authenticate = shopify.authenticate;
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
export const registerWebhooks = shopify.registerWebhooks;
export const sessionStorage = shopify.sessionStorage;
