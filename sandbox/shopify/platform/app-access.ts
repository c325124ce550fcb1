import type { GraphQLResolveInfo } from "graphql";
import type { AdminContext } from "../admin-graphql/context";
import { notImplemented } from "../admin-graphql/resolvers/not-implemented";
import { shop } from "../admin-graphql/resolvers/shop";

// delegateAccessTokenCreate and appRevokeAccessScopes: the validation branches Shopify answered in
// 2026-04/apps/delegate-access-token-create-validation.json, -create-expires-after-parent.json and
// app-revoke-access-scopes-validation.json. Issuing a usable delegate token, or actually revoking a
// scope, needs the auth token store (sandbox/shopify/auth) and stays NOT_IMPLEMENTED here.

// Shopify's scope handles are (unauthenticated_)read_x / write_x (plus customer_* variants); anything
// else is unknown ("fake_scope" in the captures). The twin checks the form, not Shopify's full list.
const SCOPE_HANDLE = /^(unauthenticated_|customer_)?(read|write)_[a-z][a-z0-9_]*$/;

type UserError = { field: string[] | null; message: string; code: string };

export function delegateAccessTokenCreate(
  args: { input: { delegateAccessScope: string[]; expiresIn?: number | null } },
  ctx: AdminContext, info: GraphQLResolveInfo,
) {
  const fail = (message: string, code: string) => ({ delegateAccessToken: null, shop: shopPayload(ctx), userErrors: [{ field: null, message, code }] as UserError[] });
  const { delegateAccessScope: scopes, expiresIn } = args.input;
  if (!scopes.length) return fail("The access scope can't be empty.", "EMPTY_ACCESS_SCOPE");
  const unknown = scopes.filter((s) => !SCOPE_HANDLE.test(s));
  if (unknown.length) return fail(`The access scope is invalid: ${unknown.join(", ")}`, "UNKNOWN_SCOPES");
  if (expiresIn != null && expiresIn <= 0) return fail("The expires_in value must be greater than 0.", "NEGATIVE_EXPIRES_IN");
  if (expiresIn != null && ctx.token.expiresAt !== undefined && Date.now() + expiresIn * 1000 > ctx.token.expiresAt) {
    return fail("The delegate token can't expire after the parent token.", "EXPIRES_AFTER_PARENT");
  }
  throw notImplemented(info, "delegateAccessTokenCreate (issuing a delegate token)");
}

export function appRevokeAccessScopes(args: { scopes: string[] }, ctx: AdminContext, info: GraphQLResolveInfo) {
  const fail = (message: string, code: string) => ({ revoked: null, userErrors: [{ field: ["scopes"], message, code }] as UserError[] });
  if (args.scopes.some((s) => !SCOPE_HANDLE.test(s))) return fail("The requested list of scopes to revoke includes invalid handles.", "UNKNOWN_SCOPES");
  // The twin's installation holds the app's configured (required) scopes; optional scopes are not modelled.
  const granted = ctx.installation?.scopes ?? ctx.token.scope.split(",");
  if (args.scopes.some((s) => granted.includes(s))) return fail("Scopes that are declared as required cannot be revoked.", "CANNOT_REVOKE_REQUIRED_SCOPES");
  throw notImplemented(info, "appRevokeAccessScopes (revoking optional scopes)");
}

// The payload's `shop` (delegate-access-token-shop-payload.json) is resolved like QueryRoot.shop.
const shopPayload = (ctx: AdminContext) => () => shop(undefined, ctx);
