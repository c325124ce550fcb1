import { createHmac, randomUUID } from "node:crypto";

// Webhook delivery as Shopify does it over HTTPS: POST the JSON payload with Shopify's headers,
// signed with the app's client secret (base64 HMAC-SHA256 of the raw body).

export function signWebhook(body: string | Buffer, secret: string): string {
  return createHmac("sha256", secret).update(body).digest("base64");
}

export interface WebhookDelivery {
  appUrl: string;
  path: string; // e.g. /webhooks/app/uninstalled
  topic: string; // header form, e.g. "app/uninstalled"
  shop: string;
  payload: unknown;
  apiVersion: string;
  secret: string;
  webhookId?: string; // reuse one to simulate Shopify's retries of the same delivery
  eventId?: string;
  triggeredAt?: Date;
}

export interface DeliveredWebhook { status: number; body: string; webhookId: string; headers: Record<string, string> }

/** The headers Shopify sends with a webhook whose raw body is `body`. */
export function webhookHeaders(
  d: Pick<WebhookDelivery, "topic" | "shop" | "apiVersion" | "secret" | "webhookId" | "eventId" | "triggeredAt">,
  body: string,
): Record<string, string> {
  return {
    "Content-Type": "application/json",
    "X-Shopify-Topic": d.topic,
    "X-Shopify-Hmac-Sha256": signWebhook(body, d.secret),
    "X-Shopify-Shop-Domain": d.shop,
    "X-Shopify-API-Version": d.apiVersion,
    "X-Shopify-Webhook-Id": d.webhookId ?? randomUUID(),
    "X-Shopify-Event-Id": d.eventId ?? randomUUID(),
    "X-Shopify-Triggered-At": (d.triggeredAt ?? new Date()).toISOString(),
  };
}

export async function deliverWebhook(d: WebhookDelivery): Promise<DeliveredWebhook> {
  const body = JSON.stringify(d.payload);
  const headers = webhookHeaders(d, body);
  const webhookId = headers["X-Shopify-Webhook-Id"]!;
  const res = await fetch(new URL(d.path, d.appUrl), { method: "POST", headers, body, signal: AbortSignal.timeout(5000) });
  return { status: res.status, body: await res.text(), webhookId, headers };
}
