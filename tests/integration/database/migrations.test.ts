// The committed migrations apply offline through the WASM schema engine to PGlite AND to a
// PostgreSQL server (both here, whatever TEST_DB says), with the history `prisma migrate deploy` writes.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { pgConfig } from "~/modules/database/connection.server";
import {
  createMigration,
  deployMigrations,
  markMigrationRolledBack,
  type MigrationTarget,
} from "~/modules/database/migrations.server";
import { createServerDatabase, MIGRATIONS_DIR, SCHEMA_PATH, serverQuery } from "../../support/database";

type Sql = (text: string) => Promise<Record<string, unknown>[]>;
type Subject = { name: "pglite" | "postgres"; target: MigrationTarget; sql: Sql; close(): Promise<void> };

async function freshPglite(): Promise<Subject> {
  const pglite = await PGlite.create();
  return {
    name: "pglite",
    target: { kind: "pglite", pglite },
    sql: async (text) => (await pglite.query<Record<string, unknown>>(text)).rows,
    close: () => pglite.close(),
  };
}

async function freshPostgres(): Promise<Subject> {
  const server = await createServerDatabase("tessera_migtest");
  const client = new pg.Client(pgConfig(server.url));
  await client.connect();
  return {
    name: "postgres",
    target: { kind: "postgres", url: server.url },
    sql: async (text) => (await client.query(text)).rows,
    close: async () => {
      await client.end();
      await server.drop();
    },
  };
}

const open: Subject[] = [];
async function subject(name: Subject["name"]) {
  const s = name === "pglite" ? await freshPglite() : await freshPostgres();
  open.push(s);
  return s;
}
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

const sha256 = (text: string) => crypto.createHash("sha256").update(text).digest("hex");

async function committedMigrations() {
  const entries = await fs.readdir(MIGRATIONS_DIR, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

/** A scratch copy of the committed migrations, to add migrations to. */
async function migrationsCopy() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "tessera-migrations-"));
  await fs.cp(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}
async function addMigration(dir: string, name: string, sql: string) {
  await fs.mkdir(path.join(dir, name));
  await fs.writeFile(path.join(dir, name, "migration.sql"), sql);
}

const history = (s: Subject) =>
  s.sql(`SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back,
                applied_steps_count, logs FROM _prisma_migrations ORDER BY started_at, migration_name`);

const tableExists = async (s: Subject, table: string) =>
  (await s.sql(`SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename = '${table}'`)).length > 0;

