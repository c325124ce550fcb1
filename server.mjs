// Production server: the Remix build behind express. On the embedded database (PGlite: one process,
// one connection) the job worker runs inside this process; on PostgreSQL run `npm run worker`
// separately (as many as needed) or pass --with-worker.
import { createRequestHandler } from "@remix-run/express";
import express from "express";

process.env.NODE_ENV ??= "production";
const build = await import("./build/index.js");
const runtime = build.entry.module.runtime;

let config;
try {
  config = runtime.checkEnvironment();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
const log = runtime.logger;

await runtime.prepareDatabase();
const runWorker = config.embedded || process.argv.includes("--with-worker");
if (runWorker) await runtime.startBackgroundWorker();

const app = express();
app.disable("x-powered-by");
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));
app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV }));

const server = app.listen(config.port, () => {
  log.info({ port: config.port, embeddedDatabase: config.embedded, worker: runWorker, sandbox: config.sandbox }, "tessera listening");
});

let stopping = false;
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "shutting down");
  const force = setTimeout(() => process.exit(1), 20_000).unref();
  await new Promise((resolve) => server.close(resolve));
  if (runWorker) await runtime.stopBackgroundWorker();
  await runtime.closeDatabase();
  clearTimeout(force);
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
// Started by the demo or a test harness: stop with it, so no orphan keeps the PGlite lock.
if (process.env.TESSERA_EXIT_WITH_PARENT === "1") {
  process.stdin.on("close", () => void shutdown("parent exited"));
  process.stdin.resume();
}
process.on("SIGINT", () => void shutdown("SIGINT"));
