import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../../../sandbox/server";
import { graphql, startTestSandbox } from "../helpers";

// The shop-wide cap of 128 metaobject definitions does not count standard (shopify--) definitions
// (metaobject-definition-limit-caps.json: 6 definitions, 2 standard, then 124 accepted creates).

const DEFINE = `mutation($definition: MetaobjectDefinitionCreateInput!) { metaobjectDefinitionCreate(definition: $definition) {
  metaobjectDefinition { id } userErrors { field message code } } }`;
const ENABLE = `mutation($type: String!) { standardMetaobjectDefinitionEnable(type: $type) { metaobjectDefinition { id } userErrors { code } } }`;

describe("metaobject definition shop limit", () => {
  let sandbox: RunningSandbox;
  let token: string;
  const gql = async (q: string, v?: Record<string, unknown>) => (await graphql(sandbox, token, q, v)).json;
  const define = (n: number) => gql(DEFINE, { definition: { type: `limit_${n}`, name: `Limit ${n}`, fieldDefinitions: [{ key: "title", name: "Title", type: "single_line_text_field" }] } });

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    token = sandbox.issueAccessToken();
  });
  afterAll(() => sandbox.close());

  it("accepts 128 custom definitions next to standard ones and refuses the 129th", async () => {
    for (const type of ["shopify--color-pattern", "shopify--material"]) {
      expect((await gql(ENABLE, { type })).data.standardMetaobjectDefinitionEnable.userErrors).toEqual([]);
    }
    for (let n = 0; n < 128; n++) expect((await define(n)).data.metaobjectDefinitionCreate.userErrors).toEqual([]);
    expect((await define(128)).data.metaobjectDefinitionCreate).toEqual({
      metaobjectDefinition: null,
      userErrors: [{ field: ["definition"], message: "Total definition count exceeds the limit of 128", code: "MAX_DEFINITIONS_EXCEEDED" }],
    });
  });
});
