import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../../../sandbox/server";
import { graphql, startTestSandbox } from "../helpers";

// metaobjectDefinitionUpdate/Delete, metaobjectUpdate, metaobjectBulkDelete, standardMetaobjectDefinitionEnable
// and field-definition validations, shaped after the 2026-04 metaobjects captures.

const ERR = "userErrors { field message code elementKey elementIndex }";
const DEFINE = `mutation($definition: MetaobjectDefinitionCreateInput!) { metaobjectDefinitionCreate(definition: $definition) {
  metaobjectDefinition { id fieldDefinitions { key capabilities { adminFilterable { enabled } } } } ${ERR} } }`;
const UPDATE_DEF = `mutation($id: ID!, $definition: MetaobjectDefinitionUpdateInput!) { metaobjectDefinitionUpdate(id: $id, definition: $definition) {
  metaobjectDefinition { name displayNameKey fieldDefinitions { key name required validations { name value } } } ${ERR} } }`;
const CREATE = `mutation($metaobject: MetaobjectCreateInput!) { metaobjectCreate(metaobject: $metaobject) {
  metaobject { id handle fields { key value jsonValue } } ${ERR} } }`;
const UPDATE = `mutation($id: ID!, $metaobject: MetaobjectUpdateInput!) { metaobjectUpdate(id: $id, metaobject: $metaobject) {
  metaobject { handle displayName fields { key value } } ${ERR} } }`;
const DELETE_DEF = `mutation($id: ID!) { metaobjectDefinitionDelete(id: $id) { deletedId ${ERR} } }`;

