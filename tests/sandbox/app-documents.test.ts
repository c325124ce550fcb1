import path from "node:path";
import { Kind, parse, type OperationDefinitionNode } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../../sandbox/server";
import { collectGraphqlDocuments } from "../support/graphql-documents";
import { shopifyFetch, startTestSandbox } from "./helpers";

// Every `#graphql` document the app sends executes against the twin's default shop without
// errors: the twin must answer everything the app asks (and with the app's own scopes).

const operations = collectGraphqlDocuments(path.resolve("app")).flatMap((doc) =>
  parse(doc.source).definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((op) => ({ label: `${op.name?.value ?? "<anonymous>"} (${doc.file}:${doc.line})`, source: doc.source, op })),
);

describe("the app's GraphQL documents against the twin", () => {
  let sandbox: RunningSandbox;
  let token: string;
  beforeAll(async () => {
    sandbox = await startTestSandbox(); // default shop and the app's configured scopes
    token = sandbox.issueAccessToken();
  });
  afterAll(() => sandbox.close());

  it("finds the app's documents", () => expect(operations.length).toBeGreaterThan(0));

  it.each(operations)("$label executes without errors", async ({ source, op }) => {
    const required = (op.variableDefinitions ?? []).filter((v) => v.type.kind === Kind.NON_NULL_TYPE && !v.defaultValue);
    // No variable fixtures yet: a document with required variables needs one added here.
    expect(required.map((v) => v.variable.name.value), "required variables need fixtures in this test").toEqual([]);
    const res = await shopifyFetch(sandbox, `/admin/api/${sandbox.apiVersion}/graphql.json`, {
      headers: { "x-shopify-access-token": token },
      body: JSON.stringify({ query: source, operationName: op.name?.value }),
    });
    expect(res.status).toBe(200);
    expect(res.json.errors).toBeUndefined();
    expect(res.json.data).toBeTruthy();
  });
});
