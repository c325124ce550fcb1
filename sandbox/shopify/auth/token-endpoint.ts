import { timingSafeEqual } from "node:crypto";
import type { Reply } from "../../http/http";
import { ensureInstallation, type ShopifyState } from "../state";
import type { AccessTokenStore } from "./access-tokens";
import { checkSessionToken, type App } from "./session-token";

// POST https://<shop>/admin/oauth/access_token: token exchange and refresh, as
// @shopify/shopify-api calls them (JSON body with client_id, client_secret, grant_type, ...).

const TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
const ID_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:id_token";
const OFFLINE = "urn:shopify:params:oauth:token-type:offline-access-token";
const ONLINE = "urn:shopify:params:oauth:token-type:online-access-token";

export interface TokenEndpointDeps { app: App & { scopes: string[] }; state: ShopifyState; tokens: AccessTokenStore }

const oauthError = (status: number, error: string, description: string): Reply => ({
  status,
  body: { error, error_description: description },
  headers: { "cache-control": "no-store" },
});

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function handleAccessTokenRequest(deps: TokenEndpointDeps, shop: string, fields: Record<string, string> | undefined): Reply {
  const { app, state, tokens } = deps;
  if (!fields) return oauthError(400, "invalid_request", "The request body must be JSON or form encoded.");
  if (!state.shops.has(shop)) return oauthError(404, "shop_not_found", `No shop ${shop} in the sandbox.`);
  if (fields.client_id !== app.apiKey || !sameSecret(fields.client_secret ?? "", app.apiSecret)) {
    return oauthError(401, "invalid_client", "Client authentication failed: unknown client_id or wrong client_secret.");
  }

  if (fields.grant_type === "refresh_token") {
    if (!fields.refresh_token) return oauthError(400, "invalid_request", "refresh_token is required.");
    const rotated = tokens.rotate(fields.refresh_token, app.apiKey);
    if (!rotated || rotated.access.shop !== shop) return oauthError(400, "invalid_grant", "The refresh token is invalid, expired or was already used.");
    return { status: 200, body: offlineBody(rotated.access, rotated.refresh), headers: { "cache-control": "no-store" } };
  }
  if (fields.grant_type !== TOKEN_EXCHANGE) return oauthError(400, "unsupported_grant_type", `grant_type ${fields.grant_type ?? "(missing)"} is not supported.`);

  if (!fields.subject_token) return oauthError(400, "missing_subject_token", "subject_token is required.");
  if (fields.subject_token_type !== ID_TOKEN_TYPE) return oauthError(400, "invalid_request", `subject_token_type must be ${ID_TOKEN_TYPE}.`);
  const checked = checkSessionToken(app, fields.subject_token);
  if (!checked.ok) return oauthError(400, "invalid_subject_token", `Invalid subject token (${checked.reason}).`);
  if (checked.shop !== shop) return oauthError(400, "invalid_subject_token", "Invalid subject token (dest does not match the shop).");

  const installation = ensureInstallation(state, shop, app.apiKey, app.scopes);
  const scope = installation.scopes.join(",");
  if (fields.requested_token_type === OFFLINE) {
    const issued = tokens.issueOffline(shop, app.apiKey, scope, { expiring: fields.expiring === "1" });
    return { status: 200, body: offlineBody(issued.access, issued.refresh), headers: { "cache-control": "no-store" } };
  }
  if (fields.requested_token_type === ONLINE) {
    const staff = state.shops.get(shop)!.staff.find((s) => String(s.id) === checked.claims.sub);
    if (!staff) return oauthError(400, "invalid_subject_token", "Invalid subject token (unknown user).");
    const online = tokens.issueOnline(shop, app.apiKey, scope, staff.id);
    return {
      status: 200,
      headers: { "cache-control": "no-store" },
      body: {
        access_token: online.token,
        scope,
        expires_in: Math.round((online.expiresAt! - Date.now()) / 1000),
        associated_user_scope: scope,
        associated_user: {
          id: staff.id, first_name: staff.firstName, last_name: staff.lastName, email: staff.email,
          email_verified: true, account_owner: staff.accountOwner, locale: staff.locale, collaborator: false,
        },
      },
    };
  }
  return oauthError(400, "invalid_request", `requested_token_type must be ${OFFLINE} or ${ONLINE}.`);
}

function offlineBody(access: { token: string; scope: string; expiresAt?: number }, refresh?: { token: string; expiresAt: number }) {
  const now = Date.now();
  return {
    access_token: access.token,
    scope: access.scope,
    ...(access.expiresAt !== undefined && { expires_in: Math.round((access.expiresAt - now) / 1000) }),
    ...(refresh && { refresh_token: refresh.token, refresh_token_expires_in: Math.round((refresh.expiresAt - now) / 1000) }),
  };
}
