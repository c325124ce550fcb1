import { afterEach, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../../sandbox/server";
import { graphql, startTestSandbox } from "./helpers";

// Nested fields guarded by their own scope (access.ts fieldAccess): Shopify answers the rest of the
// query, nulls the field or its nearest nullable parent, and reports the full response path, as in
// store-properties-baseline.json (["businessEntities", 0, "shopifyPaymentsAccount"]). The web
// presence locale fields need `read_locales` or `read_markets_home` (markets-baseline.json, quirks.md §2).

const LOCALE_ACCESS = "`read_locales` access scope or `read_markets_home` access scope.";
const CREATE = `mutation Create($input: WebPresenceCreateInput!) {
  webPresenceCreate(input: $input) {
    webPresence { id subfolderSuffix }
    userErrors { field message code }
  }
}`;
const READ = `query Read {
  shop { name }
  webPresences(first: 50) { nodes { id ...Locales } }
}
fragment Locales on MarketWebPresence { defaultLocale { locale } }`;
const MUTATE_AND_SELECT = `mutation Create($input: WebPresenceCreateInput!) {
  webPresenceCreate(input: $input) {
    webPresence { id alternateLocales { locale } }
    userErrors { field message code }
  }
}`;

let sandbox: RunningSandbox | undefined;
afterEach(() => sandbox?.close());

async function twinWith(scopes: string[]) {
  sandbox = await startTestSandbox({ scopes });
  const token = sandbox.issueAccessToken();
  const gql = async (query: string, variables?: Record<string, unknown>) => (await graphql(sandbox!, token, query, variables)).json;
  const created = await gql(CREATE, { input: { defaultLocale: "en", subfolderSuffix: "fieldaccess" } });
  expect(created.errors).toBeUndefined();
  expect(created.data.webPresenceCreate.userErrors).toEqual([]);
  return { gql, webPresenceId: created.data.webPresenceCreate.webPresence.id as string };
}

describe("nested fields an app's scopes do not cover", () => {
  it("denies them with Shopify's error at the full path and answers the rest of the query", async () => {
    const { gql } = await twinWith(["write_markets"]);
    const res = await gql(READ);
    // defaultLocale, the node and the nodes list are non-null: the null reaches the (nullable) root
    // connection; the sibling root field is still answered.
    expect(res.data).toEqual({ shop: { name: expect.any(String) }, webPresences: null });
    const denied = res.errors.filter((e: { extensions: { code: string } }) => e.extensions.code === "ACCESS_DENIED");
    expect(denied.length).toBeGreaterThan(0);
    expect(denied[0]).toEqual({
      message: `Access denied for defaultLocale field. Required access: ${LOCALE_ACCESS}`,
      locations: [{ line: 5, column: 41 }],
      path: ["webPresences", "nodes", denied[0].path[2], "defaultLocale"],
      extensions: { code: "ACCESS_DENIED", documentation: "https://shopify.dev/api/usage/access-scopes", requiredAccess: LOCALE_ACCESS },
    });
    expect(denied[0].path[2]).toEqual(expect.any(Number));
    expect(res.extensions.cost).toBeDefined();
  });

  it("nulls only the nearest nullable parent (a mutation's payload object), keeping its siblings", async () => {
    const { gql } = await twinWith(["write_markets"]);
    const res = await gql(MUTATE_AND_SELECT, { input: { defaultLocale: "en", subfolderSuffix: "deniedlocales" } });
    expect(res.data).toEqual({ webPresenceCreate: { webPresence: null, userErrors: [] } });
    expect(res.errors).toEqual([expect.objectContaining({
      message: `Access denied for alternateLocales field. Required access: ${LOCALE_ACCESS}`,
      path: ["webPresenceCreate", "webPresence", "alternateLocales"],
      locations: [{ line: 3, column: 22 }],
    })]);
    // The mutation itself ran: the web presence exists (write_markets covers the root field).
    const after = await gql("query { webPresences(first: 50) { nodes { subfolderSuffix } } }");
    expect(after.data.webPresences.nodes.map((n: { subfolderSuffix: string }) => n.subfolderSuffix)).toContain("deniedlocales");
  });

  it.each([["read_locales"], ["write_locales"], ["read_markets_home"]])("answers them when the app holds %s (any one of the listed scopes)", async (scope) => {
    const { gql, webPresenceId } = await twinWith(["write_markets", scope]);
    const res = await gql(READ);
    expect(res.errors).toBeUndefined();
    expect(res.data.webPresences.nodes).toContainEqual({ id: webPresenceId, defaultLocale: { locale: "en" } });
  });
});
