import type { Exchange } from "../normalize";
import { isObject, requestGids } from "../steps";

// A mutation's answer as evidence of the recorded shop's state before the scenario, for an object
// the request named that no read showed first (hydrate.ts): the fields the request did not set
// are the ones the object already had. productUpdate({ id, handle }) answers the product's title,
// status and vendor as they were (product-update-parity.json handleValidation: products made
// outside the recording, only ever shown by such answers; the title-only update keeps the
// existing handle). A field the request names anywhere (a variable's key or a literal argument)
// is never taken from the answer, and neither is anything inside userErrors.

/** Objects with an id in a mutation's answer that its request names by that id. */
export function namedObjectsAnswered(ex: Exchange): Record<string, unknown>[] {
  const asked = requestGids(ex);
  const out: Record<string, unknown>[] = [];
  const walk = (node: unknown, key?: string): void => {
    if (key !== undefined && /userErrors$/i.test(key)) return;
    if (Array.isArray(node)) return node.forEach((v) => walk(v));
    if (!isObject(node)) return;
    if (typeof node.id === "string" && asked.has(node.id)) out.push(node);
    for (const [k, v] of Object.entries(node)) walk(v, k);
  };
  walk(ex.response?.data);
  return out;
}

/** The subset of `fields` the request did not set. */
export function notSetByRequest(ex: Exchange, fields: Record<string, unknown>): Record<string, unknown> {
  const keys = new Set<string>();
  JSON.stringify(ex.variables ?? {}, (k, v: unknown) => {
    if (k) keys.add(k);
    return v;
  });
  // Literal arguments in the document: `productUpdate(product: { id: "…", title: "x" })`.
  const args = (ex.query ?? "").match(/\((?:[^()]|\([^()]*\))*\)/g)?.join(" ") ?? "";
  const literal = (f: string) => new RegExp(`\\b${f}\\s*:`).test(args);
  return Object.fromEntries(Object.entries(fields).filter(([f]) => !keys.has(f) && !literal(f)));
}
