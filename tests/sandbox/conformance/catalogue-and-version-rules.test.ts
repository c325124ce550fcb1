import { describe, expect, it } from "vitest";
import type { Exchange } from "../../../sandbox/conformance/normalize";
import { cancelRefusedOverRecordedCatalogue, continuesPinnedPositions, fileOfRecordedCatalogue, recordedOperationCounts, scenarioPinsOf, stillRunningOverRecordedCatalogue } from "../../../sandbox/conformance/judge/recorded-catalogue";
import { metafieldDefinitionStore, type MetafieldDefinitionRecord } from "../../../sandbox/shopify/content/metafield-definitions";
import { createShopifyState } from "../../../sandbox/shopify/state";
import { behaviourChangedSince } from "../../../sandbox/conformance/judge/version-drift";
import { recordedStandardDefinitions } from "../../../sandbox/conformance/rebuild/hydrate-standard-metafield-definitions";
import { recordedShop } from "../../../sandbox/conformance/rebuild/recorded-shop";
import { scenarioScopes } from "../../../sandbox/conformance/scopes";

// Not-comparable rules for differences that follow from the recorded shop's catalogue or from an
// API version's behaviour, and the rebuilding of shop state from recorded reads.

const ex = (path: string, over: Partial<Exchange>): Exchange => ({ path, name: path, shape: 4, querySource: "inline", variables: {}, status: 200, response: { data: {} }, ...over });
const op = (status: string, objectCount: string, file: string | null = null) => ({ status, objectCount, fileSize: file && "115969", url: file });

describe("a completed export's result file over the recorded catalogue (fileOfRecordedCatalogue)", () => {
  const captured = { data: { bulkOperation: op("COMPLETED", "1456", "https://storage.googleapis.com/x") } };
  it("explains the missing file when the twin's export of the same query found no rows", () => {
    const twin = { data: { bulkOperation: op("COMPLETED", "0") } };
    expect(fileOfRecordedCatalogue({ path: "data.bulkOperation.url", captured: "https://storage.googleapis.com/x", twin: null }, captured, twin, 0)).toBe(true);
    expect(fileOfRecordedCatalogue({ path: "data.bulkOperation.fileSize", captured: "115969", twin: null }, captured, twin, 0)).toBe(true);
  });
  it("not when the twin exported rows, is not done, or the scenario made as many objects", () => {
    expect(fileOfRecordedCatalogue({ path: "data.bulkOperation.url", captured: "u", twin: null }, captured, { data: { bulkOperation: op("COMPLETED", "3") } }, 0)).toBe(false);
    expect(fileOfRecordedCatalogue({ path: "data.bulkOperation.url", captured: "u", twin: null }, captured, { data: { bulkOperation: op("RUNNING", "0") } }, 0)).toBe(false);
    expect(fileOfRecordedCatalogue({ path: "data.bulkOperation.url", captured: "u", twin: null }, captured, { data: { bulkOperation: op("COMPLETED", "0") } }, 1456)).toBe(false);
    // another field of the operation is not a file
    expect(fileOfRecordedCatalogue({ path: "data.bulkOperation.status", captured: "COMPLETED", twin: null }, captured, { data: { bulkOperation: op("COMPLETED", "0") } }, 0)).toBe(false);
  });
});

describe("a cancel the twin refused because its smaller export had completed (cancelRefusedOverRecordedCatalogue)", () => {
  const captured = { data: { bulkOperationCancel: { bulkOperation: op("CANCELING", "5033"), userErrors: [] } } };
  const refused = { data: { bulkOperationCancel: { bulkOperation: op("COMPLETED", "0"), userErrors: [{ field: null, message: "A bulk operation cannot be canceled when it is completed" }] } } };
  const d = { path: "data.bulkOperationCancel.userErrors.length", captured: 0, twin: 1 };
  it("explains the refusal", () => {
    expect(cancelRefusedOverRecordedCatalogue(d, captured, refused, 0)).toBe(true);
  });
  it("not for another refusal, a captured refusal, or an operation the scenario's objects fill", () => {
    const other = { data: { bulkOperationCancel: { bulkOperation: null, userErrors: [{ field: ["id"], message: "Bulk operation does not exist" }] } } };
    expect(cancelRefusedOverRecordedCatalogue(d, captured, other, 0)).toBe(false);
    const capturedRefusal = { data: { bulkOperationCancel: { bulkOperation: op("COMPLETED", "5033"), userErrors: [{ message: "x" }] } } };
    expect(cancelRefusedOverRecordedCatalogue(d, capturedRefusal, refused, 0)).toBe(false);
    expect(cancelRefusedOverRecordedCatalogue(d, captured, refused, 5033)).toBe(false);
  });
});

