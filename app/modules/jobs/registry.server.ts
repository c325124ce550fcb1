import { pruneDeliveriesJob } from "~/modules/maintenance/prune-deliveries.job.server";
import { processWebhookJob } from "~/modules/webhooks/process-webhook.job.server";
import type { JobDefinition } from "./define.server";

// Every job the worker runs. A module adds its job here.
export const JOBS: JobDefinition[] = [processWebhookJob, pruneDeliveriesJob] as JobDefinition[];

export const SCHEDULES: { job: JobDefinition; cron: string; key: string }[] = [
  { job: pruneDeliveriesJob as JobDefinition, cron: "17 3 * * *", key: "daily" },
];
