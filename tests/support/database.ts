// Shared database for integration tests: one migrated database per test worker process.
//   TEST_DB=pglite (default): an in-memory PGlite, created once per worker (initdb takes ~2.5 s).
//   TEST_DB=postgres: a fresh database on TEST_DATABASE_URL's server, dropped after the file.
// App code calling db()/database() (app/db.server.ts) gets the same database.
import crypto from "node:crypto";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { PrismaClient } from "~/generated/prisma/client";
import { openDatabase, pgConfig, type Database } from "~/modules/database/connection.server";
import { deployMigrations } from "~/modules/database/migrations.server";

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));
export const SCHEMA_PATH = fileURLToPath(new URL("../../prisma/schema.prisma", import.meta.url));

export type TestDbKind = "pglite" | "postgres";

export function testDbKind(): TestDbKind {
  const kind = process.env.TEST_DB ?? "pglite";
  if (kind !== "pglite" && kind !== "postgres") throw new Error(`TEST_DB must be "pglite" or "postgres", got "${kind}"`);
  return kind;
}

/** The PostgreSQL server tests create their databases on (its own database is left alone). */
export function testServerUrl(): string {
  return process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
}

/** `url` with its database replaced by `database`. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Runs one statement on the server's maintenance connection (CREATE/DROP DATABASE). */
export async function serverQuery<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params: unknown[] = []) {
  const client = new pg.Client(pgConfig(testServerUrl()));
  await client.connect();
  try {
    return await client.query<R>(sql, params);
  } finally {
    await client.end();
  }
}

/** Creates an empty database `<prefix>_<pid>_<random>` on the test server; returns its URL and a drop(). */
export async function createServerDatabase(prefix = "tessera_test") {
  const name = `${prefix}_${process.pid}_${crypto.randomBytes(4).toString("hex")}`;
  await serverQuery(`CREATE DATABASE "${name}"`);
  return {
    name,
    url: withDatabase(testServerUrl(), name),
    drop: async () => void (await serverQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
  };
}

type Shared = { database: Database; dispose(): Promise<void> };

declare global {
  // eslint-disable-next-line no-var
  var __tesseraTestPglite: Promise<Database> | undefined;
}

async function openShared(): Promise<Shared> {
  if (testDbKind() === "postgres") {
    const server = await createServerDatabase();
    try {
      await deployMigrations({ kind: "postgres", url: server.url }, { migrationsDir: MIGRATIONS_DIR });
      const database = await openDatabase({ kind: "postgres", url: server.url });
      return {
        database,
        dispose: async () => {
          await database.close();
          await server.drop();
        },
      };
    } catch (error) {
      await server.drop();
      throw error;
    }
  }
  // Kept for the life of the worker process: a later test file in the same worker reuses it.
  globalThis.__tesseraTestPglite ??= (async () => {
    const database = await openDatabase({ kind: "pglite", dataDir: "memory://" });
    await deployMigrations({ kind: "pglite", pglite: database.pglite! }, { migrationsDir: MIGRATIONS_DIR });
    return database;
  })();
  const database = await globalThis.__tesseraTestPglite;
  return { database, dispose: async () => {} };
}

/** Empties every app table: all tables of the public schema but `_prisma_migrations`. */
export async function resetDatabase(prisma: PrismaClient): Promise<void> {
  const tables = await prisma.$queryRawUnsafe<{ name: string }[]>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  );
  if (tables.length === 0) return;
  const list = tables.map((t) => `"public"."${t.name.replaceAll('"', '""')}"`).join(", ");
  await prisma.$executeRawUnsafe(`TRUNCATE TABLE ${list} RESTART IDENTITY CASCADE`);
}

/**
 * Rows of one shop in every public table that has a `shop` column (found from
 * information_schema, so new tables are covered without editing this), keyed by table name.
 */
export async function countRowsPerTable(prisma: PrismaClient, where: string | { shop: string }): Promise<Record<string, number>> {
  const shop = typeof where === "string" ? where : where.shop;
  const tables = await prisma.$queryRawUnsafe<{ name: string }[]>(
    `SELECT table_name AS name FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'shop' ORDER BY table_name`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await prisma.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "public"."${name.replaceAll('"', '""')}" WHERE shop = $1`,
      shop,
    );
    counts[name] = row?.n ?? 0;
  }
  return counts;
}

export type TestDatabase = {
  readonly prisma: PrismaClient;
  readonly database: Database;
  reset(): Promise<void>;
};

/**
 * Call at the top of a test file. Opens (or reuses) the worker's migrated database in beforeAll,
 * starts each file empty, and makes app code's db()/database() return it.
 * Call `reset()` in beforeEach, or pass `{ resetBeforeEach: true }`.
 */
export function useTestDatabase(options: { resetBeforeEach?: boolean } = {}): TestDatabase {
  let shared: Shared | undefined;
  let appDatabase: Database | undefined;
  const current = () => {
    if (!shared || !appDatabase) throw new Error("The test database is not open yet: use it inside tests or hooks, after useTestDatabase()'s beforeAll.");
    return appDatabase;
  };
  const handle: TestDatabase = {
    get prisma() {
      return current().prisma;
    },
    get database() {
      return current();
    },
    reset: () => resetDatabase(current().prisma),
  };

  beforeAll(async () => {
    shared = await openShared();
    // Neither tests nor app code may close the worker's shared instance: this file does.
    appDatabase = { ...shared.database, close: async () => {} };
    globalThis.__tesseraDb = Promise.resolve(appDatabase);
    await handle.reset();
  });
  if (options.resetBeforeEach) beforeEach(() => handle.reset());
  afterAll(async () => {
    globalThis.__tesseraDb = undefined;
    await shared?.dispose();
    shared = appDatabase = undefined;
  });
  return handle;
}
