import crypto from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
} from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { pgConfig } from "./connection.server";

// Driver adapters for Prisma's WASM schema engine, with the pitfalls of the stock adapters fixed
// (see /work/shared/notes/toolchain.md, "Prisma 7 offline"). Every connection a factory opens is
// tracked so `close()` releases it even when the engine fails before disposing it.

export type MigrationAdapterFactory = SqlMigrationAwareDriverAdapterFactory & { close(): Promise<void> };

const PG_CHAR_OID = 18; // pg's internal "char" (pg_constraint.contype): adapter-pg rejects it
const PG_TEXT_OID = 25;
const NO_ARGS = { args: [], argTypes: [] } satisfies Omit<SqlQuery, "sql">;

/** Wraps an adapter: replaces executeScript, makes dispose idempotent and run `onDispose`. */
function wrapAdapter(
  inner: SqlDriverAdapter,
  executeScript: (script: string) => Promise<void>,
  onDispose: () => Promise<void>,
): SqlDriverAdapter & { dispose(): Promise<void> } {
  let disposed: Promise<void> | undefined;
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (query) => inner.queryRaw(query),
    executeRaw: (query) => inner.executeRaw(query),
    startTransaction: (isolationLevel) => inner.startTransaction(isolationLevel),
    getConnectionInfo: () => inner.getConnectionInfo?.() ?? { supportsRelationJoins: true },
    executeScript,
    dispose: () => (disposed ??= onDispose()),
  };
}

type WithPerformIO = { performIO?: (query: SqlQuery) => Promise<{ fields?: { dataTypeID: number }[] }> };

/** Reports pg's "char" columns as text, so the engine's schema describer can read pg_constraint. */
function mapCharToText<T extends object>(queryable: T): T {
  const target = queryable as T & WithPerformIO;
  const performIO = target.performIO?.bind(target);
  if (!performIO) throw new Error("@prisma/adapter-pg changed: performIO not found (needed to map \"char\" to text)");
  target.performIO = async (query) => {
    const result = await performIO(query);
    for (const field of result.fields ?? []) if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    return result;
  };
  return queryable;
}

async function connectPg(config: pg.PoolConfig, onDispose: () => Promise<void> = async () => {}) {
  // One connection: the engine's advisory lock is per session.
  const inner = mapCharToText(await new PrismaPg({ ...config, max: 1 }).connect());
  const startTransaction = inner.startTransaction.bind(inner);
  inner.startTransaction = async (level) => mapCharToText(await startTransaction(level));
  // The stock executeScript splits on ";" (breaks $$ bodies, not atomic): send the script as one
  // simple-protocol query (no parameters), which PostgreSQL runs as one implicit transaction.
  return wrapAdapter(
    inner,
    async (script) => void (await inner.executeRaw({ sql: script, ...NO_ARGS })),
    async () => {
      await inner.dispose();
      await onDispose();
    },
  );
}

async function adminQuery(url: string, sql: string) {
  const client = new pg.Client(pgConfig(url));
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function postgresMigrationFactory(url: string, shadowUrl = process.env.SHADOW_DATABASE_URL): MigrationAdapterFactory {
  const opened: Array<{ dispose(): Promise<void> }> = [];
  const track = <T extends { dispose(): Promise<void> }>(adapter: T) => (opened.push(adapter), adapter);
  return {
    provider: "postgres",
    adapterName: "tessera-migrate-pg",
    connect: async () => track(await connectPg(pgConfig(url))),
    async connectToShadowDb() {
      if (shadowUrl) {
        const [main, shadow] = [pgConfig(url), pgConfig(shadowUrl)];
        if (main.host === shadow.host && main.port === shadow.port && main.database === shadow.database) {
          throw new Error("SHADOW_DATABASE_URL points at the database being migrated: it must be a separate, disposable database.");
        }
        // The engine replays the whole history on it: empty it first, as the Prisma CLI does.
        const adapter = track(await connectPg(shadow));
        await adapter.executeScript("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
        return adapter;
      }
      // adapter-pg's own shadow database is dropped while still connected (fails and leaks):
      // create a uniquely named one here and drop it after its connection is closed.
      const name = `tessera_shadow_${crypto.randomBytes(6).toString("hex")}`;
      await adminQuery(url, `CREATE DATABASE "${name}"`);
      const drop = () => adminQuery(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      try {
        return track(await connectPg({ ...pgConfig(url), database: name }, drop));
      } catch (error) {
        await drop();
        throw error;
      }
    },
    async close() {
      const errors: unknown[] = [];
      for (const adapter of opened.splice(0)) await adapter.dispose().catch((e: unknown) => errors.push(e));
      if (errors.length) throw errors[0];
    },
  };
}

/** PGlite errors as the engine expects them, so a failing migration is reported with its SQLSTATE. */
function toDriverError(error: unknown): unknown {
  const e = error as { code?: unknown; message?: string; severity?: string; detail?: string; column?: string; hint?: string };
  if (typeof e?.code !== "string" || typeof e.message !== "string") return error;
  return new DriverAdapterError({
    kind: "postgres",
    code: e.code,
    severity: e.severity ?? "ERROR",
    message: e.message,
    detail: e.detail,
    column: e.column,
    hint: e.hint,
    originalCode: e.code,
    originalMessage: e.message,
  });
}

async function connectPglite(pglite: PGlite, onDispose: () => Promise<void>) {
  const inner = await new PrismaPGlite(pglite).connect();
  // The stock executeScript does not await exec(): a failing migration was recorded as applied.
  const executeScript = async (script: string) => {
    try {
      await pglite.exec(script);
    } catch (error) {
      throw toDriverError(error);
    }
  };
  return wrapAdapter(inner, executeScript, onDispose);
}

/** `pglite` stays open (the caller owns it); shadow instances are closed when disposed. */
export function pgliteMigrationFactory(pglite: PGlite): MigrationAdapterFactory {
  const opened: Array<{ dispose(): Promise<void> }> = [];
  const track = <T extends { dispose(): Promise<void> }>(adapter: T) => (opened.push(adapter), adapter);
  return {
    provider: "postgres",
    adapterName: "tessera-migrate-pglite",
    connect: async () => track(await connectPglite(pglite, async () => {})),
    async connectToShadowDb() {
      // The stock shadow instance is never closed (~750 MB each): close ours on dispose.
      const shadow = await PGlite.create();
      return track(await connectPglite(shadow, () => shadow.close()));
    },
    async close() {
      const errors: unknown[] = [];
      for (const adapter of opened.splice(0)) await adapter.dispose().catch((e: unknown) => errors.push(e));
      if (errors.length) throw errors[0];
    },
  };
}
