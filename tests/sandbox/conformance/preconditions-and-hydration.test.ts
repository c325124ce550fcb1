import { describe, expect, it } from "vitest";
import { preexistingOwners } from "../../../sandbox/conformance/rebuild/hydrate";
import { recordedMarkets, recordedWebPresences } from "../../../sandbox/conformance/rebuild/recorded-markets";
import { normalizeCapture, type Exchange } from "../../../sandbox/conformance/normalize";
import { scenarioSetup } from "../../../sandbox/conformance/rebuild/preconditions";
import { reconstructQueries } from "../../../sandbox/conformance/reconstruct";
import { CATEGORY, concernsForeign, replayScenario, twinRefusedForeign } from "../../../sandbox/conformance/replay";
import { scenarioScopes } from "../../../sandbox/conformance/scopes";

// What a scenario assumed of the recorded shop and app, and how it is rebuilt before the replay.

const capture = { file: "harry-test-heelo.myshopify.com/2025-01/x/test.json", shop: "harry-test-heelo.myshopify.com", apiVersion: "2025-01", domain: "x" };
const ex = (path: string, over: Partial<Exchange>): Exchange => ({ path, name: path, shape: 4, querySource: "inline", variables: {}, status: 200, response: { data: {} }, ...over });
const cost = (n: number) => ({ cost: { requestedQueryCost: n, actualQueryCost: n, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 2000 - n, restoreRate: 100 } } });

