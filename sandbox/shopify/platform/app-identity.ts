import { createHash } from "node:crypto";
import { domainState, type ShopifyState } from "../state";

// Shopify identifies an app by a numeric API client id (gid://shopify/App/<id>) distinct from its
// API key; app-owned namespaces and types embed it: `app--347082227713--suffix` (captures/quirks §3).
// The twin derives a stable 12-digit id from the API key so every run agrees.
export function apiClientId(apiKey: string): string {
  const n = BigInt(`0x${createHash("sha256").update(apiKey).digest("hex").slice(0, 15)}`);
  return String(100_000_000_000n + (n % 900_000_000_000n));
}

/** `app--<id>` for the app's default namespace; `$app:x` → `app--<id>--x`, `$app` alone → `app--<id>`. */
export function resolveAppPrefix(value: string | null | undefined, apiKey: string): string {
  const base = `app--${apiClientId(apiKey)}`;
  if (value == null || value === "$app") return base;
  if (value.startsWith("$app:")) return `${base}--${value.slice("$app:".length)}`;
  return value;
}

/** True when `value` is another app's reserved `app--<id>` namespace or type. */
export function isForeignAppReserved(value: string, apiKey: string): boolean {
  const m = /^app--(\d+)(--|$)/.exec(value);
  return !!m && m[1] !== apiClientId(apiKey);
}

// The public origin of the running twin (http://127.0.0.1:<port>), for URLs the API hands out
// (staged upload targets, bulk result files, billing confirmation pages). Set once by server.ts.
export function setSandboxOrigin(state: ShopifyState, origin: string): void {
  domainState(state, "sandbox-origin", () => ({ origin })).origin = origin;
}

export function sandboxOrigin(state: ShopifyState): string {
  return domainState(state, "sandbox-origin", () => ({ origin: "http://127.0.0.1:4500" })).origin;
}

/**
 * Simulated latencies of Shopify's asynchronous work. Tests may shorten them on a running twin
 * (`simulatedDelays(sandbox.state).fileProcessingMs = 50`).
 */
export interface SimulatedDelays { fileProcessingMs: number; bulkStartMs: number; bulkRunMs: number }

export function simulatedDelays(state: ShopifyState): SimulatedDelays {
  return domainState(state, "simulated-delays", () => ({ fileProcessingMs: 1000, bulkStartMs: 100, bulkRunMs: 500 }));
}

/** Second-precision ISO timestamps, as Shopify's DateTime scalars are serialized ("2026-07-29T04:55:36Z"). */
export const isoSeconds = (date = new Date()) => date.toISOString().replace(/\.\d{3}Z$/, "Z");
