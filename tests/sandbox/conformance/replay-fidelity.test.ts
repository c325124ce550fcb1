import { describe, expect, it } from "vitest";
import { normalizeCapture, placeCleanups, type Exchange } from "../../../sandbox/conformance/normalize";
import { scenarioSetup } from "../../../sandbox/conformance/rebuild/preconditions";
import { fits, reconstructQueries, selectsUnconditionally } from "../../../sandbox/conformance/reconstruct";
import { CATEGORY, UPLOAD_CATEGORY, learnIds, learnStagedTargets, objectKey, replayScenario, rewriteIds, type StagedTargetPair } from "../../../sandbox/conformance/replay";
import { canonicalize } from "../../../sandbox/conformance/volatile";

// How the harness replays what Shopify saw: setup steps without query text, staged uploads,
// cleanup placement, ids inside strings, locale preconditions, upload-target volatility and
// documents edited after recording.

const capture = { file: "harry-test-heelo.myshopify.com/2026-04/x/test.json", shop: "harry-test-heelo.myshopify.com", apiVersion: "2026-04", domain: "x" };
const ex = (path: string, over: Partial<Exchange>): Exchange => ({ path, name: path, shape: 4, querySource: "inline", variables: {}, status: 200, response: { data: {} }, ...over });

describe("setup steps without query text (1)", () => {
  const created = { productCreate: { product: { id: "gid://shopify/Product/10252752552242", title: "T" }, userErrors: [] } };
  const doc = "mutation C($product: ProductCreateInput!) { productCreate(product: $product) { product { id title } userErrors { field message } } }";

  it("accepts only a document that answers exactly the captured fields with the recorded variables", () => {
    expect(fits(doc, { product: { title: "T" } }, created)).toBe(true);
    // selects more (handle) than the capture holds
    expect(fits(doc.replace("id title", "id title handle"), { product: { title: "T" } }, created)).toBe(false);
    // selects less
    expect(fits(doc.replace("id title", "id"), { product: { title: "T" } }, created)).toBe(false);
    // a recorded variable the document does not define, or a required one not recorded
    expect(fits(doc, { product: {}, extra: 1 }, created)).toBe(false);
    expect(fits(doc, {}, created)).toBe(false);
    // another root field
    expect(fits(doc.replace(/productCreate/g, "productUpdate"), { product: {} }, created)).toBe(false);
  });

  it("a fragment on the parent's own type is unconditional (localization-shop-locale-primary-guards.json)", () => {
    // webPresences nodes recorded with only `id`; the document spreads a MarketWebPresence fragment that selects more
    const spread = "fragment F on MarketWebPresence { id subfolderSuffix } query W($first: Int!) { webPresences(first: $first) { nodes { ...F } } }";
    const onlyIds = { webPresences: { nodes: [{ id: "gid://shopify/MarketWebPresence/1" }] } };
    expect(fits(spread, { first: 5 }, onlyIds)).toBe(false);
    expect(fits(spread.replace("id subfolderSuffix", "id"), { first: 5 }, onlyIds)).toBe(true);
    expect(fits(spread.replace("{ ...F }", "{ ... on MarketWebPresence { id subfolderSuffix } }").replace("fragment F on MarketWebPresence { id subfolderSuffix } ", ""), { first: 5 }, onlyIds)).toBe(false);
    expect(selectsUnconditionally(spread, "webPresences.nodes.subfolderSuffix")).toBe(true);
    // a fragment on a type the parent may not be stays conditional: its fields may be absent
    const node = "query N($id: ID!) { node(id: $id) { id ... on Product { title } } }";
    expect(fits(node, { id: "gid://shopify/Collection/1" }, { node: { id: "gid://shopify/Collection/1" } })).toBe(true);
    expect(selectsUnconditionally(node, "node.title")).toBe(false);
    // a fragment on an interface an object type implements applies to it
    expect(selectsUnconditionally("fragment G on Node { id } query P($id: ID!) { product(id: $id) { ...G } }", "product.id")).toBe(true);
  });

  it("fills in the query from the pool and marks it reconstructed; no fit stays unrecorded", () => {
    const steps = normalizeCapture({ setup: { createProduct: { request: { variables: { product: { title: "T" } } }, response: { data: created } } } });
    expect(steps[0]!.querySource).toBe("none");
    const [step] = reconstructQueries(steps, [{ query: doc.replace("id title", "id"), source: "a.graphql" }, { query: doc, source: "b.graphql" }]);
    expect(step).toMatchObject({ query: doc, querySource: "reconstructed", documentPath: "b.graphql" });
    // no recorded document fits: the query the response's shape allows is written (synthesize.ts)
    expect(reconstructQueries(steps, [{ query: doc.replace("id title", "id"), source: "a.graphql" }])[0]!.querySource).toBe("synthesized");
    // and where the shape leaves a choice open (an alias), the step stays unrecorded
    const aliased = normalizeCapture({ setup: { createProduct: { request: { variables: { product: { title: "T" } } }, response: { data: { made: created.productCreate } } } } });
    expect(reconstructQueries(aliased, [{ query: doc, source: "b.graphql" }])[0]!.querySource).toBe("none");
  });

  it("classifies exchanges using an unreplayable step's objects as depending on it", async () => {
    const results = await replayScenario(capture, [
      ex("$.setup.productCreate", { querySource: "none", response: { data: created } }),
      ex("$.read", { query: "query R($id: ID!) { product(id: $id) { title } }", variables: { id: "gid://shopify/Product/10252752552242" }, response: { data: { product: { title: "T" } } } }),
    ]);
    expect(results[0]!.outcome.status).toBe("unreplayable");
    expect(results[1]!.outcome).toMatchObject({ status: "incomparable", category: CATEGORY.unreplayableSetup, detail: "$.setup.productCreate (gid://shopify/Product)" });
  });
});

