import { GraphQLError, type GraphQLResolveInfo } from "graphql";
import { pathToArray } from "graphql/jsutils/Path";
import { gid, type AdminContext } from "../admin-graphql/context";
import { notImplemented } from "../admin-graphql/resolvers/not-implemented";
import { domainState, type ShopifyState } from "../state";
import { requireScopes } from "./access";

// The app's web pixel: one per app and shop; WebPixel exposes only id + settings (quirks §6).
// Captures hold only ACCESS_DENIED and schema errors (the capture app lacked write_pixels), so the
// scope message is captured and the userError codes come from ErrorsWebPixelUserErrorCode.

interface PixelRecord { id: number; shop: string; apiKey: string; settings: string }

const pixels = (state: ShopifyState) => domainState(state, "web-pixels", () => new Map<string, PixelRecord>()); // `${shop} ${apiKey}`

const ALSO = "The app requires read_customer_events access scope and user access permission.";
const requirePixelScopes = (ctx: AdminContext, field: string) => requireScopes(ctx, field, ["write_pixels", "read_customer_events"], ALSO);

const pixelNode = (p: PixelRecord) => ({ __typename: "WebPixel", id: gid("WebPixel", p.id), settings: p.settings });

/** `settings` is JSON!: apps send a stringified object; an object literal is accepted too. */
function normalizeSettings(settings: unknown): string | null {
  if (settings !== null && typeof settings === "object" && !Array.isArray(settings)) return JSON.stringify(settings);
  if (typeof settings !== "string") return null;
  try {
    const parsed: unknown = JSON.parse(settings);
    return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) ? JSON.stringify(parsed) : null;
  } catch {
    return null;
  }
}

const INVALID_JSON = { field: ["webPixel", "settings"], message: "The provided settings is not a valid JSON.", code: "INVALID_CONFIGURATION_JSON" };

export function webPixelCreate(args: { webPixel: { settings: unknown } }, ctx: AdminContext) {
  requirePixelScopes(ctx, "webPixelCreate");
  const key = `${ctx.shop.domain} ${ctx.token.apiKey}`;
  if (pixels(ctx.state).has(key)) {
    return { webPixel: null, userErrors: [{ field: null, message: "Web pixel is taken.", code: "TAKEN" }] };
  }
  const settings = normalizeSettings(args.webPixel.settings);
  if (settings === null) return { webPixel: null, userErrors: [INVALID_JSON] };
  const record: PixelRecord = { id: ctx.state.nextId(), shop: ctx.shop.domain, apiKey: ctx.token.apiKey, settings };
  pixels(ctx.state).set(key, record);
  return { webPixel: pixelNode(record), userErrors: [] };
}

export function webPixelUpdate(args: { id: string; webPixel: { settings: unknown } }, ctx: AdminContext) {
  requirePixelScopes(ctx, "webPixelUpdate");
  const record = own(ctx, args.id);
  if (!record) return { webPixel: null, userErrors: [{ field: ["id"], message: "Web pixel not found.", code: "NOT_FOUND" }] };
  const settings = normalizeSettings(args.webPixel.settings);
  if (settings === null) return { webPixel: null, userErrors: [INVALID_JSON] };
  record.settings = settings;
  return { webPixel: pixelNode(record), userErrors: [] };
}

export function webPixelDelete(args: { id: string }, ctx: AdminContext) {
  requirePixelScopes(ctx, "webPixelDelete");
  const record = own(ctx, args.id);
  if (!record) return { deletedWebPixelId: null, userErrors: [{ field: ["id"], message: "Web pixel not found.", code: "NOT_FOUND" }] };
  pixels(ctx.state).delete(`${record.shop} ${record.apiKey}`);
  return { deletedWebPixelId: gid("WebPixel", record.id), userErrors: [] };
}

/** QueryRoot.webPixel(id: ID): without an id, the calling app's pixel. */
export function webPixel(args: { id?: string | null }, ctx: AdminContext) {
  requireScopes(ctx, "webPixel", ["read_pixels"], ALSO);
  const record = args.id ? own(ctx, args.id) : pixels(ctx.state).get(`${ctx.shop.domain} ${ctx.token.apiKey}`);
  return record ? pixelNode(record) : null;
}

function own(ctx: AdminContext, id: string): PixelRecord | undefined {
  const record = pixels(ctx.state).get(`${ctx.shop.domain} ${ctx.token.apiKey}`);
  return record && gid("WebPixel", record.id) === id ? record : undefined;
}

// Server pixels (online-store-salvaged-parity-recordings.json: pub-sub-server-pixel-update-blank-required,
// server-pixel-endpoint-update-no-pixel). Blank arguments are rejected before the access check, as a
// top-level INVALID_FIELD_ARGUMENTS error located at the field and at the blank argument; then the
// scopes. Configuring a server pixel is not modelled (the captures never got that far).
// The message always names write_pixels; the "Also" part names the other two it needs.
const SERVER_SCOPES = ["write_pixels", "read_customer_events", "write_server_pixels"];
const SERVER_ALSO = "The app must have the read_customer_events and write_server_pixels access scopes.";

function blankArgument(info: GraphQLResolveInfo, name: string): GraphQLError {
  const field = info.fieldNodes[0]!;
  const arg = field.arguments?.find((a) => a.name.value === name);
  return new GraphQLError(`${name} can't be blank`, { nodes: arg ? [field, arg] : [field], path: pathToArray(info.path), extensions: { code: "INVALID_FIELD_ARGUMENTS" } });
}

export function pubSubServerPixelUpdate(args: { pubSubProject: string; pubSubTopic: string }, ctx: AdminContext, info: GraphQLResolveInfo) {
  if (!args.pubSubProject.trim()) throw blankArgument(info, "pubSubProject");
  if (!args.pubSubTopic.trim()) throw blankArgument(info, "pubSubTopic");
  requireScopes(ctx, "pubSubServerPixelUpdate", SERVER_SCOPES, SERVER_ALSO);
  throw notImplemented(info, "pubSubServerPixelUpdate (configuring a server pixel)");
}

export function eventBridgeServerPixelUpdate(_args: { arn: string }, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScopes(ctx, "eventBridgeServerPixelUpdate", SERVER_SCOPES, SERVER_ALSO);
  throw notImplemented(info, "eventBridgeServerPixelUpdate (configuring a server pixel)");
}
