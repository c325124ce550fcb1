import type { Session } from "@shopify/shopify-api";
import { afterAll, beforeAll } from "vitest";
import { startSandbox, type RunningSandbox, type SandboxOptions } from "../../sandbox/server";

export const TEST_APP = { apiKey: "test-api-key", apiSecret: "test-api-secret", appUrl: "http://localhost:3000" };

export function startTestSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  return startSandbox({ port: 0, ...TEST_APP, ...options });
}

/** Calls the twin as Shopify's API would be called, with the shop in Host (no dispatcher involved). */
export function shopifyFetch(sandbox: RunningSandbox, path: string, init: { method?: string; headers?: Record<string, string>; body?: string; shop?: string } = {}) {
  // fetch() forbids setting Host, so use node:http for these direct calls.
  return import("node:http").then(
    (http) =>
      new Promise<{ status: number; json: any; text: string; ms: number }>((resolve, reject) => {
        const started = performance.now();
        const req = http.request(
          new URL(path, sandbox.origin),
          { method: init.method ?? "POST", headers: { host: init.shop ?? sandbox.defaultShop, "content-type": "application/json", ...init.headers } },
          (res) => {
            let text = "";
            res.setEncoding("utf8");
            res.on("data", (c) => (text += c));
            res.on("end", () => {
              let json: unknown;
              try { json = JSON.parse(text); } catch { json = undefined; }
              resolve({ status: res.statusCode ?? 0, json, text, ms: performance.now() - started });
            });
          },
        );
        req.on("error", reject);
        req.end(init.body);
      }),
  );
}

export function graphql(sandbox: RunningSandbox, token: string, query: string, variables?: Record<string, unknown>) {
  return shopifyFetch(sandbox, `/admin/api/${sandbox.apiVersion}/graphql.json`, {
    headers: { "x-shopify-access-token": token },
    body: JSON.stringify({ query, variables }),
  });
}

/** Minimal SessionStorage (the memory package is not installed). */
export class MapSessionStorage {
  readonly sessions = new Map<string, Session>();
  async storeSession(session: Session) { this.sessions.set(session.id, session); return true; }
  async loadSession(id: string) { return this.sessions.get(id); }
  async deleteSession(id: string) { return this.sessions.delete(id); }
  async deleteSessions(ids: string[]) { ids.forEach((id) => this.sessions.delete(id)); return true; }
  async findSessionsByShop(shop: string) { return [...this.sessions.values()].filter((s) => s.shop === shop); }
}

/**
 * A twin for one test file, started before its tests and closed after: `twin.gql(query, vars)`
 * answers the parsed body (`twin.call` the whole answer), `twin.sandbox` is the running twin,
 * `twin.token` the app's token; `prepare` adjusts the running twin (e.g. shorter delays).
 */
export function useTwin(options: SandboxOptions = {}, prepare?: (sandbox: RunningSandbox) => void) {
  const twin = {
    sandbox: undefined as unknown as RunningSandbox,
    token: "",
    gql: async (query: string, variables?: Record<string, unknown>): Promise<any> => (await graphql(twin.sandbox, twin.token, query, variables)).json,
    /** The whole HTTP answer (status, json, timing). */
    call: (query: string, variables?: Record<string, unknown>) => graphql(twin.sandbox, twin.token, query, variables),
  };
  beforeAll(async () => {
    twin.sandbox = await startTestSandbox(options);
    twin.token = twin.sandbox.issueAccessToken();
    prepare?.(twin.sandbox);
  });
  afterAll(() => twin.sandbox.close());
  return twin;
}
