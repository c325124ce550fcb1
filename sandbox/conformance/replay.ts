import { diffBodies, type Difference } from "./compare";
import type { CaptureFile } from "./captures";
import type { Exchange } from "./normalize";
import { scenarioSetup } from "./preconditions";
import { operationOf } from "./scopes";
import { postGraphql, startTwin, type Twin, type TwinReply } from "./twin";
import { RECORDED_API_CLIENT_ID, TWIN_API_KEY } from "./volatile";
import { apiClientId } from "../shopify/platform/app-identity";

// Replays one scenario's exchanges, in order, against a fresh twin and judges each one.
// Ids the twin assigns are learned from each response (paired with the captured one at the same
// path) and substituted into later requests, so "create, then read by id" works.

export type Outcome =
  | { status: "passed" }
  | { status: "failed"; category: string; detail: string; diffs: Difference[] }
  | { status: "unreplayable"; category: string; detail: string };

export interface ExchangeResult { file: string; domain: string; path: string; name: string; outcome: Outcome }

export const CATEGORY = {
  notImplemented: "not implemented in the twin (NOT_IMPLEMENTED_IN_SANDBOX)",
  preExisting: "depends on the recorded shop's pre-existing data",
  schema: "query does not validate against the twin's 2026-07 schema (captured on an older version)",
  differs: "response differs",
  noQuery: "query text not recorded (no inline query, documentPath or index entry)",
  transport: "twin did not answer with a GraphQL body",
} as const;

const GID = /gid:\/\/shopify\/[A-Za-z0-9]+\/[A-Za-z0-9_=-]+/g;
const VALIDATION_CODES = new Set(["undefinedField", "argumentNotAccepted", "undefinedType", "missingRequiredArguments", "argumentLiteralsIncompatible", "selectionMismatch", "INVALID_VARIABLE", "variableMismatch"]);

export async function replayScenario(capture: CaptureFile, exchanges: Exchange[]): Promise<ExchangeResult[]> {
  const results: ExchangeResult[] = [];
  const record = (ex: Exchange, outcome: Outcome) => results.push({ file: capture.file, domain: capture.domain, path: ex.path, name: ex.name, outcome });
  const twin = await startTwin(capture.shop, scenarioSetup(exchanges));
  const ids = new Map<string, string>(); // captured gid -> twin gid
  const created = new Set<string>(); // captured gids the scenario's own mutations returned
  try {
    for (const ex of exchanges) {
      if (!ex.query) {
        record(ex, { status: "unreplayable", category: CATEGORY.noQuery, detail: `shape ${ex.shape}` });
        continue;
      }
      const reply = await sendWithRetry(twin, {
        query: rewriteIds(ex.query, ids),
        variables: JSON.parse(rewriteIds(JSON.stringify(ex.variables), ids)) as Record<string, unknown>,
        operationName: ex.operationName,
      });
      const diffs = diffBodies(ex.response, reply.body);
      if (reply.status !== ex.status) diffs.unshift({ path: "<http status>", captured: ex.status, twin: reply.status });
      learnIds((ex.response as { data?: unknown }).data, (reply.body as { data?: unknown } | null)?.data, ids);
      const isMutation = operationOf(ex)?.operation === "mutation";
      record(ex, diffs.length ? classify(ex, reply, diffs, created, isMutation) : { status: "passed" });
      if (isMutation) for (const g of JSON.stringify(ex.response).match(GID) ?? []) created.add(g);
    }
  } finally {
    await twin.close();
  }
  return results;
}

