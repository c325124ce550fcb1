import type { JobWithMetadata } from "pg-boss";
import { appEnv } from "~/modules/config/env.server";
import { logger } from "~/modules/observability/logger.server";
import type { JobDefinition } from "./define.server";
import { ensureQueue } from "./enqueue.server";
import { JOBS, SCHEDULES } from "./registry.server";
import { runJob } from "./run-job.server";
import { startQueue, stopQueue } from "./runtime.server";

/** Starts the job worker in this process: every registered queue, plus the cron schedules. */
export async function startBackgroundWorker(jobs: JobDefinition[] = JOBS): Promise<void> {
  const boss = await startQueue("worker");
  const concurrency = appEnv().WORKER_CONCURRENCY;
  for (const job of jobs) {
    await ensureQueue(job);
    await boss.work<unknown>(
      job.name,
      // NOTIFY wakes workers for new jobs; polling still picks up retries and delayed jobs as they fall due.
      { includeMetadata: true, batchSize: 1, localConcurrency: concurrency, pollingIntervalSeconds: 2, notifyPollingIntervalSeconds: 2 },
      async (claimed) => {
        for (const one of claimed as JobWithMetadata<unknown>[]) await runJob(job, one);
      },
    );
  }
  for (const schedule of SCHEDULES) {
    await ensureQueue(schedule.job);
    await boss.schedule(schedule.job.name, schedule.cron, {}, { key: schedule.key, tz: "UTC" });
  }
  logger.info({ queues: jobs.map((j) => j.name), concurrency }, "worker started");
}

/** Lets running jobs finish (up to 10 s), then stops claiming new ones. */
export async function stopBackgroundWorker(): Promise<void> {
  await stopQueue();
  logger.info("worker stopped");
}
