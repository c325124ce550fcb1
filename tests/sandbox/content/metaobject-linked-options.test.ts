import { describe, expect, it } from "vitest";
import { useTwin } from "../helpers";

// Metaobjects used as metafield-linked product option values (metaobject-display-name-conflict.json,
// metaobjectDefinitionUpdate-immutable.json): another value's display name is refused, and the
// definition's display name field can no longer change.

describe("metaobjects linked to product options", () => {
  const twin = useTwin();
  const gql = twin.gql;

  it("refuses a display name another option value has and keeps the display field fixed", async () => {
    const field = (key: string, name: string, required: boolean) => ({ key, name, type: "single_line_text_field", required });
    const def = (await gql(`mutation($d: MetaobjectDefinitionCreateInput!) { metaobjectDefinitionCreate(definition: $d) { metaobjectDefinition { id } } }`,
      { d: { type: "linked_choice", name: "Linked choice", displayNameKey: "label", fieldDefinitions: [field("label", "Label", true), field("alt", "Alt", false)] } })).data.metaobjectDefinitionCreate.metaobjectDefinition.id;
    const entry = async (handle: string, label: string) => (await gql(`mutation($m: MetaobjectCreateInput!) { metaobjectCreate(metaobject: $m) { metaobject { id } } }`,
      { m: { type: "linked_choice", handle, fields: [{ key: "label", value: label }] } })).data.metaobjectCreate.metaobject.id as string;
    const one = await entry("one", "One");
    const two = await entry("two", "Two");
    await gql(`mutation($d: MetafieldDefinitionInput!) { metafieldDefinitionCreate(definition: $d) { userErrors { message } } }`,
      { d: { ownerType: "PRODUCT", namespace: "linked", key: "choice", name: "Choice", type: "list.metaobject_reference", validations: [{ name: "metaobject_definition_id", value: def }] } });
    const product = (await gql(`mutation { productCreate(product: { title: "Linked" }) { product { id } } }`)).data.productCreate.product.id;
    const options = await gql(`mutation($p: ID!, $o: [OptionCreateInput!]!) { productOptionsCreate(productId: $p, options: $o, variantStrategy: LEAVE_AS_IS) { userErrors { message } } }`,
      { p: product, o: [{ name: "Choice", linkedMetafield: { namespace: "linked", key: "choice", values: [one, two] } }] });
    expect(options.data.productOptionsCreate.userErrors).toEqual([]);

    const conflict = { field: ["metaobject", "fields", "0"], message: "The display name you have chosen is already in use as an option value. Choose a different name to avoid conflicts.", code: "DISPLAY_NAME_CONFLICT" };
    const update = await gql(`mutation($id: ID!) { metaobjectUpdate(id: $id, metaobject: { fields: [{ key: "label", value: "One" }] }) { metaobject { id } userErrors { field message code } } }`, { id: two });
    expect(update.data.metaobjectUpdate).toEqual({ metaobject: null, userErrors: [conflict] });
    const upsert = await gql(`mutation { metaobjectUpsert(handle: { type: "linked_choice", handle: "two" }, metaobject: { fields: [{ key: "label", value: "One" }] }) { metaobject { id } userErrors { field message code } } }`);
    expect(upsert.data.metaobjectUpsert).toEqual({ metaobject: null, userErrors: [conflict] });
    const fine = await gql(`mutation($id: ID!) { metaobjectUpdate(id: $id, metaobject: { fields: [{ key: "label", value: "Three" }] }) { userErrors { code } } }`, { id: two });
    expect(fine.data.metaobjectUpdate.userErrors).toEqual([]);

    const key = await gql(`mutation($id: ID!) { metaobjectDefinitionUpdate(id: $id, definition: { displayNameKey: "alt" }) { metaobjectDefinition { id } userErrors { field message code } } }`, { id: def });
    expect(key.data.metaobjectDefinitionUpdate).toEqual({ metaobjectDefinition: null, userErrors: [{ field: ["definition", "displayNameKey"], message: "Cannot change display name field when metaobject is used in product options", code: "IMMUTABLE" }] });
  });
});
