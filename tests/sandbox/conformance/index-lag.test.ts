import { describe, expect, it } from "vitest";
import type { Exchange } from "../../../sandbox/conformance/normalize";
import { listIndexLagged } from "../../../sandbox/conformance/judge/index-lag";

// A metaobject list Shopify served from an index that had not caught up with a write
// (metaobject-schema-change-lifecycle.json): judged only where the same captured answer shows (by id)
// or counts the objects the list left out, and the twin's answer without them equals the capture.

const gid = (n: number) => `gid://shopify/Metaobject/${n}`;
const entry = (n: number, name = `Entry ${n % 100}`) => ({ id: gid(n), displayName: name });
const conn = (items: ReturnType<typeof entry>[], hasNextPage = false) => ({
  edges: items.map((node) => ({ cursor: `c${node.id}`, node })),
  nodes: items,
  pageInfo: { hasNextPage, startCursor: items.length ? "first" : null, endCursor: items.length ? "last" : null },
});
const QUERY = `query R($id: ID!, $type: String!) {
  detail: metaobject(id: $id) { id displayName }
  catalog: metaobjects(type: $type, first: 10, sortKey: "display_name") { edges { cursor node { id displayName } } nodes { id displayName } pageInfo { hasNextPage startCursor endCursor } }
  definition: metaobjectDefinitionByType(type: $type) { type metaobjectsCount }
}`;
const read = (data: Record<string, unknown>, query = QUERY, variables: Record<string, unknown> = { id: gid(1), type: "t" }): Exchange =>
  ({ path: "$.read", name: "read", shape: 4, querySource: "inline", query, variables, status: 200, response: { data } });
// captured gid -> twin gid
const ids = new Map([[gid(1), gid(101)], [gid(2), gid(102)]]);
const twin = (items: ReturnType<typeof entry>[], count: number, detail = entry(101)) => ({ data: { detail, catalog: conn(items), definition: { type: "t", metaobjectsCount: count } } });

describe("a metaobject list whose index lagged behind a write (index-lag.ts)", () => {
  it("explains an empty page when the same answer reads the entry by id", () => {
    const captured = read({ detail: entry(1), catalog: conn([]), definition: { type: "t", metaobjectsCount: 1 } });
    expect(listIndexLagged(captured, 200, twin([entry(101)], 1), ids)).toEqual([gid(1)]);
  });
  it("explains a page short of an entry the same answer counts", () => {
    const captured = read({ detail: entry(1), catalog: conn([entry(1)]), definition: { type: "t", metaobjectsCount: 2 } });
    expect(listIndexLagged(captured, 200, twin([entry(102), entry(101)], 2), ids)).toEqual([gid(2)]);
  });
  it("not when nothing in the answer shows or counts the left-out entry", () => {
    const captured = read({ detail: entry(1), catalog: conn([entry(1)]), definition: { type: "t", metaobjectsCount: 1 } });
    expect(listIndexLagged(captured, 200, twin([entry(102), entry(101)], 1), ids)).toBeUndefined();
  });
  it("not when any other value differs (the twin's count, an entry's value, the entry read by id)", () => {
    const captured = read({ detail: entry(1), catalog: conn([entry(1)]), definition: { type: "t", metaobjectsCount: 2 } });
    expect(listIndexLagged(captured, 200, twin([entry(102), entry(101)], 3), ids)).toBeUndefined();
    expect(listIndexLagged(captured, 200, twin([entry(102), entry(101, "renamed")], 2), ids)).toBeUndefined();
    expect(listIndexLagged(captured, 200, twin([entry(102), entry(101)], 2, entry(101, "renamed")), ids)).toBeUndefined();
  });
  it("not when the captured list holds an entry the twin's lacks, or the twin's holds one the recording never showed", () => {
    const captured = read({ detail: entry(1), catalog: conn([entry(1), entry(2)]), definition: { type: "t", metaobjectsCount: 2 } });
    expect(listIndexLagged(captured, 200, twin([entry(101)], 2), ids)).toBeUndefined();
    const one = read({ detail: entry(1), catalog: conn([entry(1)]), definition: { type: "t", metaobjectsCount: 2 } });
    expect(listIndexLagged(one, 200, twin([entry(103), entry(101)], 2), ids)).toBeUndefined();
  });
  it("not for a filtered, later or incomplete page, nor a mutation", () => {
    const data = { detail: entry(1), catalog: conn([]), definition: { type: "t", metaobjectsCount: 1 } };
    const filtered = QUERY.replace('sortKey: "display_name"', 'query: "display_name:x"');
    expect(listIndexLagged(read(data, filtered), 200, twin([entry(101)], 1), ids)).toBeUndefined();
    const after = QUERY.replace('sortKey: "display_name"', 'after: "abc"');
    expect(listIndexLagged(read(data, after), 200, twin([entry(101)], 1), ids)).toBeUndefined();
    const more = read({ ...data, catalog: conn([], true) });
    expect(listIndexLagged(more, 200, twin([entry(101)], 1), ids)).toBeUndefined();
    const mutation = read(data, `mutation M { metaobjectDelete(id: "x") { deletedId } }`);
    expect(listIndexLagged(mutation, 200, twin([entry(101)], 1), ids)).toBeUndefined();
  });
  it("not for an object read by id that the twin no longer has (what a lag may have caused later is not judged)", () => {
    // metaobject-bulk-delete-edge-cases.json: the twin's type-wide delete removed the entry Shopify still shows
    const captured = read({ detail: entry(1), catalog: conn([entry(1)]), definition: { type: "t", metaobjectsCount: 1 } });
    expect(listIndexLagged(captured, 200, { data: { detail: null, catalog: conn([]), definition: { type: "t", metaobjectsCount: 0 } } }, ids)).toBeUndefined();
  });
});
