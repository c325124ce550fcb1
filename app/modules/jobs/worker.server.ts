import type { JobWithMetadata } from "pg-boss";
import { appEnv } from "~/modules/config/env.server";
import { logger } from "~/modules/observability/logger.server";
import { ensureQueue } from "./enqueue.server";
import { JOBS, SCHEDULES } from "./registry.server";
import { runJob } from "./run-job.server";
import { startQueue, stopQueue } from "./runtime.server";

/** Starts the job worker in this process: every registered queue, plus the cron schedules. */
export async function startBackgroundWorker(): Promise<void> {
  const boss = await startQueue("worker");
  const concurrency = appEnv().WORKER_CONCURRENCY;
  for (const job of JOBS) {
    await ensureQueue(job);
    await boss.work<unknown>(
      job.name,
      { includeMetadata: true, batchSize: 1, localConcurrency: concurrency, pollingIntervalSeconds: 2 },
      async (jobs) => {
        for (const claimed of jobs as JobWithMetadata<unknown>[]) await runJob(job, claimed);
      },
    );
  }
  for (const schedule of SCHEDULES) {
    await ensureQueue(schedule.job);
    await boss.schedule(schedule.job.name, schedule.cron, {}, { key: schedule.key, tz: "UTC" });
  }
  logger.info({ queues: JOBS.map((j) => j.name), concurrency }, "worker started");
}

/** Lets running jobs finish (up to 10 s), then stops claiming new ones. */
export async function stopBackgroundWorker(): Promise<void> {
  await stopQueue();
  logger.info("worker stopped");
}