describe("metaobject lifecycle mutations", () => {
  let sandbox: RunningSandbox;
  let token: string;
  const gql = async (q: string, v?: Record<string, unknown>) => (await graphql(sandbox, token, q, v)).json;
  let defId: string;
  let entryId: string;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    token = sandbox.issueAccessToken();
    const res = await gql(DEFINE, { definition: {
      type: "lifecycle_widget", name: "Widget", displayNameKey: "title",
      fieldDefinitions: [
        { key: "title", name: "Title", type: "single_line_text_field", required: true, capabilities: { adminFilterable: { enabled: true } } },
        { key: "count", name: "Count", type: "number_integer", validations: [{ name: "max", value: "5" }] },
        { key: "code", name: "Code", type: "single_line_text_field", validations: [{ name: "max", value: "3" }] },
        { key: "flag", name: "Flag", type: "boolean" },
      ],
    } });
    defId = res.data.metaobjectDefinitionCreate.metaobjectDefinition.id;
    expect(res.data.metaobjectDefinitionCreate.metaobjectDefinition.fieldDefinitions[0]).toEqual({ key: "title", capabilities: { adminFilterable: { enabled: true } } });
  });
  afterAll(() => sandbox.close());

  it("enforces field definition validations on create and update", async () => {
    const bad = await gql(CREATE, { metaobject: { type: "lifecycle_widget", fields: [{ key: "title", value: "A" }, { key: "count", value: "10" }] } });
    expect(bad.data.metaobjectCreate).toEqual({ metaobject: null, userErrors: [
      { field: ["metaobject", "fields", "1"], message: "Value has a maximum of 5.", code: "INVALID_VALUE", elementKey: "count", elementIndex: null },
    ] });
    // metaobjectCreate casts a non-boolean text to true; metaobjectUpdate rejects it (field validation matrix capture).
    const ok = await gql(CREATE, { metaobject: { type: "lifecycle_widget", handle: "first", fields: [{ key: "title", value: "First" }, { key: "flag", value: "hello" }] } });
    expect(ok.data.metaobjectCreate.userErrors).toEqual([]);
    expect(ok.data.metaobjectCreate.metaobject.fields.find((f: { key: string }) => f.key === "flag")).toEqual({ key: "flag", value: "true", jsonValue: true });
    entryId = ok.data.metaobjectCreate.metaobject.id;
    const upd = await gql(UPDATE, { id: entryId, metaobject: { fields: [{ key: "code", value: "abcd" }, { key: "flag", value: "hello" }] } });
    expect(upd.data.metaobjectUpdate.userErrors.map((e: { message: string }) => e.message)).toEqual(["Value has a maximum length of 3.", "Value must be true or false."]);
  });

  it("updates an entry and reports a missing id", async () => {
    const res = await gql(UPDATE, { id: entryId, metaobject: { handle: "renamed", fields: [{ key: "title", value: "Renamed" }] } });
    expect(res.data.metaobjectUpdate).toMatchObject({ metaobject: { handle: "renamed", displayName: "Renamed" }, userErrors: [] });
    const missing = await gql(UPDATE, { id: "gid://shopify/Metaobject/999999", metaobject: { fields: [] } });
    expect(missing.data.metaobjectUpdate).toEqual({ metaobject: null, userErrors: [
      { field: ["id"], message: "Record not found", code: "RECORD_NOT_FOUND", elementKey: null, elementIndex: null },
    ] });
  });

  it("applies field operations and reports each failing operation", async () => {
    const errors = await gql(UPDATE_DEF, { id: defId, definition: { fieldDefinitions: [
      { update: { key: "missing_update", name: "x" } }, { create: { key: "title", name: "again", type: "single_line_text_field" } }, { delete: { key: "missing_delete" } },
    ] } });
    expect(errors.data.metaobjectDefinitionUpdate.userErrors).toEqual([
      { field: ["definition", "fieldDefinitions", "0", "update", "key"], message: 'Field definition "missing_update" does not exist', code: "UNDEFINED_OBJECT_FIELD", elementKey: "missing_update", elementIndex: null },
      { field: ["definition", "fieldDefinitions", "1", "create", "key"], message: 'Field definition "title" is already taken', code: "OBJECT_FIELD_TAKEN", elementKey: "title", elementIndex: null },
      { field: ["definition", "fieldDefinitions", "2", "delete", "key"], message: 'Field definition "missing_delete" does not exist', code: "UNDEFINED_OBJECT_FIELD", elementKey: "missing_delete", elementIndex: null },
    ]);
    const ok = await gql(UPDATE_DEF, { id: defId, definition: { name: "Widget 2", resetFieldOrder: true, fieldDefinitions: [
      { update: { key: "count", name: "Quantity", validations: [{ name: "max", value: "9" }] } }, { create: { key: "note", name: "Note", type: "multi_line_text_field" } }, { delete: { key: "flag" } },
    ] } });
    expect(ok.data.metaobjectDefinitionUpdate.userErrors).toEqual([]);
    expect(ok.data.metaobjectDefinitionUpdate.metaobjectDefinition.fieldDefinitions.map((f: { key: string }) => f.key)).toEqual(["count", "note", "code", "title"]);
  });

  it("bulk-deletes by ids and deletes a definition with its entries", async () => {
    const unknown = await gql(`mutation { metaobjectBulkDelete(where: { type: "nope_type" }) { job { id } ${ERR} } }`);
    expect(unknown.data.metaobjectBulkDelete.userErrors[0]).toMatchObject({ field: ["where", "type"], code: "RECORD_NOT_FOUND" });
    const both = await gql(`mutation { metaobjectBulkDelete(where: { type: "x_type", ids: [] }) { job { id } } }`);
    expect(both.errors[0]).toMatchObject({ message: "MetaobjectBulkDeleteWhereCondition requires exactly one of type, ids", extensions: { code: "INVALID_FIELD_ARGUMENTS" } });
    const second = await gql(CREATE, { metaobject: { type: "lifecycle_widget", fields: [{ key: "title", value: "Second" }] } });
    const bulk = await gql(`mutation($ids: [ID!]!) { metaobjectBulkDelete(where: { ids: $ids }) { job { done } ${ERR} } }`, { ids: [second.data.metaobjectCreate.metaobject.id] });
    expect(bulk.data.metaobjectBulkDelete).toEqual({ job: { done: false }, userErrors: [] });
    const del = await gql(DELETE_DEF, { id: defId });
    expect(del.data.metaobjectDefinitionDelete).toEqual({ deletedId: defId, userErrors: [] });
    const gone = await gql(`query($id: ID!) { metaobject(id: $id) { id } }`, { id: entryId });
    expect(gone.data.metaobject).toBeNull();
    const again = await gql(DELETE_DEF, { id: defId });
    expect(again.data.metaobjectDefinitionDelete.userErrors[0]).toMatchObject({ field: ["id"], code: "RECORD_NOT_FOUND" });
  });

  it("enables a standard template once and rejects unknown ones", async () => {
    const q = `mutation($type: String!) { standardMetaobjectDefinitionEnable(type: $type) { metaobjectDefinition { id type name standardTemplate { type name } } userErrors { field message code } } }`;
    const first = await gql(q, { type: "shopify--qa-pair" });
    expect(first.data.standardMetaobjectDefinitionEnable.metaobjectDefinition).toMatchObject({ type: "shopify--qa-pair", name: "Question and Answer Pairs", standardTemplate: { type: "shopify--qa-pair", name: "Question and Answer Pairs" } });
    const second = await gql(q, { type: "shopify--qa-pair" });
    expect(second.data.standardMetaobjectDefinitionEnable.metaobjectDefinition.id).toBe(first.data.standardMetaobjectDefinitionEnable.metaobjectDefinition.id);
    const unknown = await gql(q, { type: "shopify--unknown-template" });
    expect(unknown.data.standardMetaobjectDefinitionEnable).toEqual({ metaobjectDefinition: null, userErrors: [{ field: ["type"], message: "Record not found", code: "RECORD_NOT_FOUND" }] });
    const immutable = await gql(UPDATE_DEF, { id: first.data.standardMetaobjectDefinitionEnable.metaobjectDefinition.id, definition: { name: "Renamed" } });
    expect(immutable.data.metaobjectDefinitionUpdate.userErrors[0]).toMatchObject({ field: ["definition"], code: "IMMUTABLE" });
  });

  it("names entries without a display-name field after the handle, suffixing a taken one", async () => {
    await gql(DEFINE, { definition: { type: "auto_handle_t", name: "Auto Handle T", fieldDefinitions: [{ key: "body", name: "Body", type: "single_line_text_field" }] } });
    const q = `mutation($metaobject: MetaobjectCreateInput!) { metaobjectCreate(metaobject: $metaobject) { metaobject { handle displayName } ${ERR} } }`;
    const mixed = await gql(q, { metaobject: { type: "auto_handle_t", handle: "MyHandle", fields: [] } });
    expect(mixed.data.metaobjectCreate.metaobject).toEqual({ handle: "myhandle", displayName: "My Handle" });
    const conflict = await gql(q, { metaobject: { type: "auto_handle_t", handle: "myhandle", fields: [] } });
    expect(conflict.data.metaobjectCreate).toEqual({ metaobject: { handle: "myhandle-1", displayName: "Myhandle 1" }, userErrors: [] });
    const auto = await gql(q, { metaobject: { type: "auto_handle_t", fields: [{ key: "body", value: "x" }] } });
    const suffix = /^auto-handle-t-([a-z0-9]{8})$/.exec(auto.data.metaobjectCreate.metaobject.handle)![1]!;
    expect(auto.data.metaobjectCreate.metaobject.displayName).toBe(`Auto Handle T #${suffix.toUpperCase()}`);
  });
});
