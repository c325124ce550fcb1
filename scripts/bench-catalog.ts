import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startSandbox } from "../sandbox/server";
import { simulatedDelays } from "../sandbox/shopify/platform/app-identity";
import { loadCatalogJsonl, writeCatalogJsonl } from "../sandbox/shopify/seed/generate";

// `npm run bench:catalog`: how the twin's Admin API scales with the catalogue the generator makes
// (1k, 10k, 100k products), measured side by side in one run. Figures are medians of repeated
// calls; the last columns divide by the 1k figures, because ratios survive the machine's noise.
// The app's copy studio and ads sync page through catalogues like these.

const SIZES = (process.argv.includes("--quick") ? [1_000, 10_000] : [1_000, 10_000, 100_000]);
const REPEAT = 9;

const QUERIES = {
  firstPage: { query: "query { products(first: 50) { nodes { id title handle variants(first: 5) { nodes { id price } } } } }" },
  search: { query: "query { products(first: 50, query: \"tag:summer status:active\") { nodes { id } } }" },
  deepPage: { query: "query($after: String) { products(first: 250, after: $after) { pageInfo { endCursor } nodes { id } } }" },
  count: { query: "query { productsCount(limit: null) { count } }" },
} as const;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measure(size: number, dir: string): Promise<Record<string, number>> {
  const file = path.join(dir, `catalog-${size}.jsonl`);
  await writeCatalogJsonl(file, size);
  const sandbox = await startSandbox({ port: 0, seed: false });
  try {
    const shop = sandbox.defaultShop;
    const loadStarted = performance.now();
    await loadCatalogJsonl(sandbox.state, shop, file, { origin: sandbox.origin });
    const loadMs = performance.now() - loadStarted;
    const token = sandbox.issueAccessToken(shop);
    const call = async (body: { query: string; variables?: Record<string, unknown> }) => {
      const started = performance.now();
      const res = await fetch(`${sandbox.origin}/admin/api/${sandbox.apiVersion}/graphql.json`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-shopify-access-token": token, "x-forwarded-host": shop },
        body: JSON.stringify(body),
      });
      const ms = performance.now() - started;
      const json = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown; extensions?: { cost?: { requestedQueryCost: number; throttleStatus: { currentlyAvailable: number } } } };
      if (json.errors) throw new Error(`${size}: ${JSON.stringify(json.errors).slice(0, 300)}`);
      // Like a well-behaved app: let the bucket (restored at 100 points/s) refill before the next call.
      const cost = json.extensions?.cost;
      if (cost && cost.throttleStatus.currentlyAvailable < 2 * cost.requestedQueryCost) await new Promise((r) => setTimeout(r, (2 * cost.requestedQueryCost - cost.throttleStatus.currentlyAvailable) * 10));
      return { ms, json };
    };
    const timings: Record<string, number> = {};
    for (const [name, body] of Object.entries(QUERIES)) {
      const runs: number[] = [];
      let after: string | null = null;
      for (let i = 0; i < REPEAT; i++) {
        const { ms, json } = await call(name === "deepPage" ? { query: body.query, variables: { after } } : body);
        runs.push(ms);
        if (name === "deepPage") after = ((json.data?.products as { pageInfo: { endCursor: string | null } }).pageInfo.endCursor);
      }
      timings[name] = median(runs);
    }
    // A bulk export of the whole catalogue (what the app's sync jobs use instead of paging).
    Object.assign(simulatedDelays(sandbox.state), { bulkStartMs: 0, bulkRunMs: 0 });
    const bulkStarted = performance.now();
    const run = await call({ query: "mutation { bulkOperationRunQuery(query: \"{ products { edges { node { id title } } } }\") { bulkOperation { id } userErrors { message } } }" });
    const id = ((run.json.data?.bulkOperationRunQuery as { bulkOperation: { id: string } }).bulkOperation.id);
    let status = "CREATED";
    while (status === "CREATED" || status === "RUNNING") {
      await new Promise((r) => setTimeout(r, 20));
      status = (((await call({ query: "query($id: ID!) { bulkOperation(id: $id) { status } }", variables: { id } })).json.data?.bulkOperation) as { status: string }).status;
    }
    timings.bulkExport = performance.now() - bulkStarted;
    return { size, loadMs, heapMb: process.memoryUsage().heapUsed / 1_048_576, ...timings };
  } finally {
    await sandbox.close();
    rmSync(file, { force: true });
  }
}

const dir = mkdtempSync(path.join(tmpdir(), "tessera-bench-"));
try {
  const rows: Record<string, number>[] = [];
  for (const size of SIZES) rows.push(await measure(size, dir));
  const base = rows[0]!;
  const cols = ["loadMs", "firstPage", "search", "deepPage", "count", "bulkExport"] as const;
  console.log(`catalogue  ${cols.map((c) => c.padStart(11)).join("")}   ratios vs ${base.size!} (${cols.join(", ")})`);
  for (const r of rows) {
    const values = cols.map((c) => `${r[c]!.toFixed(1)} ms`.padStart(11)).join("");
    const ratios = cols.map((c) => (r[c]! / base[c]!).toFixed(1)).join(" / ");
    console.log(`${String(r.size).padStart(9)}  ${values}   ${ratios}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
