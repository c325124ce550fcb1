import { describe, expect, it } from "vitest";
import { parse, type FragmentDefinitionNode, type OperationDefinitionNode } from "graphql";
import { diffBodies } from "../../../sandbox/conformance/compare";
import { preexistingOwners } from "../../../sandbox/conformance/rebuild/hydrate";
import { recordedCatalog } from "../../../sandbox/conformance/rebuild/hydrate-catalog";
import { notSetByRequest } from "../../../sandbox/conformance/rebuild/hydrate-answers";
import { inIssueOrder, issueTime } from "../../../sandbox/conformance/order/issue-order";
import type { Exchange } from "../../../sandbox/conformance/normalize";
import { pageSizesAllow } from "../../../sandbox/conformance/page-sizes";
import { atUnsettableField, unsettableFields } from "../../../sandbox/conformance/rebuild/not-rebuilt";
import { fits } from "../../../sandbox/conformance/reconstruct";
import { CATEGORY, replayScenario, settle } from "../../../sandbox/conformance/replay";
import type { TwinReply } from "../../../sandbox/conformance/twin";
import { canonicalize } from "../../../sandbox/conformance/volatile";

// How the products the recorded shop already had are rebuilt (hydrate.ts, hydrate-answers.ts,
// hydrate-catalog.ts), and the harness rules that came with them: steps ordered by the issue time
// their answers carry (issue-order.ts), unrecorded extensions, signed preview URLs, page sizes of
// reconstructed documents, reads polled while the twin still processes, objects found but not rebuilt.

const capture = { file: "harry-test-heelo.myshopify.com/2025-01/x/test.json", shop: "harry-test-heelo.myshopify.com", apiVersion: "2025-01", domain: "x" };
const ex = (path: string, over: Partial<Exchange>): Exchange => ({ path, name: path, shape: 4, querySource: "inline", variables: {}, status: 200, response: { data: {} }, ...over });
const cost = { cost: { requestedQueryCost: 10, actualQueryCost: 10, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1990, restoreRate: 100 } } };
const SHOP_MESSAGE = "BAhJIiNoYXJyeS10ZXN0LWhlZWxvLm15c2hvcGlmeS5jb20GOgZFVA==";
/** An unpublished product's preview URL as Shopify issues it (product-update-parity.json), expiring at `exp`. */
const previewUrl = (exp: string, key = "6e0feff943a6fe3c885e61ca117ca33f", host = "adwzshsg5sv0hlo4-92891250994", message = SHOP_MESSAGE) =>
  `https://${host}.shopifypreview.com/products_preview?preview_key=${key}&_bt=${Buffer.from(JSON.stringify({ _rails: { message, exp, pur: "permanent_password_bypass" } })).toString("base64")}--${"e".repeat(40)}`;
const UPDATE = "mutation U($product: ProductUpdateInput!) { productUpdate(product: $product) { product { id title handle status vendor onlineStorePreviewUrl } userErrors { field message } } }";
const product = "gid://shopify/Product/10243938451762";

describe("order of the steps by the issue time their answers carry (issue-order.ts)", () => {
  const update = (path: string, exp: string | undefined) => ex(path, { query: UPDATE, response: { data: { productUpdate: { product: { id: product, ...(exp ? { onlineStorePreviewUrl: previewUrl(exp) } : {}) }, userErrors: [] } } } });

  it("reads the issue time of a preview token", () => {
    expect(issueTime(update("$.a", "2026-07-19T15:53:52.097Z"))).toBe(Date.parse("2026-07-19T15:53:52.097Z"));
    expect(issueTime(update("$.a", undefined))).toBeUndefined();
  });

  it("moves only the steps that carry a time, into the places such steps held", () => {
    const mutation = update("$.mutation", "2026-07-19T15:53:52.097Z");
    const unknownId = update("$.validation.unknownId", undefined);
    const blankTitle = update("$.validation.blankTitle", "2026-07-19T15:53:50.269Z");
    const handle = update("$.handleValidation.x", "2026-07-19T15:53:50.696Z");
    const read = update("$.downstreamRead", undefined);
    expect(inIssueOrder([mutation, unknownId, blankTitle, handle, read]).map((e) => e.path)).toEqual(["$.validation.blankTitle", "$.validation.unknownId", "$.handleValidation.x", "$.mutation", "$.downstreamRead"]);
  });

  it("keeps document order when the times agree with it or fewer than two steps carry one", () => {
    const steps = [update("$.a", "2026-07-19T15:53:50.000Z"), update("$.b", undefined), update("$.c", "2026-07-19T15:53:51.000Z")];
    expect(inIssueOrder(steps)).toEqual(steps);
    const one = [update("$.a", undefined), update("$.b", "2026-07-19T15:53:50.000Z")];
    expect(inIssueOrder(one)).toEqual(one);
  });
});

