// `npm run worker`: a job worker process for PostgreSQL deployments (run as many as needed).
// On the embedded database the app runs its worker in-process instead; a second process on the
// same PGlite directory is refused by the data-directory lock.
import { closeDatabase, checkEnvironment, logger, prepareDatabase, startBackgroundWorker, stopBackgroundWorker } from "../app/server-runtime.server";

checkEnvironment();
await prepareDatabase();
await startBackgroundWorker();

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "worker shutting down");
  await stopBackgroundWorker();
  await closeDatabase();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
