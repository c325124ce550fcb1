import type { GraphQLResolveInfo } from "graphql";
import type { AdminContext } from "../../admin-graphql/context";
import { notImplemented } from "../../admin-graphql/resolvers/not-implemented";
import { shop as shopObject } from "../../admin-graphql/resolvers/shop";
import { domainState, registerNode } from "../../state";
import { catalogOf, nextCatalogId } from "../store";
import type { ProductRecord } from "../types";
import { registerNodeLoader } from "./node";
import { createProductFromInput, removeProduct, type CreateInput } from "./product-create";
import { productNode } from "./product-node";
import { requireScope } from "./shared";

// productSet (creating products only) and the asynchronous forms of productSet / productDelete with
// their ProductOperation (QueryRoot.productOperation, node). Captures:
// product-delete-async-operation.json, product-operation-cold-authoritative-read.json.
// An operation is CREATED in the mutation payload, ACTIVE while it runs and COMPLETE afterwards; the
// twin runs it for `productOperationDelays(state).runMs` (default 1 s, tests may lower it).
// A delete operation already knows its deletedProductId while ACTIVE (operationRead), the product
// stays readable until the operation completes, and a second delete of the same product meanwhile is
// refused with "Another operation already in progress…".

interface OperationRecord {
  gid: string;
  shop: string;
  kind: "ProductSetOperation" | "ProductDeleteOperation";
  completesAt: number;
  productGid: string | null;
  input?: CreateInput;
  done: boolean;
}

export const productOperationDelays = (state: AdminContext["state"]) => domainState(state, "product-operation-delays", () => ({ runMs: 1000 }));
const operations = (state: AdminContext["state"]) => domainState(state, "product-operations", () => new Map<string, OperationRecord>());

/** Completes an operation whose time has come (called on every read and by a timer). */
function settle(ctx: AdminContext, op: OperationRecord): "ACTIVE" | "COMPLETE" {
  if (op.done) return "COMPLETE";
  if (Date.now() < op.completesAt) return "ACTIVE";
  op.done = true;
  if (op.kind === "ProductDeleteOperation") {
    const p = op.productGid ? catalogOf(ctx.state, ctx.shop.domain).products.get(op.productGid) : undefined;
    if (p) removeProduct(ctx, p);
  } else if (op.input) {
    const result = createProductFromInput(ctx, op.input);
    if (!Array.isArray(result)) op.productGid = result.gid;
  }
  return "COMPLETE";
}

function startOperation(ctx: AdminContext, kind: OperationRecord["kind"], productGid: string | null, input?: CreateInput): OperationRecord {
  const catalog = catalogOf(ctx.state, ctx.shop.domain);
  const op: OperationRecord = {
    gid: `gid://shopify/${kind}/${nextCatalogId(catalog, "ProductOperation")}`,
    shop: ctx.shop.domain,
    kind,
    completesAt: Date.now() + productOperationDelays(ctx.state).runMs,
    productGid,
    input,
    done: false,
  };
  operations(ctx.state).set(op.gid, op);
  registerNode(ctx.state, ctx.shop.domain, { gid: op.gid, typename: kind });
  setTimeout(() => settle(ctx, op), Math.max(0, op.completesAt - Date.now())).unref();
  return op;
}

function operationNode(ctx: AdminContext, op: OperationRecord, forced?: "CREATED") {
  const status = forced ?? settle(ctx, op);
  const product = () => {
    const p = op.productGid ? catalogOf(ctx.state, ctx.shop.domain).products.get(op.productGid) : undefined;
    return p ? productNode(p, ctx) : null;
  };
  if (op.kind === "ProductDeleteOperation") {
    return { __typename: op.kind, id: op.gid, status, deletedProductId: status === "CREATED" ? null : op.productGid, product, userErrors: [] };
  }
  return { __typename: op.kind, id: op.gid, status, product: status === "COMPLETE" ? product : null, userErrors: [] };
}

/** The product a running delete operation is removing, if any. */
function runningDeleteOf(ctx: AdminContext, productGid: string): OperationRecord | undefined {
  for (const op of operations(ctx.state).values()) {
    if (op.shop === ctx.shop.domain && op.kind === "ProductDeleteOperation" && op.productGid === productGid && settle(ctx, op) !== "COMPLETE") return op;
  }
  return undefined;
}

export function productDeleteAsync(ctx: AdminContext, product: ProductRecord) {
  const base = { __typename: "ProductDeletePayload", shop: () => shopObject(undefined, ctx), deletedProductId: null };
  if (runningDeleteOf(ctx, product.gid)) {
    return { ...base, productDeleteOperation: null, userErrors: [{ __typename: "UserError", field: null, message: "Another operation already in progress. Please wait until current one is finished." }] };
  }
  const op = startOperation(ctx, "ProductDeleteOperation", product.gid);
  return { ...base, productDeleteOperation: operationNode(ctx, op, "CREATED"), userErrors: [] };
}

const SET_SUPPORTED = new Set(["title", "handle", "descriptionHtml", "vendor", "productType", "tags", "status", "templateSuffix", "seo"]);

export function productSet(args: { input: CreateInput & { id?: string | null }; synchronous?: boolean | null; identifier?: unknown }, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "write_products");
  if (args.identifier != null || args.input.id != null) throw notImplemented(info, "productSet on an existing product");
  for (const [key, value] of Object.entries(args.input)) {
    if (!SET_SUPPORTED.has(key) && value != null && value !== false && !(Array.isArray(value) && value.length === 0)) {
      throw notImplemented(info, `productSet input field \`${key}\``);
    }
  }
  // No capture of a rejected productSet: its ProductSetUserError codes are unknown, so fail loudly.
  if (!args.input.title?.trim()) throw notImplemented(info, "productSet without a title");
  if (args.synchronous === false) {
    const op = startOperation(ctx, "ProductSetOperation", null, args.input);
    return { __typename: "ProductSetPayload", product: null, productSetOperation: operationNode(ctx, op, "CREATED"), userErrors: [] };
  }
  const result = createProductFromInput(ctx, args.input, info);
  if (Array.isArray(result)) throw notImplemented(info, `productSet rejected input (${result[0]!.message})`);
  return { __typename: "ProductSetPayload", product: productNode(result, ctx), productSetOperation: null, userErrors: [] };
}

export function productOperation(args: { id: string }, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "read_products");
  const op = operations(ctx.state).get(args.id);
  return op && op.shop === ctx.shop.domain ? operationNode(ctx, op) : null;
}

for (const kind of ["ProductSetOperation", "ProductDeleteOperation"]) {
  registerNodeLoader(kind, (gid, ctx, info) => productOperation({ id: gid }, ctx, info));
}
