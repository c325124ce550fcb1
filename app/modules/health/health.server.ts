import { database } from "~/db.server";
import { queue } from "~/modules/jobs/runtime.server";

type Check = { ok: boolean; ms: number; error?: string };

async function timed(probe: () => Promise<unknown>, timeoutMs = 3000): Promise<Check> {
  const started = performance.now();
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs)),
    ]);
    return { ok: true, ms: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, ms: Math.round(performance.now() - started), error: error instanceof Error ? error.message : "failed" };
  }
}

/** Liveness of what every request and job depends on: the database and the job queue. */
export async function checkHealth() {
  const [db, jobs] = await Promise.all([
    timed(async () => (await database()).prisma.$queryRaw`SELECT 1`),
    timed(async () => {
      if (!(await (await queue()).isInstalled())) throw new Error("job queue schema missing");
    }),
  ]);
  return { status: db.ok && jobs.ok ? "ok" : "degraded", database: db, queue: jobs };
}
