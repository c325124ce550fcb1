import { Kind, parse, type OperationDefinitionNode } from "graphql";
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
      const required = requiredAccess(op.operation, sel.name.value);
      if (!required) continue;
      if (!deniedKeys.has(sel.alias?.value ?? sel.name.value)) needed.add(required.scope);
    }
  }
  return [...needed].sort();
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
