import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseFaults } from "../../../sandbox/faults";
import type { RunningSandbox } from "../../../sandbox/server";
import { graphql, shopifyFetch, startTestSandbox } from "../helpers";

// GIVEN a sandbox run with fault injection, WHEN the app calls the Admin API, THEN it sees what
// Shopify's bad days look like: latency, 5xx, THROTTLED with real cost numbers. Per request, the
// X-Sandbox-Faults header overrides the run's settings (tests force one fault deterministically).

describe("fault injection", () => {
  let sandbox: RunningSandbox;
  let token: string;
  const query = "query ShopName { shop { name } }";

  beforeAll(async () => {
    sandbox = await startTestSandbox({ faults: "latency=0", storefront: false });
    token = sandbox.issueAccessToken();
  });
  afterAll(async () => sandbox?.close());

  it("parses SANDBOX_FAULTS and refuses typos and out-of-range values", () => {
    expect(parseFaults("latency=200,5xx=0.1,throttle=0.05,drop-webhooks=0.2,seed=7")).toEqual({ latencyMs: 200, serverErrorRate: 0.1, throttleRate: 0.05, dropWebhookRate: 0.2, seed: 7 });
    expect(() => parseFaults("latencyy=1")).toThrow(/unknown fault "latencyy"/);
    expect(() => parseFaults("5xx=2")).toThrow(/probability/);
  });

  it("answers 5xx instead of running the request", async () => {
    const res = await shopifyFetch(sandbox, `/admin/api/${sandbox.apiVersion}/graphql.json`, { headers: { "x-shopify-access-token": token, "x-sandbox-faults": "5xx=1" }, body: JSON.stringify({ query }) });

    expect([500, 502, 503]).toContain(res.status);
  });

  it("answers THROTTLED with the request's real cost and an empty bucket, leaving the real bucket alone", async () => {
    const res = await shopifyFetch(sandbox, `/admin/api/${sandbox.apiVersion}/graphql.json`, { headers: { "x-shopify-access-token": token, "x-sandbox-faults": "throttle=1" }, body: JSON.stringify({ query }) });
    const after = await graphql(sandbox, token, query);

    expect(res.status).toBe(200);
    expect(res.json.errors[0].extensions.code).toBe("THROTTLED");
    expect(res.json.extensions.cost).toMatchObject({ requestedQueryCost: 1, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 0, restoreRate: 100 } });
    expect(after.json.data.shop.name).toBe("Tessera Demo Store");
  });

  it("adds latency", async () => {
    const res = await shopifyFetch(sandbox, `/admin/api/${sandbox.apiVersion}/graphql.json`, { headers: { "x-shopify-access-token": token, "x-sandbox-faults": "latency=200" }, body: JSON.stringify({ query }) });

    expect(res.ms).toBeGreaterThanOrEqual(150);
    expect(res.json.data.shop.name).toBe("Tessera Demo Store");
  });
});