describe("staged uploads (2)", () => {
  it("normalizes upload/uploadContent siblings into an upload step in document order", () => {
    const steps = normalizeCapture({
      setup: {
        stagedUpload: { query: "mutation S { stagedUploadsCreate(input: []) { userErrors { message } } }", response: { data: { stagedUploadsCreate: { userErrors: [] } } } },
        upload: { status: 201, body: "<PostResponse><Key>tmp/1/bulk/u/f.jsonl</Key></PostResponse>" },
        uploadContent: "{\"a\":1}\n",
      },
      oversizedUpload: { status: 200, body: "", sizeBytes: 9 },
    });
    expect(steps.map((s) => [s.path, s.shape])).toEqual([["$.setup.stagedUpload", 3], ["$.setup.upload", "upload"], ["$.oversizedUpload", "upload"]]);
    expect(steps[1]!.upload).toEqual({ status: 201, content: "{\"a\":1}\n", key: "tmp/1/bulk/u/f.jsonl" });
    expect(steps[2]!.upload).toEqual({ status: 200, sizeBytes: 9 });
  });

  it("pairs captured and twin keys/URLs, so stagedUploadPath is rewritten to the twin's key", () => {
    const params = (key: string) => [{ name: "Content-Type", value: "text/jsonl" }, { name: "key", value: key }];
    const targets: StagedTargetPair[] = [];
    const strings = new Map<string, string>();
    learnStagedTargets(
      { stagedUploadsCreate: { stagedTargets: [{ url: "https://shopify-staged-uploads.storage.googleapis.com/", resourceUrl: "https://shopify-staged-uploads.storage.googleapis.com/", parameters: params("tmp/9289/bulk/a/f.jsonl") }] } },
      { stagedUploadsCreate: { stagedTargets: [{ url: "http://127.0.0.1:1/staged-uploads/", resourceUrl: "http://127.0.0.1:1/staged-uploads/", parameters: params("tmp/63/bulk/b/f.jsonl") }] } },
      targets,
      strings,
    );
    expect(targets).toHaveLength(1);
    expect(JSON.parse(rewriteIds(JSON.stringify({ path: "tmp/9289/bulk/a/f.jsonl" }), new Map(), strings))).toEqual({ path: "tmp/63/bulk/b/f.jsonl" });
    expect(objectKey({ url: "https://shopify-staged-uploads.storage.googleapis.com/tmp/9289/files/u/a%20b.png?X-Goog-Signature=1" })).toBe("tmp/9289/files/u/a b.png");
    expect(objectKey({ url: "http://127.0.0.1:1/staged-uploads/tmp/63/files/u/x.png?X-Goog-Signature=1" })).toBe("tmp/63/files/u/x.png");
  });

  it("uploads the recorded bytes to the twin's target and compares the storage's status", async () => {
    const staged = "mutation S($input: [StagedUploadInput!]!) { stagedUploadsCreate(input: $input) { stagedTargets { url resourceUrl parameters { name value } } userErrors { field message } } }";
    const input = [{ filename: "f.jsonl", mimeType: "text/jsonl", resource: "BULK_MUTATION_VARIABLES", httpMethod: "POST" }];
    const captured = { stagedUploadsCreate: { stagedTargets: [{ url: "https://shopify-staged-uploads.storage.googleapis.com/", resourceUrl: "https://shopify-staged-uploads.storage.googleapis.com/", parameters: [{ name: "key", value: "tmp/9/bulk/u/f.jsonl" }] }], userErrors: [] } };
    const results = await replayScenario(capture, [
      ex("$.setup.stagedUpload", { query: staged, variables: { input }, response: { data: captured } }),
      ex("$.setup.upload", { shape: "upload", querySource: "none", status: 201, upload: { status: 201, content: "{\"product\":{\"title\":\"x\"}}\n", key: "tmp/9/bulk/u/f.jsonl" } }),
      ex("$.later.upload", { shape: "upload", querySource: "none", status: 200, upload: { status: 200, sizeBytes: 5 } }),
    ]);
    expect(results[1]!.outcome).toEqual({ status: "passed" });
    expect(results[2]!.outcome).toMatchObject({ status: "unreplayable", category: UPLOAD_CATEGORY.noBytes });
  });
});

