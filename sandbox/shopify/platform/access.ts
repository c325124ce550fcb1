import { coded } from "../admin-graphql/errors";
import type { AdminContext } from "../admin-graphql/context";

// Access-scope checks with Shopify's ACCESS_DENIED shape (online-store-salvaged-parity-recordings.json):
// message "Access denied for <field> field. Required access: <requiredAccess>" plus documentation.

/** write_x implies read_x, as Shopify grants it. */
export function hasScope(ctx: AdminContext, scope: string): boolean {
  const granted = ctx.installation?.scopes ?? ctx.token.scope.split(",");
  return granted.includes(scope) || (scope.startsWith("read_") && granted.includes(`write_${scope.slice(5)}`));
}

export function accessDenied(field: string, requiredAccess: string) {
  return coded(`Access denied for ${field} field. Required access: ${requiredAccess}`, "ACCESS_DENIED", {
    documentation: "https://shopify.dev/api/usage/access-scopes",
    requiredAccess,
  });
}

/** Throws ACCESS_DENIED unless every scope is granted; the text names the first one like Shopify does. */
export function requireScopes(ctx: AdminContext, field: string, scopes: string[], also = ""): void {
  if (scopes.every((s) => hasScope(ctx, s))) return;
  throw accessDenied(field, `\`${scopes[0]}\` access scope.${also ? ` Also: ${also}` : ""}`);
}