describe("products the recorded shop already had (hydrate.ts)", () => {
  const product = "gid://shopify/Product/10252752617778";
  const preconditionRead = { data: { product: { id: product, title: "Canvas bag", spec: { id: "gid://shopify/Metafield/45359476998450", namespace: "custom", key: "material", type: "single_line_text_field", value: "Canvas", compareDigest: "a".repeat(64) } } } };
  const setMaterial = "mutation S($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { metafields { key value } userErrors { field message } } }";

  it("takes objects a read showed before any mutation touched them, and only those some step asks for by id (not a search's)", () => {
    const owners = preexistingOwners([
      ex("$.preconditionRead", { querySource: "none", response: preconditionRead }),
      ex("$.search", { query: "query { products(first: 1, query: \"title:bag\") { nodes { id } } }", response: { data: { products: { nodes: [{ id: "gid://shopify/Product/5" }] } } } }),
      ex("$.mutation", { query: setMaterial, variables: { m: [{ ownerId: product, namespace: "custom", key: "material", type: "single_line_text_field", value: "Wool", compareDigest: "a".repeat(64) }] } }),
    ]);
    expect(owners).toEqual([{ gid: product, type: "Product", fields: { title: "Canvas bag" }, metafields: [{ id: "gid://shopify/Metafield/45359476998450", namespace: "custom", key: "material", type: "single_line_text_field", value: "Canvas", compareDigest: "a".repeat(64) }] }]);
  });

  it("also takes what a whole-list read from its start shows (the shop's oldest objects)", () => {
    const owners = preexistingOwners([
      ex("$.firstPage", { query: "query { products(first: 1) { nodes { id title } } }", response: { data: { products: { nodes: [{ id: "gid://shopify/Product/5", title: "Oldest" }] } } } }),
    ]);
    expect(owners.map((o) => [o.gid, o.fields.title])).toEqual([["gid://shopify/Product/5", "Oldest"]]);
  });

  it("takes objects a cleanly accepted mutation worked on, never ones a refused mutation named", () => {
    const set = "mutation S($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { metafields { id } userErrors { field message } } }";
    const owners = preexistingOwners([
      ex("$.refused", { query: set, variables: { m: [{ ownerId: "gid://shopify/Product/999999998" }] }, response: { data: { metafieldsSet: { metafields: [], userErrors: [{ field: ["metafields", "0", "ownerId"], message: "Owner does not exist." }] } } } }),
      ex("$.accepted", { query: set, variables: { m: [{ ownerId: "gid://shopify/Product/42" }] }, response: { data: { metafieldsSet: { metafields: [{ id: "gid://shopify/Metafield/1" }], userErrors: [] } } } }),
    ]);
    expect(owners.map((o) => o.gid)).toEqual(["gid://shopify/Product/42"]);
  });

  it("writes a metafield in the recording app's own namespace as the scenario's app, under the twin app's namespace", async () => {
    const namespace = "app--347082227713";
    const read = { data: { product: { id: product, title: "Canvas bag", own: { id: "gid://shopify/Metafield/45359477424434", namespace, key: "note", type: "single_line_text_field", value: "Mine", compareDigest: "b".repeat(64) } } } };
    const results = await replayScenario(capture, [
      ex("$.preconditionRead", { querySource: "none", response: read }),
      ex("$.mutation", {
        query: setMaterial,
        variables: { m: [{ ownerId: product, namespace, key: "note", type: "single_line_text_field", value: "Ours", compareDigest: "b".repeat(64) }] },
        response: { data: { metafieldsSet: { metafields: [{ key: "note", value: "Ours" }], userErrors: [] } }, extensions: cost(10) },
      }),
    ]);
    expect(results.map((r) => r.outcome.status)).toEqual(["unreplayable", "passed"]);
  });

  it("never rebuilds the product an asynchronous operation of the scenario made (shown first by the operation read)", () => {
    const operation = "gid://shopify/ProductSetOperation/89455329586";
    expect(preexistingOwners([
      ex("$.setup", { query: "mutation S($input: ProductSetInput!) { productSet(input: $input, synchronous: false) { product { id } productSetOperation { id status } userErrors { field } } }", variables: { input: { title: "Cold" } }, response: { data: { productSet: { product: null, productSetOperation: { id: operation, status: "CREATED" }, userErrors: [] } } } }),
      ex("$.read", { query: "query R($id: ID!) { productOperation(id: $id) { status product { id title } } }", variables: { id: operation }, response: { data: { productOperation: { id: operation, status: "COMPLETE", product: { id: product, title: "Cold" } } } } }),
      ex("$.cleanup", { query: "mutation D($input: ProductDeleteInput!) { productDelete(input: $input) { deletedProductId } }", variables: { input: { id: product } }, response: { data: { productDelete: { deletedProductId: product } } } }),
    ])).toEqual([]);
  });

  it("never rebuilds what the scenario created itself", () => {
    const created = { data: { productCreate: { product: { id: product, title: "New" }, userErrors: [] } } };
    expect(preexistingOwners([
      ex("$.read", { query: "query R($id: ID!) { product(id: $id) { id title } }", variables: { id: product }, response: { data: { product: { id: product, title: "New" } } } }),
      ex("$.create", { querySource: "none", response: created }),
    ])).toEqual([]);
  });

  it("replays a compare-and-set against the rebuilt product with the twin's digest", async () => {
    const results = await replayScenario(capture, [
      ex("$.preconditionRead", { querySource: "none", response: preconditionRead }),
      ex("$.mutation", {
        query: setMaterial,
        variables: { m: [{ ownerId: product, namespace: "custom", key: "material", type: "single_line_text_field", value: "Wool", compareDigest: "a".repeat(64) }] },
        response: { data: { metafieldsSet: { metafields: [{ key: "material", value: "Wool" }], userErrors: [] } }, extensions: cost(10) },
      }),
    ]);
    expect(results.map((r) => r.outcome.status)).toEqual(["unreplayable", "passed"]);
  });
});

describe("request parts recorded beside a step (normalize.ts)", () => {
  it("a step with only a response takes <step>Variables, or the parent's document and variables", () => {
    const steps = normalizeCapture({
      document: "mutation C($order: OrderCreateOrderInput!) { orderCreate(order: $order) { order { id } } }",
      variables: { order: { email: "a@example.com" } },
      mutation: { response: { data: { orderCreate: { order: { id: "gid://shopify/Order/1" } } } } },
      downstreamRead: { data: { order: { id: "gid://shopify/Order/1" } } },
      downstreamReadVariables: { id: "gid://shopify/Order/1" },
    });
    expect(steps.find((s) => s.path === "$.mutation")).toMatchObject({ querySource: "inline", variables: { order: { email: "a@example.com" } } });
    expect(steps.find((s) => s.path === "$.downstreamRead")!.variables).toEqual({ id: "gid://shopify/Order/1" });
  });
});

