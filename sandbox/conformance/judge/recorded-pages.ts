import { Kind, getNamedType, isAbstractType, isObjectType, valueFromAST, type GraphQLSchema } from "graphql";
import { loadAdminSchema } from "../../shopify/admin-graphql/schema";
import type { Difference } from "../compare";
import type { Exchange } from "../normalize";
import { operationOf } from "../scopes";
import { isObject } from "../steps";

// A page of a root list read newest first (`reverse: true`, sorted by ID, paged forward with
// `first`) that Shopify said continues (`hasNextPage: true`) while the twin's identical page ends.
// What follows such a page has smaller ids than its last node. When no object the scenario made
// (or an unreplayable step showed) that the list can hold has a smaller id than that node and is
// missing from the page, nothing after the page is the scenario's: it is the recorded shop's own
// data, which a fresh twin cannot have and no read showed (so it cannot be rebuilt either).
// Evidence: files-upload-live-capture.json readAfterCreatePageTwo (the page that shows the oldest
// of the three files the scenario created still has a next page), and the `files(first: 1,
// reverse: true)` reads of file-acknowledge-update-failed-local-staging.json and its siblings.

export const GID_NUMBER = /^gid:\/\/shopify\/([A-Za-z0-9]+)\/([^/?]+)$/;

export function nextPageIsRecordedShops(
  d: Difference, ex: Pick<Exchange, "query" | "operationName" | "variables" | "response">, diffs: Difference[], own: Set<string>,
  schema: GraphQLSchema = loadAdminSchema().schema,
): boolean {
  const m = /^data\.([A-Za-z0-9_]+)\.pageInfo\.hasNextPage$/.exec(d.path);
  if (!m || d.captured !== true || d.twin !== false) return false;
  const key = m[1]!;
  // The twin's page is the captured page: nothing else differs inside this connection (and the
  // comparison was not cut short).
  if (diffs.length >= 20 || diffs.some((o) => o !== d && (o.path === `data.${key}` || o.path.startsWith(`data.${key}.`)))) return false;
  const page = newestFirstPages(ex, schema).find((p) => p.key === key);
  if (!page?.ids.length) return false;
  const last = page.ids.reduce((min, n) => (n < min ? n : min), page.ids[0]!);
  for (const g of own) {
    const o = GID_NUMBER.exec(g);
    if (!o || !page.holds.has(o[1]!) || page.gids.has(g)) continue;
    if (!/^\d+$/.test(o[2]!) || BigInt(o[2]!) < last) return false;
  }
  return true;
}

/** A root list a read asked for newest first (`reverse: true`, sorted by ID, paged forward with `first`), with its captured page. */
export interface NewestFirstPage {
  key: string; first: number;
  /** The page's node ids (numbers) and gids, in captured order. */
  ids: bigint[]; gids: Set<string>;
  /** The object types the list can hold. */
  holds: Set<string>;
  /** Whether a search (`query`, `savedSearchId`) or a cursor (`after`) narrowed the list. */
  narrowed: boolean;
}

export function newestFirstPages(ex: Pick<Exchange, "query" | "operationName" | "variables" | "response">, schema: GraphQLSchema = loadAdminSchema().schema): NewestFirstPage[] {
  const op = operationOf(ex);
  if (op?.operation !== "query") return [];
  const out: NewestFirstPage[] = [];
  for (const field of op.selectionSet.selections) {
    if (field.kind !== Kind.FIELD) continue;
    const def = schema.getQueryType()?.getFields()[field.name.value];
    if (!def) continue;
    const arg = (name: string): unknown => {
      const argDef = def.args.find((a) => a.name === name);
      if (!argDef) return undefined;
      const node = field.arguments?.find((a) => a.name.value === name);
      return node ? valueFromAST(node.value, argDef.type, ex.variables) : argDef.defaultValue;
    };
    const first = arg("first");
    if (arg("reverse") !== true || arg("sortKey") !== "ID" || typeof first !== "number" || arg("last") != null || arg("before") != null) continue;
    const key = field.alias?.value ?? field.name.value;
    const page = (ex.response.data as Record<string, unknown> | null | undefined)?.[key];
    if (!isObject(page)) continue;
    const nodes = Array.isArray(page.nodes) ? page.nodes : Array.isArray(page.edges) ? page.edges.map((e) => (isObject(e) ? e.node : undefined)) : [];
    const shown = nodes.map((n) => (isObject(n) && typeof n.id === "string" ? GID_NUMBER.exec(n.id) : null));
    if (shown.some((g) => !g || !/^\d+$/.test(g[2]!))) continue;
    // The types the list can hold (a File connection holds MediaImage, Video, GenericFile, …).
    const connection = getNamedType(def.type);
    const nodesField = isObjectType(connection) ? connection.getFields().nodes : undefined;
    const nodeType = nodesField ? getNamedType(nodesField.type) : undefined;
    if (!nodeType) continue;
    out.push({
      key, first,
      ids: shown.map((g) => BigInt(g![2]!)), gids: new Set(shown.map((g) => g![0])),
      holds: new Set(isAbstractType(nodeType) ? schema.getPossibleTypes(nodeType).map((t) => t.name) : [nodeType.name]),
      narrowed: arg("query") != null || arg("savedSearchId") != null || arg("after") != null,
    });
  }
  return out;
}
