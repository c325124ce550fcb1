import { describe, expect, it } from "vitest";
import { catalogOf } from "../../../sandbox/shopify/catalog/store";
import { onShopEvent, type ShopEvent } from "../../../sandbox/shopify/events";
import { useSeededSandbox } from "./catalog-helpers";

const PAGE = `query Page($first: Int, $last: Int, $after: String, $before: String, $query: String, $sortKey: ProductSortKeys, $reverse: Boolean) {
  products(first: $first, last: $last, after: $after, before: $before, query: $query, sortKey: $sortKey, reverse: $reverse) {
    edges { cursor node { id title handle } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

const decode = (cursor: string) => JSON.parse(Buffer.from(cursor, "base64").toString("utf8"));

describe("Admin GraphQL products (catalog twin)", () => {
  const t = useSeededSandbox();
  const titles = (json: any) => json.data.products.edges.map((e: any) => e.node.title);
  const search = async (query: string) => {
    const json = await t.gql(`query S($q: String) { products(first: 250, query: $q) { nodes { handle } } productsCount(query: $q) { count precision } }`, { q: query });
    expect(json.errors).toBeUndefined();
    expect(json.data.productsCount.count).toBe(json.data.products.nodes.length);
    return json.data.products.nodes.map((n: any) => n.handle).sort();
  };

  it("pages forwards and backwards with opaque Shopify-style cursors", async () => {
    const all = titles(await t.gql(PAGE, { first: 250, sortKey: "TITLE" }));
    expect(all).toEqual([...all].sort((a: string, b: string) => a.toLowerCase().localeCompare(b.toLowerCase())));
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const json = await t.gql(PAGE, { first: 10, after, sortKey: "TITLE" });
      seen.push(...titles(json));
      const info = json.data.products.pageInfo;
      expect(info.hasPreviousPage).toBe(after !== null);
      if (!info.hasNextPage) break;
      after = info.endCursor;
    }
    expect(seen).toEqual(all);
    expect(decode(after!)).toEqual({ last_id: expect.any(Number), last_value: expect.any(String) });

    const back: string[] = [];
    let before: string | null = null;
    for (;;) {
      const json = await t.gql(PAGE, { last: 7, before, sortKey: "TITLE" });
      back.unshift(...titles(json));
      if (!json.data.products.pageInfo.hasPreviousPage) break;
      before = json.data.products.pageInfo.startCursor;
    }
    expect(back).toEqual(all);

    const reversed = titles(await t.gql(PAGE, { first: 250, sortKey: "TITLE", reverse: true }));
    expect(reversed).toEqual([...all].reverse());
  });

  it("answers Shopify's BAD_REQUEST errors for bad page arguments with data null", async () => {
    const both = await t.gql(PAGE, { first: 1, last: 1 });
    expect(both.data).toBeNull();
    expect(both.errors[0]).toMatchObject({ message: "providing both first and last is not supported", extensions: { code: "BAD_REQUEST" }, path: ["products"] });
    const none = await t.gql(PAGE, {});
    expect(none.errors[0]).toMatchObject({ message: "you must provide one of first or last", extensions: { code: "BAD_REQUEST" } });
    const big = await t.gql(PAGE, { first: 251 });
    expect(big.errors[0].extensions.code).toBe("BAD_REQUEST");
    const badTime = await t.gql(PAGE, { first: 1, query: "created_at:>last-tuesday" });
    expect(badTime.errors[0]).toMatchObject({ message: "Invalid timestamp for query filter `created_at`.", extensions: { code: "BAD_REQUEST" } });
  });

  it("filters with Shopify's search syntax", async () => {
    expect(await search("tag:men")).toEqual(["blue-silk-tuxedo", "chequered-red-shirt", "led-high-tops", "navy-sport-jacket", "ocean-blue-shirt", "zipped-jacket"]);
    expect(await search("tag:MEN")).toEqual(await search("tag:men")); // case-insensitive
    expect(await search("sku:SRT_COT_111")).toEqual(["example-shirt"]);
    expect(await search("sku:SRT_COT*")).toEqual(["example-shirt"]);
    expect(await search("status:draft,archived")).toEqual(["example-hat", "example-pants"]);
    expect(await search("handle:example-shirt,example-pants")).toEqual(["example-pants", "example-shirt"]);
    const records = [...catalogOf(t.sandbox.state, t.sandbox.defaultShop).products.values()];
    expect(await search('vendor:"Company 123" product_type:Necklace')).toEqual(records.filter((p) => p.vendor === "Company 123" && p.productType === "Necklace").map((p) => p.handle).sort());
    // OR binds tighter than the implicit AND (products-or-precedence.json).
    expect(await search("product_type:Bracelet OR product_type:Earrings vendor:\"Company 123\"")).toEqual(await search("(product_type:Bracelet OR product_type:Earrings) vendor:\"Company 123\""));
    const bracelets = await search("product_type:Bracelet");
    const gold = await search("product_type:Bracelet tag:Gold");
    expect(gold.length).toBeGreaterThan(0);
    expect(await search("product_type:Bracelet -tag:Gold")).toEqual(bracelets.filter((h: string) => !gold.includes(h)));
    expect(await search("product_type:Bracelet NOT tag:Gold")).toEqual(await search("product_type:Bracelet tag_not:Gold"));
    expect(await search("product_type:Bracelet -(tag:Gold OR tag:Silver)")).toEqual(await search("product_type:Bracelet -tag:Gold -tag:Silver"));
    expect(await search('"chakra bracelet"')).toEqual([]); // phrase must match words in order ("7 Shakra Bracelet")
    expect(await search('"shakra bracelet"')).toEqual(["chain-bracelet"]);
    expect(await search("title:Shak*")).toEqual(["chain-bracelet"]);
    expect(await search("tag:(Gold")).toEqual([]); // malformed: literal value, no error
    expect(await search("tag:Beads OR")).toEqual(["chain-bracelet"]); // dangling OR is ignored
    expect(await search("(tag:Beads")).toEqual(["chain-bracelet"]); // unclosed paren closes at the end
    expect(await search(`updated_at:>'2000-01-01T00:00:00Z' created_at:<now`)).toHaveLength(63);
    expect(await search("published_status:unpublished")).toEqual(["example-hat", "example-pants"]);
  });

  it("filters by id ranges and sorts by ID", async () => {
    const ids = (await t.gql(`{ products(first: 250) { nodes { legacyResourceId } } }`)).data.products.nodes.map((n: any) => Number(n.legacyResourceId));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const pivot = ids[30];
    expect(await search(`id:>${pivot}`)).toHaveLength(ids.length - 31);
    expect(await search(`id:<=${pivot}`)).toHaveLength(31);
    expect(await search(`id:${pivot}`)).toHaveLength(1);
  });

  it("fails open on unknown search fields and loudly on documented but unimplemented ones", async () => {
    expect(await search("no_such_field:x tag:Beads")).toEqual(["chain-bracelet"]);
    const json = await t.gql(`{ products(first: 1, query: "delivery_profile_id:1") { nodes { id } } }`);
    expect(json.errors[0].extensions.code).toBe("NOT_IMPLEMENTED_IN_SANDBOX");
  });

  it("reads a product by id and by handle with media, variants and prices", async () => {
    const q = `query P($id: ID!, $handle: String!) {
      byId: product(id: $id) { id handle title status totalInventory hasOnlyDefaultVariant onlineStoreUrl seo { title description }
        priceRangeV2 { minVariantPrice { amount currencyCode } maxVariantPrice { amount } }
        featuredMedia { ... on MediaImage { alt image { url altText width height } originalSource { url } } }
        images(first: 5) { nodes { id url altText } }
        variants(first: 20) { nodes { title sku price compareAtPrice position selectedOptions { name value } } }
        options { name position values optionValues { name hasVariants } }
        collections(first: 5) { nodes { handle } } }
      byHandle: productByIdentifier(identifier: { handle: $handle }) { id }
      missing: product(id: "gid://shopify/Product/1") { id }
    }`;
    const first = (await t.gql(`{ products(first: 250, query: "handle:example-shirt") { nodes { id } } }`)).data.products.nodes[0].id;
    const json = await t.gql(q, { id: first, handle: "example-shirt" });
    expect(json.errors).toBeUndefined();
    const p = json.data.byId;
    expect(json.data.byHandle.id).toBe(first);
    expect(json.data.missing).toBeNull();
    expect(p).toMatchObject({
      handle: "example-shirt",
      title: "Example T-Shirt",
      hasOnlyDefaultVariant: false,
      onlineStoreUrl: "https://tessera-demo.myshopify.com/products/example-shirt",
      seo: { title: "Example T-Shirt | Test Store", description: "Cotton shirts from our store." },
      priceRangeV2: { minVariantPrice: { amount: "25.0", currencyCode: "EUR" }, maxVariantPrice: { amount: "25.0" } },
      featuredMedia: { alt: "A rack of T-Shirts", image: { altText: "A rack of T-Shirts", width: 1500 }, originalSource: { url: "https://burst.shopifycdn.com/photos/tshirts.jpg?width=1500" } },
    });
    expect(p.images.nodes[0].id).toMatch(/^gid:\/\/shopify\/ProductImage\/\d+$/);
    expect(p.variants.nodes).toHaveLength(12);
    expect(p.variants.nodes[0]).toEqual({ title: "Green / S", sku: "SRT_COT_111", price: "25.00", compareAtPrice: null, position: 1, selectedOptions: [{ name: "Color", value: "Green" }, { name: "Size", value: "S" }] });
    expect(p.options[0]).toMatchObject({ name: "Color", position: 1, values: ["Green", "Blue", "Gray", "Purple"] });
    expect(p.collections.nodes.map((c: any) => c.handle)).toContain("shirts");
  });

  it("rejects productUpdate input like Shopify and reads back what it wrote", async () => {
    const events: ShopEvent[] = [];
    const stop = onShopEvent(t.sandbox.state, (e) => events.push(e));
    const m = `mutation U($product: ProductUpdateInput!) { productUpdate(product: $product) { product { id title handle descriptionHtml seo { title description } } userErrors { field message } } }`;
    const id = (await t.gql(`{ products(first: 1, query: "handle:ocean-blue-shirt") { nodes { id } } }`)).data.products.nodes[0].id;

    const unknown = await t.gql(m, { product: { id: "gid://shopify/Product/999999999999999", title: "Ghost" } });
    expect(unknown.data.productUpdate).toEqual({ product: null, userErrors: [{ field: ["id"], message: "Product does not exist" }] });
    const missing = await t.gql(m, { product: { title: "Ghost" } });
    expect(missing.data.productUpdate.userErrors).toEqual([{ field: ["id"], message: "Product does not exist" }]);
    const blank = await t.gql(m, { product: { id, title: "" } });
    expect(blank.data.productUpdate).toMatchObject({ product: { id, title: "Ocean Blue Shirt" }, userErrors: [{ field: ["title"], message: "Title can't be blank" }] });
    const taken = await t.gql(m, { product: { id, handle: "classic-varsity-top" } });
    expect(taken.data.productUpdate.userErrors).toEqual([{ field: ["input", "handle"], message: "Handle 'classic-varsity-top' already in use. Please provide a new handle." }]);
    expect(events).toEqual([]);

    const ok = await t.gql(m, { product: { id, title: "Ocean Blue Oxford", descriptionHtml: "<p>Soft oxford cotton.</p>", seo: { title: "Ocean Blue Oxford Shirt", description: "A crisp oxford." }, handle: "  Ocean BLUE / Oxford  " } });
    expect(ok.data.productUpdate).toEqual({
      product: { id, title: "Ocean Blue Oxford", handle: "ocean-blue-oxford", descriptionHtml: "<p>Soft oxford cotton.</p>", seo: { title: "Ocean Blue Oxford Shirt", description: "A crisp oxford." } },
      userErrors: [],
    });
    const read = await t.gql(`{ productByIdentifier(identifier: { handle: "ocean-blue-oxford" }) { id title description } old: productByIdentifier(identifier: { handle: "ocean-blue-shirt" }) { id } }`);
    expect(read.data.productByIdentifier).toEqual({ id, title: "Ocean Blue Oxford", description: "Soft oxford cotton." });
    expect(read.data.old).toBeNull();
    expect(events.map((e) => e.topic)).toEqual(["products/update"]);
    expect(events[0]!.payload).toMatchObject({ admin_graphql_api_id: id, title: "Ocean Blue Oxford", handle: "ocean-blue-oxford", body_html: "<p>Soft oxford cotton.</p>" });
    stop();

    const whitespace = await t.gql(m, { product: { id, handle: "   " } });
    expect(whitespace.data.productUpdate.product.handle).toBe("ocean-blue-oxford");
  });

  it("resolves node and nodes for catalog types and null for unknown ids", async () => {
    const ids = (await t.gql(`{ products(first: 1) { nodes { id variants(first: 1) { nodes { id } } media(first: 1) { nodes { id } } collections(first: 1) { nodes { id } } } } }`)).data.products.nodes[0];
    const list = [ids.id, ids.variants.nodes[0].id, ids.media.nodes[0].id, "gid://shopify/Product/0"];
    const json = await t.gql(`query N($ids: [ID!]!) { node(id: "gid://shopify/Product/0") { id } nodes(ids: $ids) { __typename id ... on Product { title } } }`, { ids: list });
    expect(json.errors).toBeUndefined();
    expect(json.data.node).toBeNull();
    expect(json.data.nodes.map((n: any) => n?.__typename ?? null)).toEqual(["Product", "ProductVariant", "MediaImage", null]);
    expect(json.data.nodes[0].title).toEqual(expect.any(String));
  });

  it("reads collections by handle with their products", async () => {
    const json = await t.gql(`{ collectionByIdentifier(identifier: { handle: "men" }) { title ruleSet { appliedDisjunctively rules { column relation condition } } productsCount { count } products(first: 10) { nodes { handle tags } } }
      smart: collections(first: 50, query: "collection_type:smart") { nodes { handle } } custom: collectionsCount(query: "collection_type:custom") { count } }`);
    const men = json.data.collectionByIdentifier;
    expect(men.ruleSet).toEqual({ appliedDisjunctively: false, rules: [{ column: "TAG", relation: "EQUALS", condition: "men" }] });
    expect(men.productsCount.count).toBe(men.products.nodes.length);
    expect(men.products.nodes.every((p: any) => p.tags.includes("men"))).toBe(true);
    expect(json.data.custom.count).toBe(2);
    expect(json.data.smart.nodes.map((c: any) => c.handle)).toContain("necklace");
  });
});
