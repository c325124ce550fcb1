import { describe, expect, it } from "vitest";
import { handleAdminGraphql, type AdminGraphqlDeps } from "../../../sandbox/shopify/admin-graphql/handler";
import { ThrottleBucket } from "../../../sandbox/shopify/admin-graphql/cost";
import { ADMIN_API_VERSION, loadAdminSchema } from "../../../sandbox/shopify/admin-graphql/schema";
import { AccessTokenStore } from "../../../sandbox/shopify/auth/access-tokens";
import { tesseraDemoShop } from "../../../sandbox/shopify/fixtures/tessera-demo";
import { createShopifyState, ensureInstallation } from "../../../sandbox/shopify/state";

// The leaky bucket end to end through the handler, on an injected clock: 2000 points, 100/s,
// THROTTLED in Shopify's documented shape when a request costs more than what is left.

const API_KEY = "throttle-test-app";

function setup() {
  const shop = tesseraDemoShop();
  const state = createShopifyState([shop]);
  ensureInstallation(state, shop.domain, API_KEY, ["read_products", "read_markets"]);
  const tokens = new AccessTokenStore();
  const token = tokens.issueOffline(shop.domain, API_KEY, "read_products,read_markets", { expiring: false }).access.token;
  const clock = { now: 1_000_000 };
  const deps: AdminGraphqlDeps = { schema: loadAdminSchema().schema, state, tokens, buckets: new Map() };
  deps.buckets.set(`${shop.domain} ${API_KEY}`, new ThrottleBucket(() => clock.now));
  const call = (query: string) =>
    handleAdminGraphql(deps, { shop: shop.domain, version: ADMIN_API_VERSION, accessToken: token, body: JSON.stringify({ query }), contentType: "application/json" })
      .body as { data?: unknown; errors?: { message: string; extensions: Record<string, unknown> }[]; extensions: { cost: { requestedQueryCost: number; actualQueryCost: number | null; throttleStatus: { currentlyAvailable: number } } } };
  return { clock, call };
}

// 999 aliased `shop { id }`: one point each, requested = actual = 999 (just under the 1000 single-query cap).
const EXPENSIVE = `query Drain { ${Array.from({ length: 999 }, (_, i) => `s${i}: shop { id }`).join(" ")} }`;
const CHEAP = "query One { shop { id } }";

describe("throttling (2000 points, restore 100/s)", () => {
  it("drains the bucket, answers THROTTLED, and restores at exactly 100 points per second", () => {
    const { clock, call } = setup();
    expect(call(EXPENSIVE).extensions.cost).toMatchObject({ requestedQueryCost: 999, actualQueryCost: 999, throttleStatus: { currentlyAvailable: 1001 } });
    expect(call(EXPENSIVE).extensions.cost.throttleStatus.currentlyAvailable).toBe(2);

    const throttled = call(EXPENSIVE);
    expect(throttled).toEqual({
      errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/limits#rate-limits" } }],
      extensions: { cost: { requestedQueryCost: 999, actualQueryCost: null, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 2, restoreRate: 100 } } },
    });
    expect(throttled.data).toBeUndefined();

    clock.now += 1000; // +100
    expect(call(CHEAP).extensions.cost.throttleStatus.currentlyAvailable).toBe(2 + 100 - 1);
    clock.now += 2500; // +250
    expect(call(CHEAP).extensions.cost.throttleStatus.currentlyAvailable).toBe(101 + 250 - 1);
    expect(call(EXPENSIVE).errors?.[0]?.extensions.code).toBe("THROTTLED"); // 350 < 999: still throttled, nothing deducted

    clock.now += 6490; // 350 + 649 = 999: enough again
    const recovered = call(EXPENSIVE);
    expect(recovered.errors).toBeUndefined();
    expect(recovered.extensions.cost.throttleStatus.currentlyAvailable).toBe(0);

    clock.now += 60_000; // never above the maximum
    expect(call(CHEAP).extensions.cost.throttleStatus.currentlyAvailable).toBe(1999);
  });

  it("charges the actual cost, refunding what a connection did not return", () => {
    const { call } = setup();
    const res = call("query Markets { markets(first: 100) { nodes { id } } }");
    expect(res.errors).toBeUndefined();
    expect(res.extensions.cost.requestedQueryCost).toBe(102);
    expect(res.extensions.cost.actualQueryCost).toBe(2 + (res.data as { markets: { nodes: unknown[] } }).markets.nodes.length);
    expect(res.extensions.cost.actualQueryCost).toBeLessThan(102);
    expect(res.extensions.cost.throttleStatus.currentlyAvailable).toBe(2000 - res.extensions.cost.actualQueryCost!);
  });
});
