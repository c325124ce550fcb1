import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// Where the recorded Shopify exchanges live: ../shared/shopify/captures next to the repo root
// (the same checkout rule as the Admin schema in admin-graphql/schema.ts).
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const CAPTURES_DIR = path.resolve(repoRoot, "../shared/shopify/captures");

/** The domains the conformance run replays (folder names under <shop>/<version>/). */
export const CONFORMANCE_DOMAINS = [
  "store-properties", "products", "media", "localization", "markets", "metafields", "metafield-definitions",
  "metaobjects", "bulk-operations", "webhooks", "online-store", "orders", "apps",
] as const;

export interface CaptureFile {
  /** Path relative to CAPTURES_DIR, e.g. harry-test-heelo.myshopify.com/2026-04/localization/x.json */
  file: string;
  shop: string;
  apiVersion: string;
  domain: string;
}

/** Every capture file of `domains`, sorted by path so runs are reproducible. */
export function listCaptures(domains: readonly string[] = CONFORMANCE_DOMAINS, dir = CAPTURES_DIR): CaptureFile[] {
  const out: CaptureFile[] = [];
  for (const shop of readdirSync(dir).filter((d) => d.endsWith(".myshopify.com")).sort()) {
    for (const apiVersion of readdirSync(path.join(dir, shop)).sort()) {
      for (const domain of readdirSync(path.join(dir, shop, apiVersion)).sort()) {
        if (!domains.includes(domain)) continue;
        for (const name of readdirSync(path.join(dir, shop, apiVersion, domain)).sort()) {
          if (name.endsWith(".json")) out.push({ file: `${shop}/${apiVersion}/${domain}/${name}`, shop, apiVersion, domain });
        }
      }
    }
  }
  return out;
}

export interface IndexTarget { target?: string; capturePath?: string; documentPath?: string }
export type RequestIndex = Record<string, { scenarioId: string; targets: IndexTarget[] }[]>;

let index: RequestIndex | undefined;
/** _requests/index.json: capturePath -> documentPath for captures that store no inline query. */
export function loadRequestIndex(dir = CAPTURES_DIR): RequestIndex {
  if (dir !== CAPTURES_DIR) return JSON.parse(readFileSync(path.join(dir, "_requests/index.json"), "utf8")) as RequestIndex;
  return (index ??= JSON.parse(readFileSync(path.join(dir, "_requests/index.json"), "utf8")) as RequestIndex);
}

/** Reads a request document named either `_requests/config/…` (index) or `config/…` (inline documentPath/requestPath). */
export function readRequestDocument(documentPath: string, dir = CAPTURES_DIR): string | undefined {
  const rel = documentPath.startsWith("_requests/") ? documentPath : path.join("_requests", documentPath);
  try {
    return readFileSync(path.join(dir, rel), "utf8");
  } catch {
    return undefined;
  }
}
