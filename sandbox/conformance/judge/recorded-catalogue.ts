import { pathSteps, valueAt } from "../steps";
import type { Difference } from "../compare";
import { metafieldDefinitionStore } from "../../shopify/content/metafield-definitions";
import type { ShopifyState } from "../../shopify/state";

// Differences that follow from the size of the recorded shop's catalogue, beyond the counts
// replay.ts already explains (objectCount over the catalogue, continued order numbers). Each rule
// looks at one difference and at the captured and twin answers around it; they are tried for
// every difference of an exchange, and the exchange is not comparable only when every
// difference is explained.


interface OperationFields { status?: unknown; objectCount?: unknown }
const operationAt = (root: unknown, path: (string | number)[]) => valueAt(root, path) as OperationFields | null | undefined;
const IN_PROGRESS = new Set(["CREATED", "RUNNING", "CANCELING"]);

/**
 * A completed bulk export over the recorded catalogue wrote a result file (fileSize, url) while
 * the twin's export of the same query, over a shop with none of those objects, found no rows
 * and wrote none (bulk-operation-run-query-group-objects.json statusPolls[1]: COMPLETED, 1,456
 * products, file; the twin: COMPLETED, "0", no file). Only when the captured count exceeds what
 * the scenario made and the twin's count is 0.
 */
export function fileOfRecordedCatalogue(d: Difference, captured: unknown, twin: unknown, made: number): boolean {
  const path = pathSteps(d.path);
  const key = path[path.length - 1];
  if ((key !== "url" && key !== "fileSize") || d.twin !== null || typeof d.captured !== "string") return false;
  const recorded = operationAt(captured, path.slice(0, -1));
  const replayed = operationAt(twin, path.slice(0, -1));
  return recorded?.status === "COMPLETED" && Number(recorded.objectCount) > made && replayed?.status === "COMPLETED" && replayed.objectCount === "0";
}

/**
 * bulkOperationCancel of an export that, over the recorded catalogue, was still running (Shopify
 * accepted the cancel: CANCELING, 5,033 objects counted), while the twin's export of the fresh
 * shop had already completed, so the twin refused the cancel as Shopify refuses it for a completed
 * job ("A bulk operation cannot be canceled when it is completed", quirks.md §7)
 * (bulk-operation-cancel-preserves-fields.json lifecycle.cancelAttempt). Only the userErrors
 * difference; the operation's own fields are judged by the catalogue rules in replay.ts.
 */
export function cancelRefusedOverRecordedCatalogue(d: Difference, captured: unknown, twin: unknown, made: number): boolean {
  const m = /^(data\.[A-Za-z0-9_]+)\.userErrors(\.length|\[\d+\](\.[A-Za-z]+)*)$/.exec(d.path);
  if (!m) return false;
  const payload = pathSteps(m[1]!);
  const recorded = valueAt(captured, payload) as { bulkOperation?: OperationFields | null; userErrors?: unknown[] } | null | undefined;
  const replayed = valueAt(twin, payload) as { bulkOperation?: OperationFields | null; userErrors?: { message?: unknown }[] } | null | undefined;
  if (!recorded || !replayed || (recorded.userErrors?.length ?? -1) !== 0 || !replayed.userErrors?.length) return false;
  const op = recorded.bulkOperation;
  if (!op || !IN_PROGRESS.has(String(op.status)) || !(Number(op.objectCount) > made)) return false;
  return replayed.bulkOperation?.status === "COMPLETED" && replayed.userErrors.every((e) => typeof e.message === "string" && /^A bulk operation cannot be canceled when it is completed/.test(e.message));
}

/**
 * A pinned metafield definition's position continues the owner type's pinned list of the shop:
 * pinning on the recorded shop, which already had pinned definitions no step showed, gives a
 * larger position than on the twin, which holds only the scenario's own
 * (2025-01/metafields/metafield-definition-lifecycle-mutations.json: `pin: true` answered
 * pinnedPosition 3 on a shop with two earlier pins; the twin answers 1). Like continued order
 * numbers: only a larger captured position, and only when the twin's position is exactly the number
 * of pinned definitions of that owner type the scenario itself has made so far (`scenarioPins` of
 * the definition the twin answered, by its `id`): the twin's list holds nothing else.
 */
