import { loadAdminSchema } from "../shopify/admin-graphql/schema";
import type { Exchange } from "./normalize";

// What the harness reads off a recorded step, shared by the replay and the state it rebuilds.

/** Any Shopify global id, wherever it sits (in query text, variables, answers or messages). */
export const ANY_GID = /gid:\/\/shopify\/[A-Za-z0-9]+\/[A-Za-z0-9_=-]+/g;

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A difference's path ("data.a.b[0].c") as keys and indices. */
export const pathSteps = (path: string): (string | number)[] => path.split(/\.|(?=\[)/).map((s) => (s.startsWith("[") ? Number(s.slice(1, -1)) : s));

/** The value at `steps` below `root`, or undefined. */
export function valueAt(root: unknown, steps: readonly (string | number)[]): unknown {
  let node = root;
  for (const step of steps) node = node && typeof node === "object" ? (node as Record<string | number, unknown>)[step] : undefined;
  return node;
}

/** What a step's request says: its query text and variables (ids it names, numbers in search strings). */
export const requestText = (ex: Pick<Exchange, "query" | "variables">): string => `${ex.query ?? ""} ${JSON.stringify(ex.variables ?? {})}`;

/** The request and the captured answer together: everything the step names. */
export const stepText = (ex: Pick<Exchange, "query" | "variables" | "response">): string => `${requestText(ex)} ${JSON.stringify(ex.response?.data ?? null)}`;

/** The global ids a step's request names. */
export const requestGids = (ex: Pick<Exchange, "query" | "variables">): Set<string> => new Set(requestText(ex).match(ANY_GID) ?? []);

/** The root keys of a step's captured answer. */
export const rootKeys = (ex: Exchange) => Object.keys(isObject(ex.response?.data) ? (ex.response.data as object) : {});

/** A step that changes the shop: by its document, or (no query text) by its answer's root field. */
export function isMutationStep(ex: Exchange): boolean {
  const mutationFields = loadAdminSchema().schema.getMutationType()?.getFields() ?? {};
  // (documents may open with comment lines: `#graphql`)
  return /^\s*(#[^\n]*\n\s*)*mutation\b/.test(ex.query ?? "") || rootKeys(ex).some((k) => Object.hasOwn(mutationFields, k));
}

/**
 * A mutation Shopify accepted without any error, and so proof that what its request names existed:
 * no top-level error, every userErrors list empty, no null payload. A delete or remove does not
 * prove it (deleting what does not exist can answer without errors: metafieldsDelete).
 */
export function acceptedCleanly(ex: Exchange): boolean {
  const data = ex.response?.data;
  if (ex.response?.errors?.length || !isObject(data)) return false;
  if (rootKeys(ex).some((k) => /(Delete|Remove)$/.test(k))) return false;
  let clean = true;
  JSON.stringify(data, (k, v: unknown) => {
    if (/userErrors$/i.test(k) && Array.isArray(v) && v.length) clean = false;
    return v;
  });
  return clean && Object.values(data).every((v) => v !== null);
}

/**
 * The scenario's own evidence first; the recording proxy's read-through answers (upstreamCalls)
 * only add objects the scenario never showed, or replace one it showed without any recorded value
 * (`isBlank`). Those answers were read while the proxy replayed, which is not always before the
 * scenario's changes, so they never override what the scenario's own reads showed.
 */
export function fillGaps<T>(own: T[], evidence: T[], key: (t: T) => string | number, isBlank: (t: T) => boolean): T[] {
  const byKey = new Map(own.map((t) => [key(t), t] as const));
  for (const t of evidence) {
    const mine = byKey.get(key(t));
    if (!mine || (isBlank(mine) && !isBlank(t))) byKey.set(key(t), t);
  }
  return [...byKey.values()];
}
