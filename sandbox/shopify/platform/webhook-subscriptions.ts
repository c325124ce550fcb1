import { gid, type AdminContext } from "../admin-graphql/context";
import { connection, type ConnectionArgs } from "../admin-graphql/connection";
import { ADMIN_API_VERSION } from "../admin-graphql/schema";
import { domainState, type ShopifyState } from "../state";
import { apiClientId, isoSeconds, resolveAppPrefix } from "./app-identity";

// API-created webhook subscriptions (webhookSubscriptionCreate/Update/Delete, webhookSubscriptions).
// App-config (TOML) subscriptions are not listed here, as on Shopify (webhook-subscription-conformance
// notes). Validation messages: webhook-subscription-{uri-validation,scheme-allowlist,cloud-uri-validation,
// topic-format-name-validation,uri-whitespace,filter-mixed-term,address-byte-size-validation}.json.
// Webhook userErrors are plain UserError (field + message, no code).

export interface WebhookSubscriptionRecord {
  id: number;
  shop: string;
  apiKey: string;
  topic: string; // enum form, e.g. PRODUCTS_UPDATE
  uri: string;
  format: "JSON" | "XML";
  includeFields: string[];
  metafieldNamespaces: string[];
  metafields: { namespace: string; key: string }[];
  filter: string | null;
  name: string | null;
  apiVersion: string;
  createdAt: string;
  updatedAt: string;
}

const store = (state: ShopifyState) => domainState(state, "webhook-subscriptions", () => new Map<number, WebhookSubscriptionRecord>());

/**
 * The API-created subscriptions of `apiKey` on `shop` for `topic` ("products/update" or PRODUCTS_UPDATE).
 * The webhook dispatcher combines these with the app configuration's subscriptions.
 */
export function subscriptionsFor(state: ShopifyState, shop: string, apiKey: string, topic: string): WebhookSubscriptionRecord[] {
  const wanted = topic.includes("/") ? topic.replace("/", "_").toUpperCase() : topic;
  return [...store(state).values()].filter((s) => s.shop === shop && s.apiKey === apiKey && s.topic === wanted);
}

interface SubscriptionInput {
  uri?: string | null; callbackUrl?: string | null; format?: "JSON" | "XML" | null; includeFields?: string[] | null;
  metafieldNamespaces?: string[] | null; filter?: string | null; name?: string | null; metafields?: { namespace: string; key: string }[] | null;
}
type UserError = { field: string[] | null; message: string };

// "64 KB" in the messages, but 65535 bytes is the largest accepted (…-address-byte-size-validation.json,
// …-filter-byte-size-validation.json: 65535 accepted, 65536 rejected).
const MAX_BYTES = 65_535;
const ADDRESS = ["webhookSubscription", "callbackUrl"];
// Topics whose payloads only exist as JSON (topic-format-name-validation: RETURNS_APPROVE).
const JSON_ONLY_PREFIXES = ["RETURNS_", "REVERSE_", "BULK_OPERATIONS_", "APP_SUBSCRIPTIONS_", "APP_PURCHASES_", "FULFILLMENT_ORDERS_", "MARKETS_", "METAOBJECTS_"];

export function webhookSubscriptionCreate(args: { topic: string; webhookSubscription: SubscriptionInput }, ctx: AdminContext) {
  const input = args.webhookSubscription;
  const uri = (input.uri ?? input.callbackUrl ?? "").trim();
  const errors = [...validateAddress(uri, ctx), ...validateRest(input, args.topic, uri, ctx, undefined)];
  if (!errors.length && mine(ctx).some((s) => s.topic === args.topic && s.uri === uri && s.format === (input.format ?? "JSON"))) {
    errors.push({ field: ADDRESS, message: "Address for this topic has already been taken" });
  }
  if (errors.length) return { webhookSubscription: null, userErrors: errors };
  const now = isoSeconds();
  const record: WebhookSubscriptionRecord = {
    id: ctx.state.nextId(), shop: ctx.shop.domain, apiKey: ctx.token.apiKey, topic: args.topic, uri,
    format: input.format ?? "JSON", includeFields: input.includeFields ?? [], metafieldNamespaces: namespaces(input.metafieldNamespaces ?? [], ctx),
    metafields: metafieldIdentifiers(input.metafields ?? [], ctx),
    filter: input.filter ?? null, name: input.name ?? null, apiVersion: ADMIN_API_VERSION, createdAt: now, updatedAt: now,
  };
  store(ctx.state).set(record.id, record);
  return { webhookSubscription: subscriptionNode(record), userErrors: [] };
}

