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

export async function deliverWebhook(d: WebhookDelivery): Promise<DeliveredWebhook> {
  const body = JSON.stringify(d.payload);
  const webhookId = d.webhookId ?? randomUUID();
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    "X-Shopify-Topic": d.topic,
    "X-Shopify-Hmac-Sha256": signWebhook(body, d.secret),
    "X-Shopify-Shop-Domain": d.shop,
    "X-Shopify-API-Version": d.apiVersion,
    "X-Shopify-Webhook-Id": webhookId,
    "X-Shopify-Event-Id": d.eventId ?? randomUUID(),
    "X-Shopify-Triggered-At": (d.triggeredAt ?? new Date()).toISOString(),
  };
  const res = await fetch(new URL(d.path, d.appUrl), { method: "POST", headers, body, signal: AbortSignal.timeout(5000) });
  return { status: res.status, body: await res.text(), webhookId, headers };
}
