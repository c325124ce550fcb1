import { describe, expect, it } from "vitest";
import { onShopEvent, type ShopEvent } from "../../../sandbox/shopify/events";
import { simulatedDelays } from "../../../sandbox/shopify/platform/app-identity";
import { productOperationDelays } from "../../../sandbox/shopify/catalog/resolvers/product-operations";
import { catalogDelays } from "../../../sandbox/shopify/catalog/store";
import { useSeededSandbox } from "./catalog-helpers";

const CREATE = `mutation C($product: ProductCreateInput!) {
  productCreate(product: $product) {
    product { id title handle status vendor productType tags tracksInventory variants(first: 5) { nodes { id title selectedOptions { name value } } } }
    shop { myshopifyDomain }
    userErrors { field message }
  }
}`;
const DELETE = `mutation D($id: ID!, $sync: Boolean) {
  productDelete(input: { id: $id }, synchronous: $sync) {
    deletedProductId
    productDeleteOperation { id status deletedProductId }
    userErrors { field message }
  }
}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("catalog product mutations", () => {
  const t = useSeededSandbox();
  const create = async (product: Record<string, unknown>) => (await t.gql(CREATE, { product })).data.productCreate;

  it("productCreate applies Shopify's defaults and emits products/create", async () => {
    const events: ShopEvent[] = [];
    const stop = onShopEvent(t.sandbox.state, (e) => events.push(e));
    const r = await create({ title: "Mutation Test Lamp", status: "DRAFT", tags: ["b", "a"] });
    stop();
    expect(r.userErrors).toEqual([]);
    expect(r.product).toMatchObject({ title: "Mutation Test Lamp", handle: "mutation-test-lamp", status: "DRAFT", productType: "", tags: ["a", "b"], tracksInventory: false });
    expect(r.product.variants.nodes).toEqual([{ id: expect.stringMatching(/^gid:\/\/shopify\/ProductVariant\/\d+$/), title: "Default Title", selectedOptions: [{ name: "Title", value: "Default Title" }] }]);
    expect(events.map((e) => e.topic)).toEqual(["products/create"]);
    const read = await t.gql(`query R($id: ID!) { product(id: $id) { title } node(id: $id) { id } }`, { id: r.product.id });
    expect(read.data).toEqual({ product: { title: "Mutation Test Lamp" }, node: { id: r.product.id } });
  });

  it("productCreate validates title and handles like the captures", async () => {
    expect((await create({ title: "" })).userErrors).toEqual([{ field: ["title"], message: "Title can't be blank" }]);
    expect((await create({ title: "Handle Probe", handle: "%%%" })).product.handle).toBe("product");
    const first = await create({ title: "Twice Named" });
    const second = await create({ title: "Twice Named" });
    expect(second.product.handle).toBe(`${first.product.handle}-1`);
    const taken = await create({ title: "Other", handle: first.product.handle });
    expect(taken).toMatchObject({ product: null, userErrors: [{ field: ["input", "handle"], message: `Handle '${first.product.handle}' already in use. Please provide a new handle.` }] });
  });

  it("productDelete removes the product, its nodes and its metafields", async () => {
    const { product } = await create({ title: "Delete Me" });
    const set = await t.gql(`mutation M($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { metafields { id } userErrors { message } } }`, {
      m: [{ ownerId: product.id, namespace: "custom", key: "kk", type: "single_line_text_field", value: "v" }],
    });
    expect(set.data.metafieldsSet.userErrors).toEqual([]);
    const mf = await t.gql(`query R($id: ID!) { product(id: $id) { metafield(namespace: "custom", key: "kk") { value } } }`, { id: product.id });
    expect(mf.data.product.metafield).toEqual({ value: "v" });
    const del = await t.gql(DELETE, { id: product.id });
    expect(del.data.productDelete).toEqual({ deletedProductId: product.id, productDeleteOperation: null, userErrors: [] });
    const read = await t.gql(`query R($id: ID!, $v: ID!) { product(id: $id) { id } node(id: $v) { id } }`, { id: product.id, v: product.variants.nodes[0].id });
    expect(read.data).toEqual({ product: null, node: null });
    const again = await t.gql(DELETE, { id: product.id });
    expect(again.data.productDelete.userErrors).toEqual([{ field: ["id"], message: "Product does not exist" }]);
  });

  it("asynchronous productDelete runs as a ProductDeleteOperation", async () => {
    productOperationDelays(t.sandbox.state).runMs = 1000;
    const { product } = await create({ title: "Async Delete" });
    const del = await t.gql(DELETE, { id: product.id, sync: false });
    expect(del.data.productDelete).toMatchObject({ deletedProductId: null, productDeleteOperation: { status: "CREATED", deletedProductId: null }, userErrors: [] });
    const dup = await t.gql(DELETE, { id: product.id, sync: false });
    expect(dup.data.productDelete.userErrors).toEqual([{ field: null, message: "Another operation already in progress. Please wait until current one is finished." }]);
    const op = `query O($id: ID!) { productOperation(id: $id) { __typename status ... on ProductDeleteOperation { deletedProductId } } }`;
    const opId = del.data.productDelete.productDeleteOperation.id;
    // ACTIVE without the id first, then with it (product-delete-async-operation.json operationRead / nodeRead).
    expect((await t.gql(op, { id: opId })).data.productOperation).toEqual({ __typename: "ProductDeleteOperation", status: "ACTIVE", deletedProductId: null });
    await sleep(600);
    expect((await t.gql(op, { id: opId })).data.productOperation).toEqual({ __typename: "ProductDeleteOperation", status: "ACTIVE", deletedProductId: product.id });
    await sleep(500);
    expect((await t.gql(op, { id: opId })).data.productOperation.status).toBe("COMPLETE");
    expect((await t.gql(`query R($id: ID!) { product(id: $id) { id } }`, { id: product.id })).data.product).toBeNull();
  });

  it("collectionCreate / collectionAddProductsV2 / collectionDelete", async () => {
    const blank = await t.gql(`mutation { collectionCreate(input: { title: "" }) { collection { id } userErrors { field message } } }`);
    expect(blank.data.collectionCreate).toEqual({ collection: null, userErrors: [{ field: ["title"], message: "Title can't be blank" }] });
    const c = await t.gql(`mutation { collectionCreate(input: { title: "Zulu Test Shelf" }) { collection { id title handle productsCount { count } } userErrors { message } } }`);
    const collection = c.data.collectionCreate.collection;
    expect(collection).toMatchObject({ title: "Zulu Test Shelf", handle: "zulu-test-shelf", productsCount: { count: 0 } });
    const { product } = await create({ title: "Shelf Item" });
    const add = await t.gql(`mutation A($id: ID!, $p: [ID!]!) { collectionAddProductsV2(id: $id, productIds: $p) { job { done } userErrors { message } } }`, { id: collection.id, p: [product.id] });
    expect(add.data.collectionAddProductsV2).toEqual({ job: { done: false }, userErrors: [] });
    const read = await t.gql(`query R($id: ID!) { collection(id: $id) { products(first: 5) { nodes { id } } } }`, { id: collection.id });
    expect(read.data.collection.products.nodes).toEqual([{ id: product.id }]);
    const del = await t.gql(`mutation D($id: ID!) { collectionDelete(input: { id: $id }) { deletedCollectionId userErrors { message } } }`, { id: collection.id });
    expect(del.data.collectionDelete).toEqual({ deletedCollectionId: collection.id, userErrors: [] });
  });

  it("product media: create, processing lifecycle, variant validation, delete", async () => {
    simulatedDelays(t.sandbox.state).fileProcessingMs = 400;
    const { product } = await create({ title: "Media Holder" });
    const variantId = product.variants.nodes[0].id;
    const cm = await t.gql(`mutation M($p: ID!, $m: [CreateMediaInput!]!) { productCreateMedia(productId: $p, media: $m) {
      media { id status } mediaUserErrors { field message code } userErrors { field message } product { media(first: 5) { nodes { status } } } } }`, {
      p: product.id,
      m: [{ mediaContentType: "IMAGE", originalSource: "https://example.com/a.png", alt: "A" }, { mediaContentType: "IMAGE", originalSource: "not-a-url", alt: "B" }],
    });
    const payload = cm.data.productCreateMedia;
    expect(payload.media).toEqual([{ id: expect.stringMatching(/^gid:\/\/shopify\/MediaImage\//), status: "UPLOADED" }]);
    expect(payload.mediaUserErrors).toEqual([{ field: ["media", "1", "originalSource"], message: "Image URL is invalid", code: "INVALID" }]);
    expect(payload.userErrors).toEqual([{ field: ["media", "1", "originalSource"], message: "Image URL is invalid" }]);
    expect(payload.product.media.nodes).toEqual([{ status: "UPLOADED" }]);
    const mediaId = payload.media[0].id;

    const append = `mutation A($p: ID!, $vm: [ProductVariantAppendMediaInput!]!) { productVariantAppendMedia(productId: $p, variantMedia: $vm) { productVariants { id } userErrors { field message code } } }`;
    const early = await t.gql(append, { p: product.id, vm: [{ variantId, mediaIds: [mediaId] }] });
    expect(early.data.productVariantAppendMedia.userErrors).toEqual([{ field: ["variantMedia", "0", "mediaIds"], message: "Non-ready media cannot be attached to variants.", code: "NON_READY_MEDIA" }]);
    const dup = await t.gql(append, { p: product.id, vm: [{ variantId, mediaIds: [mediaId] }, { variantId, mediaIds: [mediaId] }] });
    expect(dup.data.productVariantAppendMedia.userErrors).toEqual([{ field: ["variantMedia", "0", "variantId"], message: "Variant was specified in more than one media input.", code: "PRODUCT_VARIANT_SPECIFIED_MULTIPLE_TIMES" }]);

    const read = `query R($id: ID!) { product(id: $id) { media(first: 5) { nodes { status ... on MediaImage { image { url } mediaErrors { code } } } } featuredMedia { id } } }`;
    expect((await t.gql(read, { id: product.id })).data.product).toEqual({ media: { nodes: [{ status: "PROCESSING", image: null, mediaErrors: [] }] }, featuredMedia: null });
    await sleep(450);
    // Offline: an external image cannot be downloaded, like fileCreate's files.
    expect((await t.gql(read, { id: product.id })).data.product.media.nodes).toEqual([{ status: "FAILED", image: null, mediaErrors: [{ code: "IMAGE_DOWNLOAD_FAILURE" }] }]);

    const missing = await t.gql(`mutation D($p: ID!, $ids: [ID!]!) { productDeleteMedia(productId: $p, mediaIds: $ids) { deletedMediaIds mediaUserErrors { field message code } } }`, {
      p: product.id, ids: ["gid://shopify/MediaImage/1", "gid://shopify/MediaImage/2"],
    });
    expect(missing.data.productDeleteMedia).toEqual({ deletedMediaIds: null, mediaUserErrors: [{ field: ["mediaIds"], message: "Media ids gid://shopify/MediaImage/1,gid://shopify/MediaImage/2 do not exist", code: "MEDIA_DOES_NOT_EXIST" }] });
    const del = await t.gql(`mutation D($p: ID!, $ids: [ID!]!) { productDeleteMedia(productId: $p, mediaIds: $ids) { deletedMediaIds deletedProductImageIds mediaUserErrors { message } product { mediaCount { count } } } }`, { p: product.id, ids: [mediaId] });
    expect(del.data.productDeleteMedia).toMatchObject({ deletedMediaIds: [mediaId], deletedProductImageIds: [expect.stringMatching(/^gid:\/\/shopify\/ProductImage\//)], mediaUserErrors: [], product: { mediaCount: { count: 0 } } });
  });

  it("productSet creates a product synchronously", async () => {
    const r = await t.gql(`mutation S($input: ProductSetInput!) { productSet(input: $input, synchronous: true) { product { title handle status } userErrors { message } } }`, { input: { title: "Set Created", status: "DRAFT" } });
    expect(r.data.productSet).toEqual({ product: { title: "Set Created", handle: "set-created", status: "DRAFT" }, userErrors: [] });
  });

  it("productCreate/productUpdate(media:) add media; an invalid source changes nothing", async () => {
    const q = `mutation C($product: ProductCreateInput!, $media: [CreateMediaInput!]) { productCreate(product: $product, media: $media) {
      product { id media(first: 5) { nodes { __typename status } } } userErrors { field message } } }`;
    const bad = await t.gql(q, { product: { title: "Top Media Bad" }, media: [{ mediaContentType: "IMAGE", originalSource: "not-a-url" }] });
    expect(bad.data.productCreate).toEqual({ product: null, userErrors: [{ field: ["media", "0", "originalSource"], message: "Image URL is invalid" }] });
    const good = await t.gql(q, { product: { title: "Top Media Good" }, media: [{ mediaContentType: "IMAGE", originalSource: "https://example.com/x.png" }] });
    expect(good.data.productCreate.product.media.nodes).toEqual([{ __typename: "MediaImage", status: "UPLOADED" }]);
    const id = good.data.productCreate.product.id;
    const u = `mutation U($product: ProductUpdateInput!, $media: [CreateMediaInput!]) { productUpdate(product: $product, media: $media) {
      product { title media(first: 5) { nodes { __typename status ... on ExternalVideo { originUrl embedUrl host } } } } userErrors { field message } } }`;
    const video = await t.gql(u, { product: { id, title: "Top Media Renamed" }, media: [{ mediaContentType: "EXTERNAL_VIDEO", originalSource: "https://www.youtube.com/watch?v=dQw4w9WgXcQ" }] });
    expect(video.data.productUpdate.product.media.nodes[1]).toEqual({ __typename: "ExternalVideo", status: "UPLOADED", originUrl: "https://youtu.be/dQw4w9WgXcQ", embedUrl: "https://www.youtube.com/embed/dQw4w9WgXcQ", host: "YOUTUBE" });
    const rejected = await t.gql(u, { product: { id, title: "Not Applied" }, media: [{ mediaContentType: "IMAGE", originalSource: "nope" }] });
    expect(rejected.data.productUpdate.product.title).toBe("Top Media Renamed");
    expect(rejected.data.productUpdate.product.media.nodes).toHaveLength(2);
    expect(rejected.data.productUpdate.userErrors).toEqual([{ field: ["media", "0", "originalSource"], message: "Image URL is invalid" }]);
  });

  it("Shop timezone fields derive from the IANA zone", async () => {
    const r = await t.gql(`{ shop { ianaTimezone timezoneAbbreviation timezoneOffset timezoneOffsetMinutes } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.shop.timezoneOffset).toMatch(/^[+-]\d{4}$/);
    const sign = r.data.shop.timezoneOffset.startsWith("-") ? -1 : 1;
    const hhmm = r.data.shop.timezoneOffset.slice(1);
    expect(r.data.shop.timezoneOffsetMinutes).toBe(sign * (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(2))));
  });

  it("a created product reaches `query:` searches only after the indexing lag", async () => {
    catalogDelays(t.sandbox.state).searchIndexMs = 150;
    const { product } = await create({ title: "Lagged Search Item", tags: ["lag-probe-tag"] });
    const q = `{ products(first: 5, query: "tag:lag-probe-tag") { nodes { id } } productsCount(query: "tag:lag-probe-tag") { count } }`;
    expect((await t.gql(q)).data).toEqual({ products: { nodes: [] }, productsCount: { count: 0 } });
    expect((await t.gql(`query R($id: ID!) { product(id: $id) { id } }`, { id: product.id })).data.product).toEqual({ id: product.id });
    await sleep(200);
    expect((await t.gql(q)).data).toEqual({ products: { nodes: [{ id: product.id }] }, productsCount: { count: 1 } });
  });

  it("productCreate writes `metafields` through metafieldsSet", async () => {
    const r = await t.gql(`mutation C($product: ProductCreateInput!) { productCreate(product: $product) {
      product { id metafields(first: 5, namespace: "custom") { nodes { namespace key type value ownerType } } } userErrors { message } } }`, {
      product: { title: "With Metafields", metafields: [{ namespace: "custom", key: "material", type: "single_line_text_field", value: "Cotton" }] },
    });
    expect(r.data.productCreate.product.metafields.nodes).toEqual([{ namespace: "custom", key: "material", type: "single_line_text_field", value: "Cotton", ownerType: "PRODUCT" }]);
  });
});


