import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../../../sandbox/server";
import { graphql, startTestSandbox } from "../helpers";

describe("server pixel endpoint updates", () => {
  let sandbox: RunningSandbox;
  let token: string;
  const gql = (q: string) => graphql(sandbox, token, q);

  beforeAll(async () => {
    sandbox = await startTestSandbox({ scopes: ["write_pixels", "read_customer_events"] });
    token = sandbox.issueAccessToken();
  });
  afterAll(() => sandbox.close());

  it("rejects blank PubSub arguments before the access check, located at the field and the argument", async () => {
    const res = await gql(`mutation {\n  pubSubServerPixelUpdate(pubSubProject: "", pubSubTopic: "topic") { serverPixel { id } userErrors { code field message } }\n}`);
    expect(res.json.data).toEqual({ pubSubServerPixelUpdate: null });
    expect(res.json.errors[0]).toMatchObject({
      message: "pubSubProject can't be blank", locations: [{ line: 2, column: 3 }, { line: 2, column: 27 }], path: ["pubSubServerPixelUpdate"], extensions: { code: "INVALID_FIELD_ARGUMENTS" },
    });
  });

  it("needs write_server_pixels too (ACCESS_DENIED names write_pixels, as captured)", async () => {
    const res = await gql(`mutation { eventBridge: eventBridgeServerPixelUpdate(arn: "arn:aws:events:us-east-1:123456789012:event-bus/missing") { serverPixel { id } } }`);
    expect(res.json.errors[0]).toMatchObject({
      message: "Access denied for eventBridgeServerPixelUpdate field. Required access: `write_pixels` access scope. Also: The app must have the read_customer_events and write_server_pixels access scopes.",
      extensions: { code: "ACCESS_DENIED" }, path: ["eventBridge"],
    });
  });
});
