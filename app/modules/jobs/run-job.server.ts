import type { JobWithMetadata } from "pg-boss";
import { db } from "~/db.server";
import { logger } from "~/modules/observability/logger.server";
import { isShopInstalled } from "~/modules/shops/installation.server";
import type { JobDefinition } from "./define.server";

/** Runs one claimed job: validate → skip if the shop is gone → run → dead-letter on the last failure. */
export async function runJob(definition: JobDefinition, job: JobWithMetadata<unknown>): Promise<void> {
  const log = logger.child({ job: definition.name, jobId: job.id, attempt: job.retryCount });
  const parsed = definition.payload.safeParse(job.data);
  if (!parsed.success) {
    // A payload that does not parse will never succeed: record it once instead of retrying.
    log.error({ issues: parsed.error.issues.length }, "job payload invalid; dead-lettered");
    await recordDeadJob(definition, job, `Invalid payload: ${parsed.error.message}`);
    return;
  }
  const shop = shopOf(parsed.data);
  if (definition.requiresInstalledShop && shop && !(await isShopInstalled(shop))) {
    log.info("shop is not installed; job skipped");
    return;
  }
  const started = Date.now();
  try {
    await definition.run(parsed.data, { jobId: job.id, attempt: job.retryCount, log, signal: job.signal });
    log.info({ ms: Date.now() - started }, "job done");
  } catch (error) {
    const final = job.retryCount >= job.retryLimit;
    log.warn({ err: error, final, ms: Date.now() - started }, "job failed");
    if (final) await recordDeadJob(definition, job, error instanceof Error ? error.message : String(error));
    throw error;
  }
}

function shopOf(payload: unknown): string | undefined {
  const shop = (payload as { shop?: unknown } | null)?.shop;
  return typeof shop === "string" ? shop : undefined;
}

async function recordDeadJob(definition: JobDefinition, job: JobWithMetadata<unknown>, error: string) {
  const prisma = await db();
  const data = {
    shop: shopOf(job.data) ?? "",
    queue: definition.name,
    payload: (job.data ?? {}) as object,
    error: error.slice(0, 2000),
    attempts: job.retryCount + 1,
  };
  await prisma.deadJob.upsert({ where: { id: job.id }, create: { id: job.id, ...data }, update: data });
}
