import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../../../sandbox/server";
import { graphql, startTestSandbox } from "../helpers";

// Online-store roots answered without stored data, app-level access denials and
// delegateAccessTokenDestroy's error branches (online-store-salvaged-parity-recordings.json,
// app-billing-access-read.json, delegate-access-token-destroy-codes.json).
describe("online-store and app access roots", () => {
  let sandbox: RunningSandbox;
  let token: string;
  const gql = (q: string, v?: Record<string, unknown>) => graphql(sandbox, token, q, v);

  beforeAll(async () => {
    sandbox = await startTestSandbox({ scopes: ["write_themes", "write_products"] });
    token = sandbox.issueAccessToken();
  });
  afterAll(() => sandbox.close());

  it("denies theme changes even with write_themes: the app has no theme exemption", async () => {
    const res = await gql(`mutation {
  created: themeCreate(source: "https://example.com/t.zip", name: "x") { theme { id } userErrors { field message } }
  upsert: themeFilesUpsert(themeId: "gid://shopify/OnlineStoreTheme/1", files: [{ filename: "a.liquid", body: { type: TEXT, value: "x" } }]) { job { id } }
}`);
    expect(res.json.data).toEqual({ created: null, upsert: null });
    expect(res.json.errors[0]).toMatchObject({
      path: ["created"],
      extensions: { code: "ACCESS_DENIED", documentation: "https://shopify.dev/api/usage/access-scopes" },
    });
    expect(res.json.errors[0].message).toMatch(/^Access denied for themeCreate field\. Required access: The user needs write_themes and an exemption from Shopify to modify themes\.\n/);
    expect(res.json.errors[1].extensions.requiredAccess).toMatch(/^The user needs write_themes and an exemption from Shopify to modify theme files\.\n/);
  });

  it("answers NOT_FOUND for comment moderation of an unknown comment", async () => {
    const res = await gql(`mutation($id: ID!) {
  commentSpam(id: $id) { comment { id } userErrors { field message code } }
  commentDelete(id: $id) { deletedCommentId userErrors { field message code } }
}`, { id: "gid://shopify/Comment/9999999999" });
    const notFound = [{ field: ["id"], message: "Comment does not exist", code: "NOT_FOUND" }];
    expect(res.json.data).toEqual({ commentSpam: { comment: null, userErrors: notFound }, commentDelete: { deletedCommentId: null, userErrors: notFound } });
  });

  it("denies storefrontAccessTokenCreate and appInstallations with Shopify's bare messages", async () => {
    const st = await gql(`mutation { storefrontAccessTokenCreate(input: { title: "t" }) { storefrontAccessToken { id } } }`);
    expect(st.json.errors[0]).toMatchObject({ message: "Access denied for storefrontAccessTokenCreate field.", extensions: { code: "ACCESS_DENIED" } });
    expect(st.json.errors[0].extensions.requiredAccess).toBeUndefined();
    const inst = await gql(`{ appInstallations(first: 5) { nodes { id } } }`);
    expect(inst.json.data).toBeNull();
    expect(inst.json.errors[0]).toMatchObject({ message: "access denied", path: ["appInstallations"], extensions: { code: "ACCESS_DENIED" } });
  });

  it("delegateAccessTokenDestroy: unknown token and the caller's own token", async () => {
    const q = `mutation($t: String!) { delegateAccessTokenDestroy(accessToken: $t) { status shop { id } userErrors { field message code } } }`;
    const unknown = await gql(q, { t: "shpat_unknown" });
    expect(unknown.json.data.delegateAccessTokenDestroy).toMatchObject({
      status: false, shop: { id: expect.stringMatching(/^gid:\/\/shopify\/Shop\/\d+$/) },
      userErrors: [{ field: null, message: "Access token does not exist.", code: "ACCESS_TOKEN_NOT_FOUND" }],
    });
    const self = await gql(q, { t: token });
    expect(self.json.data.delegateAccessTokenDestroy).toMatchObject({
      status: false, userErrors: [{ field: null, message: "Can only delete delegate tokens.", code: "CAN_ONLY_DELETE_DELEGATE_TOKENS" }],
    });
    // The caller's token still works afterwards.
    expect((await gql(`{ shop { id } }`)).json.data.shop.id).toMatch(/^gid:\/\/shopify\/Shop\//);
  });
});
