import { coded } from "../admin-graphql/errors";
import type { ConnectionArgs } from "../admin-graphql/connection";

// Keyset pagination the way Shopify's cursors encode it: base64 JSON {"last_id":<id>,"last_value":<sort value>}
// (captures: products-search-pagination.json, order-catalog-count-read.json). A cursor stays valid
// when records are added or removed around it, because it names a position, not an index.

export type SortValue = number | string;

export interface Sorted<T> {
  items: T[]; // ascending by (value, id)
  value: (r: T) => SortValue;
  id: (r: T) => number;
}

export const encodeCursor = (id: number, value: SortValue) => Buffer.from(JSON.stringify({ last_id: id, last_value: value })).toString("base64");

function decodeCursor(cursor: string): { id: number; value: SortValue } {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64").toString("utf8")) as { last_id?: unknown; last_value?: unknown };
    const id = Number(parsed.last_id);
    if (Number.isFinite(id) && (typeof parsed.last_value === "number" || typeof parsed.last_value === "string")) return { id, value: parsed.last_value };
  } catch { /* fall through */ }
  throw coded("Invalid cursor for current pagination sort.", "BAD_REQUEST");
}

function cmp(a: [SortValue, number], b: [SortValue, number]): number {
  if (a[0] !== b[0]) {
    if (typeof a[0] === "number" && typeof b[0] === "number") return a[0] - b[0];
    return String(a[0]) < String(b[0]) ? -1 : 1;
  }
  return a[1] - b[1];
}

export function checkPageArgs(args: ConnectionArgs): void {
  const { first, last } = args;
  if (first == null && last == null) throw coded("you must provide one of first or last", "BAD_REQUEST");
  if (first != null && last != null) throw coded("providing both first and last is not supported", "BAD_REQUEST");
  const size = (first ?? last)!;
  if (size > 250 || size < 0) throw coded("The page size must be between 0 and 250.", "BAD_REQUEST");
}

export function keysetConnection<T, N>(sorted: Sorted<T>, args: ConnectionArgs, toNode: (r: T) => N) {
  checkPageArgs(args);
  const { items, value, id } = sorted;
  const dir = args.reverse ? -1 : 1;
  const key = (r: T): [SortValue, number] => [value(r), id(r)];
  const order = (a: [SortValue, number], b: [SortValue, number]) => dir * cmp(a, b);
  const at = (i: number) => items[args.reverse ? items.length - 1 - i : i]!;
  // First index (in listing order) whose key is > cursor (strict) or >= cursor.
  const lowerBound = (c: [SortValue, number], strict: boolean) => {
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const o = order(key(at(mid)), c);
      if (o < 0 || (strict && o === 0)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  let start = 0;
  let end = items.length;
  if (args.after) { const c = decodeCursor(args.after); start = lowerBound([c.value, c.id], true); }
  if (args.before) { const c = decodeCursor(args.before); end = Math.max(start, lowerBound([c.value, c.id], false)); }
  const available = end - start;
  let from = start;
  let to = end;
  if (args.first != null) to = Math.min(end, start + args.first);
  else from = Math.max(start, end - args.last!);
  const page: T[] = [];
  for (let i = from; i < to; i++) page.push(at(i));
  const edges = page.map((r) => ({ cursor: encodeCursor(id(r), value(r)), node: toNode(r) }));
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      __typename: "PageInfo",
      hasNextPage: args.first != null ? available > page.length : end < items.length,
      hasPreviousPage: args.last != null ? available > page.length : start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** Sorts ascending by (value, id); use with cachedSort for catalog-wide lists. */
export function sortBy<T>(items: Iterable<T>, value: (r: T) => SortValue, id: (r: T) => number): T[] {
  // Keys computed once per item (lower-casing titles inside the comparator dominates at 100k).
  const keyed = [...items].map((item) => ({ item, key: [value(item), id(item)] as [SortValue, number] }));
  keyed.sort((a, b) => cmp(a.key, b.key));
  return keyed.map((k) => k.item);
}