export function webhookSubscriptionUpdate(args: { id: string; webhookSubscription: SubscriptionInput }, ctx: AdminContext) {
  const record = findOwn(ctx, args.id);
  if (!record) return { webhookSubscription: null, userErrors: [{ field: ["id"], message: "Webhook subscription does not exist" }] };
  const input = args.webhookSubscription;
  const given = input.uri ?? input.callbackUrl;
  const uri = given === undefined || given === null ? record.uri : given.trim();
  const errors = [...(given == null ? [] : validateAddress(uri, ctx)), ...validateRest(input, record.topic, uri, ctx, record)];
  if (errors.length) return { webhookSubscription: null, userErrors: errors };
  Object.assign(record, {
    uri,
    ...(input.format != null && { format: input.format }),
    ...(input.includeFields != null && { includeFields: input.includeFields }),
    ...(input.metafieldNamespaces != null && { metafieldNamespaces: namespaces(input.metafieldNamespaces, ctx) }),
    ...(input.metafields != null && { metafields: metafieldIdentifiers(input.metafields, ctx) }),
    ...(input.filter !== undefined && { filter: input.filter }),
    ...(input.name !== undefined && { name: input.name }),
    updatedAt: isoSeconds(),
  });
  return { webhookSubscription: subscriptionNode(record), userErrors: [] };
}

// Dedicated cloud-destination mutations (webhook-subscription-dedicated-cloud-destinations.json,
// gcp-project-topic-char-rules.json, webhook-subscription-pubsub-both-invalid.json,
// eventbridge-cloud-format-json-only.json). They store the same record as webhookSubscriptionCreate
// (uri pubsub://project:topic or the ARN), but report errors on their own input fields.
interface PubSubInput extends Omit<SubscriptionInput, "uri" | "callbackUrl"> { pubSubProject: string; pubSubTopic: string }
interface EventBridgeInput extends Omit<SubscriptionInput, "uri" | "callbackUrl"> { arn?: string | null }

function pubSubErrors(input: PubSubInput): UserError[] {
  const errors: UserError[] = [];
  if (!validGcpProject(input.pubSubProject)) errors.push({ field: ["webhookSubscription", "pubSubProject"], message: "Google Cloud Pub/Sub project ID is not valid" });
  if (!validGcpTopic(input.pubSubTopic)) errors.push({ field: ["webhookSubscription", "pubSubTopic"], message: "Google Cloud Pub/Sub topic ID is not valid" });
  return errors;
}

const ARN_FIELD = ["webhookSubscription", "arn"];
const arnErrors = (arn: string, ctx: AdminContext): UserError[] => validateAddress(arn.trim(), ctx).map((e) => ({ ...e, field: ARN_FIELD }));

export function pubSubWebhookSubscriptionCreate(args: { topic: string; webhookSubscription: PubSubInput }, ctx: AdminContext) {
  const input = args.webhookSubscription;
  const errors = pubSubErrors(input);
  if (errors.length) return { webhookSubscription: null, userErrors: errors };
  return webhookSubscriptionCreate({ topic: args.topic, webhookSubscription: { ...input, uri: `pubsub://${input.pubSubProject}:${input.pubSubTopic}` } }, ctx);
}

