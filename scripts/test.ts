// `npm test`: everything CI runs, in order, with one closing summary line.
//  1. typecheck  2. remix build  3. unit + integration + contract on PGlite
//  4. integration again on the PostgreSQL server  5. browser tests in Debian's Chromium
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ensureChromium } from "./support/chromium";

type Totals = { passed: number; failed: number; skipped: number };
const totals: Totals = { passed: 0, failed: 0, skipped: 0 };
const failures: string[] = [];
const env = { ...process.env, CHECKPOINT_DISABLE: "1", SHOPIFY_CLI_NO_ANALYTICS: "1" };
const reports = path.resolve(".tmp/test-reports");
fs.mkdirSync(reports, { recursive: true });

function step(name: string, command: string, args: string[], extraEnv: Record<string, string> = {}) {
  console.log(`\n━━ ${name}: ${command} ${args.join(" ")}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  console.log(`━━ ${name}: ${result.status === 0 ? "ok" : `exit ${result.status}`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (result.status !== 0) failures.push(name);
  return result.status === 0;
}

function vitest(name: string, args: string[], extraEnv: Record<string, string> = {}) {
  const out = path.join(reports, `${name}.json`);
  fs.rmSync(out, { force: true });
  step(name, "vitest", ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`, ...args], extraEnv);
  if (!fs.existsSync(out)) {
    failures.push(`${name} (no report)`);
    return;
  }
  const report = JSON.parse(fs.readFileSync(out, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
}

step("typecheck", "tsc", ["--noEmit"]);
const built = step("build", "remix", ["build"]);
vitest("pglite", [], { TEST_DB: "pglite" });
vitest("postgres", ["tests/integration"], { TEST_DB: "postgres" });
if (built) {
  const chromium = ensureChromium();
  vitest("browser", ["--config", "vitest.e2e.config.ts"], { CHROMIUM_PATH: chromium });
} else {
  failures.push("browser (skipped: build failed)");
}

if (failures.length) console.log(`\nfailed steps: ${failures.join(", ")}`);
if (failures.length && totals.failed === 0) totals.failed = failures.length;
console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(failures.length || totals.failed ? 1 : 0);
