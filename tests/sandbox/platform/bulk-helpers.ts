type Gql = (query: string, variables?: Record<string, unknown>) => Promise<{ json: any }>;

const POLL = `query($id: ID!) { bulkOperation(id: $id) { id status type objectCount rootObjectCount fileSize url partialDataUrl completedAt } }`;

/** Polls a bulk operation until it leaves CREATED/RUNNING (the tests shorten the twin's delays). */
export async function settleBulkOperation(gql: Gql, id: string) {
  for (let i = 0; i < 100; i++) {
    const res = await gql(POLL, { id });
    if (!["CREATED", "RUNNING"].includes(res.json.data.bulkOperation.status)) return res.json.data.bulkOperation;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("bulk operation did not finish");
}
