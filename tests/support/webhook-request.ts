import crypto from "node:crypto";

export const TEST_API_SECRET = process.env.SHOPIFY_API_SECRET ?? "tessera-local-api-secret";

/** A webhook Request exactly as Shopify sends it (HMAC over the raw body with the app secret). */
export function webhookRequest(opts: {
  topic: string;
  shop: string;
  payload: unknown;
  webhookId?: string;
  secret?: string;
  hmac?: string | null;
}): Request {
  const body = JSON.stringify(opts.payload);
  const hmac =
    opts.hmac === undefined
      ? crypto.createHmac("sha256", opts.secret ?? TEST_API_SECRET).update(body, "utf8").digest("base64")
      : opts.hmac;
  const headers = new Headers({
    "content-type": "application/json",
    "x-shopify-topic": opts.topic,
    "x-shopify-shop-domain": opts.shop,
    "x-shopify-api-version": "2026-07",
    "x-shopify-webhook-id": opts.webhookId ?? crypto.randomUUID(),
    "x-shopify-event-id": crypto.randomUUID(),
    "x-shopify-triggered-at": new Date().toISOString(),
  });
  if (hmac !== null) headers.set("x-shopify-hmac-sha256", hmac);
  return new Request(`http://localhost:3000/webhooks/${opts.topic}`, { method: "POST", headers, body });
}
