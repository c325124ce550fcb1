import { canonicalize, canonicalizePair, type CompareContext } from "./volatile";
import { isObject } from "./steps";

// Structural comparison of a captured response body with the twin's, after volatile values are
// canonicalized (volatile.ts). Key order is ignored, array order is not.

export interface Difference { path: string; captured: unknown; twin: unknown }

const MISSING = Symbol("missing");

export function diffBodies(captured: unknown, twin: unknown, limit = 20, context: CompareContext = {}): Difference[] {
  const out: Difference[] = [];
  walk([], captured, withoutUnrecordedExtensions(captured, twin), out, limit, context);
  return out;
}

function walk(path: (string | number)[], a: unknown, b: unknown, out: Difference[], limit: number, context: CompareContext) {
  if (out.length >= limit) return;
  const ca = a === MISSING ? a : canonicalize(path, a);
  const cb = b === MISSING ? b : canonicalize(path, b);
  if (isObject(ca) && isObject(cb)) {
    const [pa, pb] = canonicalizePair(ca, cb, context); // rules that judge both sides (a zone's offset at the recorded time)
    for (const key of new Set([...Object.keys(pa), ...Object.keys(pb)])) {
      walk([...path, key], key in pa ? pa[key] : MISSING, key in pb ? pb[key] : MISSING, out, limit, context);
    }
    return;
  }
  if (Array.isArray(ca) && Array.isArray(cb)) {
    if (ca.length !== cb.length) {
      out.push({ path: `${formatPath(path)}.length`, captured: ca.length, twin: cb.length });
      if (ca.length === 0 || cb.length === 0) return;
    }
    for (let i = 0; i < Math.min(ca.length, cb.length); i++) walk([...path, i], ca[i], cb[i], out, limit, context);
    return;
  }
  if (ca !== cb) out.push({ path: formatPath(path), captured: show(ca), twin: show(cb) });
}

/**
 * Shopify answers every executed query with `extensions.cost` (2,517 of the 2,520 recorded answers
 * holding data carry it); a captured answer with data and no `extensions` key at all is one the
 * recorder stored without them (products-search-pagination.json, whose proxy cassette body has no
 * extensions either). What was not recorded is not compared: the twin's extensions are set aside
 * then, and only then.
 */
export function withoutUnrecordedExtensions(captured: unknown, twin: unknown): unknown {
  if (!isObject(captured) || !isObject(twin) || captured.data == null || "extensions" in captured || !("extensions" in twin)) return twin;
  const { extensions: _unrecorded, ...rest } = twin;
  return rest;
}

const show = (v: unknown) => (v === MISSING ? "<absent>" : v);

export function formatPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("") || "<body>";
}