describe("cleanup placement (3)", () => {
  it("moves a nested cleanup after the last exchange naming its objects; others keep their place", () => {
    const id = "gid://shopify/WebhookSubscription/1928258978098";
    const order = placeCleanups([
      ex("$.setup.create", {}),
      ex("$.setup.cleanup", { variables: { id } }),
      ex("$.cases.a", { variables: { id } }),
      ex("$.cases.b", { variables: { filter: "id:1928258978098" } }),
      ex("$.cases.c", {}),
      ex("$.cleanupBefore[0]", { variables: { id: "gid://shopify/X/5" } }),
    ]).map((e) => e.path);
    expect(order).toEqual(["$.setup.create", "$.cases.a", "$.cases.b", "$.setup.cleanup", "$.cases.c", "$.cleanupBefore[0]"]);
  });
});

describe("ids inside strings (4)", () => {
  it("maps numeric ids in search strings and cursors to the twin's", () => {
    const ids = new Map<string, string>();
    const cursors = new Map<string, string>();
    learnIds(
      { bulkOperation: { id: "gid://shopify/BulkOperation/8072963391794" }, files: { pageInfo: { endCursor: "eyJsYXN0X2lkIjo0Mzk4OTI2NjU5NjE0Nn0=" } } },
      { bulkOperation: { id: "gid://shopify/BulkOperation/3" }, files: { pageInfo: { endCursor: "eyJ0d2luIjozfQ==" } } },
      ids,
      cursors,
    );
    expect(rewriteIds(`bulkOperations(query: "id:8072963391794") { nodes { id } }`, ids, cursors)).toBe(`bulkOperations(query: "id:3") { nodes { id } }`);
    expect(JSON.parse(rewriteIds(JSON.stringify({ after: "eyJsYXN0X2lkIjo0Mzk4OTI2NjU5NjE0Nn0=", n: "80729633917940" }), ids, cursors))).toEqual({ after: "eyJ0d2luIjozfQ==", n: "80729633917940" });
  });
});

