import { createHmac, randomBytes } from "node:crypto";
import type { GraphQLResolveInfo } from "graphql";
import { gid, type AdminContext } from "../admin-graphql/context";
import { coded } from "../admin-graphql/errors";
import { notImplemented } from "../admin-graphql/resolvers/not-implemented";
import { domainState, type ShopifyState } from "../state";
import { isoSeconds, sandboxOrigin, simulatedDelays } from "./app-identity";
import { validateBulkQuery } from "./bulk-query-validation";
import { runBulkQuery } from "./bulk-runner";

// bulkOperationRunQuery / bulkOperation / currentBulkOperation / bulkOperationCancel.
// Lifecycle as captured (bulk-operations-read-arg-validation.json lifecycle polls): CREATED on the
// mutation, RUNNING a moment later, then COMPLETED with objectCount/rootObjectCount/fileSize as
// strings and a signed, expiring `url` (served by the sandbox, see http-routes.ts).

// 2026-04+ allows five in-progress query operations per app and shop (2025-01 allowed one):
// bulk-operation-run-query-concurrency-limit.json vs 2025-01/…/run-query-operation-in-progress.json.
export const MAX_RUNNING_QUERY_OPERATIONS = 5;
const URL_TTL_MS = 7 * 24 * 3600 * 1000;

export interface BulkOperationRecord {
  id: number;
  shop: string;
  apiKey: string;
  type: "QUERY";
  status: "CREATED" | "RUNNING" | "COMPLETED" | "FAILED" | "CANCELING" | "CANCELED";
  query: string;
  createdAt: string;
  completedAt: string | null;
  objectCount: number;
  rootObjectCount: number;
  errorCode: string | null;
  output: Buffer | null; // the JSONL file
  outputKey: string | null;
  expiresAt: number | null;
}

const store = (state: ShopifyState) => domainState(state, "bulk-operations", () => new Map<number, BulkOperationRecord>());
const inProgress = (r: BulkOperationRecord) => r.status === "CREATED" || r.status === "RUNNING" || r.status === "CANCELING";

export function bulkOperationRunQuery(args: { query: string; groupObjects?: boolean }, ctx: AdminContext, info: GraphQLResolveInfo) {
  const check = validateBulkQuery(info.schema, args.query);
  if (!check.ok) return { bulkOperation: null, userErrors: check.messages.map((message) => ({ field: ["query"], message, code: "INVALID" })) };
  const running = mine(ctx).filter(inProgress);
  if (running.length >= MAX_RUNNING_QUERY_OPERATIONS) {
    const ids = running.map((r) => gid("BulkOperation", r.id)).join(", ");
    return { bulkOperation: null, userErrors: [{ field: null, message: `A bulk query operation for this app and shop is already in progress: ${ids}.`, code: "OPERATION_IN_PROGRESS" }] };
  }
  const record: BulkOperationRecord = {
    id: ctx.state.nextId(), shop: ctx.shop.domain, apiKey: ctx.token.apiKey, type: "QUERY", status: "CREATED", query: args.query,
    createdAt: isoSeconds(), completedAt: null, objectCount: 0, rootObjectCount: 0, errorCode: null, output: null, outputKey: null, expiresAt: null,
  };
  store(ctx.state).set(record.id, record);
  schedule(ctx, record, info);
  return { bulkOperation: operationNode(ctx.state, record), userErrors: [] };
}

// Timers stand in for Shopify's job runner; unref() so a closed twin never waits on them.
function schedule(ctx: AdminContext, record: BulkOperationRecord, info: GraphQLResolveInfo) {
  const delays = simulatedDelays(ctx.state);
  const { schema, rootValue } = info;
  setTimeout(() => {
    if (record.status === "CREATED") record.status = "RUNNING";
  }, delays.bulkStartMs).unref();
  setTimeout(() => {
    if (record.status === "CANCELING") return void Object.assign(record, { status: "CANCELED" });
    if (record.status !== "RUNNING" && record.status !== "CREATED") return;
    const check = validateBulkQuery(schema, record.query);
    if (!check.ok) return;
    const result = runBulkQuery(schema, rootValue, check.document, ctx);
    record.objectCount = result.objectCount;
    record.rootObjectCount = result.rootObjectCount;
    if (result.error) {
      // A resolver error (e.g. a field the twin has not implemented) fails the job like Shopify's INTERNAL_SERVER_ERROR.
      Object.assign(record, { status: "FAILED", errorCode: "INTERNAL_SERVER_ERROR" });
      return;
    }
    if (result.objectCount > 0) {
      record.output = Buffer.from(result.jsonl);
      record.outputKey = randomBytes(14).toString("hex");
      record.expiresAt = Date.now() + URL_TTL_MS;
    }
    Object.assign(record, { status: "COMPLETED", completedAt: isoSeconds() });
  }, delays.bulkStartMs + delays.bulkRunMs).unref();
}

