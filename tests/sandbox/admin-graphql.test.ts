import { describe, expect, it } from "vitest";
import { graphql, shopifyFetch, useTwin } from "./helpers";

describe("sandbox Admin GraphQL (2026-07)", () => {
  const twin = useTwin();

  it("answers with 401 and Shopify's message for an unknown access token", async () => {
    const res = await graphql(twin.sandbox, "shpat_not-a-token", "{ shop { name } }");
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" });
  });

  it("rejects a token used on another shop's domain", async () => {
    const res = await shopifyFetch(twin.sandbox, `/admin/api/2026-07/graphql.json`, {
      shop: "someone-else.myshopify.com",
      headers: { "x-shopify-access-token": twin.token },
      body: JSON.stringify({ query: "{ shop { name } }" }),
    });
    expect(res.status).not.toBe(200);
  });

  it("reports an unknown field with HTTP 200, code undefinedField and no cost", async () => {
    const res = await graphql(twin.sandbox, twin.token, "query ShopBits { shop { definitelyNotAShopField } }");
    expect(res.status).toBe(200);
    expect(res.json.data).toBeUndefined();
    expect(res.json.extensions).toBeUndefined();
    expect(res.json.errors).toEqual([{
      message: "Field 'definitelyNotAShopField' doesn't exist on type 'Shop'",
      locations: [{ line: 1, column: 25 }],
      path: ["query ShopBits", "shop", "definitelyNotAShopField"],
      extensions: { code: "undefinedField", typeName: "Shop", fieldName: "definitelyNotAShopField" },
    }]);
  });

  it("reports syntax errors as PARSE_ERROR", async () => {
    const res = await graphql(twin.sandbox, twin.token, "query Broken {\n  shop {\n    id\n");
    expect(res.status).toBe(200);
    expect(res.json.errors[0].extensions).toEqual({ code: "PARSE_ERROR" });
  });

  it("answers the admin shell's queries with a cost extension", async () => {
    const res = await graphql(twin.sandbox, twin.token, `#graphql
      query AdminShell {
        shop { id name email myshopifyDomain currencyCode ianaTimezone primaryDomain { url host } plan { partnerDevelopment shopifyPlus publicDisplayName } }
        shopLocales { locale name primary published }
        markets(first: 10) { nodes { id name handle status enabled } pageInfo { hasNextPage } }
        currentAppInstallation { id accessScopes { handle } }
      }`);

    expect(res.status).toBe(200);
    expect(res.json.errors).toBeUndefined();
    expect(res.json.data.shop).toMatchObject({
      id: expect.stringMatching(/^gid:\/\/shopify\/Shop\/\d+$/),
      name: "Tessera Demo Store",
      myshopifyDomain: "tessera-demo.myshopify.com",
      currencyCode: "EUR",
      primaryDomain: { host: "tessera-demo.myshopify.com", url: "https://tessera-demo.myshopify.com" },
    });
    expect(res.json.data.shopLocales.map((l: { locale: string }) => l.locale)).toEqual(["de", "en", "es", "fr", "ja"]); // Shopify sorts by locale code (see the localization captures)
    expect(res.json.data.markets.nodes.length).toBeGreaterThanOrEqual(3);
    expect(res.json.data.markets.nodes[0]).toEqual({ id: expect.stringMatching(/^gid:\/\/shopify\/Market\//), name: expect.any(String), handle: expect.any(String), status: expect.stringMatching(/ACTIVE|DRAFT/), enabled: expect.any(Boolean) });
    expect(res.json.data.currentAppInstallation.accessScopes).toContainEqual({ handle: "read_products" });
    expect(res.json.extensions.cost).toEqual({
      requestedQueryCost: expect.any(Number),
      actualQueryCost: expect.any(Number),
      throttleStatus: { maximumAvailable: 2000, currentlyAvailable: expect.any(Number), restoreRate: 100 },
    });
    expect(res.json.extensions.cost.throttleStatus.currentlyAvailable).toBeLessThan(2000);
  });

  it("pages markets with cursors and refuses first+last like Shopify", async () => {
    const page1 = await graphql(twin.sandbox, twin.token, "{ markets(first: 2) { nodes { name } pageInfo { hasNextPage endCursor } } }");
    const page2 = await graphql(twin.sandbox, twin.token, "query($after: String) { markets(first: 2, after: $after) { nodes { name } pageInfo { hasPreviousPage } } }", {
      after: page1.json.data.markets.pageInfo.endCursor,
    });
    expect(page1.json.data.markets.pageInfo.hasNextPage).toBe(true);
    expect(page2.json.data.markets.nodes[0].name).not.toBe(page1.json.data.markets.nodes[1].name);
    expect(page2.json.data.markets.pageInfo.hasPreviousPage).toBe(true);

    const both = await graphql(twin.sandbox, twin.token, "{ markets(first: 1, last: 1) { nodes { id } } }");
    expect(both.json.errors[0]).toMatchObject({ message: "providing both first and last is not supported", extensions: { code: "BAD_REQUEST" } });
  });

  it("fails loudly on a schema field the sandbox does not implement", async () => {
    const res = await graphql(twin.sandbox, twin.token, "{ shop { name billingAddress { city } } }");
    expect(res.status).toBe(200);
    expect(res.json.errors[0]).toMatchObject({
      message: "Shop.billingAddress is not implemented in the Tessera sandbox",
      path: ["shop", "billingAddress"],
      extensions: { code: "NOT_IMPLEMENTED_IN_SANDBOX" },
    });
    expect(res.json.data).toBeNull(); // Shop.billingAddress is non-null: the error propagates, no silent nulls

    const root = await graphql(twin.sandbox, twin.token, "{ publicApiVersions { handle } }");
    expect(root.json.errors[0].extensions.code).toBe("NOT_IMPLEMENTED_IN_SANDBOX");
  });

  it("needs an operation name when a document has several operations", async () => {
    const res = await graphql(twin.sandbox, twin.token, "query A { shop { id } } query B { shop { name } }");
    expect(res.json).toEqual({ errors: [{ message: "An operation name is required" }] });
  });

  it("is fast once the schema is loaded", async () => {
    const runs: number[] = [];
    for (let i = 0; i < 20; i++) runs.push((await graphql(twin.sandbox, twin.token, "query ShopName { shop { name } }")).ms);
    runs.sort((a, b) => a - b);
    const p50 = runs[10]!;
    console.info(`[sandbox timing] schema load ${twin.sandbox.schemaLoadMs} ms; shop query p50 ${p50.toFixed(1)} ms, max ${runs.at(-1)!.toFixed(1)} ms`);
    expect(p50).toBeLessThan(100);
  });
});
