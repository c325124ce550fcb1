import type { Reply } from "../http/http";
import { checkSessionToken, mintSessionToken, type App } from "../shopify/auth/session-token";
import { shopHandle, type ShopifyState } from "../shopify/state";

// Stand-in for admin.shopify.com opening an embedded app: Shopify admin loads the app URL with
// embedded=1, shop, host (base64 of "admin.shopify.com/store/<handle>"), locale and a fresh id_token.

export interface AdminHostDeps { app: App & { appUrl: string }; state: ShopifyState; defaultShop: string }

const SESSION_TOKEN_GRACE_SECONDS = 24 * 3600;

/** Shopify's `host` parameter. Standard base64 without padding, which shopify-api's sanitizeHost accepts. */
export function adminHostParam(shop: string): string {
  return Buffer.from(`admin.shopify.com/store/${shopHandle(shop)}`).toString("base64").replace(/=+$/, "");
}

// GET /admin/apps/open?shop=<shop>&locale=<xx>&path=/app/...
export function handleOpenApp(deps: AdminHostDeps, url: URL): Reply {
  const shopDomain = url.searchParams.get("shop") ?? deps.defaultShop;
  const shop = deps.state.shops.get(shopDomain);
  if (!shop) return { status: 404, body: `No shop ${shopDomain} in the sandbox.` };
  const path = url.searchParams.get("path") ?? "/app";
  // Only app-relative paths: this endpoint must not become an open redirect.
  if (!path.startsWith("/") || path.startsWith("//") || path.includes("\\")) return { status: 400, body: "path must start with a single /" };
  const staff = shop.staff.find((s) => s.accountOwner) ?? shop.staff[0];
  if (!staff) return { status: 500, body: `Shop ${shop.domain} has no staff member to sign in as.` };
  const locale = url.searchParams.get("locale") ?? staff.locale;

  const target = new URL(path, deps.app.appUrl);
  target.searchParams.set("embedded", "1");
  target.searchParams.set("shop", shop.domain);
  target.searchParams.set("host", adminHostParam(shop.domain));
  target.searchParams.set("locale", locale);
  target.searchParams.set("id_token", mintSessionToken(deps.app, shop.domain, String(staff.id)));
  return { status: 302, headers: { location: target.toString(), "cache-control": "no-store" } };
}

function corsHeaders(appUrl: string): Record<string, string> {
  return {
    "access-control-allow-origin": new URL(appUrl).origin,
    "access-control-allow-methods": "POST, OPTIONS",
    "access-control-allow-headers": "content-type",
    "access-control-max-age": "600",
    vary: "Origin",
  };
}

export function handleSessionTokenPreflight(deps: AdminHostDeps): Reply {
  return { status: 204, headers: corsHeaders(deps.app.appUrl) };
}

// POST /admin/session-token {"token": "<previous id token>"} -> {"token": "<fresh id token>"}.
// The previous token is the proof: signed by us for this app, expired at most 24 h ago.
export function handleSessionTokenRefresh(deps: AdminHostDeps, body: string): Reply {
  const headers = { ...corsHeaders(deps.app.appUrl), "cache-control": "no-store" };
  let previous: unknown;
  try {
    previous = (JSON.parse(body) as { token?: unknown }).token;
  } catch {
    previous = undefined;
  }
  if (typeof previous !== "string") return { status: 400, headers, body: { error: "invalid_request", error_description: "Body must be JSON {\"token\": \"...\"}." } };
  const checked = checkSessionToken(deps.app, previous, { maxExpiredSeconds: SESSION_TOKEN_GRACE_SECONDS });
  if (!checked.ok) return { status: 401, headers, body: { error: "invalid_token", error_description: `Session token rejected (${checked.reason}).` } };
  if (!deps.state.shops.has(checked.shop)) return { status: 401, headers, body: { error: "invalid_token", error_description: "Unknown shop." } };
  const token = mintSessionToken(deps.app, checked.shop, checked.claims.sub, { sid: checked.claims.sid });
  return { status: 200, headers, body: { token } };
}
