import { Kind, type FieldNode, type ValueNode } from "graphql";
import { diffBodies } from "../compare";
import type { Exchange } from "../normalize";
import { operationOf } from "../scopes";
import { isObject } from "../steps";

// Shopify's metaobject list (`metaobjects(type:)`) is served from a search index that can lag behind
// writes by seconds, while reads by id or handle and the definition's `metaobjectsCount` are current:
// metaobject-schema-change-lifecycle.json reads an entry by id and by handle, with
// `metaobjectsCount: 1`, in the same answer whose complete `metaobjects(type:, sortKey:
// "display_name")` page is empty; a second after another entry's create the page lists one entry
// while the same answer counts two. Other captures list entries seconds after creation
// (metaobject-definition-recreate-lifecycle.json, metaobjects-filter-sort.json), so the lag has no
// fixed length the twin could model. Such a list is judged only where the captured answer itself
// proves what the list left out: the twin's list, without exactly the objects the same answer shows
// outside the list (by id) or counts (the type's `metaobjectsCount` equals the page plus them), must
// then equal the captured answer as a whole. Only direct reads qualify; what a lagging index may
// have caused later (a type-wide bulk delete sparing an entry) is not pinned by any capture.

export const INDEX_LAG_CATEGORY = "Shopify's list index had not caught up with a write (the same answer shows or counts the objects its list left out)";

type Connection = Record<string, unknown>;

/** The captured ids the lagging lists left out, when they explain the whole answer; otherwise undefined. */
export function listIndexLagged(ex: Exchange, twinStatus: number, twinBody: unknown, ids: Map<string, string>): string[] | undefined {
  const op = operationOf(ex);
  if (op?.operation !== "query" || twinStatus !== ex.status || !isObject(twinBody) || !isObject(twinBody.data) || !isObject(ex.response.data)) return undefined;
  if (ex.response.errors?.length || (Array.isArray(twinBody.errors) && twinBody.errors.length)) return undefined;
  const captured = ex.response.data as Record<string, unknown>;
  const twinData: Record<string, unknown> = { ...twinBody.data };
  const twinToCaptured = new Map([...ids].map(([c, t]) => [t, c]));
  const left: string[] = [];
  for (const field of op.selectionSet.selections) {
    if (field.kind !== Kind.FIELD || field.name.value !== "metaobjects") continue;
    const key = field.alias?.value ?? field.name.value;
    const [c, t] = [captured[key], twinData[key]];
    if (!isObject(c) || !isObject(t)) continue;
    const capturedIds = itemIds(c);
    const twinIds = itemIds(t);
    if (!capturedIds || !twinIds) continue;
    const shown = capturedIds.map((g) => ids.get(g) ?? g);
    const extra = twinIds.filter((g) => !shown.includes(g));
    if (!extra.length) continue;
    // An unfiltered first page that is the whole list: a search, a cursor or `last` could leave objects out by design.
    const type = argument(field, "type", ex.variables);
    if (typeof type !== "string" || ["query", "after", "before", "last"].some((a) => argument(field, a, ex.variables) != null) || !complete(c, argument(field, "first", ex.variables))) return undefined;
    const missing = extra.map((g) => twinToCaptured.get(g));
    if (missing.some((g) => g === undefined)) return undefined; // an object the recording never showed
    const outside = idsOutside(captured, key);
    const counted = typeCounts(captured, type).some((n) => n === capturedIds.length + extra.length);
    if (!counted && !missing.every((g) => outside.has(g!))) return undefined;
    twinData[key] = without(t, new Set(extra));
    left.push(...(missing as string[]));
  }
  if (!left.length) return undefined;
  const rest = diffBodies(ex.response, { ...twinBody, data: twinData }, 1000).filter((d) => ex.querySource === "inline" || !/^errors\[\d+\]\.locations/.test(d.path));
  return rest.length ? undefined : left;
}

const itemOf = (item: unknown) => (isObject(item) && isObject(item.node) ? item.node : item);

/** The ids of a connection's items (edges and nodes must agree), or undefined when an item has none. */
function itemIds(conn: Connection): string[] | undefined {
  const lists = [conn.edges, conn.nodes].filter(Array.isArray) as unknown[][];
  if (!lists.length) return undefined;
  const idsOf = (list: unknown[]) => list.map((i) => { const o = itemOf(i); return isObject(o) && typeof o.id === "string" ? o.id : undefined; });
  const [first, ...others] = lists.map(idsOf);
  if (first!.some((g) => g === undefined) || others.some((o) => JSON.stringify(o) !== JSON.stringify(first))) return undefined;
  return first as string[];
}

function complete(conn: Connection, first: unknown): boolean {
  const info = isObject(conn.pageInfo) ? conn.pageInfo : undefined;
  if (info && "hasNextPage" in info) return info.hasNextPage === false;
  const n = itemIds(conn)?.length ?? 0;
  return typeof first === "number" && n < first;
}

/** The connection without the given items; an emptied page has no cursors. */
function without(conn: Connection, drop: Set<string>): Connection {
  const keep = (list: unknown) => (Array.isArray(list) ? list.filter((i) => { const o = itemOf(i); return !(isObject(o) && drop.has(o.id as string)); }) : list);
  const out: Connection = { ...conn };
  if ("edges" in conn) out.edges = keep(conn.edges);
  if ("nodes" in conn) out.nodes = keep(conn.nodes);
  const remaining = itemIds(out)?.length ?? 0;
  if (isObject(conn.pageInfo) && !remaining) out.pageInfo = { ...conn.pageInfo, ...("startCursor" in conn.pageInfo ? { startCursor: null } : {}), ...("endCursor" in conn.pageInfo ? { endCursor: null } : {}) };
  return out;
}

/** Ids of objects the answer shows outside the list (userErrors name ids that need not exist). */
function idsOutside(data: Record<string, unknown>, listKey: string): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) { v.forEach(walk); return; }
    if (!isObject(v)) return;
    if (typeof v.id === "string") out.add(v.id);
    for (const [k, x] of Object.entries(v)) if (k !== "userErrors") walk(x);
  };
  for (const [k, v] of Object.entries(data)) if (k !== listKey) walk(v);
  return out;
}

/** `metaobjectsCount` of the definitions of `type` the answer shows. */
function typeCounts(data: Record<string, unknown>, type: string): number[] {
  const out: number[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) { v.forEach(walk); return; }
    if (!isObject(v)) return;
    if (v.type === type && typeof v.metaobjectsCount === "number") out.push(v.metaobjectsCount);
    Object.values(v).forEach(walk);
  };
  walk(data);
  return out;
}

function argument(field: FieldNode, name: string, variables: Record<string, unknown>): unknown {
  const arg = field.arguments?.find((a) => a.name.value === name);
  return arg ? valueOf(arg.value, variables) : undefined;
}

function valueOf(v: ValueNode, variables: Record<string, unknown>): unknown {
  switch (v.kind) {
    case Kind.VARIABLE: return variables[v.name.value];
    case Kind.INT: return Number(v.value);
    case Kind.STRING: case Kind.ENUM: return v.value;
    case Kind.BOOLEAN: return v.value;
    case Kind.NULL: return null;
    default: return "<complex>";
  }
}
