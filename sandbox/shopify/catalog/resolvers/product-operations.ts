import type { GraphQLResolveInfo } from "graphql";
import type { AdminContext } from "../../admin-graphql/context";
import { notImplemented } from "../../admin-graphql/resolvers/not-implemented";
import { shop as shopObject } from "../../admin-graphql/resolvers/shop";
import { domainState, registerNode } from "../../state";
import { catalogOf, indexProductHandle, nextCatalogId, productByHandle } from "../store";
import type { ProductRecord } from "../types";
import { registerNodeLoader } from "./node";
import { createProductFromInput, removeProduct, type CreateInput } from "./product-create";
import { productNode } from "./product-node";
import { applyProductSet, planProductSet, type ProductSetVariantsInput } from "./product-set";
import { normalizeHandle } from "./product-update";
import { productChanged } from "./variants-bulk";
import { requireScope } from "./shared";

// productSet and the asynchronous forms of productSet / productDelete with their ProductOperation
// (QueryRoot.productOperation, node). Captures: product-delete-async-operation.json,
// product-operation-cold-authoritative-read.json.
// An operation is CREATED in the mutation payload, ACTIVE while it runs and COMPLETE afterwards; the
// twin runs it for `productOperationDelays(state).runMs` (default 1 s, tests may lower it).
// A delete operation reports its deletedProductId only once it has picked the product up: the
// captures read ACTIVE with null first, then ACTIVE with the id, then COMPLETE with the id (the twin
// switches halfway through the run). The product stays readable until the operation completes, and
// a second delete of the same product meanwhile is refused with "Another operation already in progress…".

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
    const pickedUp = status === "COMPLETE" || (status === "ACTIVE" && Date.now() >= op.completesAt - productOperationDelays(ctx.state).runMs / 2);
    return { __typename: op.kind, id: op.gid, status, deletedProductId: pickedUp ? op.productGid : null, product, userErrors: [] };
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

const SET_SUPPORTED = new Set(["title", "handle", "descriptionHtml", "vendor", "productType", "tags", "status", "templateSuffix", "seo", "productOptions", "variants", "id", "redirectNewHandle"]);

type SetInput = CreateInput & ProductSetVariantsInput & { id?: string | null };

export function productSet(args: { input: SetInput; synchronous?: boolean | null; identifier?: { id?: string | null; handle?: string | null; customId?: unknown } | null }, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "write_products");
  for (const [key, value] of Object.entries(args.input)) {
    if (!SET_SUPPORTED.has(key) && value != null && value !== false && !(Array.isArray(value) && value.length === 0)) {
      throw notImplemented(info, `productSet input field \`${key}\``);
    }
  }
  if (args.identifier?.customId) throw notImplemented(info, "productSet(identifier: { customId })");
  const catalog = catalogOf(ctx.state, ctx.shop.domain);
  const id = args.identifier?.id ?? args.input.id;
  const existing = id ? catalog.products.get(id) : args.identifier?.handle != null ? productByHandle(catalog, args.identifier.handle) : undefined;
  // No capture of a rejected productSet: its ProductSetUserError codes are unknown, so fail loudly.
  if ((id || args.identifier?.handle != null) && !existing) throw notImplemented(info, "productSet of a product that does not exist");
  const plan = planProductSet(existing ?? null, args.input, info);
  if (args.synchronous === false) {
    if (existing || plan) throw notImplemented(info, "asynchronous productSet with options, variants or an existing product");
    if (!args.input.title?.trim()) throw notImplemented(info, "productSet without a title");
    const op = startOperation(ctx, "ProductSetOperation", null, args.input);
    return { __typename: "ProductSetPayload", product: null, productSetOperation: operationNode(ctx, op, "CREATED"), userErrors: [] };
  }
  const product = existing ? updateFromSet(ctx, info, existing, args.input) : createFromSet(ctx, info, args.input);
  if (plan) {
    const rejected = applyProductSet(ctx, info, product, plan);
    if (rejected) throw notImplemented(info, `productSet with invalid variant metafields (${rejected})`);
  }
  // One products/update for the whole set (a created product already announced products/create).
  if (existing || plan) productChanged(ctx, product, new Date().toISOString().replace(/\.\d{3}Z$/, "Z"));
  return { __typename: "ProductSetPayload", product: productNode(product, ctx), productSetOperation: null, userErrors: [] };
}

function createFromSet(ctx: AdminContext, info: GraphQLResolveInfo, input: SetInput): ProductRecord {
  if (!input.title?.trim()) throw notImplemented(info, "productSet without a title");
  const { productOptions: _o, variants: _v, id: _id, ...fields } = input;
  const result = createProductFromInput(ctx, fields, info);
  if (Array.isArray(result)) throw notImplemented(info, `productSet rejected input (${result[0]!.message})`);
  return result;
}

/** Set semantics on an existing product: the given fields replace the stored ones. */
function updateFromSet(ctx: AdminContext, info: GraphQLResolveInfo, p: ProductRecord, input: SetInput): ProductRecord {
  const catalog = catalogOf(ctx.state, ctx.shop.domain);
  if (input.title != null && !input.title.trim()) throw notImplemented(info, "productSet with a blank title");
  if (input.handle != null && input.handle.trim()) {
    const handle = normalizeHandle(input.handle) || "product";
    const owner = productByHandle(catalog, handle);
    if (owner && owner.gid !== p.gid) throw notImplemented(info, "productSet with a handle another product has");
    if (handle !== p.handle) {
      indexProductHandle(catalog, handle, p.gid, p.handle);
      p.handle = handle;
    }
  }
  if (input.title != null) p.title = input.title;
  if (input.descriptionHtml != null) p.descriptionHtml = input.descriptionHtml;
  if (input.vendor != null) p.vendor = input.vendor;
  if (input.productType != null) p.productType = input.productType;
  if (input.tags != null) p.tags = [...new Set(input.tags.map((t) => t.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b));
  if (input.status != null) p.status = input.status;
  if (input.templateSuffix !== undefined) p.templateSuffix = input.templateSuffix || null;
  if (input.seo) {
    if (input.seo.title !== undefined) p.seo.title = input.seo.title || null;
    if (input.seo.description !== undefined) p.seo.description = input.seo.description || null;
  }
  return p;
}

export function productOperation(args: { id: string }, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "read_products");
  const op = operations(ctx.state).get(args.id);
  return op && op.shop === ctx.shop.domain ? operationNode(ctx, op) : null;
}

for (const kind of ["ProductSetOperation", "ProductDeleteOperation"]) {
  registerNodeLoader(kind, (gid, ctx, info) => productOperation({ id: gid }, ctx, info));
}