describe("scopes and app identity (preconditions)", () => {
  it("grants what the document inside a bulk operation needs", () => {
    expect(scenarioScopes([ex("$.run", { query: "mutation B($q: String!) { bulkOperationRunQuery(query: $q) { bulkOperation { id } } }", variables: { q: "{ orders { edges { node { id } } } }" } })])).toEqual(["read_orders"]);
  });

  it("takes the recording app's title, handle and developer from the first App object a response shows", () => {
    const app = { id: "gid://shopify/App/347082227713", apiKey: "k", title: "recorder", handle: "recorder", developerName: "Gadget", embedded: true };
    expect(scenarioSetup([ex("$.read", { query: "query { currentAppInstallation { app { id apiKey title handle developerName embedded } } }", response: { data: { currentAppInstallation: { app } } } })]).app)
      .toEqual({ title: "recorder", handle: "recorder", developerName: "Gadget", embedded: true });
  });
});

describe("recovery and dependencies", () => {
  it("a recorded document that does not validate is not taken for a step answered without errors", () => {
    const step = ex("$.shop", { querySource: "none", response: { data: { shop: { id: "gid://shopify/Shop/1" } } } });
    const [rebuilt] = reconstructQueries([step], [{ query: "query Ok { shop { id } }", source: "ok.graphql" }]);
    expect(rebuilt).toMatchObject({ querySource: "reconstructed", documentPath: "ok.graphql" });
    // an unused variable fails validation; the query the response allows is written instead
    const [refused] = reconstructQueries([step], [{ query: "query Bad($unused: Int) { shop { id } }", source: "bad.graphql" }]);
    expect(refused).toMatchObject({ querySource: "synthesized", query: "query Synthesized { shop { id } }" });
  });

  it("objects made by a step that depended on unreplayable setup are unreplayable setup for later steps too", async () => {
    const results = await replayScenario(capture, [
      ex("$.setup.productCreate", { querySource: "none", response: { data: { productCreate: { product: { id: "gid://shopify/Product/71" }, userErrors: [] } } } }),
      ex("$.media", {
        query: "mutation M($id: ID!, $media: [CreateMediaInput!]!) { productCreateMedia(productId: $id, media: $media) { media { id } mediaUserErrors { message } } }",
        variables: { id: "gid://shopify/Product/71", media: [{ mediaContentType: "IMAGE", originalSource: "https://cdn.example.com/a.png" }] },
        response: { data: { productCreateMedia: { media: [{ id: "gid://shopify/MediaImage/72" }], mediaUserErrors: [] } }, extensions: cost(10) },
      }),
      ex("$.read", { query: "query R($id: ID!) { node(id: $id) { id } }", variables: { id: "gid://shopify/MediaImage/72" }, response: { data: { node: { id: "gid://shopify/MediaImage/72" } }, extensions: cost(1) } }),
    ]);
    expect(results[1]!.outcome).toMatchObject({ category: CATEGORY.unreplayableSetup });
    expect(results[2]!.outcome).toMatchObject({ category: CATEGORY.unreplayableSetup, detail: "$.setup.productCreate (gid://shopify/MediaImage)" });
  });
});

