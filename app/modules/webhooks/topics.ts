import { z } from "zod";

// Payloads of the topics Tessera subscribes to (shopify.app.toml), as Shopify documents them.
// Only the fields the handlers use are required; the rest pass through.
const customerRef = z.object({ id: z.number().int(), email: z.string().optional().nullable(), phone: z.string().optional().nullable() }).passthrough();

export const WEBHOOK_TOPICS = {
  "app/uninstalled": z.object({}).passthrough(),
  "app/scopes_update": z.object({ current: z.array(z.string()), previous: z.array(z.string()).optional() }).passthrough(),
  "customers/data_request": z
    .object({
      shop_id: z.number().int(),
      shop_domain: z.string(),
      customer: customerRef,
      orders_requested: z.array(z.number().int()).default([]),
      data_request: z.object({ id: z.number().int() }).passthrough().optional(),
    })
    .passthrough(),
  "customers/redact": z
    .object({
      shop_id: z.number().int(),
      shop_domain: z.string(),
      customer: customerRef,
      orders_to_redact: z.array(z.number().int()).default([]),
    })
    .passthrough(),
  "shop/redact": z.object({ shop_id: z.number().int(), shop_domain: z.string() }).passthrough(),
} as const;

export type WebhookTopic = keyof typeof WEBHOOK_TOPICS;
export const webhookTopics = Object.keys(WEBHOOK_TOPICS) as WebhookTopic[];

/** The form @shopify/shopify-api reports topics in: `app/uninstalled` → `APP_UNINSTALLED`. */
export function libraryTopic(topic: WebhookTopic): string {
  return topic.toUpperCase().replace(/[/.]/g, "_");
}
