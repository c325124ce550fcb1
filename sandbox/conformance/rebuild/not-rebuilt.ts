import type { Difference } from "../compare";
import { isObject, pathSteps, valueAt } from "../steps";

// What hydrate.ts found of the recorded shop but could not put into the twin through its Admin API:
// whole objects (a media whose source is a Shopify CDN file the offline twin cannot fetch), and
// single recorded values of a rebuilt object that no Admin API input of the listed domains sets:
// its legacyResourceId (the twin numbers its own objects), its publication (publishedAt and the
// URLs that follow from it: publications are outside the listed domains, productCreate takes no
// publishedAt) and a variant's inventory quantity (inventory levels at locations are outside too).
// product-helper-roots-read.json seed: a published snowboard with -20 in stock, rebuilt unpublished
// and with none. A difference at such a field of such an object is the recorded shop's data.

export interface NotRebuilt {
  objects: Set<string>;
  /** captured gid -> fields of it whose recorded values the rebuild could not set */
  fields: Map<string, Set<string>>;
}

/** The unsettable recorded values a read shows of a product or variant node. */
export function unsettableFields(node: Record<string, unknown>, type: "Product" | "ProductVariant"): string[] {
  if (type === "ProductVariant") return typeof node.inventoryQuantity === "number" && node.inventoryQuantity !== 0 ? ["inventoryQuantity"] : [];
  return [
    ...(typeof node.legacyResourceId === "string" ? ["legacyResourceId"] : []),
    ...(typeof node.publishedAt === "string" ? ["publishedAt", "onlineStoreUrl", "onlineStorePreviewUrl"] : []),
  ];
}

/** Whether a difference is at such a field of the nearest enclosing captured object with an id. */
export function atUnsettableField(d: Difference, captured: unknown, fields: Map<string, Set<string>>): boolean {
  if (!fields.size || !d.path.startsWith("data.")) return false;
  const steps = pathSteps(d.path);
  const key = steps[steps.length - 1];
  let node: unknown = captured;
  let owner: string | undefined;
  for (const step of steps.slice(0, -1)) {
    node = valueAt(node, [step]);
    if (isObject(node) && typeof node.id === "string") owner = node.id;
  }
  return typeof key === "string" && owner !== undefined && (fields.get(owner)?.has(key) ?? false);
}

/** From hydrate.ts's answer. */
export function notRebuiltOf(hydrated: { notRebuilt?: string[]; unsettable?: [string, string][] }): NotRebuilt {
  const fields = new Map<string, Set<string>>();
  for (const [gid, f] of hydrated.unsettable ?? []) fields.set(gid, new Set([...(fields.get(gid) ?? []), f]));
  return { objects: new Set(hydrated.notRebuilt ?? []), fields };
}