describe("signed preview URLs (volatile signed-preview-urls)", () => {
  it("ignores the minted host, key, expiry and signature", () => {
    expect(canonicalize(["data"], previewUrl("2026-07-19T15:53:52.097Z"))).toBe(canonicalize(["data"], previewUrl("2026-01-01T00:00:00.000Z", "0".repeat(32), "abcdefghijklmnop-9001")));
  });

  it("still tells a preview link from a storefront URL, and another shop's token from the shop's", () => {
    expect(diffBodies({ data: { u: previewUrl("2026-07-19T15:53:52.097Z") } }, { data: { u: "https://harry-test-heelo.myshopify.com/products/hat" } })).toHaveLength(1);
    const other = Buffer.from("\x04\x08I\"#other-shop-heelo.myshopify.com\x06:\x06ET", "latin1").toString("base64");
    expect(diffBodies({ data: { u: previewUrl("2026-07-19T15:53:52.097Z") } }, { data: { u: previewUrl("2026-07-19T15:53:52.097Z", undefined, undefined, other) } })).toHaveLength(1);
    expect(canonicalize(["data"], "https://harry-test-heelo.myshopify.com/products/hat")).toBe("https://harry-test-heelo.myshopify.com/products/hat");
  });
});

describe("answers recorded without extensions (compare.ts)", () => {
  const twin = { data: { shop: { name: "x" } }, extensions: cost };
  it("does not compare the twin's extensions with ones the recording did not keep", () => {
    expect(diffBodies({ data: { shop: { name: "x" } } }, twin)).toEqual([]);
  });
  it("compares them when the recording kept them, or when the answer held no data", () => {
    expect(diffBodies({ data: { shop: { name: "x" } }, extensions: { cost: { ...cost.cost, throttleStatus: { ...cost.cost.throttleStatus, restoreRate: 50 } } } }, twin)).toHaveLength(1);
    expect(diffBodies({ errors: [{ message: "m" }] }, { errors: [{ message: "m" }], extensions: cost })).toHaveLength(1);
  });
});

describe("page sizes of a recovered document (page-sizes.ts)", () => {
  const data = { products: { nodes: [{ id: "gid://shopify/Product/1" }] } };
  const op = (q: string) => {
    const doc = parse(q);
    return [doc.definitions[0] as OperationDefinitionNode, new Map<string, FragmentDefinitionNode>()] as const;
  };
  it("a page that asks for fewer items than the answer holds did not produce it", () => {
    const [zero, none] = op("query DefaultZero($first: Int = 0) { products(first: $first) { nodes { id } } }");
    expect(pageSizesAllow(zero, {}, data, none)).toBe(false);
    expect(fits("query DefaultZero($first: Int = 0) { products(first: $first) { nodes { id } } }", {}, data)).toBe(false);
  });
  it("a recorded value, a literal or a large enough default allows it", () => {
    const [o, f] = op("query P($first: Int = 0) { products(first: $first) { nodes { id } } }");
    expect(pageSizesAllow(o, { first: 1 }, data, f)).toBe(true);
    const [literal] = op("query { products(first: 5) { nodes { id } } }");
    expect(pageSizesAllow(literal, {}, data, f)).toBe(true);
    expect(fits("query P($n: Int = 2) { products(first: $n) { nodes { id } } }", {}, data)).toBe(true);
  });
});

