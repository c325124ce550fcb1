import { describe, expect, it } from "vitest";
import { useSeededSandbox } from "./catalog-helpers";

// productSet with productOptions + variants: creates the listed options/variants, and on an existing
// product keeps matched option/variant ids, updates listed variants and deletes unlisted ones.

const SET = `mutation S($input: ProductSetInput!, $identifier: ProductSetIdentifiers) {
  productSet(input: $input, identifier: $identifier, synchronous: true) {
    product { id title options { id name values optionValues { id name } } variants(first: 10) { nodes { id title sku price position inventoryItem { tracked } } } }
    userErrors { field message code }
  }
}`;

describe("productSet with options and variants", () => {
  const t = useSeededSandbox();

  it("creates a product with its options and variants, then replaces them by id", async () => {
    const created = (await t.gql(SET, {
      input: {
        title: "Product Set Probe",
        status: "DRAFT",
        productOptions: [{ name: "Size", values: [{ name: "S" }, { name: "M" }] }, { name: "Color", values: [{ name: "Red" }] }],
        variants: [
          { optionValues: [{ optionName: "Size", name: "S" }, { optionName: "Color", name: "Red" }], price: "5", sku: "SET-S", inventoryItem: { tracked: true } },
          { optionValues: [{ optionName: "Size", name: "M" }, { optionName: "Color", name: "Red" }], price: "6", sku: "SET-M" },
        ],
      },
    })).data.productSet;
    expect(created.userErrors).toEqual([]);
    const p = created.product;
    expect(p.options.map((o: any) => [o.name, o.values])).toEqual([["Size", ["S", "M"]], ["Color", ["Red"]]]);
    expect(p.variants.nodes.map((v: any) => [v.title, v.sku, v.price, v.position, v.inventoryItem.tracked])).toEqual([
      ["S / Red", "SET-S", "5.00", 1, true],
      ["M / Red", "SET-M", "6.00", 2, false],
    ]);

    const [small, medium] = p.variants.nodes;
    const updated = (await t.gql(SET, {
      identifier: { id: p.id },
      input: {
        title: "Product Set Probe Renamed",
        productOptions: [{ id: p.options[0].id, values: [{ id: p.options[0].optionValues[0].id }, { name: "L" }] }, { name: "Color", values: [{ name: "Red" }] }],
        variants: [
          { id: small.id, optionValues: [{ optionName: "Size", name: "S" }, { optionName: "Color", name: "Red" }], price: "7.5" },
          { optionValues: [{ optionName: "Size", name: "L" }, { optionName: "Color", name: "Red" }], sku: "SET-L" },
        ],
      },
    })).data.productSet;
    expect(updated.userErrors).toEqual([]);
    expect(updated.product.title).toBe("Product Set Probe Renamed");
    expect(updated.product.options[0]).toMatchObject({ id: p.options[0].id, name: "Size", values: ["S", "L"] });
    expect(updated.product.options[0].optionValues[0].id).toBe(p.options[0].optionValues[0].id);
    expect(updated.product.variants.nodes.map((v: any) => [v.id === small.id, v.title, v.sku, v.price])).toEqual([
      [true, "S / Red", "SET-S", "7.50"],
      [false, "L / Red", "SET-L", "0.00"],
    ]);
    const gone = await t.gql(`query V($id: ID!) { productVariant(id: $id) { id } }`, { id: medium.id });
    expect(gone.data.productVariant).toBeNull();
  });

  it("fails loudly for a variant naming a value its options do not list", async () => {
    const r = await t.gql(SET, { input: { title: "Product Set Bad", productOptions: [{ name: "Size", values: [{ name: "S" }] }], variants: [{ optionValues: [{ optionName: "Size", name: "XL" }] }] } });
    expect(r.errors[0].extensions.code).toBe("NOT_IMPLEMENTED_IN_SANDBOX");
    // Nothing was created (the plan is checked before any write).
    const none = await t.gql(`{ productByIdentifier(identifier: { handle: "product-set-bad" }) { id } }`);
    expect(none.data.productByIdentifier).toBeNull();
  });
});
