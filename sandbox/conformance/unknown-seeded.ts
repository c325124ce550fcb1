import type { MarketRecord } from "../shopify/state";
import { UNKNOWN_SEEDED_STATE } from "../shopify/admin-graphql/resolvers/unknown-seeded-state";
import type { Difference } from "./compare";

// The recorded shop's objects the harness seeded without a value that decides some answers (a
// market no read showed the currency of: recorded-markets.ts). The twin refuses such an answer
// with UNKNOWN_SEEDED_STATE_IN_SANDBOX naming the object; that refusal, and nothing else, is then
// explained by state the recording did not show.

/** Captured gids of seeded markets whose currency is unknown. */
export const marketsWithUnknownCurrency = (markets: MarketRecord[]) => new Set(markets.filter((m) => m.currencyUnknown && !m.currencyCode).map((m) => `gid://shopify/Market/${m.id}`));

/**
 * The seeded object the twin's refusal names, when the twin refused only for objects in `seeded`
 * and every difference is that refusal: the `errors` list, or data under a refused field's path.
 */
export function refusedForUnknownSeed(body: unknown, diffs: Difference[], seeded: Set<string>): string | undefined {
  const errors = ((body as { errors?: { path?: unknown[]; extensions?: { code?: unknown; gid?: unknown } }[] } | null)?.errors ?? []);
  const refusals = errors.filter((e) => e.extensions?.code === UNKNOWN_SEEDED_STATE);
  if (!refusals.length || refusals.length !== errors.length) return undefined;
  if (!refusals.every((e) => typeof e.extensions?.gid === "string" && seeded.has(e.extensions.gid))) return undefined;
  const refusedPaths = refusals.map((e) => `data.${(e.path ?? []).map((p) => (typeof p === "number" ? `[${p}]` : p)).join(".").replace(/\.\[/g, "[")}`);
  const explained = (d: Difference) => /^errors(\.|\[|$)/.test(d.path) || refusedPaths.some((p) => p !== "data." && (d.path === p || d.path.startsWith(`${p}.`) || d.path.startsWith(`${p}[`)));
  return diffs.every(explained) ? String(refusals[0]!.extensions!.gid) : undefined;
}
