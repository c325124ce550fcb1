import { fromPglite, PgBoss } from "pg-boss";
import { pgConfig, type Database } from "~/modules/database/connection.server";
import { logger } from "~/modules/observability/logger.server";

export type QueueRole = "producer" | "worker";

/**
 * pg-boss on the app's own database. On PGlite it shares the app's single instance (one process,
 * one connection); on PostgreSQL it has its own small pool. Producers only send; a worker also
 * supervises (expired heartbeats → retry) and runs cron schedules.
 */
export function createQueue(database: Database, role: QueueRole): PgBoss {
  const worker = role === "worker";
  const common = {
    schema: "pgboss",
    supervise: worker,
    schedule: worker,
    // A killed worker's job is noticed by its stale heartbeat within ~10 s and retried.
    superviseIntervalSeconds: 5,
    monitorIntervalSeconds: 5,
    maintenanceIntervalSeconds: 60,
    migrate: true,
    // Workers wake on NOTIFY when a job is sent instead of waiting for the next poll.
    useListenNotify: true,
  };
  const boss = database.pglite
    ? new PgBoss({ ...common, db: fromPglite(database.pglite), backend: "pglite" })
    : new PgBoss({ ...common, ...pgConfig(database.target.kind === "postgres" ? database.target.url : ""), max: worker ? 4 : 2 });
  boss.on("error", (error: unknown) => logger.error({ err: error }, "job queue error"));
  return boss;
}
