import type { IndexTarget } from "./captures";
import { ANY_GID, isMutationStep, isObject, requestGids } from "./steps";
import { staleReadKey } from "./order/stale-read-order";
import { makersFirst } from "./order/setup-order";

// Turns one capture file (a free-form scenario object) into the ordered list of GraphQL exchanges
// it recorded. SOURCE.md lists five shapes; they differ in where the query text and the response
// body sit, so this walks the whole object and recognises an exchange by its response body.
//   1 { name?, request: { query, variables }, status, response: <body> }   (requestPath? -> .graphql)
//   2 { request: { documentPath?, query, variables }, response: { status, payload: <body> } }
//   3 { operationName?, query, variables, status?, response: <body> | { status, payload } }
//   4 { documentPath?, variables, response }   query from the .graphql or _requests/index.json
//   5 { query | document, variables?, result: { status, payload: <body> } }
// plus "bare": a response body stored with no wrapper at all (query only via the index).

export interface GraphqlBody { data?: unknown; errors?: unknown[]; extensions?: Record<string, unknown> }
export type Shape = 1 | 2 | 3 | 4 | 5 | "bare" | "upload";
export type QuerySource = "inline" | "documentPath" | "index" | "reconstructed" | "synthesized" | "none";

export interface Exchange {
  path: string; // JSON path in the capture, "$.setup.productCreate"
  name: string;
  shape: Shape;
  query?: string;
  querySource: QuerySource;
  documentPath?: string;
  operationName?: string;
  variables: Record<string, unknown>;
  status: number;
  response: GraphqlBody;
  /** A staged-upload step (not GraphQL): the bytes the recording PUT/POSTed to a staged target. */
  upload?: StagedUploadStep;
  /** A read-through call of the recording proxy (upstreamEvidence): evidence of state, never replayed. */
  evidence?: true;
}

export interface StagedUploadStep {
  /** The storage's recorded HTTP status. */
  status: number;
  /** The recorded bytes (`uploadContent`), when the capture kept them. */
  content?: string;
  sizeBytes?: number;
  /** The object key the storage answered (`<Key>` of the POST response), naming the target used. */
  key?: string;
}

export interface NormalizeOptions {
  /** The capture's entries from _requests/index.json (all scenarios of the file, in order). */
  index?: { targets: IndexTarget[] }[];
  readDocument?: (documentPath: string) => string | undefined;
}

// Keys that belong to the exchange itself; never walked for nested exchanges. upstreamCalls are
// the proxy's own read-through calls, not steps of the scenario.
const EXCHANGE_KEYS = new Set(["request", "response", "result", "payload", "variables", "query", "document", "expected", "upstreamCalls"]);

export function isEnvelope(v: unknown): v is GraphqlBody {
  if (!isObject(v)) return false;
  const dataOk = "data" in v && (v.data === null || isObject(v.data));
  const errorsOk = "errors" in v && Array.isArray(v.errors);
  return dataOk || errorsOk;
}

/** The response body of an exchange node and where it sat, or undefined when the node is no exchange. */
function bodyOf(node: Record<string, unknown>): { body: GraphqlBody; status: number; wrapped: "direct" | "payload" | "result" | "bare" } | undefined {
  const status = typeof node.status === "number" ? node.status : 200;
  for (const key of ["response", "result"] as const) {
    const v = node[key];
    if (key === "response" && isEnvelope(v)) return { body: v, status, wrapped: "direct" };
    if (!isObject(v)) continue;
    for (const sub of ["payload", "body"]) {
      if (isEnvelope(v[sub])) return { body: v[sub] as GraphqlBody, status: typeof v.status === "number" ? v.status : status, wrapped: key === "result" ? "result" : "payload" };
    }
    if (key === "result" && isEnvelope(v)) return { body: v, status, wrapped: "result" };
  }
  if (isEnvelope(node.payload)) return { body: node.payload, status, wrapped: "payload" };
  if (isEnvelope(node) && Object.keys(node).every((k) => k === "data" || k === "errors" || k === "extensions")) {
    return { body: node, status: 200, wrapped: "bare" };
  }
  return undefined;
}

/** capturePath -> documentPath, with a scenario's target-less documentPath as the default for its targets. */
export function indexDocuments(index: NormalizeOptions["index"] = []): { capturePath: string; documentPath: string; order: number }[] {
  const out: { capturePath: string; documentPath: string; order: number }[] = [];
  for (const scenario of index) {
    const primary = scenario.targets.find((t) => !t.capturePath && t.documentPath)?.documentPath;
    for (const t of scenario.targets) {
      const documentPath = t.documentPath ?? primary;
      if (t.capturePath && documentPath) out.push({ capturePath: t.capturePath, documentPath, order: out.length });
    }
  }
  return out;
}

