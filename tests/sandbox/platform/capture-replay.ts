import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { CAPTURES_DIR } from "../../../sandbox/conformance/captures";
import { diffBodies } from "../../../sandbox/conformance/compare";
import { RECORDED_API_CLIENT_ID, TWIN_API_KEY } from "../../../sandbox/conformance/volatile";
import type { RunningSandbox } from "../../../sandbox/server";
import { apiClientId } from "../../../sandbox/shopify/platform/app-identity";
import { graphql, startTestSandbox } from "../helpers";

// Replays single recorded Shopify exchanges against the twin and compares `data` with the
// conformance comparer (ids, timestamps, digests, signed URLs and the app's client id are
// canonicalized on both sides; everything else must be equal).

export const loadCapture = (file: string): any => JSON.parse(readFileSync(path.join(CAPTURES_DIR, "harry-test-heelo.myshopify.com", file), "utf8"));
export const requestDoc = (name: string) => readFileSync(path.join(CAPTURES_DIR, "_requests/config/parity-requests", name), "utf8");

/** Value at "$.a.b[2]" in a capture. */
export const at = (capture: unknown, p: string): any =>
  p.replace(/^\$\.?/, "").split(/\.|\[(\d+)\]/).filter(Boolean).reduce((o: any, k) => o?.[k], capture);

/** { query, variables, body } of a recorded exchange, whatever its shape (captures/SOURCE.md). */
export function exchange(step: any, doc?: string) {
  const request = step.request ?? step;
  const raw = step.response?.payload ?? step.result?.payload ?? step.response?.body ?? step.response ?? step.payload;
  return { query: request.query ?? doc, variables: request.variables ?? {}, body: raw as { data?: unknown; errors?: unknown } };
}

export async function startReplayTwin(): Promise<{ sandbox: RunningSandbox; token: string }> {
  const sandbox = await startTestSandbox({ apiKey: TWIN_API_KEY });
  return { sandbox, token: sandbox.issueAccessToken() };
}

/** Sends the recorded request (app client id rewritten to the twin's) and expects the recorded data. */
export async function replay(twin: { sandbox: RunningSandbox; token: string }, step: any, opts: { doc?: string; label?: string } = {}) {
  const { query, variables, body } = exchange(step, opts.doc);
  const vars = JSON.parse(JSON.stringify(variables).replaceAll(RECORDED_API_CLIENT_ID, apiClientId(TWIN_API_KEY)));
  const res = await graphql(twin.sandbox, twin.token, query, vars);
  const { extensions: _a, ...captured } = body as Record<string, unknown>;
  const { extensions: _b, ...actual } = res.json as Record<string, unknown>;
  expect(diffBodies(captured, actual), opts.label).toEqual([]);
  return res.json;
}
