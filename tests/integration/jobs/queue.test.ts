import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineJob } from "~/modules/jobs/define.server";
import { enqueueJob, InvalidJobPayloadError } from "~/modules/jobs/enqueue.server";
import { JOBS } from "~/modules/jobs/registry.server";
import { queue } from "~/modules/jobs/runtime.server";
import { startBackgroundWorker, stopBackgroundWorker } from "~/modules/jobs/worker.server";
import { recordInstallation } from "~/modules/shops/installation.server";
import { useTestDatabase } from "../../support/database";
import { until } from "../../support/until";

const database = useTestDatabase();
const SHOP = "jobs.myshopify.com";
const attempts: Record<string, number[]> = {};

const alwaysFails = defineJob({
  name: "test.always-fails",
  payload: z.object({ shop: z.string(), key: z.string() }),
  requiresInstalledShop: false,
  retryLimit: 2,
  retryDelaySeconds: 1,
  async run({ key }) {
    (attempts[key] ??= []).push(Date.now());
    throw new Error(`boom ${key}`);
  },
});

const counts = defineJob({
  name: "test.counts",
  payload: z.object({ shop: z.string(), key: z.string() }),
  singletonKey: (p) => p.key,
  requiresInstalledShop: true,
  async run({ key }) {
    (attempts[key] ??= []).push(Date.now());
  },
});


describe("job queue", () => {
  beforeAll(async () => {
    await startBackgroundWorker([...JOBS, alwaysFails, counts] as never);
  });
  afterAll(() => stopBackgroundWorker());
  beforeEach(() => database.reset());

  it("retries with growing delays, then writes a dead-letter record", async () => {
    const id = await enqueueJob(alwaysFails, { shop: SHOP, key: "a" });
    const dead = await until(() => database.prisma.deadJob.findFirst({ where: { shop: SHOP, id: id! } }), 45_000);
    expect(dead).toMatchObject({ queue: "test.always-fails", attempts: 3, error: "boom a" });
    expect(attempts.a).toHaveLength(3);
    const [first, second, third] = attempts.a!;
    expect(second! - first!).toBeGreaterThanOrEqual(900);
    expect(third! - second!).toBeGreaterThan(second! - first!); // exponential backoff
    expect((await (await queue()).getJobById(alwaysFails.name, id!))?.state).toBe("failed");
  }, 60_000);

  it("refuses an invalid payload at the door, queueing nothing", async () => {
    await expect(enqueueJob(counts, { shop: SHOP } as never)).rejects.toThrow(InvalidJobPayloadError);
    await expect(enqueueJob(counts, { shop: SHOP } as never)).rejects.toThrow(/key/);
  });

  it("keeps one waiting job per singleton key", async () => {
    const first = await enqueueJob(counts, { shop: SHOP, key: "single" }, { startAfterSeconds: 3600 });
    const second = await enqueueJob(counts, { shop: SHOP, key: "single" }, { startAfterSeconds: 3600 });
    expect(first).toBeTruthy();
    expect(second).toBeNull();
  });

  it("skips shop work once the shop is uninstalled, and runs it while installed", async () => {
    await recordInstallation(SHOP, "read_products");
    const ran = await enqueueJob(counts, { shop: SHOP, key: "installed" });
    await until(async () => (await (await queue()).getJobById(counts.name, ran!))?.state === "completed");
    expect(attempts.installed).toHaveLength(1);

    await database.prisma.shop.update({ where: { shop: SHOP }, data: { uninstalledAt: new Date() } });
    const skipped = await enqueueJob(counts, { shop: SHOP, key: "gone" });
    await until(async () => (await (await queue()).getJobById(counts.name, skipped!))?.state === "completed");
    expect(attempts.gone).toBeUndefined();
  });

  it("registers the cron schedules", async () => {
    const schedules = await (await queue()).getSchedules();
    expect(schedules.map((s) => [s.name, s.cron])).toContainEqual(["maintenance.prune-deliveries", "17 3 * * *"]);
  });
});
