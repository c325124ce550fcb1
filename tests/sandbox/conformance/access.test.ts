import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../../../sandbox/server";
import type { Exchange } from "../../../sandbox/conformance/normalize";
import { scenarioScopes } from "../../../sandbox/conformance/scopes";
import { fieldAccess, requiredAccess } from "../../../sandbox/shopify/admin-graphql/access";
import { graphql, startTestSandbox } from "../helpers";

// ACCESS_DENIED for an installation whose granted scopes miss what a root field needs, in the
// shape recorded in online-store-salvaged-parity-recordings.json / taxSummaryCreate-access-denied-parity.json.

describe("ACCESS_DENIED by installation scopes", () => {
  let sandbox: RunningSandbox;
  let token: string;
  beforeAll(async () => {
    sandbox = await startTestSandbox({ scopes: ["read_products", "write_locales"] });
    token = sandbox.issueAccessToken();
  });
  afterAll(() => sandbox.close());

  it("maps root fields to Shopify's scopes", () => {
    expect(requiredAccess("query", "products")?.scope).toBe("read_products");
    expect(requiredAccess("query", "translatableResource")?.scope).toBe("read_translations");
    expect(requiredAccess("mutation", "translationsRegister")?.scope).toBe("write_translations");
    expect(requiredAccess("query", "shopLocales")?.scope).toBe("read_locales");
    expect(requiredAccess("mutation", "shopLocaleEnable")?.scope).toBe("write_locales");
    expect(requiredAccess("query", "markets")?.scope).toBe("read_markets");
    expect(requiredAccess("mutation", "stagedUploadsCreate")?.scope).toBe("write_files");
    expect(requiredAccess("query", "metaobjects")?.scope).toBe("read_metaobjects");
    expect(requiredAccess("mutation", "metaobjectDefinitionCreate")?.scope).toBe("write_metaobject_definitions");
    expect(requiredAccess("mutation", "webPixelCreate")?.requiredAccess).toBe(
      "`write_pixels` access scope. Also: The app requires read_customer_events access scope and user access permission.",
    );
    expect(requiredAccess("query", "orders")?.scope).toBe("read_orders");
    expect(requiredAccess("query", "customers")?.scope).toBe("read_customers");
    expect(requiredAccess("query", "shop")).toBeUndefined();
    expect(requiredAccess("query", "webhookSubscriptions")).toBeUndefined();
  });

  it("denies a nullable mutation root with the recorded shape and nulls only that field", async () => {
    const res = await graphql(sandbox, token, `mutation Register($id: ID!) {
  translationsRegister(resourceId: $id, translations: []) { userErrors { message } }
}`, { id: "gid://shopify/Product/1" });
    expect(res.status).toBe(200);
    expect(res.json.data).toEqual({ translationsRegister: null });
    expect(res.json.errors).toEqual([{
      message: "Access denied for translationsRegister field. Required access: `write_translations` access scope.",
      locations: [{ line: 2, column: 3 }],
      path: ["translationsRegister"],
      extensions: { code: "ACCESS_DENIED", documentation: "https://shopify.dev/api/usage/access-scopes", requiredAccess: "`write_translations` access scope." },
    }]);
    expect(res.json.extensions.cost).toBeDefined(); // denied requests are still charged, like in the captures
  });

  it("reports the response key (alias) in the path and nulls data for a non-null root", async () => {
    const res = await graphql(sandbox, token, "query Orders { recent: orders(first: 1) { nodes { id } } }");
    expect(res.json.data).toBeNull();
    expect(res.json.errors[0]).toMatchObject({ path: ["recent"], message: "Access denied for orders field. Required access: `read_orders` access scope.", extensions: { code: "ACCESS_DENIED" } });
  });

  it("lets a write scope cover the matching read", async () => {
    const res = await graphql(sandbox, token, "query Locales { shopLocales { locale } }");
    expect(res.json.errors?.find((e: { extensions: { code: string } }) => e.extensions.code === "ACCESS_DENIED")).toBeUndefined();
  });
});

