// Database CLI: npm run db:generate | db:migrate [-- --name x] | db:deploy.
// Prisma's CLI cannot download its native engine offline: `generate` runs it with a stub engine
// binary (generate does not need it); migrations run through the WASM engine instead.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { DatabaseTarget } from "../app/modules/database/connection.server";

const ROOT = path.resolve(import.meta.dirname, "..");
const SCHEMA = path.join(ROOT, "prisma/schema.prisma");
const MIGRATIONS = path.join(ROOT, "prisma/migrations");

const USAGE = `Usage: tsx scripts/db.ts <command>
  generate                      generate the Prisma client (offline)
  migrate [--name <name>]       create a migration from prisma/schema.prisma and apply it
          [--accept-data-loss]
  deploy                        apply pending migrations
  resolve --rolled-back <name>  mark a failed migration as rolled back, after fixing it
Database: DATABASE_URL if set, else the PGlite data dir PGLITE_DATA_DIR (default .data/pglite).`;

function generate() {
  const stub = path.join(os.tmpdir(), "tessera-prisma-schema-engine-stub");
  if (!fs.existsSync(stub)) {
    // Any executable will do: `prisma generate` only checks the engine file exists.
    fs.writeFileSync(`${stub}.${process.pid}`, "#!/bin/sh\nexit 0\n", { mode: 0o755 });
    fs.renameSync(`${stub}.${process.pid}`, stub);
  }
  const cli = createRequire(path.join(ROOT, "package.json")).resolve("prisma/build/index.js");
  const result = spawnSync(process.execPath, [cli, "generate", "--schema", SCHEMA], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: stub, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
  if (result.status !== 0) throw new Error(`prisma generate failed (exit ${result.status ?? result.signal}).`);
}

function describe(target: DatabaseTarget) {
  if (target.kind === "pglite") return `PGlite at ${path.relative(ROOT, target.dataDir) || "."}`;
  const url = new URL(target.url);
  return `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`;
}

async function main(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: "string" },
      "accept-data-loss": { type: "boolean", default: false },
      "rolled-back": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [command] = positionals;
  if (values.help || !command) return console.log(USAGE);
  if (command === "generate") return generate();
  if (!["migrate", "deploy", "resolve"].includes(command)) throw new Error(`Unknown command "${command}".\n${USAGE}`);

  // Imported late: `generate` runs at postinstall, before the Prisma client they import exists.
  const { parseEnv } = await import("../app/modules/config/env.server");
  const { databaseTarget } = await import("../app/modules/database/connection.server");
  const { createMigration, deployMigrations, markMigrationRolledBack } = await import(
    "../app/modules/database/migrations.server"
  );
  const target = databaseTarget(parseEnv());
  const log = (line: string) => console.log(line);
  const started = Date.now();
  console.log(`Database: ${describe(target)}`);
  if (command === "deploy") {
    const applied = await deployMigrations(target, { migrationsDir: MIGRATIONS, log });
    console.log(`Done: ${applied.length} migration(s) applied in ${Date.now() - started} ms.`);
  } else if (command === "migrate") {
    const { created } = await createMigration(target, {
      name: values.name ?? "migration",
      schemaPath: SCHEMA,
      migrationsDir: MIGRATIONS,
      acceptDataLoss: values["accept-data-loss"],
      log,
    });
    if (created) generate(); // like `prisma migrate dev`: the client must match the new schema
    console.log(`Done in ${Date.now() - started} ms.`);
    if (created) console.log("Review the new migration.sql and commit it together with the schema change.");
  } else {
    const name = values["rolled-back"];
    if (!name) throw new Error("resolve needs --rolled-back <migration name>.");
    await markMigrationRolledBack(target, name, log);
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0), // pg pools / wasm timers must not keep the CLI alive
  (error: unknown) => {
    console.error(`\ndb: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
