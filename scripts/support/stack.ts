import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { startSandbox, type RunningSandbox } from "../../sandbox/server";

// The local stack: the Shopify sandbox twin plus the built app (server.mjs) configured to reach it
// exactly as it reaches Shopify (base URLs and credentials only). Used by `npm run demo` and the
// browser tests.
// Shopify admin runs in staff members' browsers; the app refuses bot user agents.
const BROWSER_USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";

export type StackOptions = {
  appPort?: number;
  sandboxPort?: number;
  /** Embedded database directory; ignored when databaseUrl is set. */
  dataDir?: string;
  databaseUrl?: string;
  logToConsole?: boolean;
  extraEnv?: Record<string, string>;
};

export type RunningStack = {
  appUrl: string;
  sandbox: RunningSandbox;
  adminUrl(opts?: { locale?: string; path?: string }): string;
  /** Opens the app once as a staff member would, so Shopify (the twin) installs it by token exchange. */
  install(): Promise<void>;
  appOutput(): string;
  stop(): Promise<void>;
};

export async function startStack(options: StackOptions = {}): Promise<RunningStack> {
  const appPort = options.appPort ?? 3000;
  const appUrl = `http://localhost:${appPort}`;
  const sandbox = await startSandbox({ port: options.sandboxPort ?? 4500, appUrl });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "development",
    PORT: String(appPort),
    SHOPIFY_APP_URL: appUrl,
    SHOPIFY_API_KEY: sandbox.app.apiKey,
    SHOPIFY_API_SECRET: sandbox.app.apiSecret,
    SHOPIFY_SANDBOX_ORIGIN: sandbox.origin,
    APP_BRIDGE_URL: `${sandbox.origin}/cdn/app-bridge.js`,
    PGLITE_DATA_DIR: options.dataDir ?? ".data/pglite",
    TESSERA_EXIT_WITH_PARENT: "1",
    ...options.extraEnv,
  };
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  else delete env.DATABASE_URL;

  let output = "";
  const app: ChildProcess = spawn(process.execPath, [path.resolve("server.mjs")], { env, stdio: ["pipe", "pipe", "pipe"] });
  for (const stream of [app.stdout!, app.stderr!]) {
    stream.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.length > 200_000) output = output.slice(-100_000);
      if (options.logToConsole) process.stdout.write(chunk);
    });
  }

  const stop = async () => {
    if (app.exitCode === null && app.signalCode === null) {
      const exited = new Promise((resolve) => app.once("exit", resolve));
      app.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      if (app.exitCode === null) app.kill("SIGKILL");
    }
    await sandbox.close();
  };

  try {
    await waitForHealth(`${appUrl}/health`, app, () => output);
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    appUrl,
    sandbox,
    adminUrl: ({ locale, path: appPath } = {}) => sandbox.openAppUrl({ locale, path: appPath ?? "/app" }),
    async install() {
      const response = await fetch(sandbox.openAppUrl({ path: "/app" }), { headers: { "user-agent": BROWSER_USER_AGENT } });
      const installed = [...sandbox.state.installations.values()].some((i) => i.shop === sandbox.defaultShop && i.apiKey === sandbox.app.apiKey);
      if (!response.ok || !installed) throw new Error(`Installing the app on ${sandbox.defaultShop} failed (HTTP ${response.status}):\n${output.slice(-4000)}`);
    },
    appOutput: () => output,
    stop,
  };
}

async function waitForHealth(url: string, app: ChildProcess, output: () => string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`The app exited (${app.exitCode}) while starting:\n${output().slice(-4000)}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`The app did not become healthy at ${url} within ${timeoutMs / 1000} s:\n${output().slice(-4000)}`);
}
