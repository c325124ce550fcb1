import { describe, expect, it } from "vitest";
import { useTwin } from "../helpers";

// Shop as a metafield owner (shop-owner-metafields-read-after-write.json), metafieldDefinitions
// pinned filters/sorts/search (metafield-definitions-product-read.json), and the 250-element cap on
// array inputs (metaobject-bulk-delete-edge-cases.json, media-file-create-batch-size-limit.json).

const SET = `mutation($metafields: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $metafields) {
  metafields { namespace key value ownerType owner { __typename ... on Shop { id } } } userErrors { field message code } } }`;
const SHOP_READ = `query($ns: String!, $key: String!) { shop { id single: metafield(namespace: $ns, key: $key) { key value ownerType }
  list: metafields(first: 10, namespace: $ns) { nodes { key value } } } }`;
const DEF = `mutation($definition: MetafieldDefinitionInput!) { metafieldDefinitionCreate(definition: $definition) { createdDefinition { id pinnedPosition } userErrors { field message } } }`;

describe("metafield owners and definition lists", () => {
  const twin = useTwin();
  const gql = twin.gql;

  it("reads Shop metafields written with the shop's gid, and not after a delete", async () => {
    const shopId = (await gql("{ shop { id } }")).data.shop.id as string;
    const set = await gql(SET, { metafields: [{ ownerId: shopId, namespace: "shop_owner", key: "greeting", type: "single_line_text_field", value: "hi" }] });
    expect(set.data.metafieldsSet).toEqual({ metafields: [{ namespace: "shop_owner", key: "greeting", value: "hi", ownerType: "SHOP", owner: { __typename: "Shop", id: shopId } }], userErrors: [] });
    const read = await gql(SHOP_READ, { ns: "shop_owner", key: "greeting" });
    const metafieldId = (await gql(`{ shop { metafield(namespace: "shop_owner", key: "greeting") { id } } }`)).data.shop.metafield.id as string;
    expect((await gql(`query($id: ID!) { node(id: $id) { __typename id ... on Metafield { value } } }`, { id: metafieldId })).data.node).toEqual({ __typename: "Metafield", id: metafieldId, value: "hi" });
    expect(read.data.shop).toEqual({ id: shopId, single: { key: "greeting", value: "hi", ownerType: "SHOP" }, list: { nodes: [{ key: "greeting", value: "hi" }] } });
    await gql(`mutation($m: [MetafieldIdentifierInput!]!) { metafieldsDelete(metafields: $m) { deletedMetafields { key } } }`, { m: [{ ownerId: shopId, namespace: "shop_owner", key: "greeting" }] });
    const after = await gql(SHOP_READ, { ns: "shop_owner", key: "greeting" });
    // A metafield is a Node while it exists.
    expect((await gql(`query($id: ID!) { node(id: $id) { id } }`, { id: metafieldId })).data.node).toBeNull();
    expect(after.data.shop).toEqual({ id: shopId, single: null, list: { nodes: [] } });
  });

  it("resolves Metafield.owner to the owner object itself", async () => {
    const made = await gql(`mutation { productCreate(product: { title: "Owner probe" }) { product { id } userErrors { message } } }`);
    const productId = made.data.productCreate.product.id as string;
    const res = await gql(`mutation($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { metafields { owner { __typename ... on Product { id title } } } userErrors { message } } }`,
      { m: [{ ownerId: productId, namespace: "owner_probe", key: "note", type: "single_line_text_field", value: "x" }] });
    expect(res.data.metafieldsSet.metafields).toEqual([{ owner: { __typename: "Product", id: productId, title: "Owner probe" } }]);
  });

  it("takes a market as a metafield owner and answers the market as Metafield.owner", async () => {
    const marketId = (await gql("{ markets(first: 1) { nodes { id } } }")).data.markets.nodes[0]?.id as string;
    expect(marketId).toMatch(/^gid:\/\/shopify\/Market\//);
    const res = await gql(`mutation($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { metafields { ownerType owner { __typename ... on Market { id name } } } userErrors { message } } }`,
      { m: [{ ownerId: marketId, namespace: "market_owner", key: "note", type: "single_line_text_field", value: "x" }] });
    expect(res.data.metafieldsSet.userErrors).toEqual([]);
    expect(res.data.metafieldsSet.metafields[0]).toMatchObject({ ownerType: "MARKET", owner: { __typename: "Market", id: marketId } });
  });

  it("filters definitions by pinned status, sorts by pinned position and name, and searches by key", async () => {
    const make = async (key: string, name: string, pin: boolean) =>
      (await gql(DEF, { definition: { name, namespace: "lists", key, ownerType: "COLLECTION", type: "single_line_text_field", pin } })).data.metafieldDefinitionCreate.createdDefinition;
    const first = await make("first_pin", "Zeta", true);
    const loose = await make("loose", "alpha", false);
    const second = await make("second_pin", "Beta", true);
    expect([first.pinnedPosition, loose.pinnedPosition, second.pinnedPosition]).toEqual([1, null, 2]);
    const list = async (args: string) => (await gql(`{ metafieldDefinitions(ownerType: COLLECTION, first: 10, ${args}) { nodes { key } } }`)).data.metafieldDefinitions.nodes.map((n: { key: string }) => n.key);
    expect(await list("sortKey: PINNED_POSITION, pinnedStatus: PINNED")).toEqual(["second_pin", "first_pin"]);
    expect(await list("sortKey: PINNED_POSITION")).toEqual(["second_pin", "first_pin", "loose"]);
    expect(await list("pinnedStatus: UNPINNED")).toEqual(["loose"]);
    expect(await list("sortKey: NAME")).toEqual(["loose", "second_pin", "first_pin"]);
    expect(await list('query: "key:second_pin"')).toEqual(["second_pin"]);
    const unknown = await gql(`{ metafieldDefinitions(ownerType: COLLECTION, first: 10, query: "colour:red") { nodes { key } } }`);
    expect(unknown.data.metafieldDefinitions.nodes).toHaveLength(3); // unknown fields fail open with a warning
    expect(unknown.extensions.search[0].warnings[0]).toMatchObject({ field: "colour", code: "invalid_field" });
  });

  it("refuses an array input over 250 elements before running anything", async () => {
    const ids = Array.from({ length: 251 }, (_, i) => `gid://shopify/Metaobject/${9000 + i}`);
    const res = await gql(`mutation($ids: [ID!]!) {\n  metaobjectBulkDelete(where: { ids: $ids }) { job { id } userErrors { field message } } }`, { ids });
    expect(res.data).toBeUndefined();
    expect(res.errors).toEqual([{
      message: "The input array size of 251 is greater than the maximum allowed of 250.",
      locations: [{ line: 2, column: 3 }],
      path: ["metaobjectBulkDelete", "where", "ids"],
      extensions: { code: "MAX_INPUT_SIZE_EXCEEDED" },
    }]);
    expect(res.extensions.cost.actualQueryCost).toBeNull();
    const ok = await gql(`mutation($ids: [ID!]!) { metaobjectBulkDelete(where: { ids: $ids }) { job { done } userErrors { field } } }`, { ids: ids.slice(0, 250) });
    expect(ok.data.metaobjectBulkDelete).toEqual({ job: { done: false }, userErrors: [] });
  });
});
