import { coded } from "./errors";

// Relay connections the way Shopify serves them: opaque cursors, exactly one of first/last,
// edges + nodes + pageInfo. BAD_REQUEST messages are the ones recorded in the captures.

export interface ConnectionArgs { first?: number | null; last?: number | null; after?: string | null; before?: string | null; reverse?: boolean | null }

const encodeCursor = (key: string) => Buffer.from(JSON.stringify({ last_id: key })).toString("base64");
function decodeCursor(cursor: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64").toString("utf8")) as { last_id?: unknown };
    if (typeof parsed.last_id === "string") return parsed.last_id;
  } catch { /* fall through */ }
  throw coded(`Invalid cursor for current pagination sort.`, "BAD_REQUEST");
}

export function connection<T>(items: T[], args: ConnectionArgs, keyOf: (item: T) => string) {
  const { first, last } = args;
  if (first == null && last == null) throw coded("you must provide one of first or last", "BAD_REQUEST");
  if (first != null && last != null) throw coded("providing both first and last is not supported", "BAD_REQUEST");
  if ((first ?? last)! > 250 || (first ?? last)! < 0) throw coded("The page size must be between 0 and 250.", "BAD_REQUEST");

  let list = args.reverse ? [...items].reverse() : items;
  let start = 0;
  let end = list.length;
  if (args.after) start = list.findIndex((i) => keyOf(i) === decodeCursor(args.after!)) + 1;
  if (args.before) {
    const idx = list.findIndex((i) => keyOf(i) === decodeCursor(args.before!));
    if (idx >= 0) end = idx;
  }
  list = list.slice(start, end);
  const page = first != null ? list.slice(0, first) : list.slice(Math.max(0, list.length - last!));
  const edges = page.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    nodes: page,
    pageInfo: {
      hasNextPage: first != null ? list.length > page.length : end < items.length,
      hasPreviousPage: last != null ? list.length > page.length : start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