describe("catalog admin order mutations", () => {
  const t = useSeededSandbox();
  const CREATE = `mutation C($order: OrderCreateOrderInput!) { orderCreate(order: $order) {
    order { id email note tags processedAt displayFinancialStatus displayFulfillmentStatus } userErrors { field message } } }`;

  it("orderCreate records a custom-line order; orderUpdate edits it; orderDelete removes it", async () => {
    // The app's toml grants read_orders only; these mutations need write_orders.
    for (const inst of t.sandbox.state.installations.values()) inst.scopes.push("write_orders");
    const created = await t.gql(CREATE, {
      order: {
        email: "buyer@example.com", note: "first", tags: ["zeta", "alpha"], test: true, currency: "CAD", processedAt: "2024-01-01T00:00:00Z", financialStatus: "PENDING",
        lineItems: [{ title: "Custom thing", quantity: 1, priceSet: { shopMoney: { amount: "11.00", currencyCode: "CAD" } }, requiresShipping: false, taxable: false, sku: "custom-1" }],
      },
    });
    const order = created.data.orderCreate.order;
    expect(order).toMatchObject({ email: "buyer@example.com", note: "first", tags: ["alpha", "zeta"], processedAt: "2024-01-01T00:00:00Z", displayFinancialStatus: "PENDING", displayFulfillmentStatus: "UNFULFILLED" });
    const count = await t.gql(`{ ordersCount(query: "tag:zeta") { count } }`);
    expect(count.data.ordersCount.count).toBe(1);
    const upd = await t.gql(`mutation U($input: OrderInput!) { orderUpdate(input: $input) { order { note tags } userErrors { message } } }`, { input: { id: order.id, note: "edited", tags: ["zeta", "edited"] } });
    expect(upd.data.orderUpdate).toEqual({ order: { note: "edited", tags: ["edited", "zeta"] }, userErrors: [] });
    const del = await t.gql(`mutation D($id: ID!) { orderDelete(orderId: $id) { deletedId userErrors { message } } }`, { id: order.id });
    expect(del.data.orderDelete).toEqual({ deletedId: order.id, userErrors: [] });
    expect((await t.gql(`query O($id: ID!) { order(id: $id) { id } }`, { id: order.id })).data.order).toBeNull();
  });

  it("orderCreate fails loudly for inputs the twin does not model", async () => {
    const r = await t.gql(CREATE, { order: { financialStatus: "PAID", lineItems: [{ title: "x", quantity: 1 }], transactions: [{ kind: "SALE", status: "SUCCESS", amountSet: { shopMoney: { amount: "1.00", currencyCode: "CAD" } } }] } });
    expect(r.errors[0].extensions.code).toBe("NOT_IMPLEMENTED_IN_SANDBOX");
  });
});