export function bulkOperationCancel(args: { id: string }, ctx: AdminContext) {
  const record = findOwn(ctx, args.id);
  if (!record) return { bulkOperation: null, userErrors: [{ field: null, message: "Bulk operation does not exist" }] };
  if (!inProgress(record)) {
    return { bulkOperation: operationNode(ctx.state, record), userErrors: [{ field: null, message: `A bulk operation cannot be canceled when it is ${record.status.toLowerCase()}` }] };
  }
  record.status = "CANCELING";
  setTimeout(() => { if (record.status === "CANCELING") record.status = "CANCELED"; }, simulatedDelays(ctx.state).bulkStartMs).unref();
  return { bulkOperation: operationNode(ctx.state, record), userErrors: [] };
}

export function bulkOperation(args: { id: string }, ctx: AdminContext) {
  const type = /^gid:\/\/shopify\/([A-Za-z]+)\/\d+$/.exec(args.id)?.[1];
  if (type !== "BulkOperation") throw coded(`Invalid id: ${args.id}`, "RESOURCE_NOT_FOUND"); // bulk-operations-read-arg-validation
  const record = findOwn(ctx, args.id);
  return record ? operationNode(ctx.state, record) : null;
}

/** Most recent operation of the type for this app and shop (deprecated in 2026-07, still served). */
export function currentBulkOperation(args: { type?: string | null }, ctx: AdminContext, info: GraphQLResolveInfo) {
  if (args.type === "MUTATION") throw notImplemented(info, "currentBulkOperation(type: MUTATION)");
  const latest = mine(ctx).sort((a, b) => b.id - a.id)[0];
  return latest ? operationNode(ctx.state, latest) : null;
}

const mine = (ctx: AdminContext) => [...store(ctx.state).values()].filter((r) => r.shop === ctx.shop.domain && r.apiKey === ctx.token.apiKey);

function findOwn(ctx: AdminContext, id: string) {
  const n = Number(/^gid:\/\/shopify\/BulkOperation\/(\d+)$/.exec(id)?.[1]);
  return mine(ctx).find((r) => r.id === n);
}

function operationNode(state: ShopifyState, r: BulkOperationRecord) {
  return {
    __typename: "BulkOperation",
    id: gid("BulkOperation", r.id),
    status: r.status,
    type: r.type,
    errorCode: r.errorCode,
    createdAt: r.createdAt,
    completedAt: r.completedAt,
    objectCount: String(r.objectCount),
    rootObjectCount: String(r.rootObjectCount),
    fileSize: r.output ? String(r.output.length) : null,
    url: r.output ? outputUrl(state, r) : null,
    partialDataUrl: null,
    query: r.query,
  };
}

// Shaped like Shopify's GCS link: …/bulk-operation-outputs/<key>?…&Expires=<s>&Signature=…
function outputUrl(state: ShopifyState, r: BulkOperationRecord): string {
  const url = new URL(`/bulk-operation-outputs/${r.outputKey}`, sandboxOrigin(state));
  const expires = String(Math.floor(r.expiresAt! / 1000));
  url.searchParams.set("Expires", expires);
  url.searchParams.set("Signature", signature(r.outputKey!, expires));
  url.searchParams.set("response-content-disposition", `attachment; filename="bulk-${r.id}.jsonl"; filename*=UTF-8''bulk-${r.id}.jsonl`);
  url.searchParams.set("response-content-type", "application/jsonl");
  return url.toString();
}

const signature = (key: string, expires: string) => createHmac("sha256", "tessera-sandbox-bulk").update(`${key}:${expires}`).digest("base64");

/** GET of a result URL: the JSONL while the signature is valid and unexpired (403 like GCS otherwise). */
export function downloadBulkOutput(state: ShopifyState, key: string, params: URLSearchParams) {
  const record = [...store(state).values()].find((r) => r.outputKey === key);
  const expires = params.get("Expires") ?? "";
  if (!record?.output || params.get("Signature") !== signature(key, expires)) return { status: 403, body: "AccessDenied" };
  if (Number(expires) * 1000 < Date.now()) return { status: 400, body: "ExpiredToken" };
  return { status: 200, body: record.output.toString("utf8"), headers: { "content-type": "application/jsonl" } };
}
