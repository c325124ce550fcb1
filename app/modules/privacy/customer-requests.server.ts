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

/** customers/data_request: recorded for staff, who send the customer what Tessera holds. */
export async function recordDataRequest(shop: string, webhookId: string, payload: DataRequest) {
  const prisma = await db();
  await prisma.complianceRequest.upsert({
    where: { webhookId },
    create: {
      shop,
      webhookId,
      kind: "customers/data_request",
      customerId: String(payload.customer.id),
      ordersCount: payload.orders_requested.length,
    },
    update: {},
  });
}

/** customers/redact: erase the customer's rows everywhere, then record that it was done. */
export async function redactCustomer(shop: string, webhookId: string, payload: RedactRequest) {
  const customerId = String(payload.customer.id);
  for (const eraser of erasers.values()) await eraser(shop, customerId);
  const prisma = await db();
  await prisma.complianceRequest.upsert({
    where: { webhookId },
    create: {
      shop,
      webhookId,
      kind: "customers/redact",
      customerId,
      ordersCount: payload.orders_to_redact.length,
      completedAt: new Date(),
    },
    update: { completedAt: new Date() },
  });
}
