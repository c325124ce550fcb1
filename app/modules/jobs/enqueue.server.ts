import type { z } from "zod";
import type { JobDefinition } from "./define.server";
import { queue } from "./runtime.server";

export class InvalidJobPayloadError extends Error {
  override name = "InvalidJobPayloadError";
}

/** Validates and queues a job. Returns the job id, or null when a job with the same singleton key is already waiting. */
export async function enqueueJob<S extends z.ZodType>(
  job: JobDefinition<S>,
  payload: z.input<S>,
  options: { startAfterSeconds?: number } = {},
): Promise<string | null> {
  const parsed = job.payload.safeParse(payload);
  if (!parsed.success) {
    throw new InvalidJobPayloadError(`Invalid payload for ${job.name}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  const boss = await queue();
  await ensureQueue(job);
  return boss.send(job.name, parsed.data as object, {
    singletonKey: job.singletonKey?.(parsed.data),
    retryLimit: job.retryLimit ?? 5,
    retryDelay: job.retryDelaySeconds ?? 5,
    retryBackoff: true,
    retryDelayMax: 600,
    startAfter: options.startAfterSeconds,
  });
}

const created = new WeakMap<object, Set<string>>();
/** pg-boss 10+ needs a queue to exist before send/work; creating it is idempotent. */
export async function ensureQueue(job: { name: string; singletonKey?: unknown }): Promise<void> {
  const boss = await queue();
  const known = created.get(boss) ?? new Set<string>();
  created.set(boss, known);
  if (known.has(job.name)) return;
  if (!(await boss.getQueue(job.name))) {
    // "stately": per singleton key, at most one job waiting and one running (pg-boss only honours
    // keys under a keyed policy). A 10 s heartbeat lets the supervisor notice a killed worker
    // quickly and retry its job.
    await boss.createQueue(job.name, {
      policy: job.singletonKey ? "stately" : "standard",
      heartbeatSeconds: 10,
      expireInSeconds: 15 * 60,
      notify: true,
    });
  }
  known.add(job.name);
}
