import {
  Kind, getNamedType, getNullableType, isAbstractType, isCompositeType, isLeafType, isListType, isObjectType, valueFromASTUntyped,
  type FieldNode, type FragmentDefinitionNode, type GraphQLCompositeType, type GraphQLField, type GraphQLNamedType,
  type GraphQLObjectType, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode,
} from "graphql";
import { MUTATION_FREE, QUERY_FREE } from "./cost-calibration";

// Shopify's query cost (shopify.dev/docs/api/usage/limits#cost-calculation): scalars and enums 0,
// objects 1, connections 2 + page size × the cost of one node, interfaces/unions 1 + the maximum
// over their members, mutations 10. What the docs leave open was calibrated against the ~1,950
// distinct requests in the captures that carry `extensions.cost` (cost-model.test.ts pins ≥30 of
// them and lists what still differs):
// - a plain list of objects costs like one object (1 + one element's selection);
// - many types are free, most of them inside mutation payloads (translationsRegister,
//   metafieldsSet, … cost 10 whatever they select): see cost-calibration.ts;
// - a connection without first/last is sized by its `first` default, else by DEFAULT_PAGE_SIZE.
// Shopify also prices some fields individually (productsCount with a query, search); that is not
// modelled, so those requests differ (listed in the test).

export const MAX_AVAILABLE = 2000;
export const RESTORE_RATE = 100; // points per second
export const SINGLE_QUERY_MAX_COST = 1000;
const MUTATION_COST = 10;
const CONNECTION_COST = 2;
/** Page size Shopify assumes when neither first nor last is given and the field has no default. */
const DEFAULT_PAGE_SIZE = 1;

