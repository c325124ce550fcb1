import { webhookHeaders } from "../../sandbox/shopify/webhooks";

export const TEST_API_SECRET = process.env.SHOPIFY_API_SECRET ?? "tessera-local-api-secret";

/**
 * A webhook Request exactly as Shopify sends it (the sandbox's headers and HMAC), for calling a
 * route's action directly. `secret` signs with another key; `hmac` replaces the signature (null drops it).
 */
export function webhookRequest(opts: {
  topic: string;
  shop: string;
  payload: unknown;
  webhookId?: string;
  secret?: string;
  hmac?: string | null;
}): Request {
  const body = JSON.stringify(opts.payload);
  const headers = new Headers(
    webhookHeaders({ topic: opts.topic, shop: opts.shop, apiVersion: "2026-07", secret: opts.secret ?? TEST_API_SECRET, webhookId: opts.webhookId }, body),
  );
  if (opts.hmac === null) headers.delete("x-shopify-hmac-sha256");
  else if (opts.hmac !== undefined) headers.set("x-shopify-hmac-sha256", opts.hmac);
  return new Request(`http://localhost:3000/webhooks/${opts.topic}`, { method: "POST", headers, body });
}
