import { getNullableType, isInputObjectType, isListType, Kind, type FieldNode, type FragmentDefinitionNode, type GraphQLInputType, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode } from "graphql";
import { getArgumentValues } from "graphql/execution/values";
import type { ShopifyError } from "./errors";

// Shopify caps every array input at 250 elements ("Input arguments that accept an array have a maximum
// size of 250 for all APIs", shopify.dev/docs/api/usage/limits; changelog 2020-01 "GraphQL input
// objects limited to 250 items"). Root-field arguments are checked (the captured cases); the changelog
// example is a root field too (nodes(ids:)). The check runs after the request is charged and before any
// resolver: the response has no `data`, `actualQueryCost: null`, and one error located at the root
// field with a path of the field then the argument keys (media-file-create-batch-size-limit.json:
// ["fileCreate","files"]; metaobject-bulk-delete-edge-cases.json: ["metaobjectBulkDelete","where","ids"]).

export const MAX_INPUT_ARRAY_SIZE = 250;

export function inputSizeErrors(schema: GraphQLSchema, operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>, variables: Record<string, unknown>): ShopifyError[] {
  const root = operation.operation === "mutation" ? schema.getMutationType() : operation.operation === "query" ? schema.getQueryType() : undefined;
  if (!root) return [];
  const errors: ShopifyError[] = [];
  for (const node of rootFields(operation.selectionSet, fragments)) {
    const def = root.getFields()[node.name.value];
    if (!def) continue;
    let args: Record<string, unknown>;
    try {
      args = getArgumentValues(def, node, variables);
    } catch {
      continue; // coercion problems are reported elsewhere
    }
    for (const arg of def.args) {
      const found = oversized(args[arg.name], arg.type, [node.name.value, arg.name]);
      if (!found) continue;
      const loc = locationOf(node);
      errors.push({
        message: `The input array size of ${found.size} is greater than the maximum allowed of ${MAX_INPUT_ARRAY_SIZE}.`,
        ...(loc && { locations: [loc] }),
        path: found.path,
        extensions: { code: "MAX_INPUT_SIZE_EXCEEDED" },
      });
      return errors; // Shopify reports the first oversized array only (one error in both captures)
    }
  }
  return errors;
}

function oversized(value: unknown, type: GraphQLInputType, path: string[]): { size: number; path: string[] } | undefined {
  if (value == null) return undefined;
  const t = getNullableType(type);
  if (isListType(t) && Array.isArray(value)) {
    if (value.length > MAX_INPUT_ARRAY_SIZE) return { size: value.length, path };
    for (const item of value) {
      const inner = oversized(item, t.ofType as GraphQLInputType, path);
      if (inner) return inner;
    }
    return undefined;
  }
  if (isInputObjectType(t) && typeof value === "object") {
    for (const [key, field] of Object.entries(t.getFields())) {
      const inner = oversized((value as Record<string, unknown>)[key], field.type, [...path, key]);
      if (inner) return inner;
    }
  }
  return undefined;
}

function* rootFields(set: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>): Generator<FieldNode> {
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) yield s;
    else if (s.kind === Kind.INLINE_FRAGMENT) yield* rootFields(s.selectionSet, fragments);
    else {
      const f = fragments[s.name.value];
      if (f) yield* rootFields(f.selectionSet, fragments);
    }
  }
}

function locationOf(node: FieldNode): { line: number; column: number } | undefined {
  const start = node.loc?.startToken;
  return start ? { line: start.line, column: start.column } : undefined;
}