// The harness grants a replayed scenario what its nested fields with a rule need too (scopes.ts),
// unless the capture shows ACCESS_DENIED at that field's response path.
describe("scenario scopes for nested fields (conformance/scopes.ts)", () => {
  const ex = (query: string, response: Exchange["response"] = { data: {} }): Exchange =>
    ({ path: "$.step", name: "step", shape: 4, querySource: "inline", query, variables: {}, status: 200, response });
  const DENIED_PAYMENTS = {
    message: "Access denied for shopifyPaymentsAccount field. Required access: the `read_shopify_payments` or the `read_shopify_payments_accounts` access scope.",
    path: ["businessEntities", 0, "shopifyPaymentsAccount"],
    extensions: { code: "ACCESS_DENIED", documentation: "https://shopify.dev/api/usage/access-scopes", requiredAccess: "the `read_shopify_payments` or the `read_shopify_payments_accounts` access scope." },
  };

  it("has the rules the captures prove", () => {
    expect(fieldAccess("MarketWebPresence", "defaultLocale")?.anyOf).toEqual(["read_locales", "read_markets_home"]);
    expect(fieldAccess("MarketWebPresence", "alternateLocales")?.anyOf).toEqual(["read_locales", "read_markets_home"]);
    expect(fieldAccess("BusinessEntity", "shopifyPaymentsAccount")?.requiredAccess).toBe("the `read_shopify_payments` or the `read_shopify_payments_accounts` access scope.");
    expect(fieldAccess("MarketWebPresence", "id")).toBeUndefined();
  });

  it("grants a nested field's scope, reached through named and inline fragments and mutation payloads", () => {
    expect(scenarioScopes([ex("query { webPresences(first: 1) { nodes { ...W } } } fragment W on MarketWebPresence { id defaultLocale { locale } }")]))
      .toEqual(["read_locales", "read_markets"]);
    expect(scenarioScopes([ex("query($id: ID!) { node(id: $id) { ... on MarketWebPresence { alternateLocales { locale } } } }")])).toEqual(["read_locales"]);
    expect(scenarioScopes([ex("mutation { webPresenceCreate(input: {defaultLocale: \"en\"}) { webPresence { defaultLocale { locale } } } }")]))
      .toEqual(["read_locales", "write_markets"]);
    // root fields selected through a fragment on the root type count too
    expect(scenarioScopes([ex("query { ...R } fragment R on QueryRoot { markets(first: 1) { nodes { id } } }")])).toEqual(["read_markets"]);
    expect(scenarioScopes([ex("query { webPresences(first: 1) { nodes { id } } }")])).toEqual(["read_markets"]);
  });

  it("withholds it where the capture shows ACCESS_DENIED at that path (list indexes aside), and only there", () => {
    const query = "query { businessEntities { id shopifyPaymentsAccount { id } } }";
    expect(scenarioScopes([ex(query, { data: { businessEntities: [{ id: "gid://shopify/BusinessEntity/1", shopifyPaymentsAccount: null }] }, errors: [DENIED_PAYMENTS] })])).toEqual([]);
    expect(scenarioScopes([ex(query, { data: { businessEntities: [] } })])).toEqual(["read_shopify_payments"]);
    // the path is matched by response keys (aliases), so a denial elsewhere withholds nothing else
    const both = "query { primary: businessEntities { shopifyPaymentsAccount { id } } webPresences(first: 1) { nodes { defaultLocale { locale } } } }";
    expect(scenarioScopes([ex(both, { data: {}, errors: [{ ...DENIED_PAYMENTS, path: ["primary", 0, "shopifyPaymentsAccount"] }] })])).toEqual(["read_locales", "read_markets"]);
    expect(scenarioScopes([ex(both, { data: {}, errors: [{ ...DENIED_PAYMENTS, path: ["businessEntities", 0, "shopifyPaymentsAccount"] }] })]))
      .toEqual(["read_locales", "read_markets", "read_shopify_payments"]);
  });
});
