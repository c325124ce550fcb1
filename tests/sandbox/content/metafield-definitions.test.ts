import { describe, expect, it } from "vitest";
import { apiClientId } from "../../../sandbox/shopify/platform/app-identity";
import { registerNode } from "../../../sandbox/shopify/state";
import { TEST_APP, useTwin } from "../helpers";

// metafieldDefinitionCreate/Update/Delete, metafieldDefinition, and definition-driven metafieldsSet
// validation, shaped after the 2025-01/2026-04 metafields captures.

const CREATE = `mutation($definition: MetafieldDefinitionInput!) { metafieldDefinitionCreate(definition: $definition) {
  createdDefinition { id name namespace key ownerType type { name category } validations { name value } pinnedPosition validationStatus }
  userErrors { field message code } } }`;
const SET = `mutation($metafields: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $metafields) {
  metafields { key value definition { id } } userErrors { field message code elementIndex } } }`;

describe("metafield definitions", () => {
  const product = "gid://shopify/Product/9200000001";
  const twin = useTwin({}, (sandbox) => registerNode(sandbox.state, sandbox.defaultShop, { gid: product, typename: "Product" }));
  const gql = twin.gql;
  const def = (extra: object) => ({ name: "Def", namespace: "rules", ownerType: "PRODUCT", type: "single_line_text_field", ...extra });

  it("reports every invalid input field at once", async () => {
    const res = await gql(CREATE, { definition: def({ namespace: "ab", key: "x" }) });
    expect(res.data.metafieldDefinitionCreate).toEqual({ createdDefinition: null, userErrors: [
      { field: ["definition", "namespace"], message: "Namespace is too short (minimum is 3 characters)", code: "TOO_SHORT" },
      { field: ["definition", "key"], message: "Key is too short (minimum is 2 characters)", code: "TOO_SHORT" },
    ] });
    const chars = await gql(CREATE, { definition: def({ namespace: "my space", key: "valid_key" }) });
    expect(chars.data.metafieldDefinitionCreate.userErrors).toEqual([{ field: ["definition", "namespace"], message: "Namespace contains one or more invalid characters.", code: "INVALID_CHARACTER" }]);
    const access = await gql(CREATE, { definition: def({ key: "admin_read", access: { admin: "MERCHANT_READ" } }) });
    expect(access.data.metafieldDefinitionCreate.userErrors).toEqual([{ field: ["definition"], message: 'Setting this access control is not permitted. It must be one of ["public_read_write"].', code: "INVALID" }]);
  });

  it("denies another app's and Shopify's namespaces", async () => {
    const res = await gql(CREATE, { definition: def({ namespace: "app--999999999999--x", key: "tier" }) });
    expect(res.errors[0].extensions.code).toBe("ACCESS_DENIED");
    expect(res.data.metafieldDefinitionCreate).toBeNull();
  });

  it("validates metafieldsSet values against the definition and links Metafield.definition", async () => {
    const created = [
      await gql(CREATE, { definition: def({ key: "qty", type: "number_integer", validations: [{ name: "min", value: "2" }] }) }),
      await gql(CREATE, { definition: def({ key: "sku", validations: [{ name: "regex", value: "^[A-Z]{3}$" }] }) }),
      await gql(CREATE, { definition: def({ key: "color", validations: [{ name: "choices", value: '["red","blue"]' }] }) }),
      await gql(CREATE, { definition: def({ key: "launch", type: "date", validations: [{ name: "max", value: "2026-12-31" }] }) }),
    ];
    for (const c of created) expect(c.data.metafieldDefinitionCreate.userErrors).toEqual([]);
    expect(created[0].data.metafieldDefinitionCreate.createdDefinition).toMatchObject({ type: { name: "number_integer", category: "NUMBER" }, validationStatus: "ALL_VALID", pinnedPosition: null });
    const row = (key: string, type: string, value: string) => ({ ownerId: product, namespace: "rules", key, type, value });
    const bad = await gql(SET, { metafields: [row("qty", "number_integer", "1"), row("sku", "single_line_text_field", "abc"), row("color", "single_line_text_field", "green"), row("launch", "date", "2027-01-01")] });
    expect(bad.data.metafieldsSet.userErrors).toEqual([
      { field: ["metafields", "0", "value"], message: "Value has a minimum of 2.", code: "INVALID_VALUE", elementIndex: null },
      { field: ["metafields", "1", "value"], message: "Value is not the correct format.", code: "INVALID_VALUE", elementIndex: null },
      { field: ["metafields", "2", "value"], message: 'Value does not exist in provided choices: ["red", "blue"].', code: "INVALID_VALUE", elementIndex: null },
      { field: ["metafields", "3", "value"], message: "Value has a maximum of 2026-12-31.", code: "INVALID_VALUE", elementIndex: null },
    ]);
    const ok = await gql(SET, { metafields: [row("sku", "single_line_text_field", "ABC")] });
    expect(ok.data.metafieldsSet.metafields).toEqual([{ key: "sku", value: "ABC", definition: { id: created[1].data.metafieldDefinitionCreate.createdDefinition.id } }]);
  });

  it("updates validations with a job, reads by identifier, and deletes with the values", async () => {
    await gql(CREATE, { definition: def({ namespace: "$app:lifecycle", key: "headline" }) });
    const ns = `app--${apiClientId(TEST_APP.apiKey)}--lifecycle`;
    const upd = await gql(`mutation($definition: MetafieldDefinitionUpdateInput!) { metafieldDefinitionUpdate(definition: $definition) {
      updatedDefinition { id namespace validations { name value } } validationJob { done } userErrors { field message code } } }`,
    { definition: { namespace: "$app:lifecycle", key: "headline", ownerType: "PRODUCT", validations: [{ name: "max", value: "5" }] } });
    expect(upd.data.metafieldDefinitionUpdate).toMatchObject({ updatedDefinition: { namespace: ns, validations: [{ name: "max", value: "5" }] }, validationJob: { done: false }, userErrors: [] });
    const id = upd.data.metafieldDefinitionUpdate.updatedDefinition.id;
    const tooLong = await gql(SET, { metafields: [{ ownerId: product, namespace: "$app:lifecycle", key: "headline", type: "single_line_text_field", value: "too long" }] });
    expect(tooLong.data.metafieldsSet.userErrors[0].message).toBe("Value has a maximum length of 5.");
    await gql(SET, { metafields: [{ ownerId: product, namespace: "$app:lifecycle", key: "headline", type: "single_line_text_field", value: "short" }] });
    const read = await gql(`query($i: MetafieldDefinitionIdentifierInput!) { metafieldDefinition(identifier: $i) { id metafieldsCount } }`, { i: { ownerType: "PRODUCT", namespace: "$app:lifecycle", key: "headline" } });
    expect(read.data.metafieldDefinition).toEqual({ id, metafieldsCount: 1 });
    const del = await gql(`mutation($id: ID!) { metafieldDefinitionDelete(id: $id, deleteAllAssociatedMetafields: true) { deletedDefinitionId userErrors { field message } } }`, { id });
    expect(del.data.metafieldDefinitionDelete).toEqual({ deletedDefinitionId: id, userErrors: [] });
    const after = await gql(`query($id: ID!) { metafieldDefinition(id: $id) { id } }`, { id });
    expect(after.data.metafieldDefinition).toBeNull();
  });

  it("enables recorded standard templates, guards their fixed properties and rejects invalid capabilities", async () => {
    const enable = `mutation($id: ID, $caps: MetafieldCapabilityCreateInput, $access: StandardMetafieldDefinitionAccessInput) {
      standardMetafieldDefinitionEnable(ownerType: PRODUCT, id: $id, capabilities: $caps, access: $access) {
        createdDefinition { name namespace key description validations { name value } } userErrors { field message code } } }`;
    const caps = await gql(enable, { id: "gid://shopify/StandardMetafieldDefinitionTemplate/2", caps: { uniqueValues: { enabled: true } } });
    expect(caps.data.standardMetafieldDefinitionEnable.userErrors).toEqual([{ field: null, message: "The capability unique_values is not valid for this definition.", code: "INVALID_CAPABILITY" }]);
    const admin = await gql(enable, { id: "gid://shopify/StandardMetafieldDefinitionTemplate/1", access: { admin: "MERCHANT_READ" } });
    expect(admin.data.standardMetafieldDefinitionEnable.userErrors[0]).toMatchObject({ field: ["access"], code: "INVALID" });
    const ok = await gql(enable, { id: "gid://shopify/StandardMetafieldDefinitionTemplate/1" });
    expect(ok.data.standardMetafieldDefinitionEnable).toEqual({ createdDefinition: {
      name: "Product subtitle", namespace: "descriptors", key: "subtitle", description: "Used as a shorthand for a product name", validations: [{ name: "max", value: "70" }],
    }, userErrors: [] });
    const upd = await gql(`mutation($definition: MetafieldDefinitionUpdateInput!) { metafieldDefinitionUpdate(definition: $definition) { updatedDefinition { id } userErrors { field code } } }`,
      { definition: { ownerType: "PRODUCT", namespace: "descriptors", key: "subtitle", name: "Renamed", validations: [{ name: "max", value: "80" }] } });
    expect(upd.data.metafieldDefinitionUpdate.userErrors).toEqual([{ field: ["definition", "name"], code: "INVALID_INPUT" }, { field: ["definition", "validations"], code: "INVALID_INPUT" }]);
    // The template's type was never captured: reading it fails loudly instead of guessing.
    const typeRead = await twin.call(`{ metafieldDefinition(identifier: { ownerType: PRODUCT, namespace: "descriptors", key: "subtitle" }) { type { name } } }`);
    expect(typeRead.json.errors?.[0]?.extensions?.code).toBe("NOT_IMPLEMENTED_IN_SANDBOX");
  });
  it("refuses a duplicate per owner type, answers NOT_FOUND for an unknown identifier, and keeps values on a plain delete", async () => {
    const first = await gql(CREATE, { definition: def({ namespace: "dupes", key: "spec" }) });
    expect(first.data.metafieldDefinitionCreate.userErrors).toEqual([]);
    const dup = await gql(CREATE, { definition: def({ namespace: "dupes", key: "spec", name: "Again" }) });
    expect(dup.data.metafieldDefinitionCreate).toEqual({ createdDefinition: null, userErrors: [{ field: ["definition", "key"], message: "Key is in use for Product metafields on the 'dupes' namespace.", code: "TAKEN" }] });
    const otherOwner = await gql(CREATE, { definition: def({ namespace: "dupes", key: "spec", ownerType: "COLLECTION" }) });
    expect(otherOwner.data.metafieldDefinitionCreate.userErrors).toEqual([]);

    const UPDATE = `mutation($definition: MetafieldDefinitionUpdateInput!) { metafieldDefinitionUpdate(definition: $definition) { updatedDefinition { id } userErrors { field message code } validationJob { id } } }`;
    const missing = await gql(UPDATE, { definition: { namespace: "dupes", key: "spec_changed", ownerType: "PRODUCT", name: "x" } });
    expect(missing.data.metafieldDefinitionUpdate).toEqual({ updatedDefinition: null, userErrors: [{ field: ["definition"], message: "Definition not found.", code: "NOT_FOUND" }], validationJob: null });

    await gql(SET, { metafields: [{ ownerId: product, namespace: "dupes", key: "spec", type: "single_line_text_field", value: "kept" }] });
    const del = await gql(`mutation($id: ID!) { metafieldDefinitionDelete(id: $id) { deletedDefinitionId userErrors { code } } }`, { id: first.data.metafieldDefinitionCreate.createdDefinition.id });
    expect(del.data.metafieldDefinitionDelete).toEqual({ deletedDefinitionId: first.data.metafieldDefinitionCreate.createdDefinition.id, userErrors: [] });
    // The value is still there (a delete of the row finds it).
    const rows = await gql(`mutation($m: [MetafieldIdentifierInput!]!) { metafieldsDelete(metafields: $m) { deletedMetafields { key } } }`, { m: [{ ownerId: product, namespace: "dupes", key: "spec" }] });
    expect(rows.data.metafieldsDelete.deletedMetafields).toEqual([{ key: "spec" }]);
  });
  it("lists a definition's values and the captured capability eligibility; other type combinations fail loudly", async () => {
    const made = await gql(CREATE, { definition: def({ namespace: "caps", key: "label" }) });
    await gql(SET, { metafields: [{ ownerId: product, namespace: "caps", key: "label", type: "single_line_text_field", value: "v" }] });
    const READ = `query($id: ID!) { metafieldDefinition(id: $id) { metafields(first: 5) { nodes { value } }
      capabilities { adminFilterable { enabled eligible status } smartCollectionCondition { enabled eligible } uniqueValues { enabled eligible } } } }`;
    const res = await gql(READ, { id: made.data.metafieldDefinitionCreate.createdDefinition.id });
    expect(res.data.metafieldDefinition).toEqual({
      metafields: { nodes: [{ value: "v" }] },
      capabilities: { adminFilterable: { enabled: false, eligible: true, status: "NOT_FILTERABLE" }, smartCollectionCondition: { enabled: false, eligible: true }, uniqueValues: { enabled: false, eligible: true } },
    });
    const other = await gql(CREATE, { definition: def({ namespace: "caps", key: "flag", type: "boolean" }) });
    const unknown = await gql(`query($id: ID!) { metafieldDefinition(id: $id) { capabilities { uniqueValues { eligible } } } }`, { id: other.data.metafieldDefinitionCreate.createdDefinition.id });
    expect(unknown.errors[0].extensions.code).toBe("NOT_IMPLEMENTED_IN_SANDBOX");
  });
});