// A capturePath names a value inside the exchange's body: "$.x.response.data.root".
const BODY_STEP = /^(\.response|\.result|\.payload|\.data|\.errors)(\.|\[|$)/;

function indexHit(docs: ReturnType<typeof indexDocuments>, path: string) {
  return docs.find((d) => d.capturePath === path || (d.capturePath.startsWith(path) && BODY_STEP.test(d.capturePath.slice(path.length))));
}

export function normalizeCapture(capture: unknown, options: NormalizeOptions = {}): Exchange[] {
  const docs = indexDocuments(options.index);
  const found: { exchange: Exchange; indexOrder?: number }[] = [];

  const visit = (node: unknown, path: string, parent?: Record<string, unknown>, key?: string) => {
    if (Array.isArray(node)) return node.forEach((v, i) => visit(v, `${path}[${i}]`));
    if (!isObject(node)) return;
    const body = bodyOf(node);
    if (body) found.push({ exchange: toExchange(withParentRequest(node, parent, key), path, body, docs, options) });
    if (body?.wrapped === "bare") return;
    for (const [key, value] of Object.entries(node)) {
      if (body && EXCHANGE_KEYS.has(key)) continue;
      if (key === "upstreamCalls") continue;
      // Another tool's expected outputs stored beside the recording, not Shopify's answers.
      if (key === "proxyExpected") continue;
      const upload = uploadStep(node, key);
      if (upload) {
        found.push({ exchange: { path: `${path}.${key}`, name: key, shape: "upload", querySource: "none", variables: {}, status: upload.status, response: {}, upload } });
        continue;
      }
      visit(value, `${path}.${key}`, node, key);
    }
  };
  visit(capture, "$");

  for (const f of found) f.indexOrder = indexHit(docs, f.exchange.path)?.order;
  // The spec index lists assertion targets, which is not always the order the steps ran in: when
  // its order uses an object before the step that created it (or after the step that deleted it),
  // and document order does not, the document order is the recording order.
  const indexed = orderByIndex(found);
  const documentOrder = found.map((f) => f.exchange);
  const contradicts = (order: Exchange[]) => usesBeforeCreate(order) || usesAfterDelete(order);
  const order = contradicts(indexed) && !contradicts(documentOrder) ? documentOrder : indexed;
  // Neither order works when the setup is stored after the cases that use it (setup-order.ts).
  const setupFirst = contradicts(order) ? makersFirst(order) : order;
  const settled = contradicts(setupFirst) ? order : setupFirst;
  return placeCleanups(settled);
}

/** Whether some exchange's request names a gid that an earlier `…Delete` mutation's request named. */
export function usesAfterDelete(exchanges: Exchange[]): boolean {
  const deleted = new Set<string>();
  for (const ex of exchanges) {
    const ids = requestGids(ex);
    if ([...ids].some((g) => deleted.has(g))) return true;
    if (Object.keys((ex.response.data as Record<string, unknown> | null | undefined) ?? {}).some((k) => /Delete$/.test(k))) for (const g of ids) deleted.add(g);
  }
  return false;
}

/** Whether some exchange's request names a gid that first appears in the response of a later exchange. */
export function usesBeforeCreate(exchanges: Exchange[]): boolean {
  const requested = exchanges.map(requestGids);
  const producer = new Map<string, number>();
  exchanges.forEach((ex, i) => {
    for (const g of JSON.stringify(ex.response.data ?? null).match(ANY_GID) ?? []) if (!requested[i]!.has(g) && !producer.has(g)) producer.set(g, i);
  });
  return requested.some((ids, i) => [...ids].some((g) => (producer.get(g) ?? -1) > i));
}

const CLEANUP_SEGMENT = /[.[]cleanup(?!Before)[A-Za-z]*(\]|\.|\[|$)/i;
export const isCleanupPath = (path: string) => CLEANUP_SEGMENT.test(path);

// Cleanup steps stored next to the setup they undo (e.g. `setup.cleanup`) ran after the cases that
// used the objects: a step named cleanup* is moved to just after the last later exchange whose
// request names one of the ids the cleanup's own request names. Cleanup steps that share no id
// with later exchanges (per-case cleanups, `cleanupBefore`) keep their document position.
// (also a step named `<x>PreDisable`/`<x>PreDelete`: localization-translations-unknown-resource
// stores `setup.localePreDisable`, the disable of a leftover locale its setup then enabled again)
// (and a read the recorder named `…-before-create`: metaobject-definition-delete-cascade.json stores
// `hydrate-definition-by-type-before-create`, which answered null, after the setup that created it)
const isPreCapture = (ex: Exchange) => /(^|[.[])preCapture/i.test(ex.path) || /[.[][a-z]+Pre(Disable|Delete)(\]|\.|\[|$)/.test(ex.path) || (/-before-create$/.test(ex.name) && !isMutationStep(ex));

export function placeCleanups(exchanges: Exchange[]): Exchange[] {
  // Steps named preCapture… cleared leftovers before the captured changes (a disable), wherever
  // they are stored (often under cleanup): they go before the first change, after the reads that
  // recorded the starting state (localization-shop-locale-enable-validation.json reads `de` first).
  const before = exchanges.filter(isPreCapture);
  const rest = exchanges.filter((e) => !isPreCapture(e));
  const firstChange = rest.findIndex(isMutationStep);
  const out = firstChange < 0 ? [...rest, ...before] : [...rest.slice(0, firstChange), ...before, ...rest.slice(firstChange)];
  for (const ex of exchanges.filter((e) => isCleanupPath(e.path) && !isPreCapture(e))) {
    const from = out.indexOf(ex);
    const ids = requestGids(ex);
    if (!ids.size) continue;
    // The numeric part too: filters and search strings name objects as `customer_id:123`.
    const uses = new RegExp(`\\b(${[...ids].map((g) => g.replace(/^.*\//, "")).join("|")})\\b`);
    let lastUse = -1;
    for (let i = from + 1; i < out.length; i++) {
      const other = out[i]!;
      if (isCleanupPath(other.path)) continue;
      if (uses.test(`${other.query ?? ""} ${JSON.stringify(other.variables)}`)) lastUse = i;
    }
    if (lastUse < 0) continue;
    out.splice(from, 1);
    out.splice(lastUse, 0, ex); // lastUse shifted down by one after the removal: insert right after it
  }
  return out;
}

// Document order is the recording order except where the spec index says otherwise (e.g. a
// step stored at the end of the file but run between two cases): indexed exchanges are sorted by
// index position. An unindexed exchange stays right behind the indexed one before it when both sit
// in the same group (`$.filterDefault.detail…` then `$.filterDefault.delete…`), and otherwise runs
// after every indexed exchange stored before it (a trailing `$.cleanup` stays last). Moving only
// the indexed exchanges between fixed slots would tear create/read/delete groups apart: one
// early-indexed step stored late shifts every later one by a slot.
const parentOf = (path: string) => path.replace(/(\.[^.[\]]+|\[\d+\])$/, "");
function orderByIndex(found: { exchange: Exchange; indexOrder?: number }[]): Exchange[] {
  let maxBefore = -1;
  let anchor: { order: number; parent: string } | undefined;
  const keyed = found.map((f, position) => {
    if (f.indexOrder !== undefined) {
      maxBefore = Math.max(maxBefore, f.indexOrder);
      anchor = { order: f.indexOrder, parent: parentOf(f.exchange.path) };
      return { key: f.indexOrder, position, exchange: f.exchange };
    }
    const attached = anchor && anchor.parent === parentOf(f.exchange.path);
    // (a read showing a value an indexed mutation stored before it replaced ran before it: stale-read-order.ts)
    return { key: staleReadKey(found, position) ?? (attached ? anchor!.order : maxBefore), position, exchange: f.exchange };
  });
  return keyed.sort((x, y) => x.key - y.key || x.position - y.position).map((k) => k.exchange);
}

// A recorded upload to a staged target sits next to the stagedUploadsCreate step as
// `upload`/`<x>Upload: { status, body?, sizeBytes? }`, with the bytes under `uploadContent`/`<x>UploadContent`.
function uploadStep(parent: Record<string, unknown>, key: string): StagedUploadStep | undefined {
  const v = parent[key];
  if (!/^([a-z]+U|u)pload$/.test(key) || !isObject(v) || typeof v.status !== "number" || bodyOf(v)) return undefined;
  if (typeof v.body !== "string" && typeof v.sizeBytes !== "number") return undefined;
  const content = parent[`${key}Content`];
  const recordedKey = typeof v.body === "string" ? /<Key>([^<]+)<\/Key>/.exec(v.body)?.[1] : undefined;
  return {
    status: v.status,
    ...(typeof content === "string" ? { content } : {}),
    ...(typeof v.sizeBytes === "number" ? { sizeBytes: v.sizeBytes } : {}),
    ...(recordedKey ? { key: recordedKey } : {}),
  };
}

// Keys of a step node that describe the recording, not the request's inputs.
const STEP_KEYS = new Set(["status", "name", "label", "operationName", "documentPath", "requestPath", "query", "document", "notes", "note", "description", "capturedAt", "expected", "sizeBytes", "body"]);

/**
 * A step that recorded only its response takes the request parts its parent recorded for it:
 * `<step>Variables` next to it, or the parent's own `document`/`query` and `variables` when the
 * parent is no exchange itself (`{ document, variables, mutation: { response } }`), or the plain
 * values stored beside its response (`{ locale: "de", response }`).
 */
function withParentRequest(node: Record<string, unknown>, parent: Record<string, unknown> = {}, key = ""): Record<string, unknown> {
  const request = isObject(node.request) ? node.request : {};
  const out = { ...node };
  if (!isObject(node.variables) && !isObject(request.variables)) {
    const sibling = key ? parent[`${key}Variables`] : undefined;
    const scalars = Object.fromEntries(Object.entries(node).filter(([k, v]) => !STEP_KEYS.has(k) && ["string", "number", "boolean"].includes(typeof v)));
    if (isObject(sibling)) out.variables = sibling;
    else if (key && !bodyOf(parent) && isObject(parent.variables)) out.variables = parent.variables;
    // `{ locale: "de", response }`: a step stored with its inputs as plain keys beside the response.
    else if (Object.keys(scalars).length) out.variables = scalars;
  }
  const hasQuery = [node.query, request.query, node.document, node.documentPath, request.documentPath, node.requestPath, request.requestPath].some((q) => typeof q === "string");
  if (key && !hasQuery && !bodyOf(parent)) {
    const parentQuery = [parent.query, parent.document].find((q): q is string => typeof q === "string" && q.includes("{"));
    if (parentQuery) out.query = parentQuery;
  }
  return out;
}

function toExchange(
  node: Record<string, unknown>,
  path: string,
  { body, status, wrapped }: NonNullable<ReturnType<typeof bodyOf>>,
  docs: ReturnType<typeof indexDocuments>,
  options: NormalizeOptions,
): Exchange {
  const request = isObject(node.request) ? node.request : {};
  const inline = [node.query, request.query, node.document, request.document].find((q): q is string => typeof q === "string" && q.includes("{"));
  const docPath = [node.documentPath, request.documentPath, node.requestPath, request.requestPath].find((p): p is string => typeof p === "string" && p.endsWith(".graphql"));
  let query = inline;
  let querySource: QuerySource = inline ? "inline" : "none";
  let documentPath: string | undefined;
  if (!query && docPath) {
    query = options.readDocument?.(docPath);
    if (query) [querySource, documentPath] = ["documentPath", docPath];
  }
  if (!query) {
    const hit = indexHit(docs, path);
    if (hit) {
      query = options.readDocument?.(hit.documentPath);
      if (query) [querySource, documentPath] = ["index", hit.documentPath];
    }
  }
  const variables = [node.variables, request.variables].find(isObject) ?? {};
  // Some captures store a label (the root field) under operationName; only keep a real operation name.
  const operationName = [node.operationName, request.operationName].find(
    (n): n is string => typeof n === "string" && n.length > 0 && (!query || new RegExp(`\\b(query|mutation|subscription)\\s+${n}\\b`).test(query)),
  );
  const shape: Shape =
    wrapped === "bare" ? "bare"
    : wrapped === "result" ? 5
    : "request" in node && isObject(node.request) ? (wrapped === "payload" ? 2 : 1)
    : inline ? 3
    : 4;
  const segment = /[.[]([^.[\]]+)\]?$/.exec(path)?.[1] ?? "$";
  const name = [node.name, node.label, node.operationName].find((n): n is string => typeof n === "string") ?? segment;
  return { path, name, shape, query, querySource, documentPath, operationName, variables, status, response: body };
}

/**
 * The recording proxy's read-through calls to real Shopify (`upstreamCalls`, SOURCE.md): real
 * answers about the recorded shop's objects as they were before the scenario touched them. They
 * are never replayed or counted; the replay reads them, ahead of the scenario's own steps, as
 * evidence of the state the recorded shop had (hydration, markets, locales).
 */
export function upstreamEvidence(capture: unknown): Exchange[] {
  const out: Exchange[] = [];
  const visit = (node: unknown, path: string): void => {
    if (Array.isArray(node)) return node.forEach((v, i) => visit(v, `${path}[${i}]`));
    if (!isObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (key !== "upstreamCalls" || !Array.isArray(value)) { visit(value, `${path}.${key}`); continue; }
      value.forEach((call, i) => {
        if (!isObject(call) || typeof call.query !== "string") return;
        const found = bodyOf(call);
        // Only answers Shopify gave (HTTP 200 with data); a failed read says nothing about state.
        if (!found || found.status !== 200 || !isObject(found.body.data)) return;
        out.push({
          path: `${path}.upstreamCalls[${i}]`, name: typeof call.operationName === "string" ? call.operationName : `upstreamCalls[${i}]`,
          shape: 3, query: call.query, querySource: "inline", operationName: typeof call.operationName === "string" ? call.operationName : undefined,
          variables: isObject(call.variables) ? call.variables : {}, status: found.status, response: found.body, evidence: true,
        });
      });
    }
  };
  visit(capture, "$");
  return out;
}
