import fs from "node:fs/promises";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import { openPglite, type DatabaseTarget } from "./connection.server";
import {
  pgliteMigrationFactory,
  postgresMigrationFactory,
  type MigrationAdapterFactory,
} from "./migration-adapters.server";
import {
  LOCKFILE,
  MIGRATION_FILE,
  NO_FILTERS,
  readMigrationList,
  startSchemaEngine,
  type StartedEngine,
} from "./schema-engine.server";

// `prisma migrate deploy` / `migrate dev --create-only` + apply, over Prisma's WASM schema engine.
// The engine itself writes `_prisma_migrations` (checksum = sha256 of migration.sql), so the
// history is the one the Prisma CLI reads, on PGlite and on PostgreSQL alike.

/** A data dir or URL to open, or a PGlite already open in this process (a data dir opens once). */
export type MigrationTarget = DatabaseTarget | { kind: "pglite"; pglite: PGlite };

type Log = (line: string) => void;
type Schema = { path: string; content: string };

export class MigrationError extends Error {
  override name = "MigrationError";
}

/** One engine run: the engine, the log, and `call` which turns engine failures into MigrationErrors. */
type Run = {
  engine: SchemaEngine;
  log: Log;
  call<T>(action: string, promise: Promise<T>): Promise<T>;
};

/** Engine errors carry JSON or "External error id#N" (an error thrown by our adapters): make them readable. */
function explain(started: StartedEngine, error: unknown, action: string): MigrationError {
  if (error instanceof MigrationError) return error;
  const raw = error instanceof Error ? error.message : typeof error === "string" ? error : JSON.stringify(error);
  let message = raw;
  const parsed = safeJson(raw) as { message?: string; error_code?: string } | undefined;
  if (parsed?.message) message = [parsed.error_code, parsed.message].filter(Boolean).join(": ");
  const external = started.externalError(raw);
  if (external) message += `\nCaused by: ${external instanceof Error ? external.message : String(external)}`;
  return new MigrationError(`${action} failed: ${message}`, { cause: external ?? error });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function withEngine<T>(target: MigrationTarget, schema: Schema | undefined, log: Log, body: (run: Run) => Promise<T>) {
  let factory: MigrationAdapterFactory;
  let closeOwned = async () => {};
  if (target.kind === "postgres") {
    factory = postgresMigrationFactory(target.url);
  } else if ("pglite" in target) {
    factory = pgliteMigrationFactory(target.pglite);
  } else {
    const { pglite, release } = await openPglite(target.dataDir);
    factory = pgliteMigrationFactory(pglite);
    closeOwned = async () => {
      await pglite.close();
      release();
    };
  }
  try {
    const started = await startSchemaEngine(factory, schema, (line) => {
      const event = safeJson(line) as { level?: string; fields?: { message?: string } } | undefined;
      if (event?.level === "WARN" || event?.level === "ERROR") log(`schema engine: ${event.fields?.message ?? line}`);
    });
    const call = <R>(action: string, promise: Promise<R>) =>
      promise.catch((error: unknown) => {
        throw explain(started, error, action);
      });
    try {
      return await body({ engine: started.engine, log, call });
    } finally {
      started.engine.free();
    }
  } finally {
    // Closes every connection and drops/closes shadow databases, even after a failure.
    await factory.close().finally(closeOwned);
  }
}

async function applyPending({ engine, log, call }: Run, migrationsDir: string): Promise<string[]> {
  const migrationsList = await readMigrationList(migrationsDir);
  const { appliedMigrationNames } = await call(
    "Applying migrations",
    engine.applyMigrations({ migrationsList, filters: NO_FILTERS }),
  );
  for (const name of appliedMigrationNames) log(`Applied migration ${name}`);
  return appliedMigrationNames;
}

/** Applies pending migrations (what `prisma migrate deploy` does); returns the names applied. */
export async function deployMigrations(
  target: MigrationTarget,
  { migrationsDir, log = () => {} }: { migrationsDir: string; log?: Log },
): Promise<string[]> {
  return withEngine(target, undefined, log, async (run) => {
    const applied = await applyPending(run, migrationsDir);
    if (applied.length === 0) log("No pending migrations to apply.");
    return applied;
  });
}

/** Same slug as `prisma migrate dev --name`: "Add shopIndex" -> "add_shop_index". */
export function migrationSlug(name: string): string {
  return name
    .replace(/([a-z\d])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z\d]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 200);
}