describe("what a mutation's answer shows of an object no read showed first (hydrate-answers.ts)", () => {
  const challenger = "gid://shopify/Product/10243938615602";
  const answer = (id: string, fields: Record<string, unknown>) => ({ data: { productUpdate: { product: { id, ...fields }, userErrors: [] } } });

  it("takes the fields the request did not set", () => {
    const owners = preexistingOwners([
      ex("$.handle", { query: UPDATE, variables: { product: { id: challenger, handle: "  Mixed CASE " } }, response: answer(challenger, { title: "Challenger", handle: "mixed-case", status: "DRAFT", vendor: "harry-test-heelo" }) }),
      ex("$.later", { query: UPDATE, variables: { product: { id: challenger, title: "Renamed" } }, response: answer(challenger, { title: "Renamed", status: "ACTIVE" }) }),
    ]);
    expect(owners).toEqual([{ gid: challenger, type: "Product", fields: {}, metafields: [], answered: { title: "Challenger", status: "DRAFT", vendor: "harry-test-heelo" } }]);
  });

  it("never for a field named in the request (variables or literal arguments), inside userErrors, or for an object the scenario created", () => {
    const step = ex("$.x", { query: 'mutation { productUpdate(product: { id: "gid://shopify/Product/1", status: DRAFT }) { product { id } } }', variables: { product: { title: "" } } });
    expect(notSetByRequest(step, { title: "T", status: "DRAFT", vendor: "V" })).toEqual({ vendor: "V" });
    const made = "gid://shopify/Product/77";
    expect(preexistingOwners([
      ex("$.create", { query: "mutation C($p: ProductCreateInput!) { productCreate(product: $p) { product { id title } userErrors { field } } }", variables: { p: { title: "New" } }, response: { data: { productCreate: { product: { id: made, title: "New" }, userErrors: [] } } } }),
      ex("$.update", { query: UPDATE, variables: { product: { id: made, handle: "x" } }, response: answer(made, { title: "New", vendor: "V" }) }),
    ])).toEqual([]);
  });

  it("a read that showed the object first wins over any later answer", () => {
    const owners = preexistingOwners([
      ex("$.read", { query: "query R($id: ID!) { product(id: $id) { id title vendor } }", variables: { id: challenger }, response: { data: { product: { id: challenger, title: "Read title", vendor: "Read vendor" } } } }),
      ex("$.update", { query: UPDATE, variables: { product: { id: challenger, handle: "x" } }, response: answer(challenger, { title: "Other", vendor: "Other" }) }),
    ]);
    expect(owners).toEqual([{ gid: challenger, type: "Product", fields: { title: "Read title", vendor: "Read vendor" }, metafields: [] }]);
  });
});

describe("several reads before any change, and metafields the scenario made (hydrate.ts)", () => {
  const collection = "gid://shopify/Collection/514881945906";
  const set = "mutation S($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { metafields { id } userErrors { field } } }";
  const winter = { id: "gid://shopify/Metafield/45359477096754", namespace: "custom", key: "season", type: "single_line_text_field", value: "Winter" };

  it("adds what a later read showed of an object an earlier read showed only by id", () => {
    const owners = preexistingOwners([
      ex("$.exists", { evidence: true, query: "query E($ids: [ID!]!) { nodes(ids: $ids) { id } }", variables: { ids: [collection] }, response: { data: { nodes: [{ id: collection }] } } }),
      ex("$.nodes", { evidence: true, query: "query N($ids: [ID!]!) { nodes(ids: $ids) { id ... on Collection { title handle } } }", variables: { ids: [collection] }, response: { data: { nodes: [{ id: collection, title: "Owner collection", handle: "owner-collection", season: winter }] } } }),
      ex("$.mutation", { query: set, variables: { m: [{ ownerId: collection, namespace: "custom", key: "season", type: "single_line_text_field", value: "Winter" }] }, response: { data: { metafieldsSet: { metafields: [{ id: winter.id }], userErrors: [] } } } }),
    ]);
    // The metafield is the scenario's own: its steps first show it in the metafieldsSet answer.
    expect(owners).toEqual([{ gid: collection, type: "Collection", fields: { title: "Owner collection", handle: "owner-collection" }, metafields: [] }]);
  });

  it("keeps a metafield the scenario's own read showed before a metafieldsSet changed it, and never merges a read after a change", () => {
    const owners = preexistingOwners([
      ex("$.precondition", { query: "query R($id: ID!) { collection(id: $id) { id title season: metafield(namespace: \"custom\", key: \"season\") { id namespace key type value } } }", variables: { id: collection }, response: { data: { collection: { id: collection, title: "Before", season: { ...winter, value: "Summer" } } } } }),
      ex("$.mutation", { query: set, variables: { m: [{ ownerId: collection, namespace: "custom", key: "season", type: "single_line_text_field", value: "Winter" }] }, response: { data: { metafieldsSet: { metafields: [{ id: winter.id }], userErrors: [] } } } }),
      ex("$.after", { query: "query R($id: ID!) { collection(id: $id) { id title handle } }", variables: { id: collection }, response: { data: { collection: { id: collection, title: "After", handle: "after" } } } }),
    ]);
    expect(owners).toEqual([{ gid: collection, type: "Collection", fields: { title: "Before" }, metafields: [{ ...winter, value: "Summer", compareDigest: undefined }] }]);
  });
});

