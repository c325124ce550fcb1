import type { Difference } from "../compare";
import type { Exchange } from "../normalize";

// Behaviour Shopify changed between the API version a capture was recorded on and the twin's
// 2026-07, shown by captures of both versions. The twin answers as the newer version does.

// Bulk operations: 2025-01 allowed one in-progress QUERY (and one MUTATION) operation per app and
// shop; 2026-04 allows five of each, and the sixth gets OPERATION_IN_PROGRESS naming the five
// (2026-04/bulk-operations/bulk-operation-run-query-concurrency-limit.json and
// …-run-mutation-concurrency-limit.json, quirks.md §7; Shopify's docs: "The number of concurrent
// operations that an app can run depends on the API version").
const FIVE_PER_TYPE_SINCE = "2026-04";
const NEWER_LIMIT = 5;
const RUN_ROOTS = ["bulkOperationRunQuery", "bulkOperationRunMutation"];
const GID = /gid:\/\/shopify\/BulkOperation\/\d+/g;

interface RunPayload { bulkOperation?: { status?: unknown } | null; userErrors?: { code?: unknown; message?: unknown }[] }

/**
 * Why the exchange's differences are the newer version's behaviour, or undefined. A run an older
 * version refused as OPERATION_IN_PROGRESS while fewer operations were in progress than the newer
 * limit (the refusal names them), which the twin accepted: every difference sits in that payload.
 */
export function behaviourChangedSince(apiVersion: string, ex: Pick<Exchange, "response">, twinBody: unknown, diffs: Difference[]): string | undefined {
  if (!(apiVersion < FIVE_PER_TYPE_SINCE) || !diffs.length) return undefined;
  const captured = (ex.response.data ?? {}) as Record<string, RunPayload | null>;
  const twin = ((twinBody as { data?: unknown } | null)?.data ?? {}) as Record<string, RunPayload | null>;
  for (const root of RUN_ROOTS) {
    const was = captured[root];
    const now = twin[root];
    if (!was || !now || was.bulkOperation !== null || was.userErrors?.length !== 1) continue;
    const refusal = was.userErrors[0]!;
    if (refusal.code !== "OPERATION_IN_PROGRESS" || typeof refusal.message !== "string") continue;
    const running = new Set(refusal.message.match(GID) ?? []).size;
    if (running < 1 || running >= NEWER_LIMIT) continue;
    if (now.bulkOperation?.status !== "CREATED" || now.userErrors?.length !== 0) continue;
    if (!diffs.every((d) => d.path.startsWith(`data.${root}.`))) continue;
    return `${apiVersion} allowed one in-progress bulk operation of a type per app and shop (${running} was running); ${FIVE_PER_TYPE_SINCE} and later allow ${NEWER_LIMIT}`;
  }
  return undefined;
}
