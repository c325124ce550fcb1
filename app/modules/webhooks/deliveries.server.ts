import { db } from "~/db.server";
import { enqueueJob } from "~/modules/jobs/enqueue.server";
import { processWebhookJob } from "./process-webhook.job.server";
import type { WebhookTopic } from "./topics";

export type DeliveryOutcome = "queued" | "duplicate";

/**
 * Records a delivery keyed by X-Shopify-Webhook-Id and queues its processing. A redelivery of a
 * webhook already queued or processed changes nothing; one that arrives after a crash between
 * record and queue is queued again (the job's singleton key and its own check keep it single).
 */
export async function acceptDelivery(input: {
  webhookId: string;
  shop: string;
  topic: WebhookTopic;
  payload: Record<string, unknown>;
}): Promise<DeliveryOutcome> {
  const prisma = await db();
  const { webhookId, shop, topic } = input;
  const inserted = await prisma.webhookDelivery.createMany({ data: [{ webhookId, shop, topic }], skipDuplicates: true });
  if (inserted.count === 0) {
    const existing = await prisma.webhookDelivery.findFirst({ where: { webhookId, shop } });
    await prisma.webhookDelivery.updateMany({ where: { webhookId, shop }, data: { attempts: { increment: 1 } } });
    if (existing?.enqueuedAt || existing?.processedAt) return "duplicate";
  }
  await enqueueJob(processWebhookJob, input);
  await prisma.webhookDelivery.updateMany({ where: { webhookId, shop }, data: { enqueuedAt: new Date() } });
  return "queued";
}

export async function markDeliveryProcessed(shop: string, webhookId: string): Promise<void> {
  const prisma = await db();
  await prisma.webhookDelivery.updateMany({ where: { webhookId, shop }, data: { processedAt: new Date() } });
}

export async function isDeliveryProcessed(shop: string, webhookId: string): Promise<boolean> {
  const prisma = await db();
  const row = await prisma.webhookDelivery.findFirst({ where: { webhookId, shop }, select: { processedAt: true } });
  return Boolean(row?.processedAt);
}
