import { appEnv } from "~/modules/config/env.server";
import { logger } from "~/modules/observability/logger.server";

/**
 * Test fault: holds a job at its riskiest point (effect done, not yet marked done) so a test can
 * kill the worker there. Zero by default; env parsing refuses it in production.
 */
export async function pauseAfterEffect(): Promise<void> {
  const ms = appEnv().TESSERA_FAULT_JOB_PAUSE_MS;
  if (ms <= 0) return;
  logger.warn({ ms }, "fault injection: pausing after effect");
  await new Promise((resolve) => setTimeout(resolve, ms));
}
