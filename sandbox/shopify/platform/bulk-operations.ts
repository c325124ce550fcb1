import { createHmac } from "node:crypto";
import type { GraphQLResolveInfo } from "graphql";
import { gid, type AdminContext } from "../admin-graphql/context";
import { coded } from "../admin-graphql/errors";
import { registerNodeLoader } from "../catalog/resolvers/node";
import { domainState, registerNode, type ShopifyState } from "../state";
import { isoSeconds, sandboxOrigin } from "./app-identity";
import { compileSearch, type SearchSpec } from "../catalog/search/evaluate";
import { keysetConnection } from "../catalog/keyset";
import { addSearchWarnings } from "../catalog/resolvers/shared";
import { fieldTerms, parseSearch } from "../catalog/search/parse";
import { filesStore } from "../content/files-store";
import { MAX_BULK_QUERY_BYTES, validateBulkMutation, validateBulkQuery } from "./bulk-query-validation";
import { inProgress, observe, requestCancel, schedule, type BulkOperationRecord } from "./bulk-lifecycle";

// bulkOperationRunQuery / bulkOperation / currentBulkOperation / bulkOperationCancel.
// The status machine (CREATED → RUNNING → COMPLETED, cancels) lives in bulk-lifecycle.ts; reads give
// objectCount/rootObjectCount/fileSize as strings and a signed, expiring `url` (served by the
// sandbox, see http-routes.ts).

// 2026-04+ allows five in-progress query operations per app and shop (2025-01 allowed one):
// bulk-operation-run-query-concurrency-limit.json vs 2025-01/…/run-query-operation-in-progress.json.
export const MAX_RUNNING_QUERY_OPERATIONS = 5;

export type { BulkOperationRecord } from "./bulk-lifecycle";

const store = (state: ShopifyState) => domainState(state, "bulk-operations", () => new Map<number, BulkOperationRecord>());

export function bulkOperationRunQuery(args: { query: string; groupObjects?: boolean }, ctx: AdminContext, info: GraphQLResolveInfo) {
  const check = validateBulkQuery(info.schema, args.query);
  if (!check.ok) return { bulkOperation: null, userErrors: check.messages.map((message) => ({ field: ["query"], message, code: "INVALID" })) };
  const running = mine(ctx).filter((r) => r.type === "QUERY" && inProgress(r));
  if (running.length >= MAX_RUNNING_QUERY_OPERATIONS) {
    const ids = running.map((r) => gid("BulkOperation", r.id)).join(", ");
    return { bulkOperation: null, userErrors: [{ field: null, message: `A bulk query operation for this app and shop is already in progress: ${ids}.`, code: "OPERATION_IN_PROGRESS" }] };
  }
  const record: BulkOperationRecord = {
    id: ctx.state.nextId(), shop: ctx.shop.domain, apiKey: ctx.token.apiKey, type: "QUERY", status: "CREATED", query: args.query,
    createdAt: isoSeconds(), completedAt: null, objectCount: 0, rootObjectCount: 0, errorCode: null, output: null, outputKey: null, expiresAt: null,
  };
  save(ctx, record);
  schedule(ctx, record, info.schema, info.rootValue);
  return { bulkOperation: operationNode(ctx.state, record), userErrors: [] };
}

// bulkOperationRunMutation. Check order as captured: size, clientIdentifier
// (bulk-operation-run-mutation-client-identifier-validation.json rejects it before the disallowed root),
// the mutation itself, then the staged file (NO_SUCH_FILE wins over OPERATION_IN_PROGRESS:
// bulk-operation-run-mutation-no-such-file-precedence.json), then the concurrency limit.
export const MAX_RUNNING_MUTATION_OPERATIONS = 5; // 2026-04: bulk-operation-run-mutation-concurrency-limit.json
const MAX_VARIABLES_BYTES = 100 * 1024 * 1024;
const NO_SUCH_FILE = "The JSONL file could not be found. Try uploading the file again, and check that you've entered the URL correctly for the stagedUploadPath mutation argument.";

export function bulkOperationRunMutation(args: { mutation: string; stagedUploadPath: string; clientIdentifier?: string | null }, ctx: AdminContext, info: GraphQLResolveInfo) {
  const fail = (field: string[] | null, message: string, code: string | null) => ({ bulkOperation: null, userErrors: [{ field, message, code }] });
  const bytes = Buffer.byteLength(args.mutation);
  if (bytes > MAX_BULK_QUERY_BYTES) return fail(["query"], `is too large (${bytes} bytes; maximum is ${MAX_BULK_QUERY_BYTES} bytes)`, "INVALID_MUTATION");
  const id = args.clientIdentifier;
  if (id != null && id.length < 10) return fail(["clientIdentifier"], "is too short (minimum is 10 characters)", "INVALID_MUTATION");
  if (id != null && id.length > 255) return fail(["clientIdentifier"], "is too long (maximum is 255 characters)", "INVALID_MUTATION");
  const check = validateBulkMutation(info.schema, args.mutation);
  if (!check.ok) return { bulkOperation: null, userErrors: [check.error] };
  const upload = filesStore(ctx.state).uploads.get(args.stagedUploadPath);
  if (!upload || upload.shop !== ctx.shop.domain || upload.resource !== "BULK_MUTATION_VARIABLES" || !upload.bytes) return fail(null, NO_SUCH_FILE, "NO_SUCH_FILE");
  if (upload.bytes.length === 0) return fail(null, "The input file is empty.", "INVALID_STAGED_UPLOAD_FILE");
  if (upload.bytes.length > MAX_VARIABLES_BYTES) return fail(null, "The input file size exceeds the maximum allowed size of 100 MB.", "INVALID_STAGED_UPLOAD_FILE");
  const running = mine(ctx).filter((r) => r.type === "MUTATION" && inProgress(r));
  if (running.length >= MAX_RUNNING_MUTATION_OPERATIONS) {
    const ids = running.map((r) => gid("BulkOperation", r.id)).join(", ");
    return fail(null, `A bulk mutation operation for this app and shop is already in progress: ${ids}.`, "OPERATION_IN_PROGRESS");
  }
  const record: BulkOperationRecord = {
    id: ctx.state.nextId(), shop: ctx.shop.domain, apiKey: ctx.token.apiKey, type: "MUTATION", status: "CREATED", query: args.mutation, variables: upload.bytes,
    createdAt: isoSeconds(), completedAt: null, objectCount: 0, rootObjectCount: 0, errorCode: null, output: null, outputKey: null, expiresAt: null,
  };
  save(ctx, record);
  schedule(ctx, record, info.schema, info.rootValue);
  return { bulkOperation: operationNode(ctx.state, record), userErrors: [] };
}

