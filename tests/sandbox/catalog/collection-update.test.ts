import { describe, expect, it } from "vitest";
import { useSeededSandbox } from "./catalog-helpers";

// collectionUpdate / collectionRemoveProducts on custom collections
// (localization-parent-observation-preservation.json: only the named fields change, the handle stays).

describe("collectionUpdate / collectionRemoveProducts", () => {
  const t = useSeededSandbox();

  it("updates the named fields, keeps the handle, and membership changes are jobs", async () => {
    const p = (await t.gql(`mutation { productCreate(product: { title: "Collection Update Member" }) { product { id } } }`)).data.productCreate.product;
    const c = (await t.gql(`mutation C($input: CollectionInput!) { collectionCreate(input: $input) { collection { id handle updatedAt } userErrors { message } } }`, {
      input: { title: "Update Probe Collection", descriptionHtml: "<p>body</p>", templateSuffix: "probe", sortOrder: "MANUAL", seo: { title: "SEO", description: "SEO d" }, products: [p.id] },
    })).data.collectionCreate.collection;
    const u = (await t.gql(`mutation U($input: CollectionInput!) { collectionUpdate(input: $input) {
      collection { title handle descriptionHtml templateSuffix sortOrder seo { title description } products(first: 5) { nodes { id } } } userErrors { field message } } }`, {
      input: { id: c.id, title: "Update Probe Collection Renamed" },
    })).data.collectionUpdate;
    expect(u).toEqual({
      collection: { title: "Update Probe Collection Renamed", handle: c.handle, descriptionHtml: "<p>body</p>", templateSuffix: "probe", sortOrder: "MANUAL", seo: { title: "SEO", description: "SEO d" }, products: { nodes: [{ id: p.id }] } },
      userErrors: [],
    });
    const r = (await t.gql(`mutation R($id: ID!, $p: [ID!]!) { collectionRemoveProducts(id: $id, productIds: $p) { job { done } userErrors { message } } }`, { id: c.id, p: [p.id] })).data.collectionRemoveProducts;
    expect(r).toEqual({ job: { done: false }, userErrors: [] });
    const read = await t.gql(`query Q($id: ID!) { collection(id: $id) { productsCount { count } } }`, { id: c.id });
    expect(read.data.collection.productsCount.count).toBe(0);
  });

  it("a collection lists its products by its sortOrder: unsold BEST_SELLING products newest first, MANUAL as added", async () => {
    const ids: string[] = [];
    for (const title of ["Sort Order Probe One", "Sort Order Probe Two"]) ids.push((await t.gql(`mutation C($t: String!) { productCreate(product: { title: $t }) { product { id } } }`, { t: title })).data.productCreate.product.id);
    const list = async (sortOrder: string) => {
      const c = (await t.gql(`mutation C($input: CollectionInput!) { collectionCreate(input: $input) { collection { sortOrder products(first: 5) { nodes { id } } } } }`, { input: { title: `Sort ${sortOrder}`, sortOrder, products: ids } })).data.collectionCreate.collection;
      return [c.sortOrder, c.products.nodes.map((n: any) => ids.indexOf(n.id))];
    };
    expect(await list("BEST_SELLING")).toEqual(["BEST_SELLING", [1, 0]]);
    expect(await list("MANUAL")).toEqual(["MANUAL", [0, 1]]);
  });

  it("productUpdate joins and leaves custom collections and writes metafields", async () => {
    const p = (await t.gql(`mutation { productCreate(product: { title: "Join Leave Probe" }) { product { id } } }`)).data.productCreate.product;
    const c = (await t.gql(`mutation { collectionCreate(input: { title: "Join Leave Collection" }) { collection { id } } }`)).data.collectionCreate.collection;
    // inCollection: the seed's smart collections (e.g. "Gifts under €50") may hold the product too.
    const UPDATE = `mutation U($product: ProductUpdateInput!, $c: ID!) { productUpdate(product: $product) { product { inCollection(id: $c) metafield(namespace: "custom", key: "note") { value } } userErrors { message } } }`;
    const joined = (await t.gql(UPDATE, { c: c.id, product: { id: p.id, collectionsToJoin: [c.id], metafields: [{ namespace: "custom", key: "note", type: "single_line_text_field", value: "hello" }] } })).data.productUpdate;
    expect(joined).toEqual({ product: { inCollection: true, metafield: { value: "hello" } }, userErrors: [] });
    const left = (await t.gql(UPDATE, { c: c.id, product: { id: p.id, collectionsToLeave: [c.id] } })).data.productUpdate;
    expect(left.product.inCollection).toBe(false);
    const created = (await t.gql(`mutation C($c: ID!) { productCreate(product: { title: "Join On Create Probe", collectionsToJoin: [$c] }) { product { inCollection(id: $c) } userErrors { message } } }`, { c: c.id })).data.productCreate;
    expect(created).toEqual({ product: { inCollection: true }, userErrors: [] });
  });
});
