import { describe, expect, it } from "vitest";
import { usesAfterDelete, type Exchange } from "../../../sandbox/conformance/normalize";
import { selectsAtAll } from "../../../sandbox/conformance/reconstruct";
import { diffBodies } from "../../../sandbox/conformance/compare";
import { changesNothing, replayScenario, settle, withEchoedIds } from "../../../sandbox/conformance/replay";
import type { TwinReply } from "../../../sandbox/conformance/twin";
import { outsideListedDomains } from "../../../sandbox/conformance/scope";

// Which exchanges the conformance line counts (the listed domains), and how reads of
// asynchronous work are polled the way the recorder polled them.

const capture = { file: "harry-test-heelo.myshopify.com/2026-04/x/test.json", shop: "harry-test-heelo.myshopify.com", apiVersion: "2026-04", domain: "x" };
// Cost numbers are volatile in the comparison; the bucket's size and restore rate are not.
const body = (data: Record<string, unknown>) => ({ data, extensions: { cost: { requestedQueryCost: 1, actualQueryCost: 1, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1999, restoreRate: 100 } } } });
const ex = (path: string, over: Partial<Exchange>): Exchange => ({ path, name: path, shape: 4, querySource: "inline", variables: {}, status: 200, response: { data: {} }, ...over });

describe("listed domains (scope.ts)", () => {
  it("keeps the issue's domains in", () => {
    expect(outsideListedDomains({ query: "query { products(first: 1) { nodes { id variants(first: 1) { nodes { price } } } } }", variables: {} })).toBeUndefined();
    expect(outsideListedDomains({ query: "mutation M($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { userErrors { field } } }", variables: { m: [{ ownerId: "gid://shopify/Product/1" }] } })).toBeUndefined();
    expect(outsideListedDomains({ query: "query { order(id: \"gid://shopify/Order/1\") { customer { id } } }", variables: {} })).toBeUndefined();
  });

  it("puts neighbouring features out by root field, by returned type and by the objects a request names", () => {
    expect(outsideListedDomains({ query: "mutation { pageCreate(page: { title: \"x\" }) { page { id } } }", variables: {} })).toBe("Mutation.pageCreate");
    // inventory items belong to variants (listed); their levels at locations do not
    expect(outsideListedDomains({ query: "query { productVariant(id: \"gid://shopify/ProductVariant/1\") { inventoryItem { id } } }", variables: {} })).toBeUndefined();
    expect(outsideListedDomains({ query: "query { productVariant(id: \"gid://shopify/ProductVariant/1\") { inventoryItem { inventoryLevels(first: 1) { nodes { id } } } } }", variables: {} })).toBe("InventoryItem.inventoryLevels");
    expect(outsideListedDomains({ query: "mutation M($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { userErrors { field } } }", variables: { m: [{ ownerId: "gid://shopify/Page/7" }] } })).toBe("names a gid://shopify/Page");
  });

  it("marks replay results outside, without changing how they are judged", async () => {
    const results = await replayScenario(capture, [
      ex("$.page", { query: "query P { pages(first: 1) { nodes { id } } }", response: { data: { pages: { nodes: [] } } } }),
      ex("$.shop", { query: "query S { shop { taxShipping } }", response: body({ shop: { taxShipping: false } }) }),
    ]);
    expect(results[0]).toMatchObject({ outside: "QueryRoot.pages" });
    expect(results[1]).toMatchObject({ outcome: { status: "passed" } });
    expect(results[1]!.outside).toBeUndefined();
  });
});

