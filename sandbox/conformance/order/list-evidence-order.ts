import { Kind, parse, type FieldNode, type OperationDefinitionNode } from "graphql";
import { isCleanupPath, type Exchange } from "../normalize";
import { ANY_GID, isMutationStep, isObject, requestGids, rootKeys, stepText } from "../steps";

// A read of a whole root list (`webPresences(first: 20)` answering 4 presences: no filter, fewer
// items than asked for, no next page) shows which objects of that type existed when it ran. When
// the replay order has an object the scenario made alive at such a read that does not list it, the
// order is not the recording order (market-web-presence-lifecycle-parity.json: the index lists its
// spec scenarios alphabetically, setup `cases[10]` is stored among other scenarios' cases, and the
// per-scenario cleanups are stored together at the end, while every presence read lists only the
// shop's own four presences, plus the one the lifecycle case made). Two moves restore it:
// - the step that made the object ran after that read: it moves to just before the object's first use;
// - a cleanup step that deletes the object ran before that read (after every use): it moves there.
// Nothing else moves, and only on the evidence of such a complete list.

const PAGINATION = new Set(["first", "last", "after", "before", "reverse", "sortKey"]);
const typeOf = (g: string) => /^gid:\/\/shopify\/([A-Za-z0-9]+)\//.exec(g)?.[1];
const namedGids = (ex: Exchange) => new Set(stepText(ex).match(ANY_GID) ?? []);
const deletes = (ex: Exchange) => rootKeys(ex).some((k) => /Delete$/.test(k));

function operation(ex: Exchange): OperationDefinitionNode | undefined {
  try {
    return parse(ex.query ?? "").definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  } catch {
    return undefined;
  }
}

/** type -> the gids a read's complete, unfiltered root list of that type holds. */
export function completeRootLists(ex: Exchange): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const op = ex.query && !isMutationStep(ex) ? operation(ex) : undefined;
  const data = ex.response?.data;
  if (!op || !isObject(data)) return out;
  for (const sel of op.selectionSet.selections) {
    if (sel.kind !== Kind.FIELD) continue;
    const args = sel.arguments ?? [];
    if (args.some((a) => !PAGINATION.has(a.name.value))) continue;
    const value = data[sel.alias?.value ?? sel.name.value];
    const items = Array.isArray(value) ? value
      : isObject(value) ? (Array.isArray(value.nodes) ? value.nodes : Array.isArray(value.edges) ? value.edges.map((e) => (isObject(e) ? e.node : undefined)) : undefined)
      : undefined;
    if (!items?.length) continue;
    if (isObject(value) && isObject(value.pageInfo) && value.pageInfo.hasNextPage === true) continue;
    const limit = pageLimit(sel, ex.variables);
    if (limit !== undefined && items.length >= limit) continue;
    const ids = items.map((i) => (isObject(i) ? i.id : undefined));
    const type = typeof ids[0] === "string" ? typeOf(ids[0]) : undefined;
    if (!type || !ids.every((i) => typeof i === "string" && typeOf(i) === type)) continue;
    out.set(type, new Set(ids as string[]));
  }
  return out;
}

function pageLimit(field: FieldNode, variables: Record<string, unknown>): number | undefined {
  const arg = field.arguments?.find((a) => a.name.value === "first" || a.name.value === "last");
  if (!arg) return undefined;
  if (arg.value.kind === Kind.INT) return Number(arg.value.value);
  if (arg.value.kind === Kind.VARIABLE) {
    const v = variables[arg.value.name.value];
    return typeof v === "number" ? v : 0; // an unrecorded page size: never complete
  }
  return 0;
}

/** The order with makers and cleanups moved to where the complete lists show they ran. */
export function inListEvidenceOrder(exchanges: Exchange[]): Exchange[] {
  let out = exchanges;
  for (let pass = 0; pass < exchanges.length; pass++) {
    const next = moveOnce(out);
    if (!next) break;
    out = next;
  }
  return out;
}

function move(order: Exchange[], from: number, before: number): Exchange[] {
  const out = [...order];
  const [ex] = out.splice(from, 1);
  out.splice(before > from ? before - 1 : before, 0, ex!);
  return out;
}

function moveOnce(order: Exchange[]): Exchange[] | undefined {
  const lists = order.map(completeRootLists);
  if (!lists.some((l) => l.size)) return undefined;
  const named = order.map(namedGids);
  const requested = order.map(requestGids);
  const seen = new Set<string>();
  for (let maker = 0; maker < order.length; maker++) {
    const made = isMutationStep(order[maker]!) ? [...named[maker]!].filter((g) => !requested[maker]!.has(g) && !seen.has(g)) : [];
    for (const g of named[maker]!) seen.add(g);
    for (const x of made) {
      const type = typeOf(x)!;
      const omits = (r: number) => lists[r]!.get(type)?.has(x) === false;
      const cleanup = (k: number) => isCleanupPath(order[k]!.path) && deletes(order[k]!) && requested[k]!.has(x);
      const uses = order.map((_, k) => k).filter((k) => k !== maker && named[k]!.has(x) && !cleanup(k));
      const [first, last] = uses.length ? [Math.min(...uses), Math.max(...uses)] : [Infinity, maker];
      // Listed without it before its first use: it was made after that read.
      if (first !== Infinity && first > maker && order.some((_, r) => r > maker && r < first && omits(r))) return move(order, maker, first);
      // Listed without it after its last use, while no step of the scenario deleted it before: the cleanup had run.
      if (uses.some((k) => deletes(order[k]!) && requested[k]!.has(x))) continue;
      const read = order.findIndex((_, r) => r > last && omits(r));
      const del = read < 0 ? -1 : order.findIndex((_, k) => k > read && cleanup(k));
      if (del >= 0) return move(order, del, read);
    }
  }
  return undefined;
}
