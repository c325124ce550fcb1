import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "smol-toml";

// What Shopify knows from the app's shopify.app.toml once deployed: its webhook subscriptions
// (topics and compliance topics → uri) and its app proxy. Read with a real TOML parser so the
// sandbox sees exactly what `shopify app deploy` would.

export interface TomlWebhookSubscription {
  topic: string; // "app/uninstalled", "customers/redact", …
  uri: string; // relative to the app URL, or absolute https
  compliance: boolean;
  includeFields?: string[];
  filter?: string;
}

export interface AppProxyConfig { url: string; prefix: string; subpath: string }

export interface AppToml {
  webhookApiVersion: string | undefined;
  webhooks: TomlWebhookSubscription[];
  appProxy: AppProxyConfig | undefined;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const DEFAULT_APP_TOML = path.join(repoRoot, "shopify.app.toml");

export function readAppToml(file = DEFAULT_APP_TOML): AppToml {
  if (!existsSync(file)) return { webhookApiVersion: undefined, webhooks: [], appProxy: undefined };
  return appTomlFrom(readFileSync(file, "utf8"));
}

export function appTomlFrom(text: string): AppToml {
  const doc = parse(text) as {
    webhooks?: { api_version?: string; subscriptions?: Array<Record<string, unknown>> };
    app_proxy?: { url?: string; prefix?: string; subpath?: string };
  };
  const webhooks: TomlWebhookSubscription[] = [];
  for (const sub of doc.webhooks?.subscriptions ?? []) {
    const uri = typeof sub.uri === "string" ? sub.uri : undefined;
    if (!uri) throw new Error("shopify.app.toml: every [[webhooks.subscriptions]] needs a uri");
    const includeFields = Array.isArray(sub.include_fields) ? sub.include_fields.map(String) : undefined;
    const filter = typeof sub.filter === "string" ? sub.filter : undefined;
    for (const topic of asStrings(sub.topics)) webhooks.push({ topic, uri, compliance: false, includeFields, filter });
    for (const topic of asStrings(sub.compliance_topics)) webhooks.push({ topic, uri, compliance: true });
  }
  const proxy = doc.app_proxy;
  const appProxy = proxy?.url && proxy.subpath ? { url: proxy.url, prefix: proxy.prefix ?? "apps", subpath: proxy.subpath } : undefined;
  return { webhookApiVersion: doc.webhooks?.api_version, webhooks, appProxy };
}

const asStrings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
