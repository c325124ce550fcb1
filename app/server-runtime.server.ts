import path from "node:path";
import { database } from "./db.server";
import { appEnv } from "./modules/config/env.server";
import { deployMigrations } from "./modules/database/migrations.server";
import { startBackgroundWorker, stopBackgroundWorker } from "./modules/jobs/worker.server";
import { logger } from "./modules/observability/logger.server";

// What server.mjs needs from the built app besides the request handler (re-exported by entry.server).

/** Parses the environment now, so bad config (or the sandbox in production) stops start-up. */
export function checkEnvironment() {
  const env = appEnv();
  return { embedded: !env.DATABASE_URL, sandbox: env.sandbox, port: env.PORT, dataDir: env.pgliteDataDir };
}

/**
 * The embedded database migrates itself on start (there is no separate release step for a local
 * data directory). PostgreSQL deployments run `npm run db:deploy` as their release step.
 */
export async function prepareDatabase() {
  const db = await database();
  if (!db.pglite) return;
  await deployMigrations(
    { kind: "pglite", pglite: db.pglite },
    { migrationsDir: path.resolve("prisma/migrations"), log: (line) => logger.info(line) },
  );
}

export async function closeDatabase() {
  if (!globalThis.__tesseraDb) return;
  await (await database()).close();
  globalThis.__tesseraDb = undefined;
}

export { logger, startBackgroundWorker, stopBackgroundWorker };
