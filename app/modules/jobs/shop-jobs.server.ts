import { queue } from "./runtime.server";

/** Cancels every queued (not yet running) job of a shop, across all queues. */
export async function cancelShopJobs(shop: string): Promise<number> {
  const boss = await queue();
  let cancelled = 0;
  for (const { name } of await boss.getQueues()) {
    const waiting = await boss.findJobs(name, { data: { shop }, queued: true });
    if (waiting.length === 0) continue;
    await boss.cancel(name, waiting.map((job) => job.id));
    cancelled += waiting.length;
  }
  return cancelled;
}