// bulkOperations: the app's operations, newest first by default (reverse: false lists CREATED_AT
// descending, bulk-operations-sort-key.json / bulk-operations-live-hybrid-base-overlay.json).
// Unknown status / operation_type values match nothing (bulk-operations-read-arg-validation.json).
const bulkSearch: SearchSpec<BulkOperationRecord> = {
  freeText: () => [],
  filters: {
    id: { kind: "number", get: (r) => [r.id] },
    status: { kind: "keyword", get: (r) => [r.status] },
    operation_type: { kind: "keyword", get: (r) => [r.type] },
    created_at: { kind: "time", get: (r) => [r.createdAt] },
  },
};

// status / operation_type values outside the enum still run (matching nothing) but warn.
const ACCEPTED: Record<string, string[]> = {
  status: ["CANCELED", "CANCELING", "COMPLETED", "CREATED", "FAILED", "RUNNING"], // "EXPIRED" is rejected as captured
  operation_type: ["QUERY", "MUTATION"],
};

function valueWarnings(query: string | null | undefined, info: GraphQLResolveInfo) {
  if (!query?.trim()) return [];
  return fieldTerms(parseSearch(query)).flatMap((term) => {
    const accepted = ACCEPTED[term.field!];
    if (!accepted || accepted.includes(term.value.toUpperCase())) return [];
    return [{
      path: [info.path.key as string],
      query,
      parsed: { field: term.field!, match_all: term.value },
      warnings: [{ field: term.field!, message: `Input \`${term.value}\` is not an accepted value.`, code: "invalid_value" }],
    }];
  });
}

export function bulkOperations(
  args: { first?: number | null; last?: number | null; after?: string | null; before?: string | null; reverse?: boolean | null; sortKey?: string | null; query?: string | null },
  ctx: AdminContext, info: GraphQLResolveInfo,
) {
  const compiled = compileSearch(args.query, bulkSearch, info);
  addSearchWarnings(ctx, [...compiled.warnings, ...valueWarnings(args.query, info)]);
  const byCompleted = args.sortKey === "COMPLETED_AT";
  const value = (r: BulkOperationRecord) => (byCompleted ? r.completedAt ?? "" : r.createdAt);
  const items = mine(ctx).filter(compiled.test).sort((a, b) => (value(a) < value(b) ? -1 : value(a) > value(b) ? 1 : a.id - b.id));
  return keysetConnection({ items, value, id: (r) => r.id }, { ...args, reverse: !args.reverse }, (r) => operationNode(ctx.state, r));
}

// Bulk operations are nodes too: node(id:) answers them (bulk-operation-status-catalog-cancel.json nodeReads).
function save(ctx: AdminContext, record: BulkOperationRecord) {
  store(ctx.state).set(record.id, record);
  registerNode(ctx.state, ctx.shop.domain, { gid: gid("BulkOperation", record.id), typename: "BulkOperation" });
}
registerNodeLoader("BulkOperation", (id, ctx) => {
  const record = findOwn(ctx, id);
  return record ? operationNode(ctx.state, record) : null;
});

export function bulkOperationCancel(args: { id: string }, ctx: AdminContext) {
  const record = findOwn(ctx, args.id);
  // bulk-operation-status-catalog-cancel.json validations.bulkOperationCancelUnknownId
  if (!record) return { bulkOperation: null, userErrors: [{ field: ["id"], message: "Bulk operation does not exist" }] };
  if (!inProgress(record)) {
    return { bulkOperation: operationNode(ctx.state, record), userErrors: [{ field: null, message: `A bulk operation cannot be canceled when it is ${record.status.toLowerCase()}` }] };
  }
  requestCancel(ctx, record);
  return { bulkOperation: operationNode(ctx.state, record), userErrors: [] };
}

export function bulkOperation(args: { id: string }, ctx: AdminContext) {
  const type = /^gid:\/\/shopify\/([A-Za-z]+)\/\d+$/.exec(args.id)?.[1];
  if (type !== "BulkOperation") throw coded(`Invalid id: ${args.id}`, "RESOURCE_NOT_FOUND"); // bulk-operations-read-arg-validation
  const record = findOwn(ctx, args.id);
  return record ? operationNode(ctx.state, observe(record)) : null;
}

/** Most recent operation of the type for this app and shop (deprecated in 2026-07, still served). */
export function currentBulkOperation(args: { type?: string | null }, ctx: AdminContext, info: GraphQLResolveInfo) {
  const type = args.type ?? "QUERY";
  const latest = mine(ctx).filter((r) => r.type === type).sort((a, b) => b.id - a.id)[0];
  return latest ? operationNode(ctx.state, observe(latest)) : null;
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