describe("reads of asynchronous work are polled like the recorder polled (settle)", () => {
  const captured = body({ node: { status: "COMPLETED", type: "QUERY" } });
  const judgeReply = (reply: TwinReply) => diffBodies(captured, reply.body);
  // A twin whose operation moves on after `after` sends; each call answers the next state.
  const scripted = (states: string[], type = "QUERY") => {
    let sent = 0;
    const send = async (): Promise<TwinReply> => ({ status: 200, body: body({ node: { status: states[Math.min(sent++, states.length - 1)], type } }) });
    return { send, sent: () => sent };
  };

  it("sends a read again until it shows the recorded state", async () => {
    const twin = scripted(["CREATED", "RUNNING", "COMPLETED"]);
    const { diffs } = await settle(twin.send, judgeReply, true);
    expect(diffs).toEqual([]);
    expect(twin.sent()).toBe(3);
  });

  it("never sends a mutation twice", async () => {
    const twin = scripted(["CREATED", "COMPLETED"]);
    const { diffs } = await settle(twin.send, judgeReply, false);
    expect(diffs.map((d) => d.path)).toEqual(["data.node.status"]);
    expect(twin.sent()).toBe(1);
  });

  it("gives up after the window when the state never comes", async () => {
    const twin = scripted(["RUNNING"]);
    const { diffs } = await settle(twin.send, judgeReply, true, 500);
    expect(diffs.map((d) => d.path)).toEqual(["data.node.status"]);
    expect(twin.sent()).toBeGreaterThan(1);
  });

  it("polls fields that change together with a status (an operation's result appears when it completes)", async () => {
    let sent = 0;
    const withResult = body({ node: { status: "COMPLETED", type: "QUERY", product: { id: "gid://shopify/Product/1" } } });
    const send = async (): Promise<TwinReply> => ({ status: 200, body: body({ node: sent++ ? { status: "COMPLETED", type: "QUERY", product: { id: "gid://shopify/Product/1" } } : { status: "ACTIVE", type: "QUERY", product: null } }) });
    const { diffs } = await settle(send, (r) => diffBodies(withResult, r.body), true);
    expect(diffs).toEqual([]);
    expect(sent).toBe(2);
  });

  it("judges any other difference at once", async () => {
    let sent = 0;
    const elsewhere = body({ node: { status: "COMPLETED", type: "QUERY" }, shop: { name: "Recorded" } });
    const send = async (): Promise<TwinReply> => ({ status: 200, body: body({ node: { status: sent++ ? "COMPLETED" : "RUNNING", type: "QUERY" }, shop: { name: "Twin" } }) });
    const { diffs } = await settle(send, (r) => diffBodies(elsewhere, r.body), true);
    expect(diffs.map((d) => d.path)).toEqual(["data.node.status", "data.shop.name"]);
    expect(sent).toBe(1);
  });
});

describe("recording order and documents", () => {
  const step = (path: string, query: string, variables: Record<string, unknown>, data: Record<string, unknown>): Exchange => ex(path, { query, variables, response: { data } });
  it("an order that uses an object after the step that deleted it is not the recording order", () => {
    const del = step("$.delete", "mutation D($id: ID!) { fileDelete(fileIds: [$id]) { deletedFileIds } }", { id: "gid://shopify/MediaImage/1" }, { fileDelete: { deletedFileIds: ["gid://shopify/MediaImage/1"] } });
    const ack = step("$.ack", "mutation A($id: ID!) { fileAcknowledgeUpdateFailed(fileIds: [$id]) { files { id } } }", { id: "gid://shopify/MediaImage/1" }, { fileAcknowledgeUpdateFailed: { files: [] } });
    expect(usesAfterDelete([del, ack])).toBe(true);
    expect(usesAfterDelete([ack, del])).toBe(false);
  });

  it("a document that does not select a field the capture holds is not the one that was sent", () => {
    expect(selectsAtAll("query Q { node(id: \"x\") { ... on Metafield { value } } }", "node.value")).toBe(true);
    expect(selectsAtAll("query Q { node(id: \"x\") { ... on Metafield { value } } }", "node.compareDigest")).toBe(false);
  });
});

describe("reads stored without their variables", () => {
  it("take an unrecorded id argument from the object the captured answer returned", () => {
    const read = ex("$.read", { query: "query R($productId: ID!) { product(id: $productId) { id title } }", response: { data: { product: { id: "gid://shopify/Product/5", title: "T" } } } });
    expect(withEchoedIds(read)).toEqual({ productId: "gid://shopify/Product/5" });
    expect(withEchoedIds({ ...read, variables: { productId: "gid://shopify/Product/6" } })).toEqual({ productId: "gid://shopify/Product/6" });
    expect(withEchoedIds({ ...read, query: read.query!.replace("query R", "mutation R") })).toEqual({});
  });
});

describe("updates that change nothing may be re-sent like reads", () => {
  const update = (variables: Record<string, unknown>, query = "mutation U($productId: ID!, $media: [UpdateMediaInput!]!) { productUpdateMedia(productId: $productId, media: $media) { media { status } } }") =>
    ex("$.u", { query, variables });
  it("only when every input is an id", () => {
    expect(changesNothing(update({ productId: "gid://shopify/Product/1", media: [{ id: "gid://shopify/MediaImage/2" }] }))).toBe(true);
    expect(changesNothing(update({ productId: "gid://shopify/Product/1", media: [{ id: "gid://shopify/MediaImage/2", alt: "new" }] }))).toBe(false);
    expect(changesNothing(update({ product: { id: "gid://shopify/Product/1" } }, "mutation C($product: ProductCreateInput!) { productCreate(product: $product) { product { id } } }"))).toBe(false);
  });
});