describe("pinned positions continue the recorded shop's pinned list (continuesPinnedPositions)", () => {
  const path = "data.metafieldDefinitionCreate.createdDefinition.pinnedPosition";
  const twinAnswer = (pinnedPosition: number | null) => ({ data: { metafieldDefinitionCreate: { createdDefinition: { id: "gid://shopify/MetafieldDefinition/9", pinnedPosition } } } });
  const onePin = (g: string) => (g === "gid://shopify/MetafieldDefinition/9" ? 1 : undefined);

  it("explains a larger captured position where the twin's is the number of the scenario's own pins", () => {
    expect(continuesPinnedPositions({ path, captured: 3, twin: 1 }, twinAnswer(1), onePin)).toBe(true);
    expect(continuesPinnedPositions({ path, captured: 1, twin: 2 }, twinAnswer(2), () => 2)).toBe(false);
    expect(continuesPinnedPositions({ path, captured: 3, twin: null }, twinAnswer(null), onePin)).toBe(false);
    expect(continuesPinnedPositions({ path: path.replace("pinnedPosition", "position"), captured: 3, twin: 1 }, twinAnswer(1), onePin)).toBe(false);
  });

  it("does not explain a twin position that is not the count of the scenario's own pins (or a definition it cannot name)", () => {
    // the twin placed the definition after a pin the scenario did not make (or miscounted its own)
    expect(continuesPinnedPositions({ path, captured: 3, twin: 2 }, twinAnswer(2), onePin)).toBe(false);
    expect(continuesPinnedPositions({ path, captured: 3, twin: 1 }, { data: { metafieldDefinitionCreate: { createdDefinition: { pinnedPosition: 1 } } } }, onePin)).toBe(false);
    expect(continuesPinnedPositions({ path, captured: 3, twin: 1 }, twinAnswer(1), () => undefined)).toBe(false);
  });

  it("needs one gap for the whole scenario: the shop's own earlier pins are one number", () => {
    const gaps = new Set<number>();
    expect(continuesPinnedPositions({ path, captured: 3, twin: 1 }, twinAnswer(1), onePin, gaps)).toBe(true);
    expect(continuesPinnedPositions({ path, captured: 3, twin: 1 }, twinAnswer(1), onePin, gaps)).toBe(true);
    expect(continuesPinnedPositions({ path, captured: 5, twin: 1 }, twinAnswer(1), onePin, gaps)).toBe(false);
  });

  it("counts the pinned definitions of the owner type made from the scenario's first step on (scenarioPinsOf)", () => {
    const state = createShopifyState([]);
    const store = metafieldDefinitionStore(state);
    const def = (id: number, ownerType: string, pinnedPosition: number | null) => store.set(id, { id, shop: "s", ownerType, pinnedPosition } as MetafieldDefinitionRecord);
    def(5, "PRODUCT", 1); // rebuilt before the first step
    def(12, "PRODUCT", 2);
    def(13, "PRODUCT", null);
    def(14, "COLLECTION", 1);
    const pins = scenarioPinsOf(state, 10);
    expect(pins("gid://shopify/MetafieldDefinition/12")).toBe(1);
    expect(pins("gid://shopify/MetafieldDefinition/14")).toBe(1);
    expect(pins("gid://shopify/MetafieldDefinition/99")).toBeUndefined();
  });
});

describe("bulk concurrency changed between 2025-01 and 2026-04 (behaviourChangedSince)", () => {
  const refusal = (ids: string[]) => ex("$.secondRun", {
    response: { data: { bulkOperationRunQuery: { bulkOperation: null, userErrors: [{ field: null, message: `A bulk query operation for this app and shop is already in progress: ${ids.join(", ")}.`, code: "OPERATION_IN_PROGRESS" }] } } },
  });
  const accepted = { data: { bulkOperationRunQuery: { bulkOperation: { id: "gid://shopify/BulkOperation/9", status: "CREATED" }, userErrors: [] } } };
  const diffs = [
    { path: "data.bulkOperationRunQuery.bulkOperation", captured: null, twin: {} },
    { path: "data.bulkOperationRunQuery.userErrors.length", captured: 1, twin: 0 },
  ];
  it("explains a 2025-01 refusal while fewer than five operations ran, which the twin accepted", () => {
    expect(behaviourChangedSince("2025-01", refusal(["gid://shopify/BulkOperation/1"]), accepted, diffs)).toMatch(/2025-01 allowed one/);
  });
  it("not on 2026-04, not when five were running, not when another field differs", () => {
    expect(behaviourChangedSince("2026-04", refusal(["gid://shopify/BulkOperation/1"]), accepted, diffs)).toBeUndefined();
    const five = [1, 2, 3, 4, 5].map((n) => `gid://shopify/BulkOperation/${n}`);
    expect(behaviourChangedSince("2025-01", refusal(five), accepted, diffs)).toBeUndefined();
    expect(behaviourChangedSince("2025-01", refusal(["gid://shopify/BulkOperation/1"]), accepted, [...diffs, { path: "data.other", captured: 1, twin: 2 }])).toBeUndefined();
    const refusedToo = { data: { bulkOperationRunQuery: { bulkOperation: null, userErrors: [{ code: "INVALID", message: "x" }] } } };
    expect(behaviourChangedSince("2025-01", refusal(["gid://shopify/BulkOperation/1"]), refusedToo, diffs)).toBeUndefined();
  });
});