describe("media a delete's answer shows were the product's (hydrate-catalog.ts deletedMediaFirstShown)", () => {
  const owner = "gid://shopify/Product/10243947069746";
  const media = "gid://shopify/MediaImage/44070841549106";
  const del = "mutation D($productId: ID!, $mediaIds: [ID!]!) { productDeleteMedia(productId: $productId, mediaIds: $mediaIds) { deletedMediaIds deletedProductImageIds mediaUserErrors { field } product { id } } }";
  const deleted = ex("$.mutation", { query: del, variables: { productId: owner, mediaIds: [media] }, response: { data: { productDeleteMedia: { deletedMediaIds: [media], deletedProductImageIds: ["gid://shopify/ProductImage/54030132248882"], mediaUserErrors: [], product: { id: owner } } } } });

  it("rebuilds a deleted image no step showed before, processed when the answer lists its ProductImage", () => {
    expect(preexistingOwners([deleted])).toEqual([{ gid: owner, type: "Product", fields: {}, metafields: [], catalog: { media: [{ id: media, mediaContentType: "IMAGE", status: "READY" }] } }]);
  });

  it("never one the scenario made before deleting it", () => {
    const create = ex("$.create", { query: "mutation C($productId: ID!, $media: [CreateMediaInput!]!) { productCreateMedia(productId: $productId, media: $media) { media { id } mediaUserErrors { field } } }", variables: { productId: owner, media: [{ mediaContentType: "IMAGE", originalSource: "https://placehold.co/600x400/png" }] }, response: { data: { productCreateMedia: { media: [{ id: media }], mediaUserErrors: [] } } } });
    expect(preexistingOwners([create, deleted]).flatMap((o) => o.catalog?.media ?? [])).toEqual([]);
  });
});

describe("variant fields a read showed (hydrate-catalog.ts recordedCatalog)", () => {
  it("keeps tax code, components, unit price and inventory item values, not the defaults without units", () => {
    const catalog = recordedCatalog({
      variants: { nodes: [
        { id: "gid://shopify/ProductVariant/1", title: "Red", sku: "RED", taxCode: "P0000000", requiresComponents: true, showUnitPrice: true, unitPriceMeasurement: { quantityValue: 1.5, quantityUnit: "L", referenceValue: 1, referenceUnit: "L" }, inventoryItem: { id: "gid://shopify/InventoryItem/1", tracked: true, requiresShipping: false, countryCodeOfOrigin: "US", provinceCodeOfOrigin: null, measurement: { weight: { unit: "KILOGRAMS", value: 0.5 } } } },
        { id: "gid://shopify/ProductVariant/2", title: "Blue", taxCode: "", unitPriceMeasurement: { quantityValue: 0, quantityUnit: null, referenceValue: 0, referenceUnit: null } },
      ] },
    });
    expect(catalog?.variants?.[0]?.fields).toEqual({ taxCode: "P0000000", requiresComponents: true, showUnitPrice: true, unitPriceMeasurement: { quantityValue: 1.5, quantityUnit: "L", referenceValue: 1, referenceUnit: "L" }, inventoryItem: { tracked: true, requiresShipping: false, countryCodeOfOrigin: "US", measurement: { weight: { value: 0.5, unit: "KILOGRAMS" } }, sku: "RED" } });
    expect(catalog?.variants?.[1]?.fields).toEqual({});
  });
});

describe("a read polled while the twin still processes what the capture shows finished (settle)", () => {
  const captured = { data: { product: { media: { nodes: [{ status: "READY" }] }, featuredMedia: { id: "gid://shopify/MediaImage/1" } } } };
  const twinBody = (ready: boolean, featured: unknown = null) => ({ data: { product: { media: { nodes: [{ status: ready ? "READY" : "PROCESSING" }] }, featuredMedia: ready ? { id: "gid://shopify/MediaImage/2" } : featured } } });

  it("sends it again while the only other differences are values still missing in the twin", async () => {
    let sent = 0;
    const { diffs } = await settle(async (): Promise<TwinReply> => ({ status: 200, body: twinBody(sent++ > 0) }), (r) => diffBodies(captured, r.body), true);
    expect(diffs).toEqual([]);
    expect(sent).toBe(2);
  });

  it("judges at once when another value differs outright", async () => {
    let sent = 0;
    const { diffs } = await settle(async (): Promise<TwinReply> => ({ status: 200, body: twinBody(sent++ > 0, { id: "gid://shopify/ProductImage/9" }) }), (r) => diffBodies(captured, r.body), true);
    expect(diffs.length).toBeGreaterThan(0);
    expect(sent).toBe(1);
  });
});