describe("locale preconditions (5, 6)", () => {
  const enable = (locale: string, data: unknown) => ex(`$.${locale}`, { query: "mutation E($locale: String!) { shopLocaleEnable(locale: $locale) { shopLocale { locale } userErrors { message } } }", variables: { locale }, response: { data: data as Record<string, unknown> } });
  const taken = { shopLocaleEnable: { shopLocale: null, userErrors: [{ field: ["locale"], message: "Locale has already been taken" }] } };

  it("does not pre-enable a locale the scenario enabled itself before the refusal", () => {
    const setup = scenarioSetup([enable("fr", { shopLocaleEnable: { shopLocale: { locale: "fr" }, userErrors: [] } }), enable("fr", taken), enable("es", taken)]);
    expect(setup.locales?.map((l) => l.locale)).toEqual(["es"]);
  });

  it("infers published locales from ShopLocale objects in responses when no step enabled them", () => {
    const create = ex("$.create", {
      query: "mutation W { webPresenceCreate(input: {}) { webPresence { alternateLocales { locale name primary published } } } }",
      response: { data: { webPresenceCreate: { webPresence: { alternateLocales: [{ locale: "pt-BR", name: "Portuguese (Brazil)", primary: false, published: true }] } } } },
    });
    expect(scenarioSetup([create]).locales).toEqual([{ locale: "pt-BR", name: "Portuguese (Brazil)", primary: false, published: true }]);
    // a locale the scenario enabled before it shows up is the scenario's own
    const own = enable("pt-BR", { shopLocaleEnable: { shopLocale: { locale: "pt-BR", name: "Portuguese (Brazil)", primary: false, published: false }, userErrors: [] } });
    expect(scenarioSetup([own, create]).locales).toEqual([]);
  });
});

describe("upload volatility (7)", () => {
  it("treats the twin's signed staged target like a signed GCS URL, nothing else", () => {
    expect(canonicalize(["data", "url"], "http://127.0.0.1:4321/staged-uploads/tmp/1/files/u/a.png?X-Goog-Signature=ab")).toBe("<signed-storage-url>");
    expect(canonicalize(["data", "url"], "https://shopify-staged-uploads.storage.googleapis.com/tmp/9/files/u/a.png?X-Goog-Signature=cd")).toBe("<signed-storage-url>");
    // a CDN file URL is no signed storage URL (it is compared by file name: cdn-file-urls)
    expect(canonicalize(["data", "url"], "http://127.0.0.1:4321/cdn/shopify/s/files/1/1/files/a.png")).toBe("<cdn>/files/a.png");
  });

  it("treats x-goog-date stamps and credential scopes by kind; other parameters stay exact", () => {
    const at = ["data", "stagedUploadsCreate", "stagedTargets", 0, "parameters", 4, "value"];
    expect(canonicalize(at, "20260505T200341Z")).toBe(canonicalize(at, "20261125T121500Z"));
    expect(canonicalize(at, "merchant-assets@shopify-tiers.iam.gserviceaccount.com/20260507/auto/storage/goog4_request")).toBe(
      canonicalize(at, "tessera-sandbox@staged-uploads.local/20261125/auto/storage/goog4_request"),
    );
    expect(canonicalize(at, "a@b/20260507/auto/storage/other")).toBe("a@b/20260507/auto/storage/other");
    expect(canonicalize(at, "text/jsonl")).toBe("text/jsonl");
    expect(canonicalize(at, "2026-05-05")).not.toBe("<signing-date-time>");
  });
});

const COST = { cost: { requestedQueryCost: 1, actualQueryCost: 1, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1999, restoreRate: 100 } } };

