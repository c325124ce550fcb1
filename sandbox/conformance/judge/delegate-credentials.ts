import { hasScope } from "../../shopify/admin-graphql/access";
import type { Difference } from "../compare";
import type { Exchange } from "../normalize";
import { isObject } from "../steps";

// A scenario can create a delegate access token (delegateAccessTokenCreate: a token of the same app
// with fewer scopes) and send later requests with it. The recording keeps the delegate's scopes but
// redacts the token, and the twin does not issue delegate tokens (NOT_IMPLEMENTED_IN_SANDBOX), so
// the replay sends every request with the app's own token. A request Shopify refused with "Access
// denied" while such a delegate was live, which the app's own token (holding every scope the
// scenario's requests need, a strict superset of the delegate's) was granted by the twin, was sent
// with the delegate: the difference is the credentials, a setup the twin could not perform. Only when
// the permission the refusal names is one the delegate lacks and the app holds.
// Evidence: media-file-create-references-authorization.json (a read_files/write_files/read_products
// delegate; fileUpdate referencesToAdd answered "Access denied: Missing permission to manage
// products." while the same scenario's productCreate shows the app could write products).

export interface LiveDelegate { path: string; scopes: string[] }

/** Follows delegates through the replay: one the twin did not issue is live until a destroy is recorded. */
export function trackDelegates(ex: Exchange, twinIssued: boolean, live: LiveDelegate[]): void {
  const data = isObject(ex.response.data) ? ex.response.data : {};
  const created = isObject(data.delegateAccessTokenCreate) ? data.delegateAccessTokenCreate.delegateAccessToken : undefined;
  if (isObject(created) && Array.isArray(created.accessScopes) && !twinIssued) live.push({ path: ex.path, scopes: created.accessScopes.map(String) });
  const destroyed = isObject(data.delegateAccessTokenDestroy) ? data.delegateAccessTokenDestroy.status : undefined;
  if (destroyed === true) live.length = 0;
}

const isDenial = (e: unknown): e is Record<string, unknown> => isObject(e) && (/^Access denied\b/.test(String(e.message)) || (isObject(e.extensions) && e.extensions.code === "ACCESS_DENIED"));
const denied = (errors: unknown) => Array.isArray(errors) && errors.some(isDenial);

/**
 * The access scope a refusal names: "Missing permission to manage products." is `write_products`
 * (to read/view: `read_products`; media-file-create-references-authorization.json), and "Required
 * access: `write_x` access scope" (message or extensions.requiredAccess) is `write_x`. Undefined when
 * the refusal names none (a namespace's owner, an exemption): then it cannot be told apart from a
 * refusal the app's own token would get too.
 */
export function refusedScope(error: unknown): string | undefined {
  if (!isObject(error)) return undefined;
  const text = `${String(error.message ?? "")} ${isObject(error.extensions) ? String(error.extensions.requiredAccess ?? "") : ""}`;
  const permission = /Missing permission to (manage|read|view) ([a-z_ ]+?)\./.exec(text);
  if (permission) return `${permission[1] === "manage" ? "write" : "read"}_${permission[2]!.trim().replace(/ /g, "_")}`;
  return /`((?:read|write)_[a-z_]+)` access scope/.exec(text)?.[1];
}

/** The live delegate the request was sent with, when that alone explains every difference. */
export function sentWithDelegate(ex: Exchange, twinBody: unknown, diffs: Difference[], live: LiveDelegate[], appScopes: string[]): LiveDelegate | undefined {
  if (!denied(ex.response.errors)) return undefined;
  const body = isObject(twinBody) ? twinBody : {};
  if (Array.isArray(body.errors) && body.errors.length) return undefined;
  // Every refusal names a scope the delegate lacks and the app holds (a write scope includes its read scope).
  const refused = (ex.response.errors ?? []).filter(isDenial).map(refusedScope);
  if (!refused.length || refused.some((s) => s === undefined)) return undefined;
  const delegate = live.find((d) => d.scopes.every((s) => hasScope(appScopes, s)) && refused.every((s) => !hasScope(d.scopes, s!) && hasScope(appScopes, s!)));
  if (!delegate) return undefined;
  // Only the refusal itself differs: the errors, and the root fields Shopify answered null for it.
  const data = isObject(ex.response.data) ? ex.response.data : {};
  const refusedRoots = Object.keys(data).filter((k) => data[k] === null);
  const ofRefusal = (d: Difference) => /^errors(\.|\[|$)/.test(d.path) || refusedRoots.some((k) => d.path === `data.${k}` || d.path.startsWith(`data.${k}.`));
  return diffs.length && diffs.every(ofRefusal) ? delegate : undefined;
}