describe("objects the shop had that hydrate.ts could not rebuild (replay.ts notRebuilt)", () => {
  const owner = "gid://shopify/Product/10243947069746";
  const cdnMedia = { id: "gid://shopify/MediaImage/44070841581874", status: "READY", image: { url: "https://cdn.shopify.com/s/files/1/0928/9125/0994/files/png_3421d7b6-755d-4e92-a7aa-9d66e59c5e9f.png?v=1784476208" } };
  const read = ex("$.read", { query: "query R($id: ID!) { product(id: $id) { id title media(first: 5) { nodes { id status image { url } } } } }", variables: { id: owner }, response: { data: { product: { id: owner, title: "Hat", media: { nodes: [cdnMedia] } } }, extensions: cost } });
  const update = (title: string) => ex("$.update", {
    query: "mutation U($product: ProductUpdateInput!) { productUpdate(product: $product) { product { id title media(first: 5) { nodes { id } } } userErrors { field message } } }",
    variables: { product: { id: owner, title: "Cap" } },
    response: { data: { productUpdate: { product: { id: owner, title, media: { nodes: [{ id: cdnMedia.id }] } }, userErrors: [] } }, extensions: cost },
  });

  it("explains a mutation's answer that differs only by a media whose recorded source the offline twin cannot fetch", async () => {
    const results = await replayScenario(capture, [read, update("Cap")]);
    expect(results[1]!.outcome).toMatchObject({ status: "incomparable", category: CATEGORY.preExisting });
  });

  it("a difference on the scenario's own change in the same answer stays a failure", async () => {
    const results = await replayScenario(capture, [read, update("Recorded other title")]);
    expect(results[1]!.outcome).toMatchObject({ status: "failed" });
  });
});

describe("recorded values of a rebuilt object that no Admin API input sets (not-rebuilt.ts)", () => {
  const owner = "gid://shopify/Product/9801098789170";
  const variant = "gid://shopify/ProductVariant/49875425296690";
  const fields = new Map([[owner, new Set(["legacyResourceId", "publishedAt", "onlineStoreUrl", "onlineStorePreviewUrl"])], [variant, new Set(["inventoryQuantity"])]]);
  const captured = { data: { products: { nodes: [{ id: owner, title: "Snowboard", legacyResourceId: "9801098789170", variants: { nodes: [{ id: variant, inventoryQuantity: -20 }] } }] } } };

  it("lists the id number, the publication and a non-zero stock, nothing else", () => {
    expect(unsettableFields({ legacyResourceId: "1", publishedAt: "2025-03-26T19:51:38Z", title: "x", status: "ACTIVE" }, "Product")).toEqual(["legacyResourceId", "publishedAt", "onlineStoreUrl", "onlineStorePreviewUrl"]);
    expect(unsettableFields({ publishedAt: null, title: "x" }, "Product")).toEqual([]);
    expect(unsettableFields({ inventoryQuantity: 0 }, "ProductVariant")).toEqual([]);
  });

  it("explains a difference at such a field of the object that holds it, and no other", () => {
    expect(atUnsettableField({ path: "data.products.nodes[0].legacyResourceId", captured: "9801098789170", twin: "9001" }, captured, fields)).toBe(true);
    expect(atUnsettableField({ path: "data.products.nodes[0].variants.nodes[0].inventoryQuantity", captured: -20, twin: 0 }, captured, fields)).toBe(true);
    expect(atUnsettableField({ path: "data.products.nodes[0].title", captured: "Snowboard", twin: "Other" }, captured, fields)).toBe(false);
    expect(atUnsettableField({ path: "data.products.nodes[0].variants.nodes[0].legacyResourceId", captured: "1", twin: "2" }, captured, fields)).toBe(false);
  });

  const read = (title: string) => ex("$.read", {
    query: "query R($id: ID!) { product(id: $id) { id title legacyResourceId publishedAt } }",
    variables: { id: owner },
    response: { data: { product: { id: owner, title, legacyResourceId: "9801098789170", publishedAt: "2025-03-26T19:51:38Z" } }, extensions: { cost: { requestedQueryCost: 1, actualQueryCost: 1, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1999, restoreRate: 100 } } } },
  });

  it("a read of the rebuilt product that differs only there is the recorded shop's data", async () => {
    const results = await replayScenario(capture, [read("Snowboard"), read("Snowboard")]);
    expect(results.map((r) => r.outcome)).toMatchObject([{ status: "incomparable", category: CATEGORY.preExisting }, { status: "incomparable", category: CATEGORY.preExisting }]);
  });

  it("a difference in a value the rebuild did set stays a failure", async () => {
    const results = await replayScenario(capture, [read("Snowboard"), read("Renamed elsewhere")]);
    expect(results[1]!.outcome).toMatchObject({ status: "failed" });
  });
});
