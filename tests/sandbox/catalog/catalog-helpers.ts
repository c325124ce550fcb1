import { afterAll, beforeAll } from "vitest";
import type { RunningSandbox, SandboxOptions } from "../../../sandbox/server";
import { graphql, startTestSandbox } from "../helpers";

/** A seeded twin for one test file plus a `gql` that fails the test on transport errors. */
export function useSeededSandbox(options: SandboxOptions = {}) {
  const ctx = {} as { sandbox: RunningSandbox; token: string; gql: (query: string, variables?: Record<string, unknown>) => Promise<any> };
  beforeAll(async () => {
    ctx.sandbox = await startTestSandbox(options);
    ctx.token = ctx.sandbox.issueAccessToken();
    ctx.gql = async (query, variables) => {
      const res = await graphql(ctx.sandbox, ctx.token, query, variables);
      if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${res.text}`);
      return res.json;
    };
  });
  afterAll(() => ctx.sandbox.close());
  return ctx;
}
