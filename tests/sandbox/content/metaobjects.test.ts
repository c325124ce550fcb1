import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../../../sandbox/server";
import { apiClientId } from "../../../sandbox/shopify/platform/app-identity";
import { graphql, startTestSandbox, TEST_APP } from "../helpers";

const DEFINE = `mutation Define($definition: MetaobjectDefinitionCreateInput!) {
  metaobjectDefinitionCreate(definition: $definition) {
    metaobjectDefinition { id type name displayNameKey access { admin storefront } capabilities { publishable { enabled } onlineStore { enabled } }
      fieldDefinitions { key name required type { name category } } metaobjectsCount }
    userErrors { field message code elementKey elementIndex }
  }
}`;
const UPSERT = `mutation Upsert($handle: MetaobjectHandleInput!, $metaobject: MetaobjectUpsertInput!) {
  metaobjectUpsert(handle: $handle, metaobject: $metaobject) {
    metaobject { id handle type displayName updatedAt capabilities { publishable { status } } fields { key type value jsonValue } images: field(key: "images") { value } }
    userErrors { field message code elementKey elementIndex }
  }
}`;

describe("metaobject definitions and entries", () => {
  let sandbox: RunningSandbox;
  let token: string;
  const galleryType = `app--${apiClientId(TEST_APP.apiKey)}--gallery`;
  const gql = (q: string, v?: Record<string, unknown>) => graphql(sandbox, token, q, v);

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    token = sandbox.issueAccessToken();
  });
  afterAll(() => sandbox.close());

  it("creates an app-owned $app: definition and reads it back by either type spelling", async () => {
    const res = await gql(DEFINE, { definition: {
      type: "$app:gallery", name: "Gallery", displayNameKey: "title", access: { admin: "MERCHANT_READ", storefront: "PUBLIC_READ" },
      fieldDefinitions: [
        { key: "title", name: "Title", type: "single_line_text_field", required: true },
        { key: "images", name: "Images", type: "list.file_reference" },
        { key: "columns", name: "Columns", type: "number_integer" },
      ],
    } });
    expect(res.json.data.metaobjectDefinitionCreate.userErrors).toEqual([]);
    expect(res.json.data.metaobjectDefinitionCreate.metaobjectDefinition).toMatchObject({
      type: galleryType, name: "Gallery", access: { admin: "MERCHANT_READ", storefront: "PUBLIC_READ" },
      capabilities: { publishable: { enabled: false }, onlineStore: { enabled: false } }, metaobjectsCount: 0,
      fieldDefinitions: [
        { key: "title", name: "Title", required: true, type: { name: "single_line_text_field", category: "TEXT" } },
        { key: "images", name: "Images", required: false, type: { name: "list.file_reference", category: "REFERENCE" } },
        { key: "columns", name: "Columns", required: false, type: { name: "number_integer", category: "NUMBER" } },
      ],
    });
    for (const type of ["$app:gallery", galleryType]) {
      const read = await gql("query($type: String!) { metaobjectDefinitionByType(type: $type) { type } }", { type });
      expect(read.json.data.metaobjectDefinitionByType).toEqual({ type: galleryType });
    }
  });

  it("rejects duplicate, reserved and malformed definitions with Shopify's userErrors", async () => {
    const cases: [object, object][] = [
      [{ type: "$app:gallery", name: "Again" }, { field: ["definition", "type"], message: "Type has already been taken", code: "TAKEN" }],
      [{ type: "ab", name: "Short" }, { field: ["definition", "type"], message: "Type is too short (minimum is 3 characters)", code: "TOO_SHORT" }],
      [{ type: "shopify--form", name: "Reserved" }, { field: ["definition"], message: "Not authorized. This type is reserved for use by another application.", code: "NOT_AUTHORIZED" }],
      [{ type: "plain_type", name: "Access", access: { admin: "MERCHANT_READ" } }, { field: ["definition", "access", "admin"], code: "ADMIN_ACCESS_INPUT_NOT_ALLOWED" }],
      [{ type: "handle_key", name: "Reserved key", fieldDefinitions: [{ key: "handle", type: "single_line_text_field" }] }, { field: ["definition", "fieldDefinitions", "0"], message: 'The name "handle" is reserved for system use', code: "RESERVED_NAME", elementKey: "handle" }],
      [{ type: "bad_list", name: "Bad list", fieldDefinitions: [{ key: "flags", type: "list.boolean" }] }, { field: ["definition", "fieldDefinitions", "0"], code: "INCLUSION", elementKey: "flags" }],
    ];
    for (const [definition, error] of cases) {
      const res = await gql(DEFINE, { definition });
      expect(res.json.data.metaobjectDefinitionCreate.metaobjectDefinition, JSON.stringify(definition)).toBeNull();
      expect(res.json.data.metaobjectDefinitionCreate.userErrors[0]).toMatchObject(error);
    }
  });

  it("upserts by handle: creates, then updates the same entry, validating fields against the definition", async () => {
    const handle = { type: "$app:gallery", handle: "summer-lookbook" };
    const created = await gql(UPSERT, { handle, metaobject: { fields: [{ key: "title", value: "Summer lookbook" }, { key: "columns", value: "3" }] } });
    const first = created.json.data.metaobjectUpsert;
    expect(first.userErrors).toEqual([]);
    expect(first.metaobject).toMatchObject({
      handle: "summer-lookbook", type: galleryType, displayName: "Summer lookbook", capabilities: { publishable: null }, images: { value: null },
      fields: [
        { key: "title", type: "single_line_text_field", value: "Summer lookbook", jsonValue: "Summer lookbook" },
        { key: "images", type: "list.file_reference", value: null, jsonValue: null },
        { key: "columns", type: "number_integer", value: "3", jsonValue: 3 },
      ],
    });

    const updated = await gql(UPSERT, { handle, metaobject: { fields: [{ key: "columns", value: "4" }] } });
    expect(updated.json.data.metaobjectUpsert.metaobject.id).toBe(first.metaobject.id);
    expect(updated.json.data.metaobjectUpsert.metaobject.fields[2]).toMatchObject({ value: "4", jsonValue: 4 });
    expect(updated.json.data.metaobjectUpsert.metaobject.fields[0].value).toBe("Summer lookbook");

    const invalid = await gql(UPSERT, { handle, metaobject: { fields: [{ key: "columns", value: "many" }, { key: "nope", value: "x" }] } });
    expect(invalid.json.data.metaobjectUpsert).toEqual({ metaobject: null, userErrors: [
      { field: ["metaobject", "fields", "0"], message: "Value must be an integer.", code: "INVALID_VALUE", elementKey: "columns", elementIndex: null },
      { field: ["metaobject", "fields", "1"], message: 'Field definition "nope" does not exist', code: "UNDEFINED_OBJECT_FIELD", elementKey: "nope", elementIndex: null },
    ] });

    const missing = await gql(UPSERT, { handle: { ...handle, handle: "no-title" }, metaobject: { fields: [] } });
    expect(missing.json.data.metaobjectUpsert.userErrors).toEqual([
      { field: ["metaobject"], message: "Title can't be blank", code: "OBJECT_FIELD_REQUIRED", elementKey: "title", elementIndex: null },
    ]);
    const badRef = await gql(UPSERT, { handle, metaobject: { fields: [{ key: "images", value: '["gid://shopify/Product/1"]' }] } });
    expect(badRef.json.data.metaobjectUpsert.userErrors[0]).toMatchObject({ message: "Value must be a file reference string.", elementIndex: 0 });
  });

  it("lists, reads by id and handle, and deletes entries", async () => {
    await gql(UPSERT, { handle: { type: "$app:gallery", handle: "winter" }, metaobject: { fields: [{ key: "title", value: "Winter" }] } });
    const list = await gql(`{ metaobjects(type: "$app:gallery", first: 10) { nodes { id handle displayName } pageInfo { hasNextPage } } }`);
    const nodes = list.json.data.metaobjects.nodes;
    expect(nodes.map((n: any) => n.handle)).toEqual(["summer-lookbook", "winter"]);

    const byId = await gql("query($id: ID!) { metaobject(id: $id) { handle definition { type } } }", { id: nodes[1].id });
    expect(byId.json.data.metaobject).toEqual({ handle: "winter", definition: { type: galleryType } });
    const byHandle = await gql(`{ metaobjectByHandle(handle: { type: "$app:gallery", handle: "winter" }) { id } }`);
    expect(byHandle.json.data.metaobjectByHandle.id).toBe(nodes[1].id);

    const del = await gql("mutation($id: ID!) { metaobjectDelete(id: $id) { deletedId userErrors { field message code } } }", { id: nodes[1].id });
    expect(del.json.data.metaobjectDelete).toEqual({ deletedId: nodes[1].id, userErrors: [] });
    const again = await gql("mutation($id: ID!) { metaobjectDelete(id: $id) { deletedId userErrors { field message code } } }", { id: nodes[1].id });
    expect(again.json.data.metaobjectDelete).toEqual({ deletedId: null, userErrors: [{ field: ["id"], message: "Record not found", code: "RECORD_NOT_FOUND" }] });
  });

  it("refuses capabilities the definition does not enable", async () => {
    const res = await gql(UPSERT, { handle: { type: "$app:gallery", handle: "cap" }, metaobject: {
      capabilities: { publishable: { status: "ACTIVE" }, onlineStore: { templateSuffix: "landing" } }, fields: [{ key: "title", value: "Cap" }],
    } });
    expect(res.json.data.metaobjectUpsert.userErrors.map((e: any) => [e.field.join("."), e.message, e.code])).toEqual([
      ["metaobject.capabilities.publishable", "Capability is not enabled: publishable", "CAPABILITY_NOT_ENABLED"],
      ["metaobject.capabilities.onlineStore", "Capability is not enabled: online_store", "CAPABILITY_NOT_ENABLED"],
    ]);
  });
});
