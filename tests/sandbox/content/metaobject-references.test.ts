import { describe, expect, it } from "vitest";
import { registerNode } from "../../../sandbox/shopify/state";
import { useTwin } from "../helpers";

// Reference fields and Metaobject.referencedBy (metaobject-reference-lifecycle.json), and the
// per-input answers of a metafieldsSet batch with duplicate inputs (metafields-set-duplicate-input-parity.json).

const DEF = `mutation($definition: MetaobjectDefinitionCreateInput!) { metaobjectDefinitionCreate(definition: $definition) { metaobjectDefinition { id } userErrors { field message } } }`;
const CREATE = `mutation($metaobject: MetaobjectCreateInput!) { metaobjectCreate(metaobject: $metaobject) { metaobject { id } userErrors { field message } } }`;
const TARGET = `fragment T on Metaobject { __typename id handle }`;
const READ = `${TARGET}
query($parent: ID!, $a: ID!, $b: ID!) {
  parent: metaobject(id: $parent) { fields { key reference { ...T } references(first: 5) { nodes { ...T } } } }
  a: metaobject(id: $a) { referencedBy(first: 10) { nodes { key name namespace referencer { ...T } } } }
  b: metaobject(id: $b) { referencedBy(first: 10) { nodes { key namespace } } }
}`;

describe("metaobject references", () => {
  const twin = useTwin();
  const gql = twin.gql;

  it("resolves reference fields and lists who references an entry", async () => {
    const field = (key: string, name: string, type: string, extra: object = {}) => ({ key, name, type, ...extra });
    const targetDef = (await gql(DEF, { definition: { type: "ref_target", name: "Target", fieldDefinitions: [field("title", "Title", "single_line_text_field")] } })).data.metaobjectDefinitionCreate.metaobjectDefinition.id;
    const onlyTarget = [{ name: "metaobject_definition_id", value: targetDef }];
    await gql(DEF, { definition: { type: "ref_parent", name: "Parent", fieldDefinitions: [
      field("title", "Title", "single_line_text_field"),
      field("single_ref", "Single Ref", "metaobject_reference", { validations: onlyTarget }),
      field("list_ref", "List Ref", "list.metaobject_reference", { validations: onlyTarget }),
    ] } });
    const make = async (type: string, handle: string, fields: { key: string; value: string }[]) => (await gql(CREATE, { metaobject: { type, handle, fields } })).data.metaobjectCreate.metaobject.id as string;
    const a = await make("ref_target", "target-a", [{ key: "title", value: "A" }]);
    const b = await make("ref_target", "target-b", [{ key: "title", value: "B" }]);
    const parent = await make("ref_parent", "parent", [
      { key: "title", value: "P" }, { key: "single_ref", value: a }, { key: "list_ref", value: JSON.stringify([a, b]) },
    ]);
    const res = await gql(READ, { parent, a, b });
    const t = (id: string, handle: string) => ({ __typename: "Metaobject", id, handle });
    expect(res.data.parent.fields).toEqual([
      { key: "title", reference: null, references: null },
      { key: "single_ref", reference: t(a, "target-a"), references: null },
      { key: "list_ref", reference: null, references: { nodes: [t(a, "target-a"), t(b, "target-b")] } },
    ]);
    expect(res.data.a.referencedBy.nodes).toEqual([
      { key: "single_ref", name: "Single Ref", namespace: "ref_parent", referencer: t(parent, "parent") },
      { key: "list_ref", name: "List Ref", namespace: "ref_parent", referencer: t(parent, "parent") },
    ]);
    expect(res.data.b.referencedBy.nodes).toEqual([{ key: "list_ref", namespace: "ref_parent" }]);

    // The entries and their definition are Node types: nodes(ids:) loads them.
    const nodes = await gql(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, { ids: [a, targetDef] });
    expect(nodes.data.nodes).toEqual([{ __typename: "Metaobject", id: a }, { __typename: "MetaobjectDefinition", id: targetDef }]);
  });

  it("answers each duplicate metafieldsSet input with the row as that input left it", async () => {
    const product = "gid://shopify/Product/9300000001";
    registerNode(twin.sandbox.state, twin.sandbox.defaultShop, { gid: product, typename: "Product" });
    const row = (value: string) => ({ ownerId: product, namespace: "custom", key: "material", type: "single_line_text_field", value });
    const res = await gql(`mutation($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { metafields { id value compareDigest } userErrors { message } } }`, { m: [row("one"), row("two")] });
    const [first, second] = res.data.metafieldsSet.metafields;
    expect([first.value, second.value]).toEqual(["one", "two"]);
    expect(first.id).toBe(second.id);
    expect(first.compareDigest).not.toBe(second.compareDigest);
  });
});
