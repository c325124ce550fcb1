import { Kind, parse, type FieldNode, type OperationDefinitionNode } from "graphql";
import { requiredAccess } from "../shopify/admin-graphql/access";
import type { Exchange } from "./normalize";

// The installation scopes a scenario's twin gets: every scope its root fields need, except the
// ones the recording app evidently lacked (the capture shows ACCESS_DENIED for that field).

export function scenarioScopes(exchanges: Exchange[]): string[] {
  const needed = new Set<string>();
  for (const ex of exchanges) {
    const op = operationOf(ex);
    if (!op || (op.operation !== "query" && op.operation !== "mutation")) continue;
    const deniedKeys = new Set(
      (ex.response.errors ?? []).flatMap((e) => {
        const err = e as { extensions?: { code?: string }; path?: unknown[] };
        return err.extensions?.code === "ACCESS_DENIED" && err.path?.length === 1 ? [String(err.path[0])] : [];
      }),
    );
    for (const sel of op.selectionSet.selections) {
      if (sel.kind !== Kind.FIELD) continue;
      if (deniedKeys.has(sel.alias?.value ?? sel.name.value)) continue;
      const required = requiredAccess(op.operation, sel.name.value);
      if (required) needed.add(required.scope);
      for (const inner of bulkInnerRoots(sel, ex.variables)) {
        const scope = requiredAccess(inner.operation, inner.field)?.scope;
        if (scope) needed.add(scope);
      }
    }
  }
  return [...needed].sort();
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
