import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../../sandbox/server";
import { signHs256 } from "../../sandbox/shopify/auth/jwt";
import { shopifyFetch, startTestSandbox, TEST_APP } from "./helpers";

const TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
const ID_TOKEN = "urn:ietf:params:oauth:token-type:id_token";
const OFFLINE = "urn:shopify:params:oauth:token-type:offline-access-token";
const ONLINE = "urn:shopify:params:oauth:token-type:online-access-token";

describe("sandbox POST /admin/oauth/access_token", () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => { sandbox = await startTestSandbox(); });
  afterAll(() => sandbox.close());

  // The body @shopify/shopify-api's tokenExchange() sends.
  const exchange = (overrides: Record<string, string> = {}) =>
    shopifyFetch(sandbox, "/admin/oauth/access_token", {
      body: JSON.stringify({
        client_id: TEST_APP.apiKey,
        client_secret: TEST_APP.apiSecret,
        grant_type: TOKEN_EXCHANGE,
        subject_token: sandbox.mintSessionToken(),
        subject_token_type: ID_TOKEN,
        requested_token_type: OFFLINE,
        expiring: "1",
        ...overrides,
      }),
    });

  it("exchanges a session token for an expiring offline token with a refresh token", async () => {
    const res = await exchange();

    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      access_token: expect.stringMatching(/^shpat_/),
      scope: expect.stringContaining("read_products"),
      expires_in: 3600,
      refresh_token: expect.stringMatching(/^shprt_/),
      refresh_token_expires_in: expect.any(Number),
    });
  });

  it("gives a non-expiring offline token when expiring=0, and an online token with the associated user", async () => {
    const offline = await exchange({ expiring: "0" });
    expect(Object.keys(offline.json).sort()).toEqual(["access_token", "scope"]);

    const online = await exchange({ requested_token_type: ONLINE });
    expect(online.status).toBe(200);
    expect(online.json).toMatchObject({ expires_in: expect.any(Number), associated_user: { account_owner: true, email: expect.any(String) } });
  });

  it("refreshes with grant_type=refresh_token and rotates the refresh token", async () => {
    const first = (await exchange()).json;
    const refreshed = await shopifyFetch(sandbox, "/admin/oauth/access_token", {
      body: JSON.stringify({ client_id: TEST_APP.apiKey, client_secret: TEST_APP.apiSecret, grant_type: "refresh_token", refresh_token: first.refresh_token }),
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.json.access_token).not.toBe(first.access_token);
    expect(refreshed.json.refresh_token).not.toBe(first.refresh_token);
    expect(refreshed.json.expires_in).toBe(3600);
  });

  it("rejects a session token signed with another secret as invalid_subject_token (400)", async () => {
    const now = Math.floor(Date.now() / 1000);
    const forged = signHs256({
      iss: `https://${sandbox.defaultShop}/admin`, dest: `https://${sandbox.defaultShop}`, aud: TEST_APP.apiKey,
      sub: "1", exp: now + 60, nbf: now, iat: now, jti: "x", sid: "y",
    }, "not-the-app-secret");

    const res = await exchange({ subject_token: forged });

    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error: "invalid_subject_token", error_description: expect.stringContaining("bad_signature") });
  });

  it("rejects an expired or other-shop session token", async () => {
    const now = Math.floor(Date.now() / 1000) - 3600;
    const expired = signHs256({
      iss: `https://${sandbox.defaultShop}/admin`, dest: `https://${sandbox.defaultShop}`, aud: TEST_APP.apiKey,
      sub: "1", exp: now + 60, nbf: now, iat: now, jti: "x", sid: "y",
    }, TEST_APP.apiSecret);
    expect((await exchange({ subject_token: expired })).json.error).toBe("invalid_subject_token");
  });

  it("rejects a wrong client secret as invalid_client (401) and issues nothing", async () => {
    const res = await exchange({ client_secret: "wrong" });
    expect(res.status).toBe(401);
    expect(res.json.error).toBe("invalid_client");
    expect(res.json.access_token).toBeUndefined();
  });

  it("rejects missing subject tokens and unknown grant types", async () => {
    expect((await exchange({ subject_token: "" })).json.error).toBe("missing_subject_token");
    expect((await exchange({ grant_type: "authorization_code" })).json.error).toBe("unsupported_grant_type");
  });
});
