// `npm run demo`: build the app, start the Shopify sandbox twin and the app (+ its in-process worker)
// on the embedded database (migrated on start), and print where to open them.
import { spawnSync } from "node:child_process";
import { startStack } from "./support/stack";

const appPort = Number(process.env.PORT ?? 3000);
const sandboxPort = Number(process.env.SANDBOX_PORT ?? 4500);

console.log("Building the app…");
const build = spawnSync("remix", ["build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
if (build.status !== 0) process.exit(build.status ?? 1);

console.log("Starting the Shopify sandbox and the app…");
process.env.SANDBOX_STOREFRONT_PORT ??= String(sandboxPort + 1); // the storefront preview's own origin
const stack = await startStack({ appPort, sandboxPort, logToConsole: Boolean(process.env.DEMO_VERBOSE) }).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

console.log("Installing the app on the sandbox shop (session token → token exchange, as on Shopify)…");
await stack.install().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await stack.stop();
  process.exit(1);
});

console.log(`
Tessera is running (local sandbox mode, embedded database in .data/pglite).

  Admin (as a staff member in Shopify admin):  ${stack.adminUrl()}
     in German / Japanese:                     ${stack.adminUrl({ locale: "de" })}
                                               ${stack.adminUrl({ locale: "ja" })}
  App server:                                  ${stack.appUrl}  (health: ${stack.appUrl}/health)
  Shopify sandbox (Admin API twin):            ${stack.sandbox.origin}  shop ${stack.sandbox.defaultShop} (seeded: ${stack.sandbox.seedReport ? `${stack.sandbox.seedReport.products} products, ${stack.sandbox.seedReport.orders} orders` : "empty"})
  Storefront preview (theme blocks, pixels):   ${stack.sandbox.storefrontUrl}

Press Ctrl-C to stop.`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log("\nStopping…");
    void stack.stop().finally(() => process.exit(0));
  });
}
