import { appEnv } from "~/modules/config/env.server";
import { databaseTarget, openDatabase, type Database } from "~/modules/database/connection.server";

// One database per process. PGlite is single-connection and single-process, so the same
// instance also carries the job queue (see app/modules/jobs/queue.server.ts).
declare global {
  // eslint-disable-next-line no-var
  var __tesseraDb: Promise<Database> | undefined;
}

export function database(): Promise<Database> {
  globalThis.__tesseraDb ??= openDatabase(databaseTarget(appEnv()));
  return globalThis.__tesseraDb;
}

export async function db() {
  return (await database()).prisma;
}