describe("differences explained by the recorded shop's own objects", () => {
  const foreign = new Set(["gid://shopify/Product/9"]);
  const captured = { data: { products: { nodes: [{ id: "gid://shopify/Product/9", title: "Shop's" }, { id: "gid://shopify/Product/1", title: "Mine" }] } } };

  it("a difference inside, naming, or listing such an object is explained by it; one on the scenario's own object is not", () => {
    expect(concernsForeign({ path: "data.products.nodes[0].title", captured: "Shop's", twin: "x" }, captured, foreign)).toBe(true);
    expect(concernsForeign({ path: "data.products.nodes.length", captured: 2, twin: 1 }, captured, foreign)).toBe(true);
    // …but not when the twin also lost one of the scenario's own objects
    expect(concernsForeign({ path: "data.products.nodes.length", captured: 2, twin: 0 }, captured, foreign)).toBe(false);
    expect(concernsForeign({ path: "data.products.nodes[1].title", captured: "Mine", twin: "x" }, captured, foreign)).toBe(false);
    // page info follows from the objects of its connection
    expect(concernsForeign({ path: "data.products.pageInfo.endCursor", captured: "<cursor>", twin: null }, captured, foreign)).toBe(true);
    expect(concernsForeign({ path: "data.other.pageInfo.endCursor", captured: "<cursor>", twin: null }, { data: { other: { nodes: [] } } }, foreign)).toBe(false);
  });

  it("a mutation the twin refused at an input holding such an id, or naming it, is explained by it", () => {
    const variables = { metafields: [{ ownerId: "gid://shopify/Product/9" }, { ownerId: "gid://shopify/Product/1" }] };
    const refusal = (field: string[]) => ({ data: { metafieldsSet: { userErrors: [{ field, message: "Owner does not exist." }] } } });
    expect(twinRefusedForeign(refusal(["metafields", "0", "ownerId"]), variables, foreign)).toBe(true);
    expect(twinRefusedForeign(refusal(["metafields", "1", "ownerId"]), variables, foreign)).toBe(false);
    expect(twinRefusedForeign({ errors: [{ message: "Invalid id: gid://shopify/Product/9" }] }, {}, foreign)).toBe(true);
  });
});

describe("markets the recorded shop had (recorded-markets.ts)", () => {
  it("keeps the markets reads showed (with their recorded ids and values) and those a clean mutation used; never the scenario's own", () => {
    const markets = recordedMarkets([
      ex("$.read", { query: "query { markets(first: 5) { nodes { id name handle status type } } }", response: { data: { markets: { nodes: [{ id: "gid://shopify/Market/92276785458", name: "International", handle: "international", status: "ACTIVE", type: "REGION" }] } } } }),
      ex("$.set", { query: "mutation S($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { metafields { id } userErrors { field } } }", variables: { m: [{ ownerId: "gid://shopify/Market/7" }] }, response: { data: { metafieldsSet: { metafields: [{ id: "gid://shopify/Metafield/1" }], userErrors: [] } } } }),
      ex("$.create", { query: "mutation C { marketCreate(input: { name: \"New\" }) { market { id name } userErrors { field } } }", response: { data: { marketCreate: { market: { id: "gid://shopify/Market/8", name: "New" }, userErrors: [] } } } }),
      ex("$.readNew", { query: "query { market(id: \"gid://shopify/Market/8\") { id name } }", response: { data: { market: { id: "gid://shopify/Market/8", name: "New" } } } }),
    ]);
    expect(markets.map((m) => [m.id, m.name, m.handle])).toEqual([[92276785458, "International", "international"], [7, "Recorded market", "recorded-market-7"]]);
  });
});

