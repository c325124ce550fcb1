import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "~/generated/prisma/client";
import { acquireDataDirLock } from "./pglite-lock.server";

export type DatabaseTarget =
  | { kind: "postgres"; url: string }
  | { kind: "pglite"; dataDir: string } // dataDir "memory://" = in-memory (tests)

export type Database = {
  target: DatabaseTarget;
  prisma: PrismaClient;
  /** The embedded instance, shared with the job queue; undefined on a PostgreSQL server. */
  pglite?: PGlite;
  close(): Promise<void>;
};

export function databaseTarget(env: { DATABASE_URL?: string; pgliteDataDir: string }): DatabaseTarget {
  return env.DATABASE_URL
    ? { kind: "postgres", url: env.DATABASE_URL }
    : { kind: "pglite", dataDir: env.pgliteDataDir };
}

/** Connection settings as separate fields: a connection string would override `database`. */
export function pgConfig(url: string) {
  const u = new URL(url);
  return {
    host: decodeURIComponent(u.hostname),
    port: Number(u.port || 5432),
    database: decodeURIComponent(u.pathname.replace(/^\//, "")) || "postgres",
    user: decodeURIComponent(u.username) || undefined,
    password: decodeURIComponent(u.password) || undefined,
  };
}

export async function openPglite(dataDir: string): Promise<{ pglite: PGlite; release: () => void }> {
  const release = dataDir.startsWith("memory://") ? () => {} : acquireDataDirLock(dataDir);
  try {
    const pglite = await PGlite.create(dataDir);
    return { pglite, release };
  } catch (error) {
    release();
    throw error;
  }
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === "postgres") {
    const prisma = new PrismaClient({ adapter: new PrismaPg({ ...pgConfig(target.url), max: 10 }) });
    return { target, prisma, close: () => prisma.$disconnect() };
  }
  const { pglite, release } = await openPglite(target.dataDir);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    target,
    prisma,
    pglite,
    async close() {
      // The lock goes even if closing fails, or this process would block the next one.
      try {
        await prisma.$disconnect();
        if (!pglite.closed) await pglite.close();
      } finally {
        release();
      }
    },
  };
}
