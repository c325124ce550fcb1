import type { IndexTarget } from "./captures";

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
export type Shape = 1 | 2 | 3 | 4 | 5 | "bare";
export type QuerySource = "inline" | "documentPath" | "index" | "none";

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
}

export interface NormalizeOptions {
  /** The capture's entries from _requests/index.json (all scenarios of the file, in order). */
  index?: { targets: IndexTarget[] }[];
  readDocument?: (documentPath: string) => string | undefined;
}

// Keys that belong to the exchange itself; never walked for nested exchanges. upstreamCalls are
// the proxy's own read-through calls, not steps of the scenario.
const EXCHANGE_KEYS = new Set(["request", "response", "result", "payload", "variables", "query", "document", "expected", "upstreamCalls"]);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

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

  const visit = (node: unknown, path: string) => {
    if (Array.isArray(node)) return node.forEach((v, i) => visit(v, `${path}[${i}]`));
    if (!isObject(node)) return;
    const body = bodyOf(node);
    if (body) found.push({ exchange: toExchange(node, path, body, docs, options) });
    if (body?.wrapped === "bare") return;
    for (const [key, value] of Object.entries(node)) {
      if (body && EXCHANGE_KEYS.has(key)) continue;
      if (key === "upstreamCalls") continue;
      visit(value, `${path}.${key}`);
    }
  };
  visit(capture, "$");

  for (const f of found) f.indexOrder = indexHit(docs, f.exchange.path)?.order;
  return orderByIndex(found);
}

// Document order is the recording order except where the spec index says otherwise (e.g. a
// setup step stored under `setup` but run between two cases): indexed exchanges are re-sorted by
// index position inside the slots they occupy; unindexed ones keep their place.
function orderByIndex(found: { exchange: Exchange; indexOrder?: number }[]): Exchange[] {
  const slots = found.map((f, i) => (f.indexOrder === undefined ? -1 : i)).filter((i) => i >= 0);
  const sorted = slots.map((i) => found[i]!).sort((a, b) => a.indexOrder! - b.indexOrder!);
  const out = found.map((f) => f.exchange);
  slots.forEach((slot, k) => (out[slot] = sorted[k]!.exchange));
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
  const inline = [node.query, request.query, node.document].find((q): q is string => typeof q === "string" && q.includes("{"));
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
