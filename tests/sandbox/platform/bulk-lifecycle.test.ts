import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../../../sandbox/server";
import { simulatedDelays } from "../../../sandbox/shopify/platform/app-identity";
import { graphql, startTestSandbox } from "../helpers";
import { settleBulkOperation } from "./bulk-helpers";

// The status machine of a bulk operation as the captures show it: counts appear while RUNNING (before
// the file), a cancel keeps them, a query export canceled before it ran still reports what it counted,
// and the result file escapes "/" like Shopify's.

const FIELDS = "id status errorCode completedAt objectCount rootObjectCount fileSize url partialDataUrl";
const RUN_QUERY = `mutation($query: String!) { bulkOperationRunQuery(query: $query) { bulkOperation { ${FIELDS} } userErrors { field message } } }`;
const READ = `query($id: ID!) { bulkOperation(id: $id) { ${FIELDS} } }`;
const CANCEL = `mutation($id: ID!) { bulkOperationCancel(id: $id) { bulkOperation { ${FIELDS} } userErrors { field message } } }`;
const EXPORT = `{ metaobjects(type: "delta") { edges { node { id handle } } } }`;

describe("bulk operation lifecycle", () => {
  let sandbox: RunningSandbox;
  let token: string;
  const gql = (q: string, v?: Record<string, unknown>) => graphql(sandbox, token, q, v);
  const read = async (id: string) => (await gql(READ, { id })).json.data.bulkOperation;
  const start = async (query: string) => (await gql(RUN_QUERY, { query })).json.data.bulkOperationRunQuery.bulkOperation.id as string;
  // Long simulated delays: only reads move the operation on (CREATED is read once, then RUNNING).
  const slow = () => Object.assign(simulatedDelays(sandbox.state), { bulkStartMs: 60_000, bulkRunMs: 60_000 });

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    token = sandbox.issueAccessToken();
    await gql(`mutation($d: MetaobjectDefinitionCreateInput!) { metaobjectDefinitionCreate(definition: $d) { userErrors { message } } }`, {
      d: { type: "delta", name: "delta", displayNameKey: "title", fieldDefinitions: [{ key: "title", type: "single_line_text_field" }] },
    });
    for (const handle of ["d-1", "d-2", "d-3"]) {
      await gql(`mutation($h: MetaobjectHandleInput!, $m: MetaobjectUpsertInput!) { metaobjectUpsert(handle: $h, metaobject: $m) { userErrors { message } } }`, {
        h: { type: "delta", handle }, m: { fields: [{ key: "title", value: handle }] },
      });
    }
  });
  afterAll(() => sandbox.close());

  it("shows the processed objects while RUNNING, before the file exists, and keeps them through a cancel", async () => {
    slow();
    const id = await start(EXPORT);
    expect(await read(id)).toMatchObject({ status: "CREATED", objectCount: "0" });
    const running = await read(id);
    expect(running).toMatchObject({ status: "RUNNING", objectCount: "3", rootObjectCount: "3", fileSize: null, url: null, completedAt: null });

    const cancel = (await gql(CANCEL, { id })).json.data.bulkOperationCancel;
    expect(cancel).toEqual({ bulkOperation: { ...running, status: "CANCELING" }, userErrors: [] });
    expect(await read(id)).toMatchObject({ status: "CANCELING", objectCount: "3" });
    expect(await read(id)).toEqual({ ...running, status: "CANCELED" });
  });

  it("reports the rows a query export counted even when it was canceled before it started", async () => {
    slow();
    const id = await start(EXPORT);
    const cancel = (await gql(CANCEL, { id })).json.data.bulkOperationCancel;
    expect(cancel.bulkOperation).toMatchObject({ status: "CANCELING", objectCount: "0", rootObjectCount: "0" });
    expect(await read(id)).toMatchObject({ status: "CANCELING", objectCount: "0" });
    expect(await read(id)).toMatchObject({ status: "CANCELED", objectCount: "3", rootObjectCount: "3", fileSize: null, url: null, completedAt: null });
  });

  it("writes the JSONL with every \"/\" escaped and counts those bytes in fileSize", async () => {
    Object.assign(simulatedDelays(sandbox.state), { bulkStartMs: 20, bulkRunMs: 40 });
    const done = await settleBulkOperation(gql, await start(EXPORT));
    expect(done.status).toBe("COMPLETED");
    const text = await (await fetch(done.url)).text();
    expect(text.split("\n")[0]).toMatch(/^\{"id":"gid:\\\/\\\/shopify\\\/Metaobject\\\/\d+","handle":"d-1"\}$/);
    expect(Number(done.fileSize)).toBe(Buffer.byteLength(text));
    expect(text.trimEnd().split("\n").map((l) => JSON.parse(l).handle)).toEqual(["d-1", "d-2", "d-3"]);
  });

  // A twin whose app holds only `scopes`, with short bulk delays; closed after `body`.
  async function withScopes(scopes: string[], body: (call: (q: string, v?: Record<string, unknown>) => ReturnType<typeof graphql>) => Promise<void>) {
    const limited = await startTestSandbox({ scopes });
    try {
      Object.assign(simulatedDelays(limited.state), { bulkStartMs: 20, bulkRunMs: 40 });
      await body((q, v) => graphql(limited, limited.issueAccessToken(), q, v));
    } finally {
      await limited.close();
    }
  }

  it("fails an export whose inner query needs a scope the app lacks with errorCode ACCESS_DENIED", async () => {
    await withScopes(["read_metaobjects"], async (call) => {
      const run = await call(RUN_QUERY, { query: "{ products { edges { node { id } } } }" });
      expect(run.json.data.bulkOperationRunQuery.userErrors).toEqual([]);
      const done = await settleBulkOperation(call, run.json.data.bulkOperationRunQuery.bulkOperation.id);
      expect(done).toMatchObject({ status: "FAILED", url: null, completedAt: null });
      const failed = await call(READ, { id: done.id });
      expect(failed.json.data.bulkOperation.errorCode).toBe("ACCESS_DENIED");
    });
  });

  it("applies nested-field scopes inside the export too (MarketWebPresence.defaultLocale needs read_locales or read_markets_home)", async () => {
    await withScopes(["read_markets"], async (call) => {
      const denied = await call(RUN_QUERY, { query: "{ webPresences { edges { node { id defaultLocale { locale } } } } }" });
      const deniedRun = await settleBulkOperation(call, denied.json.data.bulkOperationRunQuery.bulkOperation.id);
      expect(deniedRun.status).toBe("FAILED");
      expect((await call(READ, { id: deniedRun.id })).json.data.bulkOperation.errorCode).toBe("ACCESS_DENIED");
      const allowed = await call(RUN_QUERY, { query: "{ webPresences { edges { node { id } } } }" });
      expect((await settleBulkOperation(call, allowed.json.data.bulkOperationRunQuery.bulkOperation.id)).status).toBe("COMPLETED");
    });
  });
});
