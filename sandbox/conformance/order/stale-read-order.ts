import type { Exchange } from "../normalize";
import { acceptedCleanly, ANY_GID, isMutationStep, isObject } from "../steps";

// A read stored after a mutation but showing the value that mutation replaced ran before it
// (localization-translations-digest-mismatch.json: `setupRead`, stored after `setup.productUpdate`,
// shows the product's created title, not the updated one). The spec index does not list such a
// read, so the index order would put it after every indexed step stored before it, the update
// included; it ran with the steps stored after it instead (normalize.ts, orderByIndex).

/** Objects with a gid `id` and their string fields, anywhere in a value. */
function stringFieldsById(node: unknown, out = new Map<string, Map<string, string>>()): Map<string, Map<string, string>> {
  if (Array.isArray(node)) node.forEach((v) => stringFieldsById(v, out));
  else if (isObject(node)) {
    if (typeof node.id === "string" && /^gid:\/\//.test(node.id)) {
      const fields = out.get(node.id) ?? new Map<string, string>();
      for (const [k, v] of Object.entries(node)) if (k !== "id" && typeof v === "string") fields.set(k, v);
      out.set(node.id, fields);
    }
    Object.values(node).forEach((v) => stringFieldsById(v, out));
  }
  return out;
}

/** Every string value of a read's answer. */
function stringsOf(node: unknown, out = new Set<string>()): Set<string> {
  if (typeof node === "string") out.add(node);
  else if (Array.isArray(node)) node.forEach((v) => stringsOf(v, out));
  else if (isObject(node)) Object.values(node).forEach((v) => stringsOf(v, out));
  return out;
}

/**
 * Whether `read` shows a value `change` replaced: `change`'s request sets field f of object X to v',
 * an answer of another step showed X's f as v (≠ v'), and the read, which names X, shows v and not v'.
 */
export function showsReplacedValue(read: Exchange, change: Exchange, others: Exchange[]): boolean {
  // (a refused change replaced nothing)
  if (isMutationStep(read) || !isMutationStep(change) || !acceptedCleanly(change)) return false;
  const named = new Set<string>(`${read.query ?? ""} ${JSON.stringify(read.variables)} ${JSON.stringify(read.response?.data ?? null)}`.match(ANY_GID) ?? []);
  const shown = stringsOf(read.response?.data);
  for (const [id, set] of stringFieldsById(change.variables)) {
    if (!named.has(id)) continue;
    for (const o of others) {
      if (o === change || o === read) continue;
      const before = stringFieldsById(o.response?.data).get(id);
      for (const [field, now] of set) {
        const was = before?.get(field);
        if (was !== undefined && was !== now && was.length > 0 && shown.has(was) && !shown.has(now)) return true;
      }
    }
  }
  return false;
}

/**
 * For an unindexed read at `position`: when an indexed mutation stored before it replaced a value
 * the read shows, the index position of the first indexed step stored after it (the read runs just
 * before that step); otherwise undefined.
 */
export function staleReadKey(found: { exchange: Exchange; indexOrder?: number }[], position: number): number | undefined {
  const read = found[position]!.exchange;
  const all = found.map((f) => f.exchange);
  const replaced = found.slice(0, position).some((f) => f.indexOrder !== undefined && showsReplacedValue(read, f.exchange, all));
  if (!replaced) return undefined;
  const after = found.slice(position + 1).map((f) => f.indexOrder).filter((o): o is number => o !== undefined);
  return after.length ? Math.min(...after) : undefined;
}