describe("standard metafield definitions the recorded shop had enabled (recordedStandardDefinitions)", () => {
  const definition = { id: "gid://shopify/MetafieldDefinition/5", namespace: "shopify", key: "color-pattern" };
  const read = ex("$.before", { query: "query R($ownerType: MetafieldOwnerType!, $namespace: String!, $key: String!) { metafieldDefinition(identifier: { ownerType: $ownerType, namespace: $namespace, key: $key }) { id namespace key } }", variables: { ownerType: "PRODUCT", namespace: "shopify", key: "color-pattern" }, response: { data: { metafieldDefinition: definition } } });
  const enable = ex("$.enable", { query: "mutation E { standardMetafieldDefinitionEnable(ownerType: PRODUCT, namespace: \"shopify\", key: \"color-pattern\") { createdDefinition { id } } }", response: { data: { standardMetafieldDefinitionEnable: { createdDefinition: { id: definition.id } } } } });
  const upstream = ex("$.upstream", { query: "query U { metafieldDefinitions(ownerType: PRODUCT, first: 5) { nodes { id namespace key ownerType } } }", response: { data: { metafieldDefinitions: { nodes: [{ ...definition, ownerType: "PRODUCT" }, { id: "gid://shopify/MetafieldDefinition/6", namespace: "shopify", key: "material", ownerType: "PRODUCT" }] } } } });
  it("takes one a read showed before any step changed it, with its owner type from upstream evidence", () => {
    expect(recordedStandardDefinitions([read, enable], [upstream])).toEqual([{ gid: definition.id, ownerType: "PRODUCT", namespace: "shopify", key: "color-pattern" }]);
  });
  it("not one shown only after the scenario enabled it, nor one without a known owner type, nor evidence alone", () => {
    expect(recordedStandardDefinitions([enable, read], [upstream])).toEqual([]);
    expect(recordedStandardDefinitions([read, enable], [])).toEqual([]);
    expect(recordedStandardDefinitions([], [upstream])).toEqual([]);
  });
});

describe("the recorded shop's email and address (recordedShop)", () => {
  const shopRead = (email: string, city?: string) => ex("$.shop", { query: "query { shop { email shopAddress { id city } } }", response: { data: { shop: { email, ...(city ? { shopAddress: { id: "gid://shopify/ShopAddress/1", city } } : {}) } } } });
  it("takes the scenario's read first, the upstream answer only where it showed nothing, and not the address id", () => {
    expect(recordedShop([shopRead("own@example.com")], [shopRead("upstream@example.com", "Ottawa")])).toEqual({ email: "own@example.com", address: { city: "Ottawa" } });
  });
  it("sets nothing no read showed", () => {
    expect(recordedShop([], [])).toEqual({});
  });
});

describe("an order's customer needs read_customers (scenarioScopes)", () => {
  const read = (errors?: unknown[]) => ex("$.hydrate", { query: "query H($id: ID!) { order(id: $id) { id name customer { id email } } }", variables: { id: "gid://shopify/Order/1" }, response: { data: { order: { id: "gid://shopify/Order/1", name: "#1", customer: null } }, ...(errors ? { errors } : {}) } });
  it("grants it to a scenario that read Order.customer", () => {
    expect(scenarioScopes([read()])).toEqual(["read_customers", "read_orders"]);
  });
  it("not when the recording app was denied it", () => {
    expect(scenarioScopes([read([{ message: "Access denied for customer field.", path: ["order", "customer"], extensions: { code: "ACCESS_DENIED" } }])])).toEqual(["read_orders"]);
  });
});

describe("an operation a later answer shows running over the recorded catalogue (stillRunningOverRecordedCatalogue)", () => {
  const id = "gid://shopify/BulkOperation/7";
  const poll = (objectCount: string) => ({ data: { bulkOperation: { id, status: "RUNNING", completedAt: null, objectCount } } });
  const counts = recordedOperationCounts([poll("0"), poll("5033")]);
  it("explains an earlier RUNNING poll (objectCount still 0) the twin answered COMPLETED", () => {
    expect(counts.get(id)).toBe(5033);
    expect(stillRunningOverRecordedCatalogue({ path: "data.bulkOperation.status", captured: "RUNNING", twin: "COMPLETED" }, poll("0"), 0, counts)).toBe(true);
    expect(stillRunningOverRecordedCatalogue({ path: "data.bulkOperation.completedAt", captured: null, twin: "2026-01-01T00:00:00Z" }, poll("0"), 0, counts)).toBe(true);
  });
  it("not for an operation no answer shows over the catalogue, a FAILED twin, or another field", () => {
    const small = recordedOperationCounts([poll("0"), poll("1")]);
    expect(stillRunningOverRecordedCatalogue({ path: "data.bulkOperation.status", captured: "RUNNING", twin: "COMPLETED" }, poll("0"), 1, small)).toBe(false);
    expect(stillRunningOverRecordedCatalogue({ path: "data.bulkOperation.status", captured: "RUNNING", twin: "FAILED" }, poll("0"), 0, counts)).toBe(false);
    expect(stillRunningOverRecordedCatalogue({ path: "data.bulkOperation.errorCode", captured: null, twin: "X" }, poll("0"), 0, counts)).toBe(false);
  });
});
