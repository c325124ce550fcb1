import { describe, expect, it } from "vitest";
import { normalizeCapture, upstreamEvidence } from "../../../sandbox/conformance/normalize";
import { fillGaps } from "../../../sandbox/conformance/steps";
import type { RecordedOwner } from "../../../sandbox/conformance/rebuild/hydrate";

// One synthetic capture per recorded shape (captures/SOURCE.md), plus the bare body and the
// index-driven ordering.

const body = (root: string) => ({ data: { [root]: { id: `gid://shopify/Thing/${root}` } }, extensions: { cost: { requestedQueryCost: 1 } } });
const docs: Record<string, string> = {
  "_requests/config/parity-requests/x/read.graphql": "query Read { shop { id } }",
  "config/parity-requests/x/inline-path.graphql": "query InlinePath { shop { name } }",
};
const readDocument = (p: string) => docs[p] ?? docs[`_requests/${p}`];

describe("capture normalizer", () => {
  it("shape 1: request { query, variables }, status, response = body", () => {
    const [ex] = normalizeCapture({ step: { name: "first", request: { query: "query A { a }", variables: { x: 1 } }, status: 200, response: body("a") } });
    expect(ex).toMatchObject({ path: "$.step", name: "first", shape: 1, query: "query A { a }", querySource: "inline", variables: { x: 1 }, status: 200, response: body("a") });
  });

  it("shape 1 with requestPath: query read from the .graphql file", () => {
    const [ex] = normalizeCapture({ step: { request: { variables: {} }, requestPath: "config/parity-requests/x/inline-path.graphql", status: 200, response: body("b") } }, { readDocument });
    expect(ex).toMatchObject({ querySource: "documentPath", query: "query InlinePath { shop { name } }" });
  });

  it("shape 2: request { documentPath, query, variables }, response { status, payload }", () => {
    const [ex] = normalizeCapture({ s: { request: { documentPath: "config/x.graphql", query: "mutation M { m { id } }", variables: { y: 2 } }, response: { status: 200, payload: body("m") } } });
    expect(ex).toMatchObject({ shape: 2, query: "mutation M { m { id } }", querySource: "inline", variables: { y: 2 }, status: 200, response: body("m") });
  });

  it("shape 3: top-level query/variables/operationName, response body or { status, payload }", () => {
    const [direct, wrapped] = normalizeCapture({
      a: { operationName: "Q", query: "query Q { q }", variables: {}, status: 200, response: body("q") },
      b: { query: "query R { r }", variables: {}, response: { status: 200, payload: body("r") } },
    });
    expect(direct).toMatchObject({ shape: 3, operationName: "Q", query: "query Q { q }", response: body("q") });
    expect(wrapped).toMatchObject({ shape: 3, query: "query R { r }", response: body("r") });
  });

  it("shape 4: documentPath, or the query from _requests/index.json by capturePath", () => {
    const capture = {
      viaPath: { documentPath: "config/parity-requests/x/inline-path.graphql", variables: { id: 1 }, response: body("p") },
      viaIndex: { variables: { id: 2 }, response: body("shop") },
      noQuery: { response: body("n") },
    };
    const index = [{ targets: [{ capturePath: "$.viaIndex.response.data.shop", documentPath: "_requests/config/parity-requests/x/read.graphql" }] }];
    const [viaPath, viaIndex, noQuery] = normalizeCapture(capture, { index, readDocument });
    expect(viaPath).toMatchObject({ shape: 4, querySource: "documentPath", variables: { id: 1 } });
    expect(viaIndex).toMatchObject({ shape: 4, querySource: "index", query: "query Read { shop { id } }", documentPath: "_requests/config/parity-requests/x/read.graphql" });
    expect(noQuery).toMatchObject({ shape: 4, querySource: "none", query: undefined });
  });

  it("shape 5: query or document, result { status, payload }", () => {
    const [a, b] = normalizeCapture({
      one: { query: "query S { s }", result: { status: 200, payload: body("s") } },
      two: { document: "#graphql\n query T { t }", variables: { z: 3 }, result: { status: 200, payload: body("t") } },
    });
    expect(a).toMatchObject({ shape: 5, query: "query S { s }", response: body("s") });
    expect(b).toMatchObject({ shape: 5, query: "#graphql\n query T { t }", variables: { z: 3 } });
  });

  it("bare bodies, nested steps, arrays; upstreamCalls are not scenario steps", () => {
    const exchanges = normalizeCapture({
      setup: [{ query: "mutation C { c }", response: body("c") }],
      cleanup: { productDelete: body("productDelete") },
      upstreamCalls: [{ query: "query U { u }", response: { status: 200, body: body("u") } }],
    });
    expect(exchanges.map((e) => [e.path, e.shape])).toEqual([["$.setup[0]", 3], ["$.cleanup.productDelete", "bare"]]);
  });

  it("orders indexed exchanges by the spec index inside the slots they occupy", () => {
    const capture = { setup: { create: { variables: {}, response: body("c") }, update: { variables: {}, response: body("u") } }, read: { variables: {}, response: body("r") } };
    const doc = "_requests/config/parity-requests/x/read.graphql";
    const index = [{ targets: [
      { capturePath: "$.setup.create.response.data.c", documentPath: doc },
      { capturePath: "$.read.response.data.r", documentPath: doc },
      { capturePath: "$.setup.update.response.data.u", documentPath: doc },
    ] }];
    expect(normalizeCapture(capture, { index, readDocument }).map((e) => e.path)).toEqual(["$.setup.create", "$.read", "$.setup.update"]);
  });

  it("upstreamCalls become evidence only: Shopify's 200 answers with data, wherever they sit", () => {
    const evidence = upstreamEvidence({
      upstreamCalls: [
        { operationName: "U", query: "query U { u }", variables: { id: 1 }, response: { status: 200, body: body("u") } },
        { operationName: "Failed", query: "query F { f }", response: { status: 500, body: { errors: [{ message: "boom" }] } } },
        { operationName: "NoQuery", response: { status: 200, body: body("n") } },
      ],
      cases: [{ upstreamCalls: [{ query: "query V { v }", response: { status: 200, body: body("v") } }] }],
    });
    expect(evidence.map((e) => [e.path, e.name, e.evidence, e.variables])).toEqual([
      ["$.upstreamCalls[0]", "U", true, { id: 1 }],
      ["$.cases[0].upstreamCalls[0]", "upstreamCalls[0]", true, {}],
    ]);
    expect(evidence[0]!.response).toEqual(body("u"));
  });
});