describe("options, variants and media of products the recorded shop already had (hydrate-catalog.ts)", () => {
  const product = "gid://shopify/Product/10172011938098";
  const color = "gid://shopify/ProductOption/12718177845554";
  const size = "gid://shopify/ProductOption/12718177878322";
  const [red, blue, small] = ["gid://shopify/ProductOptionValue/7979025891634", "gid://shopify/ProductOptionValue/7979025924402", "gid://shopify/ProductOptionValue/7979025957170"];
  const optionsRead = { data: { product: {
    id: product, title: "Option reorder", status: "DRAFT",
    options: [
      { id: color, name: "Color", values: ["Red"], optionValues: [{ id: red, name: "Red", hasVariants: true }, { id: blue, name: "Blue", hasVariants: false }] },
      { id: size, name: "Size", values: ["Small"], optionValues: [{ id: small, name: "Small", hasVariants: true }] },
    ],
    variants: { nodes: [{ id: "gid://shopify/ProductVariant/51104997900594", title: "Red / Small", selectedOptions: [{ name: "Color", value: "Red" }, { name: "Size", value: "Small" }] }] },
  } } };
  const reorder = "mutation R($productId: ID!, $options: [OptionReorderInput!]!) { productOptionsReorder(productId: $productId, options: $options) { product { options { id name position values optionValues { id name hasVariants } } variants(first: 5) { nodes { id title } } } userErrors { field message code } } }";

  it("rebuilds the recorded options and variants and pairs their ids, so a mutation naming them by id is replayed", async () => {
    const steps = [
      ex("$.read", { querySource: "none", response: optionsRead }),
      ex("$.reorder", {
        query: reorder,
        variables: { productId: product, options: [{ id: size, values: [{ id: small }] }, { id: color, values: [{ id: blue }, { id: red }] }] },
        response: { data: { productOptionsReorder: { product: {
          options: [
            { id: size, name: "Size", position: 1, values: ["Small"], optionValues: [{ id: small, name: "Small", hasVariants: true }] },
            // as recorded (product-relationship-roots.json): value order kept despite the requested one
            { id: color, name: "Color", position: 2, values: ["Red"], optionValues: [{ id: red, name: "Red", hasVariants: true }, { id: blue, name: "Blue", hasVariants: false }] },
          ],
          variants: { nodes: [{ id: "gid://shopify/ProductVariant/51104997900594", title: "Small / Red" }] },
        }, userErrors: [] } }, extensions: cost(16) },
      }),
    ];
    const [owner] = preexistingOwners(steps);
    expect(owner!.catalog?.options?.map((o) => [o.name, o.values.map((v) => v.name)])).toEqual([["Color", ["Red", "Blue"]], ["Size", ["Small"]]]);
    const results = await replayScenario(capture, steps);
    expect(results.map((r) => r.outcome.status)).toEqual(["unreplayable", "passed"]);
  });

  it("takes a variant a clean mutation named beside a product no read showed as that product's one variant, unless a response shows it with options", () => {
    const append = (title?: string) => ex("$.append", {
      query: "mutation A($productId: ID!, $variantMedia: [ProductVariantAppendMediaInput!]!) { productVariantAppendMedia(productId: $productId, variantMedia: $variantMedia) { productVariants { id title } userErrors { field message } } }",
      variables: { productId: "gid://shopify/Product/7", variantMedia: [{ variantId: "gid://shopify/ProductVariant/8", mediaIds: [] }] },
      response: { data: { productVariantAppendMedia: { productVariants: [{ id: "gid://shopify/ProductVariant/8", ...(title ? { title } : {}) }], userErrors: [] } } },
    });
    expect(preexistingOwners([append()])[0]!.catalog).toEqual({ defaultVariant: "gid://shopify/ProductVariant/8" });
    expect(preexistingOwners([append("Red")])[0]!.catalog).toBeUndefined();
  });

  const media = "gid://shopify/MediaImage/44070841549106";
  const createMedia = "mutation C($productId: ID!, $media: [CreateMediaInput!]!) { productCreateMedia(productId: $productId, media: $media) { media { id } mediaUserErrors { field message } product { id media(first: 5) { nodes { id alt status } } } } }";
  const emptyCreate = (nodes: unknown[]) => ex("$.empty", {
    query: createMedia,
    variables: { productId: "gid://shopify/Product/10243947069746", media: [] },
    response: { data: { productCreateMedia: { media: [], mediaUserErrors: [], product: { id: "gid://shopify/Product/10243947069746", media: { nodes } } } }, extensions: cost(23) },
  });

  it("rebuilds READY media a mutation's answer first showed on such a product, waiting until the twin has processed it", async () => {
    const results = await replayScenario(capture, [emptyCreate([{ id: media, alt: "Front view", status: "READY" }])]);
    expect(results[0]!.outcome.status).toBe("passed");
  });

  it("never rebuilds media a response shows still processing (the scenario made it), nor media whose recorded URL the offline twin cannot fetch", () => {
    const made = emptyCreate([{ id: media, alt: "Front view", status: "READY" }]);
    const uploaded = ex("$.uploaded", { query: "query { product(id: \"x\") { id } }", response: { data: { node: { id: media, status: "UPLOADED" } } } });
    expect(preexistingOwners([made, uploaded])[0]!.catalog).toBeUndefined();
    expect(preexistingOwners([made])[0]!.catalog?.media?.map((m) => m.id)).toEqual([media]);
  });
});

