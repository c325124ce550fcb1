import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../../../sandbox/server";
import { saveObject } from "../../../sandbox/shopify/content/metaobjects-store";
import { simulatedDelays } from "../../../sandbox/shopify/platform/app-identity";
import { graphql, startTestSandbox } from "../helpers";
import { settleBulkOperation } from "./bulk-helpers";

const RUN = `mutation Run($query: String!) {
  bulkOperationRunQuery(query: $query) {
    bulkOperation { id status type errorCode createdAt completedAt objectCount rootObjectCount fileSize url partialDataUrl query }
    userErrors { field message code }
  }
}`;

// Metaobject definitions with their entries: a root connection with a nested connection, served by
// the twin's own resolvers (no other domain needed).
const NESTED = `{
  metaobjectDefinitions {
    edges { node { id type metaobjects { edges { node { id handle fields { key value } } } } } }
  }
}`;

describe("bulk query operations", () => {
  let sandbox: RunningSandbox;
  let token: string;
  const gql = (q: string, v?: Record<string, unknown>) => graphql(sandbox, token, q, v);
  const run = (query: string) => gql(RUN, { query });

  const settle = (id: string) => settleBulkOperation(gql, id);

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    token = sandbox.issueAccessToken();
    Object.assign(simulatedDelays(sandbox.state), { bulkStartMs: 20, bulkRunMs: 60 });
    for (const type of ["alpha", "beta"]) {
      await gql(`mutation($d: MetaobjectDefinitionCreateInput!) { metaobjectDefinitionCreate(definition: $d) { userErrors { message } } }`, {
        d: { type, name: type, displayNameKey: "title", fieldDefinitions: [{ key: "title", type: "single_line_text_field" }] },
      });
    }
    for (const [type, handle] of [["alpha", "a-1"], ["alpha", "a-2"], ["beta", "b-1"]]) {
      await gql(`mutation($h: MetaobjectHandleInput!, $m: MetaobjectUpsertInput!) { metaobjectUpsert(handle: $h, metaobject: $m) { userErrors { message } } }`, {
        h: { type, handle }, m: { fields: [{ key: "title", value: handle!.toUpperCase() }] },
      });
    }
  });
  afterAll(() => sandbox.close());

  it("runs CREATED → RUNNING → COMPLETED and serves JSONL with __parentId for nested connection nodes", async () => {
    const started = await run(NESTED);
    const op = started.json.data.bulkOperationRunQuery.bulkOperation;
    expect(started.json.data.bulkOperationRunQuery.userErrors).toEqual([]);
    expect(op).toMatchObject({ status: "CREATED", type: "QUERY", errorCode: null, completedAt: null, objectCount: "0", rootObjectCount: "0", fileSize: null, url: null, partialDataUrl: null, query: NESTED });

    const done = await settle(op.id);
    expect(done).toMatchObject({ status: "COMPLETED", objectCount: "5", rootObjectCount: "2", partialDataUrl: null });
    expect(done.completedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);

    const file = await fetch(done.url);
    expect(file.status).toBe(200);
    const text = await file.text();
    expect(String(Buffer.byteLength(text))).toBe(done.fileSize);
    const lines = text.trimEnd().split("\n").map((l) => JSON.parse(l));
    const [alpha, a1, a2, beta, b1] = lines;
    expect(alpha).toEqual({ id: expect.stringMatching(/MetaobjectDefinition/), type: "alpha" }); // nested connection removed from the parent line
    expect(a1).toEqual({ id: expect.stringMatching(/Metaobject\//), handle: "a-1", fields: [{ key: "title", value: "A-1" }], __parentId: alpha.id });
    expect(a2.__parentId).toBe(alpha.id);
    expect(beta).toEqual({ id: expect.any(String), type: "beta" });
    expect(b1).toMatchObject({ handle: "b-1", __parentId: beta.id });

    const tampered = new URL(done.url);
    tampered.searchParams.set("Signature", "forged");
    expect((await fetch(tampered)).status).toBe(403);
    const current = await gql("{ currentBulkOperation { id status } }");
    expect(current.json.data.currentBulkOperation).toEqual({ id: op.id, status: "COMPLETED" });
  });

  it("pages through every node of large connections", async () => {
    // Seeded straight into the store: 260 upserts would exceed the API's rate limit.
    for (let i = 0; i < 260; i++) {
      saveObject(sandbox.state, {
        id: sandbox.state.nextId(), shop: sandbox.defaultShop, type: "beta", handle: `bulk-${i}`, fields: new Map([["title", { value: `Bulk ${i}`, jsonValue: `Bulk ${i}` }]]),
        status: null, templateSuffix: null, createdAt: "2026-07-01T00:00:00Z", updatedAt: "2026-07-01T00:00:00Z",
      });
    }
    const started = await run(`{ metaobjects(type: "beta") { edges { node { handle } } } }`);
    const done = await settle(started.json.data.bulkOperationRunQuery.bulkOperation.id);
    expect(done).toMatchObject({ status: "COMPLETED", objectCount: "261", rootObjectCount: "261" });
  });

  it("rejects a further query operation while the limit of in-progress ones is reached (OPERATION_IN_PROGRESS)", async () => {
    // 2026-04+ Shopify allows five in-progress query operations per app and shop; the sixth is refused
    // (bulk-operation-run-query-concurrency-limit.json). Slow the runner so they stay in progress.
    Object.assign(simulatedDelays(sandbox.state), { bulkStartMs: 2000, bulkRunMs: 2000 });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await run(`{ metaobjects(type: "alpha") { edges { node { id } } } }`);
      expect(res.json.data.bulkOperationRunQuery.userErrors).toEqual([]);
      ids.push(res.json.data.bulkOperationRunQuery.bulkOperation.id);
    }
    const refused = await run(`{ metaobjects(type: "alpha") { edges { node { id } } } }`);
    expect(refused.json.data.bulkOperationRunQuery).toEqual({
      bulkOperation: null,
      userErrors: [{ field: null, message: `A bulk query operation for this app and shop is already in progress: ${ids.join(", ")}.`, code: "OPERATION_IN_PROGRESS" }],
    });
    const cancel = await gql("mutation($id: ID!) { bulkOperationCancel(id: $id) { bulkOperation { status } userErrors { field message } } }", { id: ids[0] });
    expect(cancel.json.data.bulkOperationCancel).toEqual({ bulkOperation: { status: "CANCELING" }, userErrors: [] });
    const again = await run(`{ metaobjects(type: "alpha") { edges { node { id } } } }`);
    expect(again.json.data.bulkOperationRunQuery.userErrors[0].code).toBe("OPERATION_IN_PROGRESS"); // CANCELING still counts
    Object.assign(simulatedDelays(sandbox.state), { bulkStartMs: 20, bulkRunMs: 60 });
  });

  it.each([
    ["{ shop { id } }", ["Bulk queries must contain at least one connection."]],
    ["", ["Invalid bulk query: syntax error, unexpected end of file"]],
    ["{ metaobjects(type: \"alpha\") { nodes { id } } }", ["All connection fields in a bulk query must select their contents using 'edges' > 'node', e.g: 'metaobjects { edges { node {'. Selecting via 'nodes' is not supported. Invalid connection fields: 'metaobjects'."]],
    ["{ node(id: \"gid://shopify/Product/0\") { id } }", ["Bulk queries cannot contain a top level `node` field.", "Bulk queries must contain at least one connection."]],
    ["mutation { metaobjectDelete(id: \"gid://shopify/Metaobject/1\") { deletedId } }", ["Invalid operation type. Only `query` operations are supported."]],
    ["{ metaobjectDefinitions { edges { node { type metaobjects { edges { node { id } } } } } } }", ["The parent 'node' field for a nested connection must select the 'id' field without an alias and must be of 'ID' return type. Connection fields without 'id': metaobjectDefinitions."]],
  ])("validates the inner query like Shopify: %s", async (query, messages) => {
    const res = await run(query);
    expect(res.json.data.bulkOperationRunQuery).toEqual({ bulkOperation: null, userErrors: messages.map((message) => ({ field: ["query"], message, code: "INVALID" })) });
  });

  it("answers unknown and wrongly-typed ids like Shopify", async () => {
    const wrong = await gql(`{ bulkOperation(id: "gid://shopify/Product/1") { id } }`);
    expect(wrong.json).toMatchObject({ data: { bulkOperation: null }, errors: [{ message: "Invalid id: gid://shopify/Product/1", extensions: { code: "RESOURCE_NOT_FOUND" } }] });
    const cancel = await gql(`mutation { bulkOperationCancel(id: "gid://shopify/BulkOperation/1") { bulkOperation { id } userErrors { field message } } }`);
    expect(cancel.json.data.bulkOperationCancel).toEqual({ bulkOperation: null, userErrors: [{ field: ["id"], message: "Bulk operation does not exist" }] });
  });
});
