import type { PgBoss } from "pg-boss";
import { database } from "~/db.server";
import { createQueue, type QueueRole } from "./queue.server";

// One started queue per process. A worker process (or the app on PGlite, which hosts the worker)
// asks for the "worker" role before anything sends; the app on PostgreSQL is a producer only.
declare global {
  // eslint-disable-next-line no-var
  var __tesseraQueue: { role: QueueRole; boss: Promise<PgBoss> } | undefined;
}

export function startQueue(role: QueueRole): Promise<PgBoss> {
  const existing = globalThis.__tesseraQueue;
  if (existing) return existing.boss;
  const boss = database().then(async (db) => {
    const instance = createQueue(db, role);
    await instance.start();
    return instance;
  });
  globalThis.__tesseraQueue = { role, boss };
  return boss;
}

/** The queue for sending; on PGlite the in-process worker has already started it. */
export function queue(): Promise<PgBoss> {
  return globalThis.__tesseraQueue?.boss ?? startQueue("producer");
}

export async function stopQueue(): Promise<void> {
  const current = globalThis.__tesseraQueue;
  if (!current) return;
  globalThis.__tesseraQueue = undefined;
  const boss = await current.boss;
  await boss.stop({ graceful: true, timeout: 10_000, close: true });
}