describe("more of the recorded shop's starting state", () => {
  it("takes a market's countries from its region conditions, and never an id a remove merely named", () => {
    const markets = recordedMarkets([
      ex("$.read", { query: "query { markets(first: 1) { edges { node { id name handle conditions { regionsCondition { regions(first: 5) { edges { node { ... on MarketRegionCountry { code } } } } } } } } } }", response: { data: { markets: { edges: [{ node: { id: "gid://shopify/Market/5", name: "Canada", handle: "ca", conditions: { regionsCondition: { regions: { edges: [{ node: { code: "CA" } }] } } } } }] } } } }),
      ex("$.remove", { query: "mutation R($m: [ID!]!) { marketLocalizationsRemove(resourceId: \"gid://shopify/Metafield/1\", marketLocalizationKeys: [\"value\"], marketIds: $m) { marketLocalizations { key } userErrors { field } } }", variables: { m: ["gid://shopify/Market/999999999999"] }, response: { data: { marketLocalizationsRemove: { marketLocalizations: null, userErrors: [] } } } }),
    ]);
    expect(markets.map((m) => [m.id, m.countryCodes])).toEqual([[5, ["CA"]]]);
  });

  it("a locale a disable removed before any enable of it was there from the start", () => {
    const setup = scenarioSetup([
      ex("$.preCaptureDisable", { query: "mutation D($locale: String!) { shopLocaleDisable(locale: $locale) { locale userErrors { field } } }", variables: { locale: "fr" }, response: { data: { shopLocaleDisable: { locale: "fr", userErrors: [] } } } }),
    ]);
    expect(setup.locales?.map((l) => l.locale)).toEqual(["fr"]);
  });
});

describe("web presences the recorded shop had", () => {
  it("are taken from reads with their recorded ids, never the scenario's own", () => {
    const presences = recordedWebPresences([
      ex("$.read", { query: "query { webPresences(first: 5) { nodes { id subfolderSuffix defaultLocale { locale } alternateLocales { locale } } } }", response: { data: { webPresences: { nodes: [
        { id: "gid://shopify/MarketWebPresence/62842765618", subfolderSuffix: null, defaultLocale: { locale: "en" }, alternateLocales: [] },
        { id: "gid://shopify/MarketWebPresence/70", subfolderSuffix: "us", defaultLocale: { locale: "en" }, alternateLocales: [{ locale: "fr" }] },
        { id: "gid://shopify/MarketWebPresence/71", subfolderSuffix: "ca", defaultLocale: { locale: "en" }, alternateLocales: [] },
      ] } } } }),
      ex("$.create", { query: "mutation C { webPresenceCreate(input: { defaultLocale: \"en\", subfolderSuffix: \"ca\" }) { webPresence { id } userErrors { field } } }", response: { data: { webPresenceCreate: { webPresence: { id: "gid://shopify/MarketWebPresence/71" }, userErrors: [] } } } }),
    ]);
    expect(presences.map((p) => [p.id, p.subfolderSuffix, p.alternateLocales])).toEqual([[62842765618, null, []], [70, "us", ["fr"]]]);
  });
});