describe("documents edited after recording (8)", () => {
  it("classifies a captured response lacking fields the current document selects", async () => {
    const [result] = await replayScenario(capture, [
      ex("$.read", { querySource: "documentPath", documentPath: "config/x.graphql", query: "query { shop { name currencyCode } }", response: { data: { shop: { name: "harry-test-heelo" } }, extensions: COST } }),
    ]);
    expect(result!.outcome).toMatchObject({ status: "incomparable", category: CATEGORY.documentChanged, detail: "config/x.graphql selects data.shop.currencyCode" });
  });

  it("stays a failure when another difference sits beside the document change", async () => {
    const [result] = await replayScenario(capture, [
      ex("$.read", { querySource: "documentPath", documentPath: "config/x.graphql", query: "query { shop { name currencyCode } }", response: { data: { shop: { name: "another-shop" } }, extensions: COST } }),
    ]);
    expect(result!.outcome).toMatchObject({ status: "failed", category: CATEGORY.differs });
  });

  it("keeps inline queries (exactly what was sent) as a plain difference", async () => {
    const [result] = await replayScenario(capture, [ex("$.read", { query: "query { shop { name currencyCode } }", response: { data: { shop: { name: "harry-test-heelo" } } } })]);
    expect(result!.outcome).toMatchObject({ status: "failed", category: CATEGORY.differs });
  });
});

describe("refinements", () => {
  it("a field under a type condition is not a document change (the object's type differs)", async () => {
    const { selectsUnconditionally } = await import("../../../sandbox/conformance/reconstruct");
    const q = "query { files(first: 1) { nodes { id ... on MediaImage { image { url } } } } }";
    expect(selectsUnconditionally(q, "files.nodes[0].id")).toBe(true);
    expect(selectsUnconditionally(q, "files.nodes[0].image")).toBe(false);
  });

  it("objects an unreplayable read only saw are not the step's own", async () => {
    const results = await replayScenario(capture, [
      ex("$.preconditionRead", { querySource: "none", response: { data: { product: { id: "gid://shopify/Product/77" } } } }),
      ex("$.read", { query: "query R($id: ID!) { product(id: $id) { title } }", variables: { id: "gid://shopify/Product/77" }, response: { data: { product: { title: "T" } } } }),
    ]);
    expect(results[1]!.outcome.status).toBe("failed");
    expect((results[1]!.outcome as { category: string }).category).not.toBe(CATEGORY.unreplayableSetup);
  });
});

describe("index ordering keeps unindexed followers with their step (3)", () => {
  it("moves a late-stored, early-indexed step without tearing create/read/delete apart", () => {
    const step = (root: string, extra: Record<string, unknown> = {}) => ({ ...extra, documentPath: "config/x.graphql", variables: {}, response: { status: 200, payload: { data: { [root]: { id: "gid://shopify/X/1" } } } } });
    const order = normalizeCapture(
      { a: { create: step("c"), detail: step("d"), delete: step("x") }, late: step("v") },
      {
        readDocument: () => "query Q { shop { id } }",
        index: [{ targets: [{ capturePath: "$.late.response.payload.data" }, { capturePath: "$.a.create.response.payload.data" }, { capturePath: "$.a.detail.response.payload.data" }, { documentPath: "_requests/config/x.graphql" }] }],
      },
    ).map((e) => e.path);
    expect(order).toEqual(["$.late", "$.a.create", "$.a.detail", "$.a.delete"]);
  });
});

describe("index order that contradicts the recording (3)", () => {
  it("falls back to document order when the index would use an object before the step that created it", () => {
    const step = (data: Record<string, unknown>, variables: Record<string, unknown> = {}) => ({ documentPath: "config/x.graphql", variables, response: { status: 200, payload: { data } } });
    const order = normalizeCapture(
      { run: step({ run: { id: "gid://shopify/BulkOperation/5" } }), cancel: step({ cancel: { id: "gid://shopify/BulkOperation/5" } }, { id: "gid://shopify/BulkOperation/5" }) },
      {
        readDocument: () => "query Q { shop { id } }",
        index: [{ targets: [{ capturePath: "$.cancel.response.payload.data" }, { capturePath: "$.run.response.payload.data" }, { documentPath: "_requests/config/x.graphql" }] }],
      },
    ).map((e) => e.path);
    expect(order).toEqual(["$.run", "$.cancel"]);
  });
});
