import { z } from "zod";
import { db } from "~/db.server";
import { defineJob } from "~/modules/jobs/define.server";

const KEEP_DAYS = 30;

/** Daily: forget processed webhook deliveries older than Shopify's redelivery window (with margin). */
export const pruneDeliveriesJob = defineJob({
  name: "maintenance.prune-deliveries",
  payload: z.object({}).passthrough(),
  requiresInstalledShop: false,
  async run(_payload, { log }) {
    const prisma = await db();
    const cutoff = new Date(Date.now() - KEEP_DAYS * 86_400_000);
    const shops = await prisma.shop.findMany({ select: { shop: true } });
    let removed = 0;
    for (const { shop } of shops) {
      const result = await prisma.webhookDelivery.deleteMany({ where: { shop, processedAt: { lt: cutoff } } });
      removed += result.count;
    }
    log.info({ removed, shops: shops.length }, "pruned webhook deliveries");
  },
});
