import type { GraphQLResolveInfo } from "graphql";
import type { AdminContext } from "../admin-graphql/context";
import { coded } from "../admin-graphql/errors";
import { notImplemented } from "../admin-graphql/resolvers/not-implemented";
import { shop } from "../admin-graphql/resolvers/shop";
import { storeOf } from "../auth/access-tokens";

// delegateAccessTokenCreate and appRevokeAccessScopes: the validation branches Shopify answered in
// 2026-04/apps/delegate-access-token-create-validation.json, -create-expires-after-parent.json and
// app-revoke-access-scopes-validation.json. Issuing a usable delegate token stays NOT_IMPLEMENTED:
// the root-field scope check (admin-graphql/access.ts grantedScopes) and the handler use the
// installation's scopes, so a delegate token would not be narrowed to its delegated scopes.
// Actually revoking an optional scope is not modelled either.

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

// delegateAccessTokenDestroy (2026-04/apps/delegate-access-token-destroy-codes.json,
// delegate-access-token-shop-payload.json): a token the shop doesn't know gives ACCESS_TOKEN_NOT_FOUND,
// the caller's own (parent) token gives CAN_ONLY_DELETE_DELEGATE_TOKENS; both with status false and a
// non-null shop. The twin issues no delegate tokens yet (see delegateAccessTokenCreate), so every other
// token it knows is some other app's or user's non-delegate token: that branch was not captured and
// stays NOT_IMPLEMENTED.
export function delegateAccessTokenDestroy(args: { accessToken: string }, ctx: AdminContext, info: GraphQLResolveInfo) {
  const fail = (message: string, code: string) => ({ status: false, shop: shopPayload(ctx), userErrors: [{ field: null, message, code }] as UserError[] });
  if (args.accessToken === ctx.token.token) return fail("Can only delete delegate tokens.", "CAN_ONLY_DELETE_DELEGATE_TOKENS");
  const record = storeOf(ctx.token)?.find(args.accessToken, ctx.shop.domain);
  if (!record) return fail("Access token does not exist.", "ACCESS_TOKEN_NOT_FOUND");
  throw notImplemented(info, "delegateAccessTokenDestroy (another token of the shop)");
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

// QueryRoot.appInstallations (2025-01/apps/app-billing-access-read.json appInstallationsAccessProbe):
// an ordinary app is denied with a bare lower-case "access denied" (no requiredAccess). Shopify
// documents read_apps (granted only on request) for listing installations; with it the twin has
// nothing implemented yet.
export function appInstallations(_args: unknown, ctx: AdminContext, info: GraphQLResolveInfo) {
  const granted = ctx.installation?.scopes ?? ctx.token.scope.split(",");
  if (!granted.includes("read_apps")) throw coded("access denied", "ACCESS_DENIED", { documentation: "https://shopify.dev/api/usage/access-scopes" });
  throw notImplemented(info);
}
