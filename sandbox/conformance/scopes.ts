import {
  getNamedType, isAbstractType, isCompositeType, isInterfaceType, isObjectType, Kind, parse, typeFromAST,
  type FieldNode, type FragmentDefinitionNode, type GraphQLCompositeType, type OperationDefinitionNode, type SelectionSetNode,
} from "graphql";
import { fieldAccess, requiredAccess } from "../shopify/admin-graphql/access";
import { loadAdminSchema } from "../shopify/admin-graphql/schema";
import type { Exchange } from "./normalize";

// The installation scopes a scenario's twin gets: every scope its root fields need, and the scope
// of every nested field with its own rule (access.ts fieldAccess, e.g. MarketWebPresence.defaultLocale),
// reached through fragments too, except the ones the recording app evidently lacked (the capture
// shows ACCESS_DENIED at that field's response path, list indexes aside).

export function scenarioScopes(exchanges: Exchange[]): string[] {
  const needed = new Set<string>();
  for (const ex of exchanges) {
    const op = operationOf(ex);
    if (!op || (op.operation !== "query" && op.operation !== "mutation")) continue;
    const denied = new Set(
      (ex.response.errors ?? []).flatMap((e) => {
        const err = e as { extensions?: { code?: string }; path?: unknown[] };
        return err.extensions?.code === "ACCESS_DENIED" && err.path?.length ? [pathKey(err.path.filter((p) => typeof p === "string") as string[])] : [];
      }),
    );
    for (const sel of op.selectionSet.selections) {
      if (sel.kind !== Kind.FIELD || denied.has(pathKey([sel.alias?.value ?? sel.name.value]))) continue;
      for (const inner of bulkInnerRoots(sel, ex.variables)) {
        const scope = requiredAccess(inner.operation, inner.field)?.scope;
        if (scope) needed.add(scope);
      }
    }
    for (const scope of documentScopes(op, ex.query!, denied)) needed.add(scope);
  }
  return [...needed].sort();
}

const pathKey = (keys: string[]) => keys.join("\u0000");

/** Scopes the fields an operation selects need: its root fields' and nested fields' with a rule, skipping denied response paths (and what lies under them). */
function documentScopes(op: OperationDefinitionNode, query: string, denied: Set<string>): string[] {
  const { schema } = loadAdminSchema();
  const root = op.operation === "mutation" ? schema.getMutationType() : schema.getQueryType();
  if (!root || (op.operation !== "query" && op.operation !== "mutation")) return [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of parse(query).definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const out = new Set<string>();
  const walk = (set: SelectionSetNode, parent: GraphQLCompositeType, path: string[], spreads: ReadonlySet<string>) => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT || sel.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = sel.kind === Kind.FRAGMENT_SPREAD ? fragments.get(sel.name.value) : sel;
        if (!fragment || (sel.kind === Kind.FRAGMENT_SPREAD && spreads.has(sel.name.value))) continue; // unknown or cyclic
        const condition = fragment.typeCondition ? typeFromAST(schema, fragment.typeCondition) : parent;
        if (condition && isCompositeType(condition)) walk(fragment.selectionSet, condition, path, sel.kind === Kind.FRAGMENT_SPREAD ? new Set([...spreads, sel.name.value]) : spreads);
        continue;
      }
      const at = [...path, sel.alias?.value ?? sel.name.value];
      if (denied.has(pathKey(at))) continue;
      if (parent === root) {
        const scope = requiredAccess(op.operation as "query" | "mutation", sel.name.value)?.scope;
        if (scope) out.add(scope);
      } else {
        // On an interface or union the field may resolve on any object type that implements it.
        for (const type of isAbstractType(parent) ? schema.getPossibleTypes(parent) : [parent]) {
          const rule = fieldAccess(type.name, sel.name.value);
          if (rule) out.add(rule.anyOf[0]!);
        }
      }
      const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[sel.name.value] : undefined;
      const next = field && getNamedType(field.type);
      if (sel.selectionSet && next && isCompositeType(next)) walk(sel.selectionSet, next, at, spreads);
    }
  };
  walk(op.selectionSet, root, [], new Set());
  return [...out];
}

// A bulk operation runs its own query or mutation with the app's scopes: the recording app had
// what the document inside bulkOperationRunQuery(query:) / bulkOperationRunMutation(mutation:) needs.
const BULK_ARGUMENT: Record<string, { arg: string; operation: "query" | "mutation" }> = {
  bulkOperationRunQuery: { arg: "query", operation: "query" },
  bulkOperationRunMutation: { arg: "mutation", operation: "mutation" },
};

function bulkInnerRoots(sel: FieldNode, variables: Record<string, unknown>): { operation: "query" | "mutation"; field: string }[] {
  const bulk = BULK_ARGUMENT[sel.name.value];
  const value = sel.arguments?.find((a) => a.name.value === bulk?.arg)?.value;
  if (!bulk || !value) return [];
  const text = value.kind === Kind.STRING ? value.value : value.kind === Kind.VARIABLE ? variables[value.name.value] : undefined;
  if (typeof text !== "string") return [];
  try {
    const inner = parse(text).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    return inner?.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [{ operation: bulk.operation, field: s.name.value }] : [])) ?? [];
  } catch {
    return [];
  }
}

export function operationOf(ex: Pick<Exchange, "query" | "operationName">): OperationDefinitionNode | undefined {
  if (!ex.query) return undefined;
  try {
    const ops = parse(ex.query).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    return ex.operationName ? ops.find((o) => o.name?.value === ex.operationName) : ops.length === 1 ? ops[0] : undefined;
  } catch {
    return undefined;
  }
}