const schemaOf = async (s: Subject) => ({
  columns: await s.sql(`SELECT table_name, column_name, data_type, is_nullable, column_default, ordinal_position
                          FROM information_schema.columns WHERE table_schema = 'public'
                         ORDER BY table_name, ordinal_position`),
  indexes: await s.sql(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'
                         ORDER BY tablename, indexname`),
  constraints: await s.sql(`SELECT table_name, constraint_name, constraint_type FROM information_schema.table_constraints
                             WHERE table_schema = 'public' AND constraint_type <> 'CHECK' ORDER BY table_name, constraint_name`),
});

const shadowDatabases = async () =>
  (await serverQuery<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'tessera_shadow_%'`)).rows.map(
    (r) => r.datname,
  );

const scratchDirs: string[] = [];
afterAll(async () => {
  for (const dir of scratchDirs) await fs.rm(dir, { recursive: true, force: true });
});
const scratch = async () => {
  const dir = await migrationsCopy();
  scratchDirs.push(dir);
  return dir;
};

describe("deployMigrations", () => {
  let names: string[];
  beforeAll(async () => {
    names = await committedMigrations();
  });

  it("has an initial migration committed", () => {
    expect(names.length).toBeGreaterThan(0);
    expect(names[0]).toMatch(/^\d{14}_init$/);
  });

  it("applies the same files to PGlite and PostgreSQL: same history, same checksums, same schema", async () => {
    const [lite, server] = [await subject("pglite"), await subject("postgres")];
    for (const s of [lite, server]) {
      expect(await deployMigrations(s.target, { migrationsDir: MIGRATIONS_DIR }), s.name).toEqual(names);
      const expected = await Promise.all(
        names.map(async (name) => ({
          migration_name: name,
          checksum: sha256(await fs.readFile(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8")),
          finished: true,
          rolled_back: false,
          applied_steps_count: 1,
          logs: null,
        })),
      );
      expect(await history(s), s.name).toEqual(expected);
    }
    const [liteSchema, serverSchema] = [await schemaOf(lite), await schemaOf(server)];
    expect(liteSchema.columns.length).toBeGreaterThan(0);
    expect(liteSchema).toEqual(serverSchema);

    for (const s of [lite, server]) {
      expect(await deployMigrations(s.target, { migrationsDir: MIGRATIONS_DIR }), `re-run on ${s.name}`).toEqual([]);
      expect(await history(s)).toHaveLength(names.length);
    }
  });

  it.each(["pglite", "postgres"] as const)("runs a migration as one script on %s ($$ bodies with semicolons)", async (name) => {
    const s = await subject(name);
    const dir = await scratch();
    await addMigration(
      dir,
      "99990101000000_function",
      `CREATE FUNCTION tessera_probe() RETURNS int LANGUAGE plpgsql AS $$\nBEGIN\n  PERFORM 1;\n  RETURN 42;\nEND;\n$$;\n`,
    );
    expect(await deployMigrations(s.target, { migrationsDir: dir })).toContain("99990101000000_function");
    expect(await s.sql("SELECT tessera_probe() AS v")).toEqual([{ v: 42 }]);
  });

  it.each(["pglite", "postgres"] as const)("refuses a broken migration on %s, loudly, and does not record it as applied", async (name) => {
    const s = await subject(name);
    const dir = await scratch();
    const broken = "99990101000000_broken";
    // The first statement is valid: the script must be atomic, so "Broken" must not survive.
    await addMigration(dir, broken, `CREATE TABLE "Broken" (id int);\nSELECT * FROM "no_such_table";\n`);

    await expect(deployMigrations(s.target, { migrationsDir: dir })).rejects.toThrow(/no_such_table/);
    const rows = (await history(s)).filter((r) => r.migration_name === broken);
    expect(rows.every((r) => r.finished === false)).toBe(true);
    expect(await tableExists(s, "Broken")).toBe(false);
    // Like `prisma migrate deploy`, later deploys stop at the failed migration until it is resolved.
    await expect(deployMigrations(s.target, { migrationsDir: dir })).rejects.toThrow(/P3009|failed/i);

    await fs.writeFile(path.join(dir, broken, "migration.sql"), `CREATE TABLE "Broken" (id int);\n`);
    await markMigrationRolledBack(s.target, broken);
    expect(await deployMigrations(s.target, { migrationsDir: dir })).toEqual([broken]);
    expect(await tableExists(s, "Broken")).toBe(true);
  });
});

describe("createMigration", () => {
  it.each(["pglite", "postgres"] as const)(
    "writes a migration for a schema change on %s, applies it, then reports in sync",
    async (name) => {
      const s = await subject(name);
      const dir = await scratch();
      const schemaPath = path.join(dir, "schema.prisma");
      const schema = await fs.readFile(SCHEMA_PATH, "utf8");
      await fs.writeFile(schemaPath, `${schema}\nmodel ProbeNote {\n  id   String @id\n  shop String\n}\n`);
      const shadowsBefore = name === "postgres" ? await shadowDatabases() : [];
      const lines: string[] = [];
      const log = (line: string) => lines.push(line);

      const first = await createMigration(s.target, { name: "Add probeNote", schemaPath, migrationsDir: dir, log });
      expect(first.created).toMatch(/^\d{14}_add_probe_note$/);
      expect(first.applied).toEqual([...(await committedMigrations()), first.created]);
      const script = await fs.readFile(path.join(dir, first.created!, "migration.sql"), "utf8");
      expect(script).toContain(`CREATE TABLE "ProbeNote"`);
      expect(await fs.readFile(path.join(dir, "migration_lock.toml"), "utf8")).toContain('provider = "postgresql"');
      expect(await tableExists(s, "ProbeNote")).toBe(true);
      const [row] = (await history(s)).filter((r) => r.migration_name === first.created);
      expect(row).toMatchObject({ checksum: sha256(script), finished: true });

      const second = await createMigration(s.target, { name: "again", schemaPath, migrationsDir: dir, log });
      expect(second).toEqual({ created: null, applied: [] });
      expect(lines.some((l) => l.startsWith("Already in sync"))).toBe(true);
      expect((await fs.readdir(dir)).filter((d) => d.endsWith("_again"))).toEqual([]);

      if (name === "postgres") expect((await shadowDatabases()).filter((d) => !shadowsBefore.includes(d))).toEqual([]);
    },
  );

  it("uses SHADOW_DATABASE_URL when set, emptying it first, and refuses the main database as shadow", async () => {
    const s = await subject("postgres");
    const shadow = await subject("postgres");
    await shadow.sql(`CREATE TABLE "Session" (leftover int)`); // from an earlier run: must not break the replay
    const previous = process.env.SHADOW_DATABASE_URL;
    try {
      process.env.SHADOW_DATABASE_URL = (shadow.target as { url: string }).url;
      const result = await createMigration(s.target, { name: "x", schemaPath: SCHEMA_PATH, migrationsDir: MIGRATIONS_DIR });
      expect(result).toEqual({ created: null, applied: await committedMigrations() });
      expect(await tableExists(shadow, "Session")).toBe(true); // the engine replayed the history there

      process.env.SHADOW_DATABASE_URL = (s.target as { url: string }).url;
      await expect(
        createMigration(s.target, { name: "x", schemaPath: SCHEMA_PATH, migrationsDir: MIGRATIONS_DIR }),
      ).rejects.toThrow(/SHADOW_DATABASE_URL points at the database being migrated/);
    } finally {
      if (previous === undefined) delete process.env.SHADOW_DATABASE_URL;
      else process.env.SHADOW_DATABASE_URL = previous;
    }
  });

  it("drops the PostgreSQL shadow database even when replaying the history fails", async () => {
    const s = await subject("postgres");
    const dir = await scratch();
    await addMigration(dir, "99990101000000_broken", `SELECT * FROM "no_such_table";\n`);
    const shadowsBefore = await shadowDatabases();
    await expect(
      createMigration(s.target, { name: "x", schemaPath: SCHEMA_PATH, migrationsDir: dir }),
    ).rejects.toThrow(/no_such_table/);
    expect((await shadowDatabases()).filter((d) => !shadowsBefore.includes(d))).toEqual([]);
  });
});