export function pubSubWebhookSubscriptionUpdate(args: { id: string; webhookSubscription: PubSubInput }, ctx: AdminContext) {
  const input = args.webhookSubscription;
  if (!findOwn(ctx, args.id)) return { webhookSubscription: null, userErrors: [{ field: ["id"], message: "Webhook subscription does not exist" }] };
  const errors = pubSubErrors(input);
  if (errors.length) return { webhookSubscription: null, userErrors: errors };
  return webhookSubscriptionUpdate({ id: args.id, webhookSubscription: { ...input, uri: `pubsub://${input.pubSubProject}:${input.pubSubTopic}` } }, ctx);
}

export function eventBridgeWebhookSubscriptionCreate(args: { topic: string; webhookSubscription: EventBridgeInput }, ctx: AdminContext) {
  const input = args.webhookSubscription;
  const errors = arnErrors(input.arn ?? "", ctx);
  if (errors.length) return { webhookSubscription: null, userErrors: errors };
  return webhookSubscriptionCreate({ topic: args.topic, webhookSubscription: { ...input, uri: input.arn } }, ctx);
}

export function eventBridgeWebhookSubscriptionUpdate(args: { id: string; webhookSubscription: EventBridgeInput }, ctx: AdminContext) {
  const input = args.webhookSubscription;
  if (!findOwn(ctx, args.id)) return { webhookSubscription: null, userErrors: [{ field: ["id"], message: "Webhook subscription does not exist" }] };
  const errors = input.arn == null ? [] : arnErrors(input.arn, ctx);
  if (errors.length) return { webhookSubscription: null, userErrors: errors };
  return webhookSubscriptionUpdate({ id: args.id, webhookSubscription: { ...input, uri: input.arn } }, ctx);
}

// "$app:x" namespaces are stored resolved (webhook-subscription-metafield-namespaces-resolution.json).
const namespaces = (list: string[], ctx: AdminContext) => list.map((n) => (n.startsWith("$app") ? resolveAppPrefix(n, ctx.token.apiKey) : n));
const metafieldIdentifiers = (list: { namespace: string; key: string }[], ctx: AdminContext) =>
  list.map((m) => ({ namespace: namespaces([m.namespace], ctx)[0]!, key: m.key }));

// Deleting an already-deleted subscription again succeeds with its id: every capture that deletes in
// its lifecycle and again in cleanup shows this (webhook-subscription-api-version-projection.json,
// -metafields-lifecycle.json, -metafield-namespaces-resolution.json). Ids never created stay unknown.
const deletedIds = (state: ShopifyState) => domainState(state, "webhook-subscriptions-deleted", () => new Set<string>());

export function webhookSubscriptionDelete(args: { id: string }, ctx: AdminContext) {
  const record = findOwn(ctx, args.id);
  const tombstone = `${ctx.shop.domain} ${ctx.token.apiKey} ${args.id}`;
  if (!record && deletedIds(ctx.state).has(tombstone)) return { deletedWebhookSubscriptionId: args.id, userErrors: [] };
  if (!record) return { deletedWebhookSubscriptionId: null, userErrors: [{ field: ["id"], message: "Webhook subscription does not exist" }] };
  deletedIds(ctx.state).add(tombstone);
  store(ctx.state).delete(record.id);
  return { deletedWebhookSubscriptionId: gid("WebhookSubscription", record.id), userErrors: [] };
}

export function webhookSubscription(args: { id: string }, ctx: AdminContext) {
  const record = findOwn(ctx, args.id);
  return record ? subscriptionNode(record) : null;
}

interface ListArgs extends ConnectionArgs { topics?: string[] | null; format?: string | null; uri?: string | null; callbackUrl?: string | null; query?: string | null; sortKey?: string | null }

export function webhookSubscriptions(args: ListArgs, ctx: AdminContext) {
  const uri = args.uri ?? args.callbackUrl;
  let rows = mine(ctx).filter((s) => (!args.topics?.length || args.topics.includes(s.topic)) && (!args.format || s.format === args.format) && (!uri || s.uri === uri));
  const idFilter = args.query ? /^id:(\d+)$/.exec(args.query.trim()) : null;
  if (idFilter) rows = rows.filter((s) => String(s.id) === idFilter[1]);
  rows.sort((a, b) => (args.sortKey === "ID" ? a.id - b.id : a.createdAt.localeCompare(b.createdAt) || a.id - b.id));
  return connection(rows.map(subscriptionNode), args, (s) => s.id);
}