describe("fillGaps (the scenario's own evidence wins over the proxy's read-through answers)", () => {
  type Seen = { id: number; name?: string };
  const key = (o: Seen) => o.id;
  const blank = (o: Seen) => !o.name;
  it("adds objects only the evidence shows and replaces ones the scenario showed blank", () => {
    const own: Seen[] = [{ id: 1, name: "scenario" }, { id: 2 }];
    const evidence = [{ id: 1, name: "proxy" }, { id: 2, name: "proxy" }, { id: 3, name: "proxy" }];
    expect(fillGaps(own, evidence, key, blank)).toEqual([{ id: 1, name: "scenario" }, { id: 2, name: "proxy" }, { id: 3, name: "proxy" }]);
  });
  it("never replaces a shown object by a blank one from the evidence", () => {
    expect(fillGaps<Seen>([{ id: 1, name: "scenario" }], [{ id: 1 }], key, blank)).toEqual([{ id: 1, name: "scenario" }]);
    expect(fillGaps<Seen>([{ id: 1 }], [{ id: 1 }], key, blank)).toEqual([{ id: 1 }]);
  });
  it("a rebuilt product the scenario showed only in a mutation's answer is not blank (replay.ts blankOwner)", async () => {
    const { blankOwner } = await import("../../../sandbox/conformance/replay");
    const owner = (over: Partial<RecordedOwner>): RecordedOwner => ({ gid: "gid://shopify/Product/1", type: "Product", fields: {}, metafields: [], ...over });
    const answered = owner({ answered: { title: "From the answer" } });
    const upstream = owner({ fields: { title: "From the proxy" } });
    expect(blankOwner(owner({}))).toBe(true);
    expect(blankOwner(answered)).toBe(false);
    expect(fillGaps([answered], [upstream], (o) => o.gid, blankOwner)).toEqual([answered]);
    expect(fillGaps([owner({})], [upstream], (o) => o.gid, blankOwner)).toEqual([upstream]);
  });
});
