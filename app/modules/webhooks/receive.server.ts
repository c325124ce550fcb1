import { authenticate } from "~/shopify.server";
import { logger } from "~/modules/observability/logger.server";
import { acceptDelivery } from "./deliveries.server";
import { libraryTopic, WEBHOOK_TOPICS, type WebhookTopic } from "./topics";

/**
 * The whole webhook route: verify the HMAC, validate the payload, record the delivery once and
 * queue the work. Shopify wants a 200 within 5 s; the effect happens in a job.
 */
export async function receiveWebhook(request: Request, topic: WebhookTopic): Promise<Response> {
  // A delivery without a signature is unauthenticated, not malformed.
  if (!request.headers.get("x-shopify-hmac-sha256")) return new Response(undefined, { status: 401 });
  const context = await authenticate.webhook(request); // throws 401 on a forged HMAC
  if (context.topic !== libraryTopic(topic)) {
    return Response.json({ error: `This endpoint accepts ${topic} only` }, { status: 400 });
  }
  const parsed = WEBHOOK_TOPICS[topic].safeParse(context.payload);
  if (!parsed.success) {
    logger.warn({ topic, shop: context.shop, issues: parsed.error.issues.length }, "webhook payload rejected");
    return Response.json({ error: "Payload does not match the topic's schema" }, { status: 400 });
  }
  const outcome = await acceptDelivery({
    webhookId: context.webhookId,
    shop: context.shop,
    topic,
    payload: parsed.data as Record<string, unknown>,
  });
  logger.info({ topic, shop: context.shop, webhookId: context.webhookId, outcome }, "webhook received");
  return new Response(undefined, { status: 200 });
}
