import type { Reply } from "../http/http";
import type { AccessTokenStore } from "./auth/access-tokens";
import { catalogOf } from "./catalog/store";
import type { ShopRecord, ShopifyState } from "./state";
import type { WebhookDispatcher } from "./webhook-dispatcher";

// Sandbox-only control endpoints on the twin's own origin (never on a shop host):
//   GET  /sandbox/webhooks[?topic=&shop=]         the delivery log (attempts, statuses, webhook ids)
//   POST /sandbox/webhooks/trigger                {topic, shop?, payload} → deliver now
//   POST /sandbox/shops/<shop>/uninstall          uninstall the app: tokens revoked, app/uninstalled, shop/redact 48 h later
//   POST /sandbox/compliance/<topic>              customers/data_request | customers/redact | shop/redact

export interface WebhookControlDeps {
  state: ShopifyState;
  tokens: AccessTokenStore;
  dispatcher: WebhookDispatcher;
  apiKey: string;
  defaultShop: string;
}

const COMPLIANCE_TOPICS = new Set(["customers/data_request", "customers/redact", "shop/redact"]);

export function handleWebhookControl(deps: WebhookControlDeps, method: string, url: URL, body: () => Promise<string>): Promise<Reply> | undefined {
  const path = url.pathname;
  if (method === "GET" && path === "/sandbox/webhooks") {
    const deliveries = deps.dispatcher.deliveries({ topic: url.searchParams.get("topic") ?? undefined, shop: url.searchParams.get("shop") ?? undefined });
    return Promise.resolve({ status: 200, body: { deliveries } });
  }
  if (method === "POST" && path === "/sandbox/webhooks/trigger") {
    return withJson(body, (input) => {
      const topic = typeof input.topic === "string" ? input.topic : undefined;
      if (!topic) return { status: 422, body: { errors: "topic is required" } };
      const shop = resolveShop(deps, input.shop);
      if ("error" in shop) return shop.error;
      return { status: 202, body: { deliveries: deps.dispatcher.trigger(topic, shop.domain, input.payload ?? {}) } };
    });
  }
  const uninstall = /^\/sandbox\/shops\/([^/]+)\/uninstall$/.exec(path);
  if (method === "POST" && uninstall) {
    const shop = resolveShop(deps, decodeURIComponent(uninstall[1]!));
    if ("error" in shop) return Promise.resolve(shop.error);
    return Promise.resolve(uninstallApp(deps, shop.record));
  }
  const compliance = /^\/sandbox\/compliance\/(.+)$/.exec(path);
  if (method === "POST" && compliance) {
    const topic = decodeURIComponent(compliance[1]!);
    if (!COMPLIANCE_TOPICS.has(topic)) return Promise.resolve({ status: 404, body: { errors: `not a compliance topic: ${topic}` } });
    return withJson(body, (input) => {
      const shop = resolveShop(deps, input.shop);
      if ("error" in shop) return shop.error;
      const payload = compliancePayload(deps.state, shop.record, topic, input);
      return { status: 202, body: { payload, deliveries: deps.dispatcher.trigger(topic, shop.domain, payload) } };
    });
  }
  return undefined;
}

export function uninstallApp(deps: WebhookControlDeps, shop: ShopRecord): Reply {
  const key = `${shop.domain} ${deps.apiKey}`;
  const wasInstalled = deps.state.installations.delete(key);
  deps.tokens.revokeShop(shop.domain, deps.apiKey);
  const deliveries = deps.dispatcher.trigger("app/uninstalled", shop.domain, shopPayload(shop));
  deps.dispatcher.scheduleShopRedact(shop.domain, { shop_id: shop.id, shop_domain: shop.domain });
  return { status: 202, body: { wasInstalled, deliveries } };
}

/** The REST Shop resource Shopify sends with app/uninstalled (fields the twin knows; the rest null). */
export function shopPayload(shop: ShopRecord): Record<string, unknown> {
  const primary = shop.locales.find((l) => l.primary)?.locale ?? "en";
  const owner = shop.staff.find((s) => s.accountOwner) ?? shop.staff[0];
  return {
    id: shop.id,
    name: shop.name,
    email: shop.email,
    domain: shop.primaryDomain.host,
    province: null,
    country: null,
    address1: null,
    zip: null,
    city: null,
    source: null,
    phone: null,
    latitude: null,
    longitude: null,
    primary_locale: primary,
    address2: null,
    created_at: null,
    updated_at: null,
    country_code: null,
    country_name: null,
    currency: shop.currencyCode,
    customer_email: shop.email,
    timezone: null,
    iana_timezone: shop.ianaTimezone,
    shop_owner: owner ? `${owner.firstName} ${owner.lastName}` : null,
    plan_display_name: shop.plan.publicDisplayName,
    plan_name: shop.plan.partnerDevelopment ? "partner_test" : null,
    myshopify_domain: shop.domain,
    enabled_presentment_currencies: [shop.currencyCode],
  };
}

function compliancePayload(state: ShopifyState, shop: ShopRecord, topic: string, input: Record<string, unknown>): Record<string, unknown> {
  if (topic === "shop/redact") return { shop_id: shop.id, shop_domain: shop.domain };
  const catalog = catalogOf(state, shop.domain);
  const given = (input.customer ?? {}) as { id?: unknown; email?: unknown; phone?: unknown };
  const customerRecord = [...catalog.customers.values()].find((c) => legacyId(c.gid) === Number(given.id) || c.email === given.email)
    ?? (given.id === undefined && given.email === undefined ? catalog.customers.values().next().value : undefined);
  const customer = {
    id: given.id !== undefined ? Number(given.id) : customerRecord ? legacyId(customerRecord.gid) : 1,
    email: typeof given.email === "string" ? given.email : customerRecord?.email ?? "shopper@example.com",
    phone: typeof given.phone === "string" ? given.phone : null,
  };
  const orders = Array.isArray(input.orders)
    ? input.orders.map(Number)
    : [...catalog.orders.values()].filter((o) => customerRecord && o.customerGid === customerRecord.gid).map((o) => o.legacyId);
  if (topic === "customers/redact") return { shop_id: shop.id, shop_domain: shop.domain, customer, orders_to_redact: orders };
  return { shop_id: shop.id, shop_domain: shop.domain, orders_requested: orders, customer, data_request: { id: Number(input.dataRequestId ?? Date.now() % 1e9) } };
}

const legacyId = (gid: string) => Number(gid.split("/").pop());

function resolveShop(deps: WebhookControlDeps, value: unknown): { domain: string; record: ShopRecord } | { error: Reply } {
  const domain = typeof value === "string" && value ? (value.includes(".") ? value : `${value}.myshopify.com`) : deps.defaultShop;
  const record = deps.state.shops.get(domain);
  return record ? { domain, record } : { error: { status: 404, body: { errors: `no shop ${domain} in the sandbox` } } };
}

async function withJson(body: () => Promise<string>, fn: (input: Record<string, unknown>) => Reply): Promise<Reply> {
  let input: unknown;
  try {
    const text = await body();
    input = text ? JSON.parse(text) : {};
  } catch {
    return { status: 400, body: { errors: "body must be JSON" } };
  }
  if (!input || typeof input !== "object" || Array.isArray(input)) return { status: 400, body: { errors: "body must be a JSON object" } };
  return fn(input as Record<string, unknown>);
}
