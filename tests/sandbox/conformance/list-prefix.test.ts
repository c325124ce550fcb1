import { describe, expect, it } from "vitest";
import { listPrefixObjects } from "../../../sandbox/conformance/rebuild/list-prefix";
import type { Exchange } from "../../../sandbox/conformance/normalize";

const read = (query: string, data: unknown): Exchange => ({ path: "$.read", name: "read", shape: 3, query, querySource: "inline", variables: {}, status: 200, response: { data } });
const page = (...ids: string[]) => ({ nodes: ids.map((resourceId) => ({ resourceId })) });

describe("listPrefixObjects (objects a whole list read shows from its start)", () => {
  it("takes the nodes of an unfiltered first: page, by id or resourceId, nodes or edges", () => {
    const ids = listPrefixObjects([
      read("query { resources: translatableResources(first: 1, resourceType: COLLECTION) { nodes { resourceId } } }", { resources: page("gid://shopify/Collection/1") }),
      read("query { products(first: 2) { edges { node { id } } } }", { products: { edges: [{ node: { id: "gid://shopify/Product/7" } }] } }),
    ]);
    expect([...ids]).toEqual(["gid://shopify/Collection/1", "gid://shopify/Product/7"]);
  });

  it("ignores searches, sorted, reversed or paged reads, id lists and mutations", () => {
    const narrowed = ["query: \"title:x\"", "sortKey: TITLE", "reverse: true", "after: \"c\""].map((arg) =>
      read(`query { products(first: 1, ${arg}) { nodes { id } } }`, { products: { nodes: [{ id: "gid://shopify/Product/1" }] } }));
    const byIds = read("query { translatableResourcesByIds(first: 1, resourceIds: [\"gid://shopify/Product/2\"]) { nodes { resourceId } } }", { translatableResourcesByIds: page("gid://shopify/Product/2") });
    const mutation = read("mutation { productCreate(product: { title: \"t\" }) { product { id } } }", { productCreate: { product: { id: "gid://shopify/Product/3" } } });
    expect(listPrefixObjects([...narrowed, byIds, mutation]).size).toBe(0);
  });
});
