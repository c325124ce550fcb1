import { describe, expect, it } from "vitest";
import { useSeededSandbox } from "./catalog-helpers";

// productVariantsBulkCreate/Update/Delete, ProductVariant.inventoryItem and the variant sort keys,
// checked against the behaviour in product-nested-connections.json and product-variants-bulk-*-parity.json.

const CREATE_PRODUCT = `mutation C($product: ProductCreateInput!) { productCreate(product: $product) { product { id variants(first: 5) { nodes { id inventoryItem { id tracked } } } } userErrors { field message } } }`;
const BULK_CREATE = `mutation B($productId: ID!, $variants: [ProductVariantsBulkInput!]!, $strategy: ProductVariantsBulkCreateStrategy) {
  productVariantsBulkCreate(productId: $productId, variants: $variants, strategy: $strategy) {
    product { id tracksInventory options { name values optionValues { id name hasVariants } } variants(first: 10) { nodes { id title position } } }
    productVariants { id title sku position price compareAtPrice taxable taxCode inventoryPolicy inventoryQuantity requiresComponents showUnitPrice
      unitPriceMeasurement { measuredType quantityValue quantityUnit referenceValue referenceUnit } unitPrice { amount currencyCode }
      selectedOptions { name value }
      inventoryItem { id tracked requiresShipping countryCodeOfOrigin provinceCodeOfOrigin harmonizedSystemCode measurement { weight { value unit } } }
      metafield(namespace: "specs", key: "tier") { value } }
    userErrors { field message code }
  }
}`;
const BULK_UPDATE = `mutation U($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {
  productVariantsBulkUpdate(productId: $productId, variants: $variants) {
    productVariants { id title price sku selectedOptions { name value } inventoryItem { tracked harmonizedSystemCode } }
    product { options { name values } }
    userErrors { field message code }
  }
}`;

