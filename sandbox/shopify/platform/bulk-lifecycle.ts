import { randomBytes } from "node:crypto";
import type { GraphQLSchema } from "graphql";
import type { AdminContext } from "../admin-graphql/context";
import { isoSeconds, simulatedDelays } from "./app-identity";
import { validateBulkMutation, validateBulkQuery } from "./bulk-query-validation";
import { runBulkMutation, runBulkQuery, type BulkResult } from "./bulk-runner";

// The status machine of one bulk operation, as the captures show it:
//   CREATED (the run mutation and the first read) → RUNNING → COMPLETED (file written, url, fileSize).
// The work is done while RUNNING: objectCount/rootObjectCount already hold the processed objects
// before the file exists (bulk-operation-run-mutation-created-status.json statusPolls[0]: RUNNING,
// objectCount "1", fileSize/url null). A cancel moves to CANCELING and then CANCELED; the counts are
// kept, and a query export canceled before it started still reports the rows it had counted
// (bulk-operation-status-catalog-cancel.json queryExportImmediateCancel: CANCELING "0" → CANCELED "1459",
// no url). A canceled mutation applies no lines it had not started.

export interface BulkOperationRecord {
  id: number;
  shop: string;
  apiKey: string;
  type: "QUERY" | "MUTATION";
  variables?: Buffer; // bulk mutations: the staged JSONL
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

const URL_TTL_MS = 7 * 24 * 3600 * 1000;

export const inProgress = (r: BulkOperationRecord) => r.status === "CREATED" || r.status === "RUNNING" || r.status === "CANCELING";

interface Job { schema: GraphQLSchema; rootValue: unknown; ctx: AdminContext; result?: BulkResult }
const jobs = new WeakMap<BulkOperationRecord, Job>();
// Reads of a CREATED / CANCELING operation; see observe().
const createdReads = new WeakMap<BulkOperationRecord, number>();
const cancelReads = new WeakMap<BulkOperationRecord, number>();

/** Queues a new (CREATED) operation. Timers stand in for Shopify's job runner; unref() so a closed twin never waits on them. */
export function schedule(ctx: AdminContext, record: BulkOperationRecord, schema: GraphQLSchema, rootValue: unknown) {
  jobs.set(record, { schema, rootValue, ctx });
  const delays = simulatedDelays(ctx.state);
  setTimeout(() => start(record), delays.bulkStartMs).unref();
  setTimeout(() => (record.status === "CANCELING" ? settleCancel(record) : finish(record)), delays.bulkStartMs + delays.bulkRunMs).unref();
}

/** CREATED → RUNNING: the job processes its objects now (side effects of a bulk mutation included). */
function start(record: BulkOperationRecord) {
  if (record.status !== "CREATED") return;
  record.status = "RUNNING";
  work(record);
}

/** Runs the job once and records its counts. */
function work(record: BulkOperationRecord): BulkResult | undefined {
  const job = jobs.get(record);
  if (!job) return undefined;
  if (job.result) return job.result;
  const { schema, rootValue, ctx } = job;
  const check = record.type === "QUERY" ? validateBulkQuery(schema, record.query) : validateBulkMutation(schema, record.query);
  if (!check.ok) return undefined;
  job.result = record.type === "QUERY" ? runBulkQuery(schema, rootValue, check.document, ctx) : runBulkMutation(schema, rootValue, check.document, ctx, record.variables!);
  record.objectCount = job.result.objectCount;
  record.rootObjectCount = job.result.rootObjectCount;
  return job.result;
}

/** RUNNING → COMPLETED: the result file is written (no file when nothing was exported). */
function finish(record: BulkOperationRecord) {
  start(record);
  if (record.status !== "RUNNING") return;
  const result = jobs.get(record)?.result;
  // An error while running (a missing scope, a field the twin has not implemented) fails the job.
  if (result?.error) return void Object.assign(record, { status: "FAILED", errorCode: result.errorCode ?? "INTERNAL_SERVER_ERROR" });
  if (result && result.objectCount > 0) {
    record.output = Buffer.from(result.jsonl);
    record.outputKey = randomBytes(14).toString("hex");
    record.expiresAt = Date.now() + URL_TTL_MS;
  }
  Object.assign(record, { status: "COMPLETED", completedAt: isoSeconds() });
}

/** bulkOperationCancel on an in-progress operation: CANCELING now, CANCELED shortly after. */
export function requestCancel(ctx: AdminContext, record: BulkOperationRecord) {
  if (record.status !== "CANCELING") cancelReads.set(record, 0);
  record.status = "CANCELING";
  setTimeout(() => settleCancel(record), simulatedDelays(ctx.state).bulkStartMs).unref();
}

function settleCancel(record: BulkOperationRecord) {
  if (record.status !== "CANCELING") return;
  if (record.type === "QUERY") work(record); // the export had counted its rows; no file is written
  record.status = "CANCELED";
}

// Shopify finishes a cancel shortly after it is requested: the captures read CANCELING once after the
// cancel and CANCELED on the next read (bulk-operation-status-catalog-cancel.json
// queryExportImmediateCancel.statusPolls, bulk-operation-run-query-schema-roots.json). The twin settles
// on the second read or after the simulated delay, whichever comes first.
//
// Likewise a new operation reads CREATED once and RUNNING from the next read on, unless the job has
// moved on by then (bulk-operation-cancel-preserves-fields.json progressPolls: CREATED, then RUNNING;
// bulk-operation-run-mutation-created-status.json: run and currentAfterRun CREATED, then RUNNING).
export function observe(record: BulkOperationRecord): BulkOperationRecord {
  if (record.status === "CREATED") {
    const reads = (createdReads.get(record) ?? 0) + 1;
    createdReads.set(record, reads);
    if (reads >= 2) start(record);
    return record;
  }
  if (record.status !== "CANCELING") return record;
  const reads = (cancelReads.get(record) ?? 0) + 1;
  cancelReads.set(record, reads);
  if (reads >= 2) settleCancel(record);
  return record;
}
