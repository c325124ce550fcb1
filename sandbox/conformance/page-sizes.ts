import { Kind, valueFromASTUntyped, type OperationDefinitionNode, type SelectionSetNode, type FragmentDefinitionNode, type ValueNode } from "graphql";
import { isObject } from "./steps";

// A recorded document cannot have produced an answer whose connection holds more items than the
// page it asks for: `products(first: $first)` with `$first: Int = 0` and no recorded value answers
// no product, so it is not the document of a step whose answer lists one
// (order-create-line-item-fields.json setup.productLookup). Used by reconstruct.ts.

/** Whether every `first`/`last` page size the operation asks for (literal, recorded variable or its default) allows the captured items. */
export function pageSizesAllow(op: OperationDefinitionNode, variables: Record<string, unknown>, data: unknown, fragments: Map<string, FragmentDefinitionNode>): boolean {
  const defaults = new Map((op.variableDefinitions ?? []).map((v) => [v.variable.name.value, v.defaultValue ? valueFromASTUntyped(v.defaultValue) : undefined]));
  const resolve = (node: ValueNode): unknown => (node.kind === Kind.VARIABLE ? (node.name.value in variables ? variables[node.name.value] : defaults.get(node.name.value)) : valueFromASTUntyped(node));
  const check = (set: SelectionSetNode, value: unknown): boolean => {
    if (Array.isArray(value)) return value.every((v) => check(set, v));
    if (!isObject(value)) return true;
    for (const sel of set.selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        if (!check(sel.selectionSet, value)) return false;
        continue;
      }
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const f = fragments.get(sel.name.value);
        if (f && !check(f.selectionSet, value)) return false;
        continue;
      }
      const answered = value[sel.alias?.value ?? sel.name.value];
      for (const arg of sel.arguments ?? []) {
        if (arg.name.value !== "first" && arg.name.value !== "last") continue;
        const size = resolve(arg.value);
        if (typeof size === "number" && itemsOf(answered) > size) return false;
      }
      if (sel.selectionSet && !check(sel.selectionSet, answered)) return false;
    }
    return true;
  };
  return check(op.selectionSet, data);
}

/** How many items a captured connection (nodes or edges) or list holds. */
function itemsOf(v: unknown): number {
  if (Array.isArray(v)) return v.length;
  if (!isObject(v)) return 0;
  return Math.max(Array.isArray(v.nodes) ? v.nodes.length : 0, Array.isArray(v.edges) ? v.edges.length : 0);
}
