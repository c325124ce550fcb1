import type { z } from "zod";
import type { Logger } from "~/modules/observability/logger.server";

export type JobContext = { jobId: string; attempt: number; log: Logger; signal: AbortSignal };

export type JobDefinition<S extends z.ZodType = z.ZodType> = {
  /** Queue name, `<domain>.<action>`. */
  name: string;
  payload: S;
  /** Jobs with the same key are not queued twice while one is waiting. */
  singletonKey?: (payload: z.infer<S>) => string;
  /** Skip the job once the shop has uninstalled (most shop work); privacy work still runs. */
  requiresInstalledShop: boolean;
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** Work must be idempotent: a job killed mid-run is run again from the start. */
  run: (payload: z.infer<S>, ctx: JobContext) => Promise<void>;
};

export function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}
