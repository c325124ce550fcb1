import { startSandbox } from "./server";

// `npm run sandbox`: the Shopify twin on SANDBOX_PORT (default 4500, 0 = random).
const port = Number(process.env.SANDBOX_PORT ?? 4500);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`SANDBOX_PORT must be a port number, got ${process.env.SANDBOX_PORT}`);
  process.exit(1);
}

// The storefront preview listens on its own origin: SANDBOX_STOREFRONT_PORT, default the next port.
process.env.SANDBOX_STOREFRONT_PORT ??= String(port === 0 ? 0 : port + 1);
const sandbox = await startSandbox({ port, log: process.env.SANDBOX_LOG ? (line) => console.log(line) : undefined });
const shop = sandbox.defaultShop;
console.log(`Tessera Shopify sandbox on ${sandbox.origin} (admin schema ${sandbox.apiVersion} loaded in ${sandbox.schemaLoadMs} ms)
  shop:            ${shop}
  Admin API URL:   https://${shop}/admin/api/${sandbox.apiVersion}/graphql.json  (reach it with SHOPIFY_SANDBOX_ORIGIN=${sandbox.origin})
  direct:          curl -H 'Host: ${shop}' -H 'X-Shopify-Access-Token: <token>' ${sandbox.origin}/admin/api/${sandbox.apiVersion}/graphql.json
  access token:    ${sandbox.issueAccessToken(shop)}
  open the app:    ${sandbox.openAppUrl()}
  App Bridge:      APP_BRIDGE_URL=${sandbox.origin}/cdn/app-bridge.js
  storefront:      ${sandbox.storefrontUrl}  (blocks: sandbox/storefront/placements.json; app proxy /apps/…; pixels after consent)
  webhooks log:    ${sandbox.origin}/sandbox/webhooks   (uninstall: POST /sandbox/shops/${shop}/uninstall)`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void sandbox.close().finally(() => process.exit(0));
  });
}
