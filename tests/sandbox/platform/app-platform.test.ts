import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../../../sandbox/server";
import { subscriptionsFor } from "../../../sandbox/shopify/platform/webhook-subscriptions";
import { graphql, startTestSandbox } from "../helpers";

const WEBHOOK_FIELDS = "id topic uri format includeFields metafieldNamespaces filter name createdAt updatedAt endpoint { __typename ... on WebhookHttpEndpoint { callbackUrl } }";

describe("web pixels, webhook subscriptions and billing", () => {
  let sandbox: RunningSandbox;
  let token: string;
  const gql = (q: string, v?: Record<string, unknown>) => graphql(sandbox, token, q, v);

  beforeAll(async () => {
    sandbox = await startTestSandbox({ scopes: ["read_products", "write_pixels", "read_customer_events"] });
    token = sandbox.issueAccessToken();
  });
  afterAll(() => sandbox.close());

  it("webPixelCreate / webPixelUpdate / webPixel / webPixelDelete, one pixel per app", async () => {
    const create = await gql(`mutation($p: WebPixelInput!) { webPixelCreate(webPixel: $p) { webPixel { id settings } userErrors { field message code } } }`, {
      p: { settings: JSON.stringify({ accountID: "tessera-1" }) },
    });
    const pixel = create.json.data.webPixelCreate.webPixel;
    expect(create.json.data.webPixelCreate.userErrors).toEqual([]);
    expect(pixel).toEqual({ id: expect.stringMatching(/^gid:\/\/shopify\/WebPixel\/\d+$/), settings: '{"accountID":"tessera-1"}' });

    const twice = await gql(`mutation { webPixelCreate(webPixel: { settings: "{}" }) { webPixel { id } userErrors { code } } }`);
    expect(twice.json.data.webPixelCreate).toEqual({ webPixel: null, userErrors: [{ code: "TAKEN" }] });

    const badJson = await gql(`mutation($id: ID!) { webPixelUpdate(id: $id, webPixel: { settings: "{not json" }) { webPixel { id } userErrors { field code } } }`, { id: pixel.id });
    expect(badJson.json.data.webPixelUpdate).toEqual({ webPixel: null, userErrors: [{ field: ["webPixel", "settings"], code: "INVALID_CONFIGURATION_JSON" }] });
    const update = await gql(`mutation($id: ID!, $p: WebPixelInput!) { webPixelUpdate(id: $id, webPixel: $p) { webPixel { id settings } userErrors { code } } }`, {
      id: pixel.id, p: { settings: JSON.stringify({ accountID: "tessera-2" }) },
    });
    expect(update.json.data.webPixelUpdate).toEqual({ webPixel: { id: pixel.id, settings: '{"accountID":"tessera-2"}' }, userErrors: [] });
    expect((await gql("{ webPixel { id settings } }")).json.data.webPixel).toEqual({ id: pixel.id, settings: '{"accountID":"tessera-2"}' });

    const statusField = await gql(`mutation WebPixelStatusIsNotAField { webPixelCreate(webPixel: { settings: "{}" }) { webPixel { id status } } }`);
    expect(statusField.json.errors[0]).toMatchObject({ message: "Field 'status' doesn't exist on type 'WebPixel'", extensions: { code: "undefinedField" } });

    const del = await gql(`mutation($id: ID!) { webPixelDelete(id: $id) { deletedWebPixelId userErrors { code } } }`, { id: pixel.id });
    expect(del.json.data.webPixelDelete).toEqual({ deletedWebPixelId: pixel.id, userErrors: [] });
  });

  it("refuses pixels without write_pixels with Shopify's ACCESS_DENIED", async () => {
    const bare = sandbox.tokens.issueOffline(sandbox.defaultShop, "other-app", "read_products", { expiring: false }).access.token;
    const res = await graphql(sandbox, bare, `mutation { webPixelCreate(webPixel: { settings: "{}" }) { webPixel { id } } }`);
    expect(res.json.errors[0]).toMatchObject({
      message: "Access denied for webPixelCreate field. Required access: `write_pixels` access scope. Also: The app requires read_customer_events access scope and user access permission.",
      extensions: { code: "ACCESS_DENIED", documentation: "https://shopify.dev/api/usage/access-scopes" },
      path: ["webPixelCreate"],
    });
  });

  it("webhook subscription CRUD, with subscriptionsFor for the dispatcher", async () => {
    const create = await gql(`mutation($t: WebhookSubscriptionTopic!, $s: WebhookSubscriptionInput!) { webhookSubscriptionCreate(topic: $t, webhookSubscription: $s) { webhookSubscription { ${WEBHOOK_FIELDS} } userErrors { field message } } }`, {
      t: "PRODUCTS_UPDATE", s: { uri: "  https://hooks.example.com/products  ", format: "JSON", includeFields: ["id", "title"], filter: "vendor:Tessera", name: "products-hook" },
    });
    const sub = create.json.data.webhookSubscriptionCreate.webhookSubscription;
    expect(create.json.data.webhookSubscriptionCreate.userErrors).toEqual([]);
    expect(sub).toMatchObject({ topic: "PRODUCTS_UPDATE", uri: "https://hooks.example.com/products", format: "JSON", includeFields: ["id", "title"], metafieldNamespaces: [], filter: "vendor:Tessera", name: "products-hook", endpoint: { __typename: "WebhookHttpEndpoint", callbackUrl: "https://hooks.example.com/products" } });
    expect(subscriptionsFor(sandbox.state, sandbox.defaultShop, "test-api-key", "products/update").map((s) => s.uri)).toEqual(["https://hooks.example.com/products"]);

    const dup = await gql(`mutation { webhookSubscriptionCreate(topic: PRODUCTS_UPDATE, webhookSubscription: { uri: "https://hooks.example.com/products" }) { webhookSubscription { id } userErrors { field message } } }`);
    expect(dup.json.data.webhookSubscriptionCreate.userErrors).toEqual([{ field: ["webhookSubscription", "callbackUrl"], message: "Address for this topic has already been taken" }]);
    const rejected = await gql(`mutation {
      http: webhookSubscriptionCreate(topic: SHOP_UPDATE, webhookSubscription: { uri: "http://example.com/hook" }) { userErrors { field message } }
      local: webhookSubscriptionCreate(topic: SHOP_UPDATE, webhookSubscription: { uri: "https://localhost:3000/hook" }) { userErrors { message } }
      filter: webhookSubscriptionCreate(topic: CUSTOMERS_UPDATE, webhookSubscription: { uri: "https://example.com/c", filter: "customer_id:1 bareword" }) { userErrors { field message } }
    }`);
    expect(rejected.json.data).toEqual({
      http: { userErrors: [{ field: ["webhookSubscription", "callbackUrl"], message: "Address protocol http:// is not supported" }] },
      local: { userErrors: [{ message: "Address cannot be a Shopify or an internal domain" }] },
      filter: { userErrors: [{ field: ["webhookSubscription"], message: "The specified filter is invalid, please ensure you specify the field(s) you wish to filter on." }] },
    });

    const update = await gql(`mutation($id: ID!) { webhookSubscriptionUpdate(id: $id, webhookSubscription: { uri: "https://hooks.example.com/v2", includeFields: ["id"] }) { webhookSubscription { uri includeFields } userErrors { message } } }`, { id: sub.id });
    expect(update.json.data.webhookSubscriptionUpdate).toEqual({ webhookSubscription: { uri: "https://hooks.example.com/v2", includeFields: ["id"] }, userErrors: [] });
    const list = await gql(`{ webhookSubscriptions(first: 5, topics: [PRODUCTS_UPDATE]) { nodes { id uri } } webhookSubscriptionsCount { count precision } }`);
    expect(list.json.data).toEqual({ webhookSubscriptions: { nodes: [{ id: sub.id, uri: "https://hooks.example.com/v2" }] }, webhookSubscriptionsCount: { count: 1, precision: "EXACT" } });

    const del = await gql(`mutation($id: ID!) { webhookSubscriptionDelete(id: $id) { deletedWebhookSubscriptionId userErrors { field message } } }`, { id: sub.id });
    expect(del.json.data.webhookSubscriptionDelete).toEqual({ deletedWebhookSubscriptionId: sub.id, userErrors: [] });
    const gone = await gql(`mutation($id: ID!) { webhookSubscriptionDelete(id: $id) { deletedWebhookSubscriptionId userErrors { field message } } }`, { id: sub.id });
    // A repeated delete answers the id again, as in every capture that deletes twice (webhook-subscription-api-version-projection.json).
    expect(gone.json.data.webhookSubscriptionDelete).toEqual({ deletedWebhookSubscriptionId: sub.id, userErrors: [] });
    expect(subscriptionsFor(sandbox.state, sandbox.defaultShop, "test-api-key", "PRODUCTS_UPDATE")).toEqual([]);
  });

  it("billing: PENDING until the merchant opens the confirmation URL, then ACTIVE; cancel ends it", async () => {
    const create = await gql(`mutation($lineItems: [AppSubscriptionLineItemInput!]!) {
      appSubscriptionCreate(name: "Tessera Pro", returnUrl: "https://app.example.com/billing/return", test: true, trialDays: 7, lineItems: $lineItems) {
        appSubscription { id name status test trialDays lineItems { plan { pricingDetails { ... on AppRecurringPricing { price { amount currencyCode } interval } } } } }
        confirmationUrl userErrors { field message }
      }
    }`, { lineItems: [{ plan: { appRecurringPricingDetails: { price: { amount: "9.00", currencyCode: "USD" }, interval: "EVERY_30_DAYS" } } }] });
    const payload = create.json.data.appSubscriptionCreate;
    expect(payload.userErrors).toEqual([]);
    expect(payload.appSubscription).toMatchObject({ name: "Tessera Pro", status: "PENDING", test: true, trialDays: 7,
      lineItems: [{ plan: { pricingDetails: { price: { amount: "9.0", currencyCode: "USD" }, interval: "EVERY_30_DAYS" } } }] });
    expect(payload.confirmationUrl.startsWith(`${sandbox.origin}/admin/charges/`)).toBe(true);

    const before = await gql("{ currentAppInstallation { activeSubscriptions { id } } }");
    expect(before.json.data.currentAppInstallation.activeSubscriptions).toEqual([]);

    const approve = await fetch(payload.confirmationUrl, { redirect: "manual" });
    expect(approve.status).toBe(302);
    const back = new URL(approve.headers.get("location")!);
    expect(`${back.origin}${back.pathname}`).toBe("https://app.example.com/billing/return");
    expect(`gid://shopify/AppSubscription/${back.searchParams.get("charge_id")}`).toBe(payload.appSubscription.id);

    const after = await gql("{ currentAppInstallation { id accessScopes { handle } app { id apiKey } activeSubscriptions { id status currentPeriodEnd } } }");
    const inst = after.json.data.currentAppInstallation;
    expect(inst.activeSubscriptions).toEqual([{ id: payload.appSubscription.id, status: "ACTIVE", currentPeriodEnd: expect.stringMatching(/Z$/) }]);
    expect(inst.app).toEqual({ id: expect.stringMatching(/^gid:\/\/shopify\/App\/\d{12}$/), apiKey: "test-api-key" });
    expect(inst.accessScopes).toContainEqual({ handle: "write_pixels" });

    const cancel = await gql(`mutation($id: ID!) { appSubscriptionCancel(id: $id) { appSubscription { status } userErrors { message } } }`, { id: payload.appSubscription.id });
    expect(cancel.json.data.appSubscriptionCancel).toEqual({ appSubscription: { status: "CANCELLED" }, userErrors: [] });
    expect((await gql("{ currentAppInstallation { activeSubscriptions { id } } }")).json.data.currentAppInstallation.activeSubscriptions).toEqual([]);
    const forged = await fetch(payload.confirmationUrl.replace(/signature=[^&]+/, "signature=forged"), { redirect: "manual" });
    expect(forged.status).toBe(404);
  });
});
