import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type Database, type DatabaseTarget } from "~/modules/database/connection.server";
import { deployMigrations } from "~/modules/database/migrations.server";
import { stopQueue } from "~/modules/jobs/runtime.server";
import { action as customersDataRequest } from "~/routes/webhooks.customers.data_request";
import { createServerDatabase, MIGRATIONS_DIR, testDbKind } from "../../support/database";
import { webhookRequest } from "../../support/webhook-request";

// A real worker process is SIGKILLed while its job sits between its effect and its completion;
// a new worker process must run the job again, and the effect must still happen exactly once.
const SHOP = "kill-test.myshopify.com";
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function scratchTarget(): Promise<{ target: DatabaseTarget; env: Record<string, string> }> {
  if (testDbKind() === "postgres") {
    const server = await createServerDatabase("tessera_kill");
    cleanups.push(server.drop);
    return { target: { kind: "postgres", url: server.url }, env: { DATABASE_URL: server.url } };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tessera-kill-"));
  cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  return { target: { kind: "pglite", dataDir }, env: { PGLITE_DATA_DIR: dataDir } };
}

/** Opens the database in this process for a moment (PGlite allows one process at a time). */
async function withDatabase<T>(target: DatabaseTarget, run: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(target);
  globalThis.__tesseraDb = Promise.resolve(db);
  try {
    return await run(db);
  } finally {
    await stopQueue();
    globalThis.__tesseraDb = undefined;
    await db.close();
  }
}

// `node --import tsx` (not the tsx CLI, which runs the script in a grandchild) so the kill hits the worker itself.
function startWorker(env: Record<string, string>): { child: ChildProcess; waitFor(text: string, ms?: number): Promise<void> } {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, NODE_ENV: "test", LOG_LEVEL: "info" };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], { env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  cleanups.push(async () => void child.kill("SIGKILL"));
  return {
    child,
    waitFor: (text, ms = 60_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`worker never logged "${text}". Output:\n${output.slice(-4000)}`)), ms);
        const check = () => {
          if (output.includes(text)) {
            clearTimeout(timer);
            resolve();
          } else if (child.exitCode !== null) {
            clearTimeout(timer);
            reject(new Error(`worker exited (${child.exitCode}) before logging "${text}":\n${output.slice(-4000)}`));
          } else setTimeout(check, 50);
        };
        check();
      }),
  };
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => child.once("exit", () => r()));

describe(`worker killed mid-job (${testDbKind()})`, () => {
  it("runs the job again after restart and its effect happens once", async () => {
    const { target, env } = await scratchTarget();
    const webhookId = crypto.randomUUID();

    await withDatabase(target, async (db) => {
      await deployMigrations(db.pglite ? { kind: "pglite", pglite: db.pglite } : target, { migrationsDir: MIGRATIONS_DIR });
      const payload = { shop_id: 1, shop_domain: SHOP, customer: { id: 5 }, orders_requested: [1] };
      const response = await customersDataRequest({
        request: webhookRequest({ topic: "customers/data_request", shop: SHOP, payload, webhookId }),
        params: {},
        context: {},
      });
      expect(response.status).toBe(200);
    });

    // First worker: does the effect, then is held by the fault and killed there.
    const first = startWorker({ ...env, TESSERA_FAULT_JOB_PAUSE_MS: "300000" });
    await first.waitFor("fault injection: pausing after effect");
    first.child.kill("SIGKILL");
    await exited(first.child);
    expect(first.child.signalCode).toBe("SIGKILL");

    // Second worker: the supervisor notices the dead job's stale heartbeat and retries it.
    const second = startWorker(env);
    await second.waitFor('"msg":"job done"', 90_000);
    second.child.kill("SIGTERM");
    await exited(second.child);

    await withDatabase(target, async (db) => {
      const requests = await db.prisma.complianceRequest.findMany({ where: { shop: SHOP } });
      expect(requests).toHaveLength(1);
      const delivery = await db.prisma.webhookDelivery.findFirst({ where: { webhookId, shop: SHOP } });
      expect(delivery?.processedAt).toBeInstanceOf(Date);
      const [job] = await db.prisma.$queryRawUnsafe<{ state: string; retry_count: number }[]>(
        `SELECT state::text AS state, retry_count FROM pgboss.job WHERE name = 'webhooks.process' AND singleton_key = $1`,
        webhookId,
      );
      expect(job).toMatchObject({ state: "completed" });
      expect(job!.retry_count).toBeGreaterThanOrEqual(1);
    });
  }, 180_000);
});