describe("productVariantsBulkCreate / Update / Delete", () => {
  const t = useSeededSandbox();
  const newProduct = async (title: string) => (await t.gql(CREATE_PRODUCT, { product: { title, status: "DRAFT" } })).data.productCreate.product;

  it("a new product's default variant has an untracked inventory item readable by id", async () => {
    const p = await newProduct("Inventory Item Default Probe");
    const item = p.variants.nodes[0].inventoryItem;
    expect(item).toEqual({ id: expect.stringMatching(/^gid:\/\/shopify\/InventoryItem\/\d+$/), tracked: false });
    // QueryRoot.inventoryItem needs read_inventory, which the test app lacks; node(id:) finds the item too.
    const read = await t.gql(`query I($id: ID!) { node(id: $id) { ... on InventoryItem { id tracked requiresShipping measurement { weight { value unit } } variant { id } inventoryLevels(first: 5) { nodes { id } } } } }`, { id: item.id });
    // Not stocked at any location yet: no inventory levels.
    expect(read.data.node).toEqual({ id: item.id, tracked: false, requiresShipping: true, measurement: { weight: { value: 0, unit: "KILOGRAMS" } }, variant: { id: p.variants.nodes[0].id }, inventoryLevels: { nodes: [] } });
  });

  it("REMOVE_STANDALONE_VARIANT replaces the default variant and adds the option values", async () => {
    const p = await newProduct("Bulk Create Nested Probe");
    const r = (await t.gql(BULK_CREATE, {
      productId: p.id,
      strategy: "REMOVE_STANDALONE_VARIANT",
      variants: [
        { optionValues: [{ optionName: "Title", name: "Zulu" }], price: "10.00", inventoryPolicy: "CONTINUE", inventoryItem: { sku: "BULK-C", tracked: true } },
        { optionValues: [{ optionName: "Title", name: "Alpha" }], price: "11.00", inventoryPolicy: "DENY", inventoryItem: { sku: "BULK-A", tracked: false } },
      ],
    })).data.productVariantsBulkCreate;
    expect(r.userErrors).toEqual([]);
    expect(r.productVariants.map((v: any) => [v.title, v.sku, v.position, v.inventoryPolicy, v.inventoryQuantity, v.inventoryItem.tracked])).toEqual([
      ["Zulu", "BULK-C", 1, "CONTINUE", 0, true],
      ["Alpha", "BULK-A", 2, "DENY", 0, false],
    ]);
    expect(r.product.variants.nodes.map((v: any) => v.title)).toEqual(["Zulu", "Alpha"]);
    expect(r.product.tracksInventory).toBe(true);
    expect(r.product.options).toEqual([{ name: "Title", values: ["Zulu", "Alpha"], optionValues: [expect.objectContaining({ name: "Zulu", hasVariants: true }), expect.objectContaining({ name: "Alpha", hasVariants: true })] }]);
    const old = await t.gql(`query V($id: ID!) { productVariant(id: $id) { id } }`, { id: p.variants.nodes[0].id });
    expect(old.data.productVariant).toBeNull();

    // Variant sort keys as product-nested-connections.json shows them.
    const sorts = (await t.gql(`query S($id: ID!) { product(id: $id) {
      levels: variants(first: 10, sortKey: INVENTORY_LEVELS_AVAILABLE) { nodes { sku } }
      management: variants(first: 10, sortKey: INVENTORY_MANAGEMENT) { nodes { sku } }
      policy: variants(first: 10, sortKey: INVENTORY_POLICY, reverse: true) { nodes { sku } }
      fullTitle: variants(first: 10, sortKey: FULL_TITLE) { nodes { sku } }
      name: variants(first: 10, sortKey: NAME, reverse: true) { nodes { sku } }
    } }`, { id: p.id })).data.product;
    const skus = (c: any) => c.nodes.map((n: any) => n.sku);
    expect([skus(sorts.levels), skus(sorts.management), skus(sorts.policy), skus(sorts.fullTitle), skus(sorts.name)]).toEqual([
      [], ["BULK-A", "BULK-C"], ["BULK-A", "BULK-C"], ["BULK-C", "BULK-A"], ["BULK-C", "BULK-A"],
    ]);
  });

  it("DEFAULT keeps a custom standalone variant and stores every variant attribute", async () => {
    const p = await newProduct("Bulk Create Attributes Probe");
    await t.gql(BULK_CREATE, { productId: p.id, strategy: "REMOVE_STANDALONE_VARIANT", variants: [{ optionValues: [{ optionName: "Title", name: "Red" }], price: "24.00" }] });
    const r = (await t.gql(BULK_CREATE, {
      productId: p.id,
      variants: [{
        optionValues: [{ optionName: "Title", name: "Blue" }], barcode: "2222222222222", price: "26.00", compareAtPrice: "30.00", taxable: false, taxCode: "P0000000",
        requiresComponents: true, showUnitPrice: true, unitPriceMeasurement: { quantityValue: 2.5, quantityUnit: "L", referenceValue: 1, referenceUnit: "L" },
        inventoryItem: { sku: "BULK-BLUE", tracked: true, requiresShipping: false, countryCodeOfOrigin: "US", provinceCodeOfOrigin: "CA", harmonizedSystemCode: "1234.56", measurement: { weight: { value: 0.25, unit: "KILOGRAMS" } } },
        metafields: [{ namespace: "specs", key: "tier", type: "single_line_text_field", value: "standard" }],
      }],
    })).data.productVariantsBulkCreate;
    expect(r.userErrors).toEqual([]);
    expect(r.product.variants.nodes.map((v: any) => [v.title, v.position])).toEqual([["Red", 1], ["Blue", 2]]);
    const { id, inventoryItem, ...blue } = r.productVariants[0];
    expect(blue).toEqual({
      title: "Blue", sku: "BULK-BLUE", position: 2, price: "26.00", compareAtPrice: "30.00", taxable: false, taxCode: "P0000000", inventoryPolicy: "DENY", inventoryQuantity: 0,
      requiresComponents: true, showUnitPrice: true,
      unitPriceMeasurement: { measuredType: "VOLUME", quantityValue: 2.5, quantityUnit: "L", referenceValue: 1, referenceUnit: "L" },
      unitPrice: { amount: "10.4", currencyCode: expect.any(String) },
      selectedOptions: [{ name: "Title", value: "Blue" }],
      metafield: { value: "standard" },
    });
    expect(inventoryItem).toMatchObject({ tracked: true, requiresShipping: false, countryCodeOfOrigin: "US", provinceCodeOfOrigin: "CA", harmonizedSystemCode: "123456", measurement: { weight: { value: 0.25, unit: "KILOGRAMS" } } });

    const u = (await t.gql(BULK_UPDATE, { productId: p.id, variants: [{ id, price: "27.5", optionValues: [{ optionName: "Title", name: "Navy" }], inventoryItem: { sku: "BULK-NAVY", tracked: false, harmonizedSystemCode: "99.01" } }] })).data.productVariantsBulkUpdate;
    expect(u.userErrors).toEqual([]);
    expect(u.productVariants).toEqual([{ id, title: "Navy", price: "27.50", sku: "BULK-NAVY", selectedOptions: [{ name: "Title", value: "Navy" }], inventoryItem: { tracked: false, harmonizedSystemCode: "9901" } }]);
    // "Blue" stays an option value without variants: listed in optionValues, not in values.
    expect(u.product.options).toEqual([{ name: "Title", values: ["Red", "Navy"] }]);

    const d = await t.gql(`mutation D($p: ID!, $ids: [ID!]!) { productVariantsBulkDelete(productId: $p, variantsIds: $ids) { product { variants(first: 5) { nodes { title position } } } userErrors { field message } } }`, { p: p.id, ids: [id] });
    expect(d.data.productVariantsBulkDelete).toEqual({ product: { variants: { nodes: [{ title: "Red", position: 1 }] } }, userErrors: [] });
  });

  it("an unknown product is PRODUCT_DOES_NOT_EXIST at productId", async () => {
    const r = await t.gql(BULK_CREATE, { productId: "gid://shopify/Product/999999999999999", variants: [{ optionValues: [{ optionName: "Title", name: "X" }] }] });
    expect(r.data.productVariantsBulkCreate).toEqual({ product: null, productVariants: [], userErrors: [{ field: ["productId"], message: "Product does not exist", code: "PRODUCT_DOES_NOT_EXIST" }] });
  });

  it("productVariantByIdentifier finds a variant by id and answers null for an unknown one", async () => {
    const p = await newProduct("Variant Identifier Probe");
    const v = p.variants.nodes[0].id;
    const r = await t.gql(`query Q($id: ID!) { a: productVariantByIdentifier(identifier: { id: $id }) { id product { id } } b: productVariantByIdentifier(identifier: { id: "gid://shopify/ProductVariant/999999999999" }) { id } }`, { id: v });
    expect(r.data).toEqual({ a: { id: v, product: { id: p.id } }, b: null });
  });

  it("bulk create adds `media` and points a variant at it through mediaSrc", async () => {
    const p = await newProduct("Bulk Create Media Probe");
    const src = "https://example.com/bulk-media-probe.png";
    const r = (await t.gql(`mutation B($productId: ID!, $variants: [ProductVariantsBulkInput!]!, $media: [CreateMediaInput!]) {
      productVariantsBulkCreate(productId: $productId, variants: $variants, media: $media, strategy: REMOVE_STANDALONE_VARIANT) {
        product { media(first: 5) { nodes { id alt } } } productVariants { title media(first: 5) { nodes { id } } } userErrors { message } } }`, {
      productId: p.id,
      media: [{ mediaContentType: "IMAGE", originalSource: src, alt: "probe" }],
      variants: [{ optionValues: [{ optionName: "Title", name: "With Media" }], mediaSrc: [src] }, { optionValues: [{ optionName: "Title", name: "Without" }] }],
    })).data.productVariantsBulkCreate;
    expect(r.userErrors).toEqual([]);
    const [media] = r.product.media.nodes;
    expect(media.alt).toBe("probe");
    expect(r.productVariants).toEqual([{ title: "With Media", media: { nodes: [{ id: media.id }] } }, { title: "Without", media: { nodes: [] } }]);
  });
});