export function continuesPinnedPositions(d: Difference, twin: unknown, scenarioPins: (definitionGid: string) => number | undefined, gaps: Set<number> = new Set()): boolean {
  if (!/(^|\.)pinnedPosition$/.test(d.path) || !Number.isInteger(d.captured) || !Number.isInteger(d.twin)) return false;
  if (!((d.twin as number) >= 1 && (d.captured as number) > (d.twin as number))) return false;
  const definition = valueAt(twin, pathSteps(d.path).slice(0, -1)) as { id?: unknown } | null | undefined;
  if (typeof definition?.id !== "string" || scenarioPins(definition.id) !== d.twin) return false;
  // The shop's own earlier pins are one number for the whole scenario (`gaps`: the scenario's).
  gaps.add((d.captured as number) - (d.twin as number));
  return gaps.size === 1;
}

/** For a twin MetafieldDefinition gid: how many pinned definitions of its owner type the twin holds that the scenario made (ids from `firstStepId` on). */
export function scenarioPinsOf(state: ShopifyState, firstStepId: number): (definitionGid: string) => number | undefined {
  return (definitionGid) => {
    const n = /^gid:\/\/shopify\/MetafieldDefinition\/(\d+)$/.exec(definitionGid)?.[1];
    const store = metafieldDefinitionStore(state);
    const definition = n ? store.get(Number(n)) : undefined;
    if (!definition) return undefined;
    return [...store.values()].filter((x) => x.shop === definition.shop && x.ownerType === definition.ownerType && x.pinnedPosition != null && x.id >= firstStepId).length;
  };
}

/** The largest objectCount any captured answer of the scenario shows for each bulk operation. */
export function recordedOperationCounts(responses: unknown[]): Map<string, number> {
  const out = new Map<string, number>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== "object") return;
    const o = node as Record<string, unknown>;
    if (typeof o.id === "string" && o.id.startsWith("gid://shopify/BulkOperation/") && o.objectCount !== undefined) {
      out.set(o.id, Math.max(out.get(o.id) ?? 0, Number(o.objectCount) || 0));
    }
    Object.values(o).forEach(visit);
  };
  responses.forEach(visit);
  return out;
}

/**
 * An operation that, as a later (or earlier) answer of the same scenario shows, ran over the
 * recorded catalogue, read while Shopify was still running it (RUNNING, objectCount "0": it had not
 * counted yet) where the twin, exporting the fresh shop, had already completed
 * (bulk-operation-cancel-preserves-fields.json: progressPolls[1..18] RUNNING "0", then [19] RUNNING
 * "5033"; how many polls the twin answers before its short export completes depends on the replay's
 * pace). Only the in-progress status and the unset completedAt of such an operation.
 */
export function stillRunningOverRecordedCatalogue(d: Difference, captured: unknown, made: number, counts: Map<string, number>): boolean {
  const path = pathSteps(d.path);
  const key = path[path.length - 1];
  const node = valueAt(captured, path.slice(0, -1)) as { id?: unknown } | null | undefined;
  if (typeof node?.id !== "string" || !((counts.get(node.id) ?? 0) > made)) return false;
  if (key === "status") return IN_PROGRESS.has(String(d.captured)) && d.twin === "COMPLETED";
  return key === "completedAt" && d.captured === null && typeof d.twin === "string";
}

// The counts of a scenario, found from any of its exchanges (classify judges one exchange at a time).
const scenarioCounts = new WeakMap<object, Map<string, number>>();
/** Remembers, for each exchange of a scenario, the largest captured objectCount of every bulk operation in it. */
export function rememberOperationCounts(exchanges: { response: unknown }[]): void {
  const counts = recordedOperationCounts(exchanges.map((ex) => ex.response));
  for (const ex of exchanges) scenarioCounts.set(ex, counts);
}
export const operationCountsOf = (ex: object) => scenarioCounts.get(ex) ?? new Map<string, number>();
