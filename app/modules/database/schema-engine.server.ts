import fs from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import type { MigrationAdapterFactory } from "./migration-adapters.server";

// Prisma's schema engine as WebAssembly: the CLI's native engine cannot be downloaded offline.
// The package's entry does `import * as wasm from "./x.wasm"`, which Node cannot load, so the
// module is instantiated by hand (once per process: the bindings keep module-level state).

type Bindings = typeof import("@prisma/schema-engine-wasm") & { __wbg_set_wasm(exports: unknown): void };

let bindings: Promise<Bindings> | undefined;

function loadBindings(): Promise<Bindings> {
  bindings ??= (async () => {
    const jsPath = createRequire(path.join(process.cwd(), "package.json")).resolve(
      "@prisma/schema-engine-wasm/schema_engine_bg",
    );
    const glue = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as unknown as Bindings;
    const bytes = await fs.readFile(path.join(path.dirname(jsPath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue as never });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return bindings;
}

export const NO_FILTERS = { externalTables: [], externalEnums: [] };

export type StartedEngine = {
  engine: SchemaEngine;
  /** The JS error behind an engine message "External error id#N", if any. */
  externalError(message: string): unknown;
};

/** Starts an engine on `factory`; `schema` (path + content) is needed only to create migrations. */
export async function startSchemaEngine(
  factory: MigrationAdapterFactory,
  schema?: { path: string; content: string },
  onLog: (line: string) => void = () => {},
): Promise<StartedEngine> {
  const { SchemaEngine } = await loadBindings();
  const datamodels: [string, string][] | undefined = schema ? [[schema.path, schema.content]] : undefined;
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  const engine = await SchemaEngine.new({ datamodels }, (line: string) => onLog(line), bound);
  return {
    engine,
    externalError(message) {
      const id = /External error id#(\d+)/.exec(message)?.[1];
      return id === undefined ? undefined : bound.errorRegistry.consumeError(Number(id))?.error;
    },
  };
}

export const LOCKFILE = "migration_lock.toml";
export const MIGRATION_FILE = "migration.sql";

/** The migrations directory as the engine expects it (same shape as the Prisma CLI builds it). */
export async function readMigrationList(migrationsDir: string): Promise<MigrationList> {
  const baseDir = path.resolve(migrationsDir);
  const lockContent = await fs.readFile(path.join(baseDir, LOCKFILE), "utf8").catch(() => null);
  const entries = await fs.readdir(baseDir, { withFileTypes: true }).catch(() => []);
  const migrationDirectories = [];
  for (const entry of entries.filter((e) => e.isDirectory())) {
    const content = await fs
      .readFile(path.join(baseDir, entry.name, MIGRATION_FILE), "utf8")
      .then((value) => ({ tag: "ok" as const, value }))
      .catch((error: Error) => ({ tag: "error" as const, value: error.message }));
    migrationDirectories.push({ path: entry.name, migrationFile: { path: MIGRATION_FILE, content } });
  }
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));
  return { baseDir, lockfile: { path: LOCKFILE, content: lockContent }, shadowDbInitScript: "", migrationDirectories };
}
