import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../../../sandbox/server";
import { appListing } from "../../../sandbox/shopify/platform/app-listing";
import { graphql, startTestSandbox } from "../helpers";

// The calling app as Shopify describes it (2025-01/apps/app-billing-access-read.json,
// current-app-installation-observed-identity-local-app-mutation.json): App fields from the app's
// configuration (shopify.app.toml: name "Tessera", handle "tessera"), launchUrl by handle, scope
// descriptions, implied read scopes listed last, lookups by id/handle/key answering null for others,
// and the Billing API refused to a custom app.

describe("app identity, lookups and custom-app billing", () => {
  let sandbox: RunningSandbox;
  let token: string;
  const gql = async (q: string, v?: Record<string, unknown>) => (await graphql(sandbox, token, q, v)).json;

  beforeAll(async () => {
    sandbox = await startTestSandbox({ scopes: ["read_products", "write_products", "write_orders"] });
    token = sandbox.issueAccessToken();
  });
  afterAll(() => sandbox.close());

  it("describes the installation and its app", async () => {
    const r = await gql(`{ currentAppInstallation { id launchUrl uninstallUrl accessScopes { handle description }
      app { id apiKey handle title developerName embedded previouslyInstalled requestedAccessScopes { handle } } } }`);
    expect(r.errors).toBeUndefined();
    const inst = r.data.currentAppInstallation;
    expect(inst.launchUrl).toBe(`https://${sandbox.defaultShop}/admin/apps/tessera`);
    expect(inst.uninstallUrl).toBeNull();
    // Granted scopes first, then the read scope a granted write implies (write_orders → read_orders).
    expect(inst.accessScopes).toEqual([
      { handle: "read_products", description: "Read products, variants, and collections" },
      { handle: "write_products", description: "Modify products, variants, and collections" },
      { handle: "write_orders", description: "Modify orders, transactions, and fulfillments" },
      { handle: "read_orders", description: "Read orders, transactions, and fulfillments" },
    ]);
    expect(inst.app).toMatchObject({ apiKey: "test-api-key", handle: "tessera", title: "Tessera", embedded: true, previouslyInstalled: false });
    expect(inst.app.id).toMatch(/^gid:\/\/shopify\/App\/\d+$/);
    expect(inst.app.requestedAccessScopes.map((s: { handle: string }) => s.handle)).toEqual(["read_products", "write_products", "write_orders", "read_orders"]);
  });

  it("finds the app by id, handle and key, and its installation by id; others are null", async () => {
    const current = (await gql(`{ currentAppInstallation { id app { id } } }`)).data.currentAppInstallation;
    const r = await gql(`query Q($id: ID!, $inst: ID!) {
      byId: app(id: $id) { id handle } self: app { id } missing: app(id: "gid://shopify/App/0") { id }
      byHandle: appByHandle(handle: "tessera") { id } missingHandle: appByHandle(handle: "missing-tessera") { id }
      byKey: appByKey(apiKey: "test-api-key") { id } missingKey: appByKey(apiKey: "00000000000000000000000000000000") { id }
      inst: appInstallation(id: $inst) { id app { id } } missingInst: appInstallation(id: "gid://shopify/AppInstallation/0") { id }
    }`, { id: current.app.id, inst: current.id });
    expect(r.errors).toBeUndefined();
    const app = { id: current.app.id };
    expect(r.data).toEqual({
      byId: { ...app, handle: "tessera" }, self: app, missing: null,
      byHandle: app, missingHandle: null, byKey: app, missingKey: null,
      inst: { id: current.id, app }, missingInst: null,
    });
  });

  it("lists what the configuration requests, which may differ from what was granted", async () => {
    const listing = appListing(sandbox.state);
    listing.requestedScopes = ["read_products", "write_products", "write_orders", "read_validations"];
    try {
      const r = await gql(`{ currentAppInstallation { accessScopes { handle } app { requestedAccessScopes { handle } } } }`);
      const handles = (l: { handle: string }[]) => l.map((s) => s.handle);
      expect(handles(r.data.currentAppInstallation.app.requestedAccessScopes)).toEqual(["read_products", "write_products", "write_orders", "read_validations", "read_orders"]);
      expect(handles(r.data.currentAppInstallation.accessScopes)).toEqual(["read_products", "write_products", "write_orders", "read_orders"]);
    } finally {
      delete listing.requestedScopes;
    }
  });

  it("fails loudly for a scope whose description was never recorded", async () => {
    const other = sandbox.tokens.issueOffline(sandbox.defaultShop, "pixel-app", "write_pixels", { expiring: false }).access.token;
    const r = (await graphql(sandbox, other, `{ currentAppInstallation { accessScopes { handle description } } }`)).json;
    expect(r.errors[0].extensions.code).toBe("NOT_IMPLEMENTED_IN_SANDBOX");
  });

  it("refuses the Billing API to a custom app", async () => {
    const create = `mutation { appSubscriptionCreate(name: "Plan", returnUrl: "https://app.example.test/return", test: true,
      lineItems: [{ plan: { appRecurringPricingDetails: { price: { amount: "1.00", currencyCode: USD }, interval: EVERY_30_DAYS } } }]) {
      appSubscription { id } confirmationUrl userErrors { field message } } }`;
    const listing = appListing(sandbox.state);
    listing.distribution = "custom";
    try {
      expect((await gql(create)).data.appSubscriptionCreate).toEqual({ appSubscription: null, confirmationUrl: null, userErrors: [{ field: null, message: "Custom apps cannot use the Billing API" }] });
    } finally {
      listing.distribution = "public";
    }
    expect((await gql(create)).data.appSubscriptionCreate.appSubscription.id).toMatch(/^gid:\/\/shopify\/AppSubscription\/\d+$/);
  });
});

describe("store properties of a fresh shop", () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => { sandbox = await startTestSandbox(); });
  afterAll(() => sandbox.close());

  it("answers tax, unit, limit and policy settings", async () => {
    const token = sandbox.issueAccessToken();
    const r = (await graphql(sandbox, token, `{ shop { taxesIncluded taxShipping unitSystem weightUnit
      resourceLimits { locationLimit maxProductOptions maxProductVariants redirectLimitReached }
      paymentSettings { supportedDigitalWallets } shopPolicies { id } features { giftCards storefront branding } } }`)).json;
    expect(r.errors).toBeUndefined();
    // The demo shop's primary market is Germany: prices include VAT, metric units.
    expect(r.data.shop).toEqual({
      taxesIncluded: true, taxShipping: false, unitSystem: "METRIC_SYSTEM", weightUnit: "KILOGRAMS",
      resourceLimits: { locationLimit: 1000, maxProductOptions: 3, maxProductVariants: 2048, redirectLimitReached: false },
      paymentSettings: { supportedDigitalWallets: [] }, shopPolicies: [],
      features: { giftCards: true, storefront: true, branding: "SHOPIFY" },
    });
  });
});
