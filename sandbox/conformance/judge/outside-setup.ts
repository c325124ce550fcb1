import type { Exchange } from "../normalize";
import { outsideListedDomains } from "../scope";
import { ANY_GID, isObject, requestText, valueAt } from "../steps";

// A mutation of the listed domains sent in one request with objects of features outside them
// (owner-metafield-mixed-owner-hydration.json setup.baselineSet: one metafieldsSet for a Location the
// recorded shop had, a Page, an Article and a Market). A fresh twin cannot have those objects (the
// shop's own Location; pages and articles are not created by the twin), so it refuses the request at
// their inputs, and as Shopify's metafieldsSet is all-or-nothing it makes nothing: what the step made
// in the recording (ids, and compare digests of the metafields it wrote) does not exist in the twin, and
// a later step naming one of them depends on a setup step the twin could not perform.

/** An object of a feature outside the listed domains (scope.ts) named anywhere in `value`. */
const namesOutsideObject = (value: unknown): boolean =>
  (JSON.stringify(value ?? null).match(ANY_GID) ?? []).some((g) => !!outsideListedDomains({ query: g, variables: {} }));

/** The input a userError's `field` path points at (["metafields", "0", "ownerId"] inside the variables). */
function inputAt(variables: Record<string, unknown>, field: unknown): unknown {
  return Array.isArray(field) && field.length ? valueAt(variables, field.map(String)) : undefined;
}

const userErrorsOf = (data: unknown): unknown[] =>
  isObject(data) ? Object.values(data).flatMap((root) => (isObject(root) && Array.isArray(root.userErrors) ? root.userErrors : [])) : [];

/**
 * True when the recording's mutation was accepted (no errors, no userErrors) and the twin refused it
 * only at inputs naming objects of features outside the listed domains: every twin userError points at
 * an input (or the element holding it) that names such an object, and the twin answered no other error.
 */
export function refusedForOutsideObjects(ex: Pick<Exchange, "variables" | "response">, twinBody: unknown): boolean {
  if (ex.response.errors?.length || userErrorsOf(ex.response.data).length) return false;
  if (!isObject(twinBody) || (Array.isArray(twinBody.errors) && twinBody.errors.length)) return false;
  const refusals = userErrorsOf(twinBody.data);
  return refusals.length > 0 && refusals.every((e) => {
    const field = isObject(e) ? e.field : undefined;
    // exactly the input holding the outside object's id (["metafields", "1", "ownerId"])
    return Array.isArray(field) && namesOutsideObject(inputAt(ex.variables, field));
  });
}

/**
 * What such a step made or changed in the recording: the objects its captured payload returns
 * (`metafieldsSet.metafields[]`, not the definitions nested in them): their ids that its request did
 * not name and the twin never paired, and their compare digests.
 */
export function madeInRecording(ex: Pick<Exchange, "query" | "variables" | "response">, paired: Map<string, string>): string[] {
  const asked = requestText(ex);
  const returned = (isObject(ex.response.data) ? Object.values(ex.response.data) : [])
    .flatMap((payload) => (isObject(payload) ? Object.entries(payload).filter(([k]) => k !== "userErrors").flatMap(([, v]) => (Array.isArray(v) ? v : [v])) : []))
    .filter(isObject);
  const made = returned.flatMap((o) => [o.id, o.compareDigest]).filter((v): v is string => typeof v === "string" && !asked.includes(v));
  return [...new Set(made.filter((v) => !v.startsWith("gid://") || !paired.has(v)))];
}
