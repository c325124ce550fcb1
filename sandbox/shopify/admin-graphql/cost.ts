import {
  Kind, getNamedType, isAbstractType, isLeafType, isObjectType, isInterfaceType, valueFromASTUntyped,
  type FragmentDefinitionNode, type GraphQLCompositeType, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode,
} from "graphql";

// Shopify's cost model, approximated: scalars/enums 0, objects 1, connections 2 + page size x item
// cost, mutations 10 (captures: simple mutations 10, shop 1, currentAppInstallation 2).
// Requested cost is computed before execution; actual cost is where an exact model plugs in later.

export const MAX_AVAILABLE = 2000;
export const RESTORE_RATE = 100; // points per second
export const SINGLE_QUERY_MAX_COST = 1000;
const MUTATION_COST = 10;

export interface CostInput {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

export function requestedQueryCost({ schema, operation, fragments, variables }: CostInput): number {
  if (operation.operation === "mutation") {
    return operation.selectionSet.selections.filter((s) => s.kind === Kind.FIELD && !s.name.value.startsWith("__")).length * MUTATION_COST;
  }
  const root = schema.getQueryType();
  return root ? selectionCost(root, operation.selectionSet, { fragments, variables, schema }) : 0;
}

interface Walk { fragments: Record<string, FragmentDefinitionNode>; variables: Record<string, unknown>; schema: GraphQLSchema }

function selectionCost(type: GraphQLCompositeType, set: SelectionSetNode, walk: Walk): number {
  let total = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.INLINE_FRAGMENT || sel.kind === Kind.FRAGMENT_SPREAD) {
      const frag = sel.kind === Kind.FRAGMENT_SPREAD ? walk.fragments[sel.name.value] : sel;
      if (!frag) continue;
      const cond = frag.typeCondition ? walk.schema.getType(frag.typeCondition.name.value) : type;
      if (cond && (isObjectType(cond) || isInterfaceType(cond) || isAbstractType(cond))) total += selectionCost(cond, frag.selectionSet, walk);
      continue;
    }
    if (sel.name.value.startsWith("__") || !("getFields" in type)) continue;
    const def = type.getFields()[sel.name.value];
    if (!def || !sel.selectionSet) continue;
    const named = getNamedType(def.type);
    if (isLeafType(named)) continue;
    if (named.name.endsWith("Connection") && "getFields" in named) {
      const size = pageSize(sel.arguments ?? [], walk.variables);
      total += 2 + size * connectionItemCost(named, sel.selectionSet, walk);
    } else {
      total += 1 + selectionCost(named as GraphQLCompositeType, sel.selectionSet, walk);
    }
  }
  return total;
}

// Cost of one item of a connection: `nodes { ... }` or `edges { node { ... } }`; pageInfo is free.
function connectionItemCost(connection: GraphQLCompositeType, set: SelectionSetNode, walk: Walk): number {
  let item = 0;
  for (const sel of set.selections) {
    if (sel.kind !== Kind.FIELD || !sel.selectionSet || !("getFields" in connection)) continue;
    const def = connection.getFields()[sel.name.value];
    if (!def) continue;
    const named = getNamedType(def.type) as GraphQLCompositeType;
    if (sel.name.value === "nodes") item = Math.max(item, 1 + selectionCost(named, sel.selectionSet, walk));
    if (sel.name.value === "edges") item = Math.max(item, selectionCost(named, sel.selectionSet, walk));
  }
  return item;
}

function pageSize(args: readonly { name: { value: string }; value: Parameters<typeof valueFromASTUntyped>[0] }[], variables: Record<string, unknown>): number {
  for (const arg of args) {
    if (arg.name.value !== "first" && arg.name.value !== "last") continue;
    const value = valueFromASTUntyped(arg.value, variables);
    if (typeof value === "number" && value > 0) return value;
  }
  return 1;
}

/** Leaky bucket per shop and app, like Shopify's: 2000 points, 100 restored per second. */
export class ThrottleBucket {
  private available = MAX_AVAILABLE;
  private at = Date.now();

  private restore(now: number) {
    this.available = Math.min(MAX_AVAILABLE, this.available + ((now - this.at) / 1000) * RESTORE_RATE);
    this.at = now;
  }

  /** Deducts `cost` when the bucket holds enough; otherwise leaves it untouched. */
  take(cost: number, now = Date.now()): boolean {
    this.restore(now);
    if (cost > this.available) return false;
    this.available -= cost;
    return true;
  }

  refund(points: number): void {
    this.available = Math.min(MAX_AVAILABLE, this.available + points);
  }

  status(now = Date.now()) {
    this.restore(now);
    return { maximumAvailable: MAX_AVAILABLE, currentlyAvailable: Math.floor(this.available), restoreRate: RESTORE_RATE };
  }
}

export function costExtension(requested: number, actual: number | null, bucket: ThrottleBucket) {
  return { cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: bucket.status() } };
}
