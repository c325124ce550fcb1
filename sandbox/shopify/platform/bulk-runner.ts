import { withAccessControl } from "../admin-graphql/access";
import { execute, getNamedType, type DocumentNode, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";
import type { AdminContext } from "../admin-graphql/context";
import { implementedFieldsOnly } from "../admin-graphql/resolvers/not-implemented";

// Runs a validated bulk query against the twin's own resolvers and writes Shopify's JSONL:
// one line per connection node; nested connection nodes get their own lines (after their parent)
// with `__parentId` = the parent node's id, and are removed from the parent's line.

export const BULK_PAGE_SIZE = 250;

// Shopify's result files escape every "/" as "\/" (`"gid:\/\/shopify\/Product\/1"` in the JSONL of
// bulk-operation-cold-catalog-hydration.json and bulk-operation-run-mutation-created-status.json; the
// fileSize counts those bytes). Still plain JSON: a parser reads the same strings.
const jsonLine = (value: unknown) => JSON.stringify(value).replace(/\//g, "\\/");

export interface BulkResult { jsonl: string; objectCount: number; rootObjectCount: number; error?: string; errorCode?: BulkErrorCode }

// BulkOperationErrorCode: ACCESS_DENIED when the inner query needs a scope the app lacks, otherwise
// INTERNAL_SERVER_ERROR (the schema's descriptions of the enum).
export type BulkErrorCode = "ACCESS_DENIED" | "INTERNAL_SERVER_ERROR";

/** Field resolver that walks every page of a connection, so bulk output holds all nodes. */
const allPages: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) => {
  if (!getNamedType(info.returnType).name.endsWith("Connection")) return implementedFieldsOnly(source, args, context, info);
  const edges: unknown[] = [];
  let after: string | null = null;
  for (;;) {
    const page = implementedFieldsOnly(source, { ...args, first: BULK_PAGE_SIZE, after }, context, info) as {
      edges: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
    edges.push(...page.edges);
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
    after = page.pageInfo.endCursor;
  }
  return { edges, nodes: edges.map((e) => (e as { node: unknown }).node), pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } };
};

export function runBulkQuery(schema: GraphQLSchema, rootValue: unknown, document: DocumentNode, context: AdminContext): BulkResult {
  // The inner query runs with the app's scopes, field by field, as a direct request would.
  const result = execute({ schema, document, rootValue, contextValue: context, fieldResolver: withAccessControl(allPages) });
  if (result instanceof Promise) throw new Error("sandbox resolvers must be synchronous");
  const lines: string[] = [];
  let rootObjectCount = 0;
  for (const value of Object.values(result.data ?? {})) {
    rootObjectCount += emit(value, undefined, lines);
  }
  const error = result.errors?.[0]?.message;
  const errorCode: BulkErrorCode = result.errors?.some((e) => e.extensions?.code === "ACCESS_DENIED") ? "ACCESS_DENIED" : "INTERNAL_SERVER_ERROR";
  return { jsonl: lines.map((l) => `${l}\n`).join(""), objectCount: lines.length, rootObjectCount, ...(error && { error, errorCode }) };
}

const isConnectionValue = (v: unknown): v is { edges: { node: unknown }[] } =>
  !!v && typeof v === "object" && !Array.isArray(v) && Array.isArray((v as { edges?: unknown }).edges);

/** Emits the nodes of `value` (a connection, or an object that contains connections); returns how many top-level nodes. */
function emit(value: unknown, parentId: string | undefined, lines: string[]): number {
  if (isConnectionValue(value)) {
    for (const edge of value.edges) writeNode(edge.node as Record<string, unknown>, parentId, lines);
    return value.edges.length;
  }
  if (value && typeof value === "object") {
    let n = 0;
    for (const v of Object.values(value)) n += emit(v, parentId, lines);
    return n;
  }
  return 0;
}

function writeNode(node: Record<string, unknown>, parentId: string | undefined, lines: string[]) {
  const children: unknown[] = [];
  const line = strip(node, children);
  if (parentId) line.__parentId = parentId;
  lines.push(jsonLine(line));
  const id = typeof node.id === "string" ? node.id : parentId;
  for (const child of children) emit(child, id, lines);
}

/** Copy of `obj` without its connection fields (collected into `children`, also from nested objects). */
function strip(obj: Record<string, unknown>, children: unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (isConnectionValue(v)) children.push(v);
    else if (v && typeof v === "object" && !Array.isArray(v)) out[k] = strip(v as Record<string, unknown>, children);
    else out[k] = v;
  }
  return out;
}

/**
 * Runs a bulk mutation once per JSONL line of `variables` (each line is the variables object) and
 * writes Shopify's result JSONL: {"data": …, "__lineNumber": n} per line (errors alongside when any).
 */
export function runBulkMutation(schema: GraphQLSchema, rootValue: unknown, document: DocumentNode, context: AdminContext, variables: Buffer): BulkResult {
  const lines: string[] = [];
  let error: string | undefined;
  const inputs = variables.toString("utf8").split("\n").filter((l) => l.trim());
  inputs.forEach((input, lineNumber) => {
    let variableValues: Record<string, unknown>;
    try {
      variableValues = JSON.parse(input) as Record<string, unknown>;
    } catch {
      lines.push(jsonLine({ errors: [{ message: "Invalid JSON" }], __lineNumber: lineNumber })); // no capture of this shape
      return;
    }
    const result = execute({ schema, document, rootValue, contextValue: context, variableValues, fieldResolver: withAccessControl(implementedFieldsOnly) });
    if (result instanceof Promise) throw new Error("sandbox resolvers must be synchronous");
    const notImplemented = result.errors?.find((e) => e.extensions?.code === "NOT_IMPLEMENTED_IN_SANDBOX");
    if (notImplemented) error ??= notImplemented.message; // fails the job loudly (FAILED, INTERNAL_SERVER_ERROR)
    lines.push(jsonLine({ ...(result.errors && { errors: result.errors.map((e) => e.toJSON()) }), data: result.data ?? null, __lineNumber: lineNumber }));
  });
  return { jsonl: lines.map((l) => `${l}\n`).join(""), objectCount: lines.length, rootObjectCount: lines.length, ...(error && { error, errorCode: "INTERNAL_SERVER_ERROR" as const }) };
}
