// PGlite has no lock of its own: a second PROCESS on the same data dir must be refused loudly.
// These tests use real child processes, since the lock is about processes.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openPglite } from "~/modules/database/connection.server";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
// One process (`tsx file` would run the script in a grandchild): node with tsx's loader.
const NODE = fs.existsSync(path.join(ROOT, "node_modules/.bin/node")) ? path.join(ROOT, "node_modules/.bin/node") : process.execPath;
const nodeArgs = (...args: string[]) => ["--import", "tsx", ...args];
const CONNECTION = path.join(ROOT, "app/modules/database/connection.server.ts");

// The child opens the dir the way the app does; "hold" keeps it open until killed.
const CHILD = `
import { openPglite } from ${JSON.stringify(CONNECTION)};
const [dir, mode] = process.argv.slice(2);
try {
  const { pglite, release } = await openPglite(dir);
  await pglite.exec("CREATE TABLE IF NOT EXISTS opened_by (pid int)");
  await pglite.query("INSERT INTO opened_by VALUES ($1)", [process.pid]);
  if (mode === "hold") {
    console.log("ready " + process.pid);
    setInterval(() => {}, 1000);
  } else {
    await pglite.close();
    release();
    console.log("ok");
  }
} catch (error) {
  console.error(error.name + ": " + error.message);
  process.exit(3);
}
`;

let tmp: string;
let childFile: string;
const children: ChildProcess[] = [];

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tessera-lock-"));
  childFile = path.join(tmp, "open-child.mts");
  fs.writeFileSync(childFile, CHILD);
});
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const newDataDir = () => fs.mkdtempSync(path.join(tmp, "data-"));
const lockPid = (dir: string) => fs.readFileSync(path.join(dir, "tessera.lock"), "utf8");

/** Runs the child to completion. */
function openInChild(dir: string) {
  const result = spawnSync(NODE, nodeArgs(childFile, dir), { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts a child that holds the dir open; resolves once it has opened it. */
function holdInChild(dir: string): Promise<ChildProcess> {
  const child = spawn(NODE, nodeArgs(childFile, dir, "hold"), { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk) => {
      output += chunk;
      const ready = /ready (\d+)/.exec(output);
      if (!ready) return;
      // The pid in the lock must be the process we will kill, not a wrapper around it.
      if (Number(ready[1]) === child.pid) resolve(child);
      else reject(new Error(`child runs as pid ${ready[1]}, spawned pid ${child.pid}`));
    });
    child.stderr!.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => reject(new Error(`child exited (${code}) before opening: ${output}`)));
  });
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once("exit", r));

describe("PGlite data directory lock", () => {
  it("refuses a second process while this one holds the dir, then lets a new opener in after release", async () => {
    const dir = newDataDir();
    const { pglite, release } = await openPglite(dir);
    try {
      const refused = openInChild(dir);
      expect(refused.status).toBe(3);
      expect(refused.stderr).toContain("DatabaseInUseError");
      expect(refused.stderr).toContain(`already open in process ${process.pid}`);
      expect(refused.stderr).toContain("set DATABASE_URL");
      expect(lockPid(dir)).toBe(String(process.pid));
      // The refused process touched nothing: our instance is intact and still ours.
      expect((await pglite.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
    } finally {
      await pglite.close();
      release();
    }
    expect(fs.existsSync(path.join(dir, "tessera.lock"))).toBe(false);

    const admitted = openInChild(dir);
    expect(admitted.stderr).toBe("");
    expect(admitted.status).toBe(0);
    expect(admitted.stdout).toContain("ok");
    expect(fs.existsSync(path.join(dir, "tessera.lock"))).toBe(false); // the child released it too
  });

  it("is refused in this process while another process holds the dir, and takes over once that process is killed", async () => {
    const dir = newDataDir();
    const holder = await holdInChild(dir);
    expect(lockPid(dir)).toBe(String(holder.pid));
    await expect(openPglite(dir)).rejects.toMatchObject({
      name: "DatabaseInUseError",
      message: expect.stringContaining(`already open in process ${holder.pid}`),
    });

    holder.kill("SIGKILL"); // dies without cleaning up: its lock file stays behind, stale
    await exited(holder);
    expect(lockPid(dir)).toBe(String(holder.pid));
    const { pglite, release } = await openPglite(dir);
    try {
      expect(lockPid(dir)).toBe(String(process.pid));
      const rows = (await pglite.query<{ pid: number }>("SELECT pid FROM opened_by")).rows;
      expect(rows).toEqual([{ pid: holder.pid }]); // same data dir, the holder's write survived
    } finally {
      await pglite.close();
      release();
    }
  });

  it("takes over a stale lock left by a dead pid in another process", () => {
    const dir = newDataDir();
    const dead = spawnSync(process.execPath, ["-e", "0"]).pid!;
    fs.writeFileSync(path.join(dir, "tessera.lock"), String(dead));
    const result = openInChild(dir);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(fs.existsSync(path.join(dir, "tessera.lock"))).toBe(false);
  });
});
