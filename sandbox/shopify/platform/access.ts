import type { AdminContext } from "../admin-graphql/context";
import { accessDenied, contextHasScope } from "../admin-graphql/access";

// Field-level scope checks for platform resolvers, on the shared ACCESS_DENIED shape in
// admin-graphql/access.ts (online-store-salvaged-parity-recordings.json).
export { accessDenied };

/** Throws ACCESS_DENIED unless every scope is granted; the text names the first one like Shopify does. */
export function requireScopes(ctx: AdminContext, field: string, scopes: string[], also = ""): void {
  if (scopes.every((s) => contextHasScope(ctx, s))) return;
  throw accessDenied(field, `\`${scopes[0]}\` access scope.${also ? ` Also: ${also}` : ""}`);
}