export function webhookSubscriptionsCount(_args: unknown, ctx: AdminContext) {
  return { __typename: "Count", count: mine(ctx).length, precision: "EXACT" };
}

const mine = (ctx: AdminContext) => [...store(ctx.state).values()].filter((s) => s.shop === ctx.shop.domain && s.apiKey === ctx.token.apiKey);

function findOwn(ctx: AdminContext, id: string) {
  const n = Number(/^gid:\/\/shopify\/WebhookSubscription\/(\d+)$/.exec(id)?.[1]);
  return mine(ctx).find((s) => s.id === n);
}

function validateAddress(uri: string, ctx: AdminContext): UserError[] {
  if (!uri) return [{ field: ADDRESS, message: "Address can't be blank" }];
  if (Buffer.byteLength(uri) > MAX_BYTES) return [{ field: ADDRESS, message: "Address is too big (maximum is 64 KB)" }];
  if (uri.startsWith("arn:aws:events:")) {
    const m = /^arn:aws:events:[a-z0-9-]+::event-source\/aws\.partner\/shopify\.com(?:\.test)?\/(\d+)\/[A-Za-z0-9._-]+$/.exec(uri);
    if (!m) return [{ field: ADDRESS, message: "Address is invalid" }, { field: ADDRESS, message: "Address is not a valid AWS ARN" }];
    const own = apiClientId(ctx.token.apiKey);
    if (m[1] !== own) return [{ field: ADDRESS, message: "Address is invalid" }, { field: ADDRESS, message: `Address is an AWS ARN and includes api_client_id '${m[1]}' instead of '${own}'` }];
    return [];
  }
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(uri)?.[1]?.toLowerCase();
  if (scheme === "pubsub") return validatePubSub(uri);
  if (scheme !== "https") {
    const errors: UserError[] = [{ field: ADDRESS, message: `Address protocol ${scheme ?? uri.split(":")[0]}:// is not supported` }];
    if (scheme === "kafka") errors.push({ field: ADDRESS, message: "Address is not a valid kafka topic" });
    return errors;
  }
  let host: string;
  try {
    host = new URL(uri).hostname.toLowerCase();
  } catch {
    return [{ field: ADDRESS, message: "Address is invalid" }];
  }
  if (!host) return [{ field: ADDRESS, message: "Address is invalid" }];
  const internal = host === "localhost" || /^(127\.|10\.|192\.168\.|0\.)/.test(host) || /(^|\.)(shopify\.com|myshopify\.com|shopifycloud\.com)$/.test(host) || !host.includes(".");
  return internal ? [{ field: ADDRESS, message: "Address cannot be a Shopify or an internal domain" }] : [];
}

// A numeric project number is accepted as well (gcp-project-topic-char-rules.json: "123456789012").
const validGcpProject = (p: string) => /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/.test(p) || /^\d{1,30}$/.test(p);
const validGcpTopic = (t: string) => /^[A-Za-z][A-Za-z0-9._~+%-]{2,254}$/.test(t) && !t.toLowerCase().startsWith("goog");

// GCP naming: project 6–30 chars, starts with a letter; topic 3–255 chars, starts with a letter, no "goog" prefix.
function validatePubSub(uri: string): UserError[] {
  const m = /^pubsub:\/\/([^:]+):(.+)$/.exec(uri);
  if (!m) return [{ field: ADDRESS, message: "Address protocol pubsub:// is not supported" }, { field: ADDRESS, message: "Address is not a valid GCP pub/sub format. Format should be pubsub://project:topic" }];
  if (!validGcpProject(m[1]!)) return [{ field: ADDRESS, message: "Address is invalid" }, { field: ADDRESS, message: "Address is not a valid GCP project id." }];
  if (!validGcpTopic(m[2]!)) {
    return [{ field: ADDRESS, message: "Address is invalid" }, { field: ADDRESS, message: "Address is not a valid GCP topic id." }];
  }
  return [];
}

