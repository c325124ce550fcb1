import { Kind, parse, type FieldNode, type OperationDefinitionNode } from "graphql";
import type { Exchange } from "../normalize";
import { isObject } from "../steps";

// A read of a whole root list from its start (`first:` with no filter, sort, reverse or cursor)
// shows the shop's first objects of that list in id order. Such objects were the recorded shop's
// when no step made them; rebuilding them before the scenario, oldest recorded id first, keeps
// them where the list showed them (the twin's ids grow like Shopify's). A filtered or sorted read
// (a search) shows a selection of the catalogue and is not evidence of where an object stands.
// localization-collection-translation-lifecycle.json: `translatableResources(first: 1,
// resourceType: COLLECTION)` shows the shop's oldest collection before the scenario's own.

const NARROWING = new Set(["query", "after", "before", "last", "reverse", "sortKey", "savedSearchId", "ids", "resourceIds"]);

export function listPrefixObjects(exchanges: Exchange[]): Set<string> {
  const out = new Set<string>();
  for (const ex of exchanges) {
    if (!ex.query) continue;
    let op: OperationDefinitionNode | undefined;
    try { op = parse(ex.query).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION); } catch { continue; }
    if (op?.operation !== "query") continue;
    const data = isObject(ex.response.data) ? ex.response.data : {};
    for (const sel of op.selectionSet.selections) {
      if (sel.kind !== Kind.FIELD) continue;
      const args = (sel as FieldNode).arguments ?? [];
      if (!args.some((a) => a.name.value === "first") || args.some((a) => NARROWING.has(a.name.value))) continue;
      const list = data[sel.alias?.value ?? sel.name.value];
      if (!isObject(list)) continue;
      const nodes = Array.isArray(list.nodes) ? list.nodes : Array.isArray(list.edges) ? list.edges.map((e) => (isObject(e) ? e.node : undefined)) : [];
      for (const n of nodes) if (isObject(n)) for (const k of ["id", "resourceId"]) if (typeof n[k] === "string") out.add(n[k] as string);
    }
  }
  return out;
}