export interface CostInput {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

interface Walk { schema: GraphQLSchema; fragments: Record<string, FragmentDefinitionNode>; variables: Record<string, unknown>; mutation: boolean }

/** 1 for an object, list-of-objects or interface/union field unless the calibration says Shopify charges 0. */
function objectCost(def: GraphQLField<unknown, unknown>, named: GraphQLNamedType, walk: Walk): number {
  const kind = isListType(getNullableType(def.type)) ? "list" : isAbstractType(named) ? "abs" : "obj";
  return (walk.mutation ? MUTATION_FREE : QUERY_FREE).has(`${kind}:${named.name}`) ? 0 : 1;
}

/** Cost Shopify quotes before running the request (page sizes from first/last). */
export function requestedQueryCost(input: CostInput): number {
  return operationCost(input, undefined);
}

/** Cost after execution: connections are charged for the nodes they returned, empty lists and nulls nothing. */
export function actualQueryCost(input: CostInput, data: Record<string, unknown> | null | undefined): number {
  return operationCost(input, { value: data ?? null });
}

// `got` is undefined when pricing the request and holds the returned value when pricing the result.
type Got = { value: unknown } | undefined;

function operationCost({ schema, operation, fragments, variables }: CostInput, got: Got): number {
  const walk: Walk = { schema, fragments, variables, mutation: operation.operation === "mutation" };
  const root = operation.operation === "mutation" ? schema.getMutationType() : schema.getQueryType();
  if (!root) return 0;
  if (operation.operation !== "mutation") return selectionCost(root, operation.selectionSet, walk, got);
  let total = 0;
  for (const field of fieldsOf(root, operation.selectionSet, walk)) {
    const def = root.getFields()[field.name.value];
    if (!def) continue;
    const payload = getNamedType(def.type);
    const value = child(got, field);
    const priced = field.selectionSet && isCompositeType(payload) && (!value || value.value != null);
    total += MUTATION_COST + (priced ? selectionCost(payload, field.selectionSet!, walk, value) : 0);
  }
  return total;
}

const child = (got: Got, field: FieldNode): Got =>
  got && { value: (got.value as Record<string, unknown> | null)?.[field.alias?.value ?? field.name.value] ?? null };

/** Sum of the field costs of `set` on a concrete or abstract type. */
function selectionCost(type: GraphQLCompositeType, set: SelectionSetNode, walk: Walk, got: Got): number {
  if (isAbstractType(type)) {
    // The returned object's own type when known, else the costliest member (fragments apply per member).
    const typename = (got?.value as { __typename?: unknown } | null)?.__typename;
    const concrete = typeof typename === "string" ? walk.schema.getType(typename) : undefined;
    if (concrete && isObjectType(concrete)) return selectionCost(concrete, set, walk, got);
    let max = 0;
    for (const member of walk.schema.getPossibleTypes(type)) max = Math.max(max, selectionCost(member, set, walk, got));
    return max;
  }
  let total = 0;
  for (const field of fieldsOf(type, set, walk)) {
    const def = (type as GraphQLObjectType).getFields()[field.name.value];
    if (def) total += fieldCost(def, field, walk, child(got, field));
  }
  return total;
}

function fieldCost(def: GraphQLField<unknown, unknown>, field: FieldNode, walk: Walk, got: Got): number {
  const named = getNamedType(def.type);
  if (isLeafType(named) || !field.selectionSet || !isCompositeType(named)) return 0;
  if (got && got.value == null) return 0;
  if (isConnection(named)) {
    if (!got) return CONNECTION_COST + pageSize(def, field, walk) * connectionItemCost(named as GraphQLObjectType, field.selectionSet, walk, undefined, 0);
    const value = got.value as { nodes?: unknown[]; edges?: unknown[] };
    const count = Math.max(value.nodes?.length ?? 0, value.edges?.length ?? 0);
    let items = 0;
    for (let i = 0; i < count; i++) items += connectionItemCost(named as GraphQLObjectType, field.selectionSet, walk, value, i);
    return CONNECTION_COST + items;
  }
  if (Array.isArray(got?.value)) {
    const list = got.value as unknown[];
    if (!list.length) return 0;
    let max = 0;
    for (const el of list) max = Math.max(max, selectionCost(named, field.selectionSet, walk, { value: el }));
    return objectCost(def, named, walk) + max;
  }
  return objectCost(def, named, walk) + selectionCost(named, field.selectionSet, walk, got);
}

const isConnection = (type: GraphQLNamedType) =>
  isObjectType(type) && type.name.endsWith("Connection") && "pageInfo" in type.getFields() && ("edges" in type.getFields() || "nodes" in type.getFields());

// One item of a connection: `nodes { … }` or `edges { node { … } }` (edges/pageInfo are free);
// when both are selected Shopify charges the costlier one, not both. With `value`, item `i` as returned.
function connectionItemCost(connection: GraphQLObjectType, set: SelectionSetNode, walk: Walk, value: { nodes?: unknown[]; edges?: unknown[] } | undefined, i: number): number {
  let item = 0;
  for (const field of fieldsOf(connection, set, walk)) {
    const def = connection.getFields()[field.name.value];
    if (!def || !field.selectionSet) continue;
    const named = getNamedType(def.type);
    if (!isCompositeType(named)) continue;
    const list = value && ((value as Record<string, unknown>)[field.alias?.value ?? field.name.value] as unknown[] | undefined);
    const got: Got = value && { value: list?.[i] ?? null };
    if (got && got.value == null) continue;
    if (field.name.value === "nodes") item = Math.max(item, 1 + selectionCost(named, field.selectionSet, walk, got));
    else if (field.name.value === "edges") item = Math.max(item, selectionCost(named, field.selectionSet, walk, got));
  }
  return item;
}

function pageSize(def: GraphQLField<unknown, unknown>, field: FieldNode, walk: Walk): number {
  for (const name of ["first", "last"]) {
    const arg = field.arguments?.find((a) => a.name.value === name);
    if (!arg) continue;
    const value = valueFromASTUntyped(arg.value, walk.variables);
    if (typeof value === "number") return Math.max(0, value);
  }
  const fallback = def.args.find((a) => a.name === "first")?.defaultValue;
  return typeof fallback === "number" ? fallback : DEFAULT_PAGE_SIZE;
}

/** The fields of `set` that apply to `type`, through fragments, minus @skip/@include'd ones. */
function fieldsOf(type: GraphQLCompositeType, set: SelectionSetNode, walk: Walk, out: FieldNode[] = []): FieldNode[] {
  for (const sel of set.selections) {
    if (!included(sel.directives, walk.variables)) continue;
    if (sel.kind === Kind.FIELD) {
      if (!sel.name.value.startsWith("__")) out.push(sel);
      continue;
    }
    const frag = sel.kind === Kind.FRAGMENT_SPREAD ? walk.fragments[sel.name.value] : sel;
    if (!frag) continue;
    const cond = frag.typeCondition ? walk.schema.getType(frag.typeCondition.name.value) : type;
    if (cond && appliesTo(cond, type, walk.schema)) fieldsOf(type, frag.selectionSet, walk, out);
  }
  return out;
}

function appliesTo(cond: GraphQLNamedType, type: GraphQLCompositeType, schema: GraphQLSchema): boolean {
  if (cond === type) return true;
  if (isAbstractType(cond) && isObjectType(type)) return schema.isSubType(cond, type);
  if (isAbstractType(cond) && isAbstractType(type)) return schema.getPossibleTypes(type).some((t) => schema.isSubType(cond, t));
  return false;
}

function included(directives: FieldNode["directives"], variables: Record<string, unknown>): boolean {
  for (const d of directives ?? []) {
    const arg = d.arguments?.find((a) => a.name.value === "if");
    if (!arg) continue;
    const value = valueFromASTUntyped(arg.value, variables);
    if (d.name.value === "skip" && value === true) return false;
    if (d.name.value === "include" && value !== true) return false;
  }
  return true;
}

/** Leaky bucket per shop and app, like Shopify's: 2000 points, 100 restored per second. */
export class ThrottleBucket {
  private available = MAX_AVAILABLE;
  private at: number;

  /** `clock` is injectable so tests can drain and restore the bucket without waiting. */
  constructor(private readonly clock: () => number = Date.now) {
    this.at = clock();
  }

  private restore() {
    const now = this.clock();
    this.available = Math.min(MAX_AVAILABLE, this.available + ((now - this.at) / 1000) * RESTORE_RATE);
    this.at = now;
  }

  /** Deducts `cost` when the bucket holds enough; otherwise leaves it untouched. */
  take(cost: number): boolean {
    this.restore();
    if (cost > this.available) return false;
    this.available -= cost;
    return true;
  }

  refund(points: number): void {
    this.restore();
    this.available = Math.min(MAX_AVAILABLE, this.available + points);
  }

  status() {
    this.restore();
    return { maximumAvailable: MAX_AVAILABLE, currentlyAvailable: Math.floor(this.available), restoreRate: RESTORE_RATE };
  }
}

export function costExtension(requested: number, actual: number | null, bucket: ThrottleBucket) {
  return { cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: bucket.status() } };
}
