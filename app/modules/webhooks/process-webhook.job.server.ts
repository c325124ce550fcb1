import { z } from "zod";
import { defineJob } from "~/modules/jobs/define.server";
import { pauseAfterEffect } from "~/modules/jobs/fault-injection.server";
import { recordDataRequest, redactCustomer } from "~/modules/privacy/customer-requests.server";
import { redactShop } from "~/modules/privacy/redact-shop.server";
import { handleUninstall, updateGrantedScopes } from "~/modules/shops/installation.server";
import { isDeliveryProcessed, markDeliveryProcessed } from "./deliveries.server";
import { WEBHOOK_TOPICS, webhookTopics, type WebhookTopic } from "./topics";

const Payload = z.object({
  webhookId: z.string().min(1),
  shop: z.string().regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/),
  topic: z.enum(webhookTopics as [WebhookTopic, ...WebhookTopic[]]),
  payload: z.record(z.string(), z.unknown()),
});

// Each effect is idempotent (keyed by shop / webhook id), so a run interrupted after its effect
// and retried changes nothing more.
const effects: { [T in WebhookTopic]: (shop: string, webhookId: string, payload: z.infer<(typeof WEBHOOK_TOPICS)[T]>) => Promise<void> } = {
  "app/uninstalled": (shop) => handleUninstall(shop),
  "app/scopes_update": (shop, _id, payload) => updateGrantedScopes(shop, payload.current),
  "customers/data_request": (shop, webhookId, payload) => recordDataRequest(shop, webhookId, payload),
  "customers/redact": (shop, webhookId, payload) => redactCustomer(shop, webhookId, payload),
  "shop/redact": async (shop) => void (await redactShop(shop)),
};

export const processWebhookJob = defineJob({
  name: "webhooks.process",
  payload: Payload,
  singletonKey: (p) => p.webhookId,
  requiresInstalledShop: false, // uninstall and GDPR topics arrive after the shop is gone
  retryLimit: 8,
  async run({ webhookId, shop, topic, payload }, { log }) {
    if (await isDeliveryProcessed(shop, webhookId)) {
      log.info({ topic }, "webhook already processed");
      return;
    }
    const effect = effects[topic] as (shop: string, id: string, payload: unknown) => Promise<void>;
    await effect(shop, webhookId, WEBHOOK_TOPICS[topic].parse(payload));
    await pauseAfterEffect();
    // shop/redact deleted the delivery row with everything else; nothing is left to mark.
    if (topic !== "shop/redact") await markDeliveryProcessed(shop, webhookId);
  },
});
