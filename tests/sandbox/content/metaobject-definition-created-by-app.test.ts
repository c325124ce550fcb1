import { describe, expect, it } from "vitest";
import { graphql, useTwin } from "../helpers";
import { ensureInstallation } from "../../../sandbox/shopify/state";

// MetaobjectDefinition.createdByApp: the app whose token created or enabled the definition
// (metaobject-definition-lifecycle-invariants.json shows the recording app on definitions it made).

describe("MetaobjectDefinition.createdByApp", () => {
  const twin = useTwin();

  it("is the calling app for a definition it created or enabled", async () => {
    const created = await twin.gql(`mutation { metaobjectDefinitionCreate(definition: { type: "created_by", name: "Created by", fieldDefinitions: [{ key: "title", type: "single_line_text_field" }] }) { metaobjectDefinition { createdByApp { apiKey } } userErrors { message } } }`);
    expect(created.data.metaobjectDefinitionCreate.metaobjectDefinition.createdByApp.apiKey).toBe("test-api-key");
    const enabled = await twin.gql(`mutation { standardMetaobjectDefinitionEnable(type: "shopify--qa-pair") { metaobjectDefinition { createdByApp { apiKey } } userErrors { message } } }`);
    expect(enabled.data.standardMetaobjectDefinitionEnable.metaobjectDefinition.createdByApp.apiKey).toBe("test-api-key");
  });

  it("answers loudly for a definition another app created (the twin knows no other app's listing)", async () => {
    const scopes = ["read_metaobject_definitions", "write_metaobject_definitions"];
    ensureInstallation(twin.sandbox.state, twin.sandbox.defaultShop!, "another-app", scopes);
    const other = twin.sandbox.tokens.issueOffline(twin.sandbox.defaultShop!, "another-app", scopes.join(","), { expiring: false }).access.token;
    const made = (await graphql(twin.sandbox, other, `mutation { metaobjectDefinitionCreate(definition: { type: "by_another", name: "By another" }) { metaobjectDefinition { id } userErrors { message } } }`)).json as any;
    const id = made.data.metaobjectDefinitionCreate.metaobjectDefinition.id;
    const read = await twin.gql(`query R($id: ID!) { metaobjectDefinition(id: $id) { type createdByApp { apiKey } } }`, { id });
    expect(read.errors[0].extensions.code).toBe("NOT_IMPLEMENTED_IN_SANDBOX");
  });
});