async function sendWithRetry(twin: Twin, payload: Parameters<typeof postGraphql>[1]): Promise<TwinReply> {
  // The twin's bucket refills at 100/s like Shopify's; long scenarios wait instead of failing.
  for (let attempt = 0; ; attempt++) {
    const reply = await postGraphql(twin, payload);
    const body = reply.body as { errors?: { extensions?: { code?: string } }[]; extensions?: { cost?: { requestedQueryCost?: number; throttleStatus?: { currentlyAvailable?: number } } } };
    if (attempt >= 3 || body?.errors?.[0]?.extensions?.code !== "THROTTLED") return reply;
    const cost = body.extensions?.cost;
    const missing = (cost?.requestedQueryCost ?? 100) - (cost?.throttleStatus?.currentlyAvailable ?? 0);
    await new Promise((r) => setTimeout(r, Math.max(50, missing * 10 + 20)));
  }
}

// Captured ids the twin knows under another id, and the recording app's client id (in ARNs,
// app-- namespaces) replaced by the twin app's.
const twinClientId = apiClientId(TWIN_API_KEY);
function rewriteIds(text: string, ids: Map<string, string>): string {
  const out = text.replaceAll(RECORDED_API_CLIENT_ID, twinClientId);
  return ids.size ? out.replace(GID, (g) => ids.get(g) ?? g) : out;
}

/** Pairs captured and twin gids found at the same path of the two responses. */
export function learnIds(captured: unknown, twin: unknown, ids: Map<string, string>): void {
  if (typeof captured === "string" && typeof twin === "string") {
    const c = /^gid:\/\/shopify\/([A-Za-z0-9]+)\//.exec(captured);
    if (c && captured !== twin && twin.startsWith(`gid://shopify/${c[1]}/`) && !ids.has(captured)) ids.set(captured, twin);
    return;
  }
  if (Array.isArray(captured) && Array.isArray(twin)) {
    captured.forEach((v, i) => learnIds(v, twin[i], ids));
    return;
  }
  if (captured && twin && typeof captured === "object" && typeof twin === "object") {
    for (const [k, v] of Object.entries(captured)) learnIds(v, (twin as Record<string, unknown>)[k], ids);
  }
}

function classify(ex: Exchange, reply: TwinReply, diffs: Difference[], created: Set<string>, isMutation: boolean): Outcome {
  const body = reply.body as { errors?: { message?: string; extensions?: { code?: string } }[] } | null;
  if (!body || typeof body !== "object") return { status: "failed", category: CATEGORY.transport, detail: `HTTP ${reply.status}`, diffs };
  const twinErrors = body.errors ?? [];
  const notImplemented = twinErrors.filter((e) => e.extensions?.code === "NOT_IMPLEMENTED_IN_SANDBOX");
  if (notImplemented.length) return { status: "failed", category: CATEGORY.notImplemented, detail: notImplemented[0]!.message ?? "", diffs };

  // Objects the real shop already had: the request names them, or a read returns them, and no
  // earlier step of this scenario created them.
  const requestIds: string[] = `${ex.query ?? ""} ${JSON.stringify(ex.variables)}`.match(GID) ?? [];
  const responseIds: string[] = JSON.stringify(ex.response.data ?? null).match(GID) ?? [];
  const foreign = isMutation ? requestIds.filter((g) => !created.has(g) && responseIds.includes(g)) : responseIds.filter((g) => !created.has(g));
  if (foreign.length) return { status: "failed", category: CATEGORY.preExisting, detail: `e.g. ${foreign[0]}`, diffs };

  const capturedCodes = new Set((ex.response.errors ?? []).map((e) => (e as { extensions?: { code?: string } }).extensions?.code));
  const schemaError = twinErrors.find((e) => VALIDATION_CODES.has(e.extensions?.code ?? "") && !capturedCodes.has(e.extensions?.code));
  if (schemaError) return { status: "failed", category: CATEGORY.schema, detail: schemaError.message ?? "", diffs };

  const twinOnlyError = !Object.hasOwn(body, "data") && twinErrors[0]?.message;
  const detail = twinOnlyError ? `twin answered only errors: ${twinOnlyError}` : diffs[0]!.path.replace(/\[\d+\]/g, "[]");
  return { status: "failed", category: CATEGORY.differs, detail, diffs };
}
