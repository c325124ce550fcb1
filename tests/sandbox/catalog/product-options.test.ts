import { describe, expect, it } from "vitest";
import { linkedOptionSiblingNames, metaobjectsInProductOptions, renameLinkedOptionValue } from "../../../sandbox/shopify/catalog/resolvers/product-options";
import { useSeededSandbox } from "./catalog-helpers";

// productOptionsCreate / productOptionsReorder / productOptionsDelete / productVariantsBulkReorder.
// The reorder expectations replay product-relationship-roots.json (2026-04): options and values keep
// their ids, variant titles follow the option order, unused values stay after used ones.

const OPTIONS = `options { id name position values optionValues { id name hasVariants } }`;
const VARIANTS = `variants(first: 10) { nodes { id title position selectedOptions { name value } } }`;

describe("product options", () => {
  const t = useSeededSandbox();

  async function productWithOptions() {
    const created = (await t.gql(`mutation { productCreate(product: { title: "Option Reorder Probe", status: DRAFT }) { product { id } } }`)).data.productCreate.product;
    const r = (await t.gql(`mutation O($id: ID!, $options: [OptionCreateInput!]!) { productOptionsCreate(productId: $id, options: $options, variantStrategy: LEAVE_AS_IS) { product { id ${OPTIONS} ${VARIANTS} } userErrors { field message code } } }`, {
      id: created.id,
      options: [{ name: "Color", values: [{ name: "Red" }, { name: "Blue" }] }, { name: "Size", values: [{ name: "Small" }] }],
    })).data.productOptionsCreate;
    expect(r.userErrors).toEqual([]);
    return r.product;
  }

  it("productOptionsCreate replaces the placeholder option; the existing variant takes each first value", async () => {
    const p = await productWithOptions();
    expect(p.options.map((o: any) => [o.name, o.position, o.values, o.optionValues.map((v: any) => [v.name, v.hasVariants])])).toEqual([
      ["Color", 1, ["Red"], [["Red", true], ["Blue", false]]],
      ["Size", 2, ["Small"], [["Small", true]]],
    ]);
    expect(p.variants.nodes.map((v: any) => v.title)).toEqual(["Red / Small"]);
  });

  it("productOptionsReorder moves options and values with their ids and retitles variants", async () => {
    const p = await productWithOptions();
    const [color, size] = p.options;
    const [red, blue] = color.optionValues;
    const r = (await t.gql(`mutation R($id: ID!, $options: [OptionReorderInput!]!) { productOptionsReorder(productId: $id, options: $options) { product { ${OPTIONS} ${VARIANTS} } userErrors { field message } } }`, {
      id: p.id,
      options: [{ id: size.id, values: [{ id: size.optionValues[0].id }] }, { id: color.id, values: [{ id: blue.id }, { id: red.id }] }],
    })).data.productOptionsReorder;
    expect(r.userErrors).toEqual([]);
    expect(r.product.options).toEqual([
      { ...size, position: 1 },
      // Blue has no variants, so it stays after Red (as captured).
      { ...color, position: 2 },
    ]);
    expect(r.product.variants.nodes).toEqual([{ id: p.variants.nodes[0].id, title: "Small / Red", position: 1, selectedOptions: [{ name: "Size", value: "Small" }, { name: "Color", value: "Red" }] }]);
  });

  it("value order drives variant order; productVariantsBulkReorder moves a variant; productOptionsDelete(POSITION) keeps the first", async () => {
    const created = (await t.gql(`mutation { productCreate(product: { title: "Option Order Probe" }) { product { id } } }`)).data.productCreate.product;
    const c = (await t.gql(`mutation O($id: ID!) { productOptionsCreate(productId: $id, options: [{ name: "Size", values: [{ name: "S" }, { name: "M" }] }], variantStrategy: CREATE) { product { ${OPTIONS} ${VARIANTS} } userErrors { message } } }`, { id: created.id })).data.productOptionsCreate;
    expect(c.product.variants.nodes.map((v: any) => v.title)).toEqual(["S", "M"]);
    const [s, m] = c.product.options[0].optionValues;
    const r = (await t.gql(`mutation R($id: ID!, $o: [OptionReorderInput!]!) { productOptionsReorder(productId: $id, options: $o) { product { ${VARIANTS} } } }`, { id: created.id, o: [{ name: "Size", values: [{ id: m.id }, { id: s.id }] }] })).data.productOptionsReorder;
    expect(r.product.variants.nodes.map((v: any) => [v.title, v.position])).toEqual([["M", 1], ["S", 2]]);
    const vS = r.product.variants.nodes[1].id;
    const b = (await t.gql(`mutation B($id: ID!, $p: [ProductVariantPositionInput!]!) { productVariantsBulkReorder(productId: $id, positions: $p) { product { ${VARIANTS} } userErrors { message } } }`, { id: created.id, p: [{ id: vS, position: 1 }] })).data.productVariantsBulkReorder;
    expect(b.product.variants.nodes.map((v: any) => v.title)).toEqual(["S", "M"]);
    const d = (await t.gql(`mutation D($id: ID!, $o: [ID!]!) { productOptionsDelete(productId: $id, options: $o, strategy: POSITION) { deletedOptionsIds product { options { name values } ${VARIANTS} } userErrors { message } } }`, { id: created.id, o: [c.product.options[0].id] })).data.productOptionsDelete;
    expect(d.deletedOptionsIds).toEqual([c.product.options[0].id]);
    expect(d.product.options).toEqual([{ name: "Title", values: ["Default Title"] }]);
    expect(d.product.variants.nodes.map((v: any) => [v.id, v.title])).toEqual([[vS, "Default Title"]]);
  });

  it("a metafield-linked option names its values after the metaobjects (metaobjectDefinitionUpdate-immutable.json)", async () => {
    const type = "linked_option_probe";
    const def = await t.gql(`mutation D($d: MetaobjectDefinitionCreateInput!) { metaobjectDefinitionCreate(definition: $d) { metaobjectDefinition { id } userErrors { message } } }`, {
      d: { type, name: "Linked Probe", displayNameKey: "label", fieldDefinitions: [{ key: "label", name: "Label", type: "single_line_text_field", required: true }] },
    });
    const definitionId = def.data.metaobjectDefinitionCreate.metaobjectDefinition.id;
    const ids: string[] = [];
    for (const label of ["One", "Two"]) {
      const m = await t.gql(`mutation M($m: MetaobjectCreateInput!) { metaobjectCreate(metaobject: $m) { metaobject { id } userErrors { message } } }`, { m: { type, handle: label.toLowerCase(), fields: [{ key: "label", value: label }] } });
      ids.push(m.data.metaobjectCreate.metaobject.id);
    }
    const mf = await t.gql(`mutation F($d: MetafieldDefinitionInput!) { metafieldDefinitionCreate(definition: $d) { userErrors { message } } }`, {
      d: { ownerType: "PRODUCT", namespace: "linked_probe", key: "choice", name: "Choice", type: "list.metaobject_reference", validations: [{ name: "metaobject_definition_id", value: definitionId }] },
    });
    expect(mf.data.metafieldDefinitionCreate.userErrors).toEqual([]);
    const product = (await t.gql(`mutation { productCreate(product: { title: "Linked Option Probe" }) { product { id } } }`)).data.productCreate.product;
    const r = (await t.gql(`mutation O($id: ID!, $o: [OptionCreateInput!]!) { productOptionsCreate(productId: $id, options: $o, variantStrategy: LEAVE_AS_IS) {
      product { options { name linkedMetafield { namespace key } optionValues { name linkedMetafieldValue } } variants(first: 5) { nodes { title } } } userErrors { message } } }`, {
      id: product.id,
      o: [{ name: "Linked Choice", linkedMetafield: { namespace: "linked_probe", key: "choice", values: ids } }],
    })).data.productOptionsCreate;
    expect(r.userErrors).toEqual([]);
    expect(r.product.options).toEqual([{ name: "Linked Choice", linkedMetafield: { namespace: "linked_probe", key: "choice" }, optionValues: [{ name: "One", linkedMetafieldValue: ids[0] }, { name: "Two", linkedMetafieldValue: ids[1] }] }]);
    expect(r.product.variants.nodes).toEqual([{ title: "One" }]);

    // The metaobjects domain asks which metaobjects options use and which sibling names they have,
    // and renames a value when a metaobject's display name changes.
    const shop = t.sandbox.defaultShop;
    expect(metaobjectsInProductOptions(t.sandbox.state, shop)).toEqual(new Set(ids));
    expect(linkedOptionSiblingNames(t.sandbox.state, shop, ids[0]!)).toEqual(["Two"]);
    renameLinkedOptionValue(t.sandbox.state, shop, ids[0]!, "Uno");
    const read = await t.gql(`query P($id: ID!) { product(id: $id) { options { values } variants(first: 5) { nodes { title } } } }`, { id: product.id });
    expect(read.data.product).toEqual({ options: [{ values: ["Uno"] }], variants: { nodes: [{ title: "Uno" }] } });
  });

  it("productCreate(productOptions:) makes the options and one variant of their first values", async () => {
    const r = (await t.gql(`mutation { productCreate(product: { title: "Create With Options Probe", productOptions: [{ name: "Color", values: [{ name: "Green" }, { name: "Blue" }] }] }) {
      product { options { name values optionValues { name hasVariants } } variants(first: 5) { nodes { title selectedOptions { name value } } } } userErrors { message } } }`)).data.productCreate;
    expect(r.userErrors).toEqual([]);
    expect(r.product.options).toEqual([{ name: "Color", values: ["Green"], optionValues: [{ name: "Green", hasVariants: true }, { name: "Blue", hasVariants: false }] }]);
    expect(r.product.variants.nodes).toEqual([{ title: "Green", selectedOptions: [{ name: "Color", value: "Green" }] }]);
  });
});