export type CreateMigrationResult = { created: string | null; applied: string[] };

const IN_SYNC = "Already in sync: the schema matches the migrations, no migration created.";

/**
 * Applies pending migrations, then writes a migration for the difference between them and the
 * schema, then applies it. Creates nothing when the schema is already in sync.
 */
export async function createMigration(
  target: MigrationTarget,
  options: { name: string; schemaPath: string; migrationsDir: string; acceptDataLoss?: boolean; log?: Log },
): Promise<CreateMigrationResult> {
  const { name, migrationsDir, acceptDataLoss = false, log = () => {} } = options;
  const schemaPath = path.resolve(options.schemaPath);
  const schema = { path: schemaPath, content: await fs.readFile(schemaPath, "utf8") };
  const schemaFiles = { files: [schema] };

  return withEngine(target, schema, log, async (run) => {
    const { engine, call } = run;
    const migrationsList = await readMigrationList(migrationsDir);
    const diagnose = async () => {
      const { action } = await call(
        "Checking the database against the migration history",
        engine.devDiagnostic({ migrationsList, filters: NO_FILTERS }),
      );
      if (action.tag === "reset") {
        throw new MigrationError(
          `The database does not match the migration history and would need a reset: ${action.reason}\n` +
            "Nothing was changed. Reset the development database (delete the PGlite data dir or recreate the " +
            "PostgreSQL database), then run this again.",
        );
      }
    };
    await diagnose();
    const applied = await applyPending(run, migrationsDir);
    // Measured: evaluateDataLoss/createMigration fail ("shadow DB must be provided through an
    // external factory") unless devDiagnostic last ran on an up-to-date database.
    if (applied.length > 0) await diagnose();

    const loss = await call(
      "Evaluating data loss",
      engine.evaluateDataLoss({ migrationsList, schema: schemaFiles, filters: NO_FILTERS }),
    );
    if (loss.migrationSteps === 0) {
      log(IN_SYNC);
      return { created: null, applied };
    }
    if (loss.unexecutableSteps.length > 0) {
      const steps = loss.unexecutableSteps.map((s) => `  - ${s.message}`).join("\n");
      throw new MigrationError(`The migration cannot be applied:\n${steps}`);
    }
    if (loss.warnings.length > 0) {
      const warnings = loss.warnings.map((w) => `  - ${w.message}`).join("\n");
      if (!acceptDataLoss) {
        throw new MigrationError(`The migration would lose data:\n${warnings}\nRe-run with --accept-data-loss to create it anyway.`);
      }
      log(`Data loss accepted:\n${warnings}`);
    }

    const output = await call(
      "Creating the migration",
      engine.createMigration({ draft: false, migrationName: migrationSlug(name), migrationsList, schema: schemaFiles, filters: NO_FILTERS }),
    );
    if (output.migrationScript === null) {
      log(IN_SYNC);
      return { created: null, applied };
    }
    const dir = path.join(migrationsList.baseDir, output.generatedMigrationName);
    await fs.mkdir(migrationsList.baseDir, { recursive: true });
    await fs.mkdir(dir); // fails if it exists: never overwrite a migration
    await fs.writeFile(path.join(dir, `migration.${output.extension}`), output.migrationScript, "utf8");
    // Same lock file the Prisma CLI writes.
    await fs.writeFile(
      path.join(migrationsList.baseDir, LOCKFILE),
      `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${output.connectorType}"\n`,
      "utf8",
    );
    log(`Created ${path.relative(process.cwd(), path.join(dir, MIGRATION_FILE))}`);
    return { created: output.generatedMigrationName, applied: [...applied, ...(await applyPending(run, migrationsDir))] };
  });
}

/** Marks a failed migration as rolled back (like `prisma migrate resolve --rolled-back`). */
export async function markMigrationRolledBack(target: MigrationTarget, migrationName: string, log: Log = () => {}) {
  await withEngine(target, undefined, log, ({ engine, call }) =>
    call(`Marking ${migrationName} as rolled back`, engine.markMigrationRolledBack({ migrationName })),
  );
  log(`Marked ${migrationName} as rolled back.`);
}