function validateRest(input: SubscriptionInput, topic: string, uri: string, ctx: AdminContext, self: WebhookSubscriptionRecord | undefined): UserError[] {
  const errors: UserError[] = [];
  if (input.format === "XML") {
    if (!uri.startsWith("https://")) errors.push({ field: ["webhookSubscription", "format"], message: "Format can only be used with format: 'json'" });
    else if (JSON_ONLY_PREFIXES.some((p) => topic.startsWith(p))) errors.push({ field: ["webhookSubscription", "format"], message: "Format 'xml' is invalid for this webhook topic. Allowed formats: json" });
  }
  if (input.filter) {
    // webhook-subscription-filter-byte-size-validation.json
    if (Buffer.byteLength(input.filter) > MAX_BYTES) errors.push({ field: ["webhookSubscription"], message: "The specified filter exceeds the maximum allowed size." });
    // Every term must name a field ("customer_id:1"); a bare word is rejected (filter-mixed-term).
    else if (input.filter.split(/\s+(?:AND|OR)\s+|\s+/).filter(Boolean).some((term) => !/^-?[\w.]+:/.test(term.replace(/^\(+/, "")))) {
      errors.push({ field: ["webhookSubscription"], message: "The specified filter is invalid, please ensure you specify the field(s) you wish to filter on." });
    }
  }
  if (input.name != null) {
    if (input.name.length < 1) errors.push({ field: ["webhookSubscription", "name"], message: "Name is too short (minimum is 1 character)" });
    if (!/^[A-Za-z0-9_-]+$/.test(input.name)) errors.push({ field: ["webhookSubscription", "name"], message: "Name name field can only contain alphanumeric characters, underscores, and hyphens" });
    else if (mine(ctx).some((s) => s !== self && s.name?.toLowerCase() === input.name!.toLowerCase())) {
      errors.push({ field: ["webhookSubscription", "name"], message: "Name already exists, no duplicate allowed" });
    }
  }
  return errors;
}

// 2026-07 is Shopify's release candidate while these captures were taken:
// webhook-subscription-api-version-projection.json shows { displayName: "2026-07 (Release candidate)", supported: false }.
const RELEASE_CANDIDATE = "2026-07";
const apiVersionNode = (handle: string) => ({
  __typename: "ApiVersion", handle,
  displayName: handle === RELEASE_CANDIDATE ? `${handle} (Release candidate)` : handle,
  supported: handle !== RELEASE_CANDIDATE,
});

function subscriptionNode(s: WebhookSubscriptionRecord) {
  const endpoint = s.uri.startsWith("pubsub://")
    ? { __typename: "WebhookPubSubEndpoint", pubSubProject: s.uri.slice(9).split(":")[0], pubSubTopic: s.uri.slice(9).split(":").slice(1).join(":") }
    : s.uri.startsWith("arn:")
      ? { __typename: "WebhookEventBridgeEndpoint", arn: s.uri }
      : { __typename: "WebhookHttpEndpoint", callbackUrl: s.uri };
  return {
    __typename: "WebhookSubscription",
    id: gid("WebhookSubscription", s.id),
    legacyResourceId: String(s.id),
    topic: s.topic,
    uri: s.uri,
    callbackUrl: endpoint.__typename === "WebhookHttpEndpoint" ? s.uri : "https://eventbridge.arn", // as captured for cloud endpoints
    endpoint,
    format: s.format,
    includeFields: s.includeFields,
    metafieldNamespaces: s.metafieldNamespaces,
    metafields: s.metafields.map((m) => ({ __typename: "WebhookSubscriptionMetafieldIdentifier", ...m })),
    filter: s.filter,
    name: s.name,
    apiVersion: apiVersionNode(s.apiVersion),
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}
