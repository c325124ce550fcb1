import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../../../sandbox/server";
import { simulatedDelays } from "../../../sandbox/shopify/platform/app-identity";
import { graphql, startTestSandbox } from "../helpers";
import { settleBulkOperation } from "./bulk-helpers";

const STAGE = `mutation($input: [StagedUploadInput!]!) { stagedUploadsCreate(input: $input) { stagedTargets { url resourceUrl parameters { name value } } userErrors { field message } } }`;
const RUN = `mutation($mutation: String!, $path: String!, $clientIdentifier: String) {
  bulkOperationRunMutation(mutation: $mutation, stagedUploadPath: $path, clientIdentifier: $clientIdentifier) {
    bulkOperation { id status type errorCode completedAt objectCount rootObjectCount fileSize url partialDataUrl query }
    userErrors { field message code }
  }
}`;
const UPSERT = `mutation Upsert($handle: MetaobjectHandleInput!, $metaobject: MetaobjectUpsertInput!) { metaobjectUpsert(handle: $handle, metaobject: $metaobject) { metaobject { handle } userErrors { field message } } }`;
const NO_SUCH_FILE = "The JSONL file could not be found. Try uploading the file again, and check that you've entered the URL correctly for the stagedUploadPath mutation argument.";

describe("bulk mutation operations", () => {
  let sandbox: RunningSandbox;
  let token: string;
  const gql = (q: string, v?: Record<string, unknown>) => graphql(sandbox, token, q, v);

  async function stage(content: string | null) {
    const res = await gql(STAGE, { input: [{ filename: "vars.jsonl", mimeType: "text/jsonl", resource: "BULK_MUTATION_VARIABLES", httpMethod: "POST" }] });
    const target = res.json.data.stagedUploadsCreate.stagedTargets[0];
    const key = target.parameters.find((p: { name: string }) => p.name === "key").value as string;
    expect(key).toMatch(/^tmp\/\d+\/bulk\/[0-9a-f-]+\/vars\.jsonl$/);
    expect(target.resourceUrl).toBe(target.url);
    if (content !== null) {
      const form = new FormData();
      for (const p of target.parameters) form.append(p.name, p.value);
      form.append("file", new Blob([content], { type: "text/jsonl" }), "vars.jsonl");
      expect((await fetch(target.url, { method: "POST", body: form })).status).toBe(201);
    }
    return key;
  }

  const settle = (id: string) => settleBulkOperation(gql, id);

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    token = sandbox.issueAccessToken();
    Object.assign(simulatedDelays(sandbox.state), { bulkStartMs: 20, bulkRunMs: 60 });
    await gql(`mutation($d: MetaobjectDefinitionCreateInput!) { metaobjectDefinitionCreate(definition: $d) { userErrors { message } } }`, {
      d: { type: "gamma", name: "gamma", displayNameKey: "title", fieldDefinitions: [{ key: "title", type: "single_line_text_field" }] },
    });
  });
  afterAll(() => sandbox.close());

  it("runs the mutation once per uploaded JSONL line and serves {data, __lineNumber} results", async () => {
    const lines = ["g-1", "g-2"].map((h) => JSON.stringify({ handle: { type: "gamma", handle: h }, metaobject: { fields: [{ key: "title", value: h }] } }));
    const key = await stage(`${lines.join("\n")}\n`);
    const started = await gql(RUN, { mutation: UPSERT, path: key });
    expect(started.json.data.bulkOperationRunMutation).toEqual({
      bulkOperation: { id: expect.stringMatching(/^gid:\/\/shopify\/BulkOperation\/\d+$/), status: "CREATED", type: "MUTATION", errorCode: null, completedAt: null, objectCount: "0", rootObjectCount: "0", fileSize: null, url: null, partialDataUrl: null, query: UPSERT },
      userErrors: [],
    });
    const id = started.json.data.bulkOperationRunMutation.bulkOperation.id;
    const current = await gql(`{ currentBulkOperation(type: MUTATION) { id type } query: currentBulkOperation { id } }`);
    expect(current.json.data).toEqual({ currentBulkOperation: { id, type: "MUTATION" }, query: null });

    const done = await settle(id);
    expect(done).toMatchObject({ status: "COMPLETED", objectCount: "2", rootObjectCount: "2" });
    const text = await (await fetch(done.url)).text();
    expect(text.trimEnd().split("\n").map((l) => JSON.parse(l))).toEqual([
      { data: { metaobjectUpsert: { metaobject: { handle: "g-1" }, userErrors: [] } }, __lineNumber: 0 },
      { data: { metaobjectUpsert: { metaobject: { handle: "g-2" }, userErrors: [] } }, __lineNumber: 1 },
    ]);

    const node = await gql(`query($id: ID!) { node(id: $id) { __typename ... on BulkOperation { id type status } } }`, { id });
    expect(node.json.data.node).toEqual({ __typename: "BulkOperation", id, type: "MUTATION", status: "COMPLETED" });

    const listed = await gql(`{ bulkOperations(first: 5, query: "operation_type:mutation status:completed") { nodes { id type status } } }`);
    expect(listed.json.data.bulkOperations.nodes).toEqual([{ id, type: "MUTATION", status: "COMPLETED" }]);
    const none = await gql(`{ bulkOperations(first: 5, query: "status:running operation_type:query") { nodes { id } } }`);
    expect(none.json.data.bulkOperations.nodes).toEqual([]);
  });

  it("answers a staged path with nothing uploaded (or an empty file) like Shopify", async () => {
    const missing = await gql(RUN, { mutation: UPSERT, path: await stage(null) });
    expect(missing.json.data.bulkOperationRunMutation).toEqual({ bulkOperation: null, userErrors: [{ field: null, message: NO_SUCH_FILE, code: "NO_SUCH_FILE" }] });
    const unknown = await gql(RUN, { mutation: UPSERT, path: "tmp/1/bulk/nope/vars.jsonl" });
    expect(unknown.json.data.bulkOperationRunMutation.userErrors[0].code).toBe("NO_SUCH_FILE");
  });

  it.each([
    ["mutation { not real syntax", null, "Failed to parse the mutation - syntax error, unexpected end of file at [1, 21]", "INVALID_MUTATION"],
    ["query { shop { id } }", null, "Invalid operation type. Only `mutation` operations are supported.", "INVALID_MUTATION"],
    [`mutation { a: metaobjectDelete(id: "gid://shopify/Metaobject/1") { deletedId } b: metaobjectDelete(id: "gid://shopify/Metaobject/2") { deletedId } }`, ["mutation"], "You must specify a single top level mutation.", null],
    [`mutation($m: String!, $p: String!) { bulkOperationRunMutation(mutation: $m, stagedUploadPath: $p) { userErrors { message } } }`, ["mutation"], "You must use an allowed mutation name.", null],
    [`mutation($d: MetaobjectDefinitionCreateInput!) { metaobjectDefinitionCreate(definition: $d) { metaobjectDefinition { metaobjects(first: 1) { edges { node { id } } } fieldDefinitions { key } } } }`, null, null, null],
  ])("validates the inner mutation like Shopify: %s", async (mutation, field, message, code) => {
    const res = await gql(RUN, { mutation, path: "tmp/1/bulk/nope/vars.jsonl" });
    if (message === null) expect(res.json.data.bulkOperationRunMutation.userErrors[0].code).toBe("NO_SUCH_FILE"); // one connection is fine
    else expect(res.json.data.bulkOperationRunMutation).toEqual({ bulkOperation: null, userErrors: [{ field, message, code }] });
  });

  it("rejects more than one connection, bad client identifiers and oversized mutations", async () => {
    const two = `mutation($d: MetaobjectDefinitionCreateInput!) { metaobjectDefinitionCreate(definition: $d) { metaobjectDefinition { metaobjects(first: 1) { edges { node { id } } } a: metaobjects(first: 1) { edges { node { id } } } } } }`;
    expect((await gql(RUN, { mutation: two, path: "x" })).json.data.bulkOperationRunMutation.userErrors).toEqual([{ field: ["mutation"], message: "Bulk mutations cannot contain more than 1 connection.", code: null }]);
    expect((await gql(RUN, { mutation: UPSERT, path: "x", clientIdentifier: "short" })).json.data.bulkOperationRunMutation.userErrors).toEqual([{ field: ["clientIdentifier"], message: "is too short (minimum is 10 characters)", code: "INVALID_MUTATION" }]);
    expect((await gql(RUN, { mutation: UPSERT, path: "x", clientIdentifier: "x".repeat(256) })).json.data.bulkOperationRunMutation.userErrors[0].message).toBe("is too long (maximum is 255 characters)");
    const big = `${UPSERT}${" ".repeat(65_536 - UPSERT.length)}`;
    expect((await gql(RUN, { mutation: big, path: "x" })).json.data.bulkOperationRunMutation.userErrors).toEqual([{ field: ["query"], message: "is too large (65536 bytes; maximum is 65535 bytes)", code: "INVALID_MUTATION" }]);
  });

  it("validates bulkOperations paging and search like Shopify", async () => {
    const both = await gql(`{ bulkOperations(first: 1, last: 1) { nodes { id } } }`);
    expect(both.json.errors[0]).toMatchObject({ message: "providing both first and last is not supported", extensions: { code: "BAD_REQUEST" } });
    const none = await gql(`{ bulkOperations { nodes { id } } }`);
    expect(none.json.errors[0].message).toBe("you must provide one of first or last");
    const badDate = await gql(`{ bulkOperations(first: 1, query: "created_at:not-a-date") { nodes { id } } }`);
    expect(badDate.json.errors[0].message).toBe("Invalid timestamp for query filter `created_at`.");
  });
});
