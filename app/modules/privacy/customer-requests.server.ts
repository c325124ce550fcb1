import type { z } from "zod";
import { db } from "~/db.server";
import type { WEBHOOK_TOPICS } from "~/modules/webhooks/topics";

type DataRequest = z.infer<(typeof WEBHOOK_TOPICS)["customers/data_request"]>;
type RedactRequest = z.infer<(typeof WEBHOOK_TOPICS)["customers/redact"]>;

/**
 * Customer-linked data lives in later modules (pixel events, touchpoints). Each registers an eraser
 * here so customers/redact reaches all of it.
 */
export type CustomerEraser = (shop: string, customerId: string) => Promise<number>;
const erasers = new Map<string, CustomerEraser>();
export function registerCustomerEraser(name: string, eraser: CustomerEraser) {
  erasers.set(name, eraser);
}

/** One row per webhook delivery: a retried job finds it and changes nothing but completion. */
async function recordComplianceRequest(
  shop: string,
  webhookId: string,
  request: { kind: "customers/data_request" | "customers/redact"; customerId: string; ordersCount: number; completed: boolean },
) {
  const prisma = await db();
  const completedAt = request.completed ? new Date() : null;
  await prisma.complianceRequest.createMany({
    data: [{ shop, webhookId, kind: request.kind, customerId: request.customerId, ordersCount: request.ordersCount, completedAt }],
    skipDuplicates: true,
  });
  if (completedAt) await prisma.complianceRequest.updateMany({ where: { shop, webhookId, completedAt: null }, data: { completedAt } });
}

/** customers/data_request: recorded for staff, who send the customer what Tessera holds. */
export async function recordDataRequest(shop: string, webhookId: string, payload: DataRequest) {
  await recordComplianceRequest(shop, webhookId, {
    kind: "customers/data_request",
    customerId: String(payload.customer.id),
    ordersCount: payload.orders_requested.length,
    completed: false,
  });
}

/** customers/redact: erase the customer's rows everywhere, then record that it was done. */
export async function redactCustomer(shop: string, webhookId: string, payload: RedactRequest) {
  const customerId = String(payload.customer.id);
  for (const eraser of erasers.values()) await eraser(shop, customerId);
  await recordComplianceRequest(shop, webhookId, {
    kind: "customers/redact",
    customerId,
    ordersCount: payload.orders_to_redact.length,
    completed: true,
  });
}
