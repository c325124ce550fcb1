import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ACCESS_SCOPES } from "../app/modules/shopify/scopes";

// The app as Shopify knows it from the Partner Dashboard: same credentials and defaults the app
// reads (app/modules/config/env.server.ts), so `npm run sandbox` and the app agree with no setup.
export interface SandboxAppConfig { apiKey: string; apiSecret: string; appUrl: string; scopes: string[] }

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export function appConfigFromEnv(env: NodeJS.ProcessEnv = process.env): SandboxAppConfig {
  return {
    apiKey: env.SHOPIFY_API_KEY || "tessera-local-api-key",
    apiSecret: env.SHOPIFY_API_SECRET || "tessera-local-api-secret",
    appUrl: env.SHOPIFY_APP_URL || "http://localhost:3000",
    scopes: configuredScopes(env),
  };
}

/** Shopify grants what the app's configuration declares: SCOPES, else shopify.app.toml, else the app's list. */
export function configuredScopes(env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.SCOPES) return splitScopes(env.SCOPES);
  const toml = path.join(repoRoot, "shopify.app.toml");
  if (existsSync(toml)) {
    const section = /\[access_scopes\]([\s\S]*?)(?:\n\[|$)/.exec(readFileSync(toml, "utf8"))?.[1] ?? "";
    const scopes = /^\s*scopes\s*=\s*"([^"]*)"/m.exec(section)?.[1];
    if (scopes !== undefined) return splitScopes(scopes);
  }
  return [...ACCESS_SCOPES];
}

const splitScopes = (s: string) => s.split(",").map((x) => x.trim()).filter(Boolean);
