import { describe, expect, it } from "vitest";
import { graphql, useTwin } from "./helpers";

// Request-level error wording, as recorded from Shopify (graphql-ruby's messages and extensions).
describe("sandbox Admin GraphQL: validation and variable errors", () => {
  const twin = useTwin();

  it("reports a missing required input field of a variable with its nested path", async () => {
    const query = "mutation Set($metafields: [MetafieldsSetInput!]!) {\n  metafieldsSet(metafields: $metafields) { userErrors { message } }\n}";
    const value = [{ ownerId: "gid://shopify/Product/1", namespace: "custom", type: "single_line_text_field", value: "x" }];
    const res = await graphql(twin.sandbox, twin.token, query, { metafields: value });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      errors: [{
        message: "Variable $metafields of type [MetafieldsSetInput!]! was provided invalid value for 0.key (Expected value to not be null)",
        locations: [{ line: 1, column: 14 }],
        extensions: { code: "INVALID_VARIABLE", value, problems: [{ path: [0, "key"], explanation: "Expected value to not be null" }] },
      }],
    });
  });

  it("lists several problems, unknown input fields and bad enum values", async () => {
    const query = "mutation Up($input: [StagedUploadInput!]!) { stagedUploadsCreate(input: $input) { userErrors { message } } }";
    const res = await graphql(twin.sandbox, twin.token, query, { input: [{ resource: "BANANA", filename: "a", mimeType: "x/x", bogus: 1 }] });
    const error = res.json.errors[0];
    expect(error.message).toMatch(/^Variable \$input of type \[StagedUploadInput!\]! was provided invalid value for 0\.bogus \(Field is not defined on StagedUploadInput\), 0\.resource \(Expected "BANANA" to be one of: /);
    expect(error.extensions.problems.map((p: { path: unknown[] }) => p.path)).toEqual([[0, "bogus"], [0, "resource"]]);
  });

  it("reports a missing or malformed top-level variable without a 'for' suffix", async () => {
    const query = "query Op($id: ID!) { bulkOperation(id: $id) { id } }";
    const missing = await graphql(twin.sandbox, twin.token, query, {});
    expect(missing.json.errors[0]).toMatchObject({
      message: "Variable $id of type ID! was provided invalid value",
      extensions: { code: "INVALID_VARIABLE", value: null, problems: [{ path: [], explanation: "Expected value to not be null" }] },
    });
    const malformed = await graphql(twin.sandbox, twin.token, query, { id: "not-a-shopify-gid" });
    expect(malformed.json.errors[0].extensions.problems).toEqual([
      { path: [], explanation: "Invalid global id 'not-a-shopify-gid'", message: "Invalid global id 'not-a-shopify-gid'" },
    ]);
  });

  it("words unknown arguments, missing arguments and bad enum literals like Shopify", async () => {
    const unknown = await graphql(twin.sandbox, twin.token, "mutation M {\n  bulkOperationRunQuery(query: \"{ shop { id } }\", clientIdentifier: \"x\") { userErrors { message } }\n}");
    expect(unknown.json.errors).toEqual([{
      message: "Field 'bulkOperationRunQuery' doesn't accept argument 'clientIdentifier'",
      locations: [{ line: 2, column: 51 }],
      path: ["mutation M", "bulkOperationRunQuery", "clientIdentifier"],
      extensions: { code: "argumentNotAccepted", name: "bulkOperationRunQuery", typeName: "Field", argumentName: "clientIdentifier" },
    }]);
    // A variable passed only to an argument that is not accepted counts as unused
    // (bulk-operation-run-mutation-client-identifier-validation.json runQueryWithClientIdentifier).
    const viaVariable = await graphql(twin.sandbox, twin.token, "mutation P($q: String!, $c: String) {\n  bulkOperationRunQuery(query: $q, clientIdentifier: $c) { userErrors { message } }\n}", { q: "{ shop { id } }", c: "client-one" });
    expect(viaVariable.json.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(["argumentNotAccepted", "variableNotUsed"]);
    expect(viaVariable.json.errors[1]).toEqual({
      message: "Variable $c is declared by P but not used",
      locations: [{ line: 1, column: 1 }],
      path: ["mutation P"],
      extensions: { code: "variableNotUsed", variableName: "c" },
    });
    const missing = await graphql(twin.sandbox, twin.token, "query Q {\n  bulkOperation { id }\n}");
    expect(missing.json.errors).toEqual([{
      message: "Field 'bulkOperation' is missing required arguments: id",
      locations: [{ line: 2, column: 3 }],
      path: ["query Q", "bulkOperation"],
      extensions: { code: "missingRequiredArguments", className: "Field", name: "bulkOperation", arguments: "id" },
    }]);
    const badEnum = await graphql(twin.sandbox, twin.token, "query Q {\n  bulkOperations(first: 1, sortKey: ID) { nodes { id } }\n}");
    expect(badEnum.json.errors).toEqual([{
      message: "Argument 'sortKey' on Field 'bulkOperations' has an invalid value (ID). Expected type 'BulkOperationsSortKeys'.",
      locations: [{ line: 2, column: 3 }],
      path: ["query Q", "bulkOperations", "sortKey"],
      extensions: { code: "argumentLiteralsIncompatible", typeName: "Field", argumentName: "sortKey" },
    }]);
  });

  it("words input-object literal errors and malformed id literals", async () => {
    const required = await graphql(twin.sandbox, twin.token, "mutation M {\n  stagedUploadsCreate(input: [{resource: FILE, mimeType: \"x\"}]) { userErrors { message } }\n}");
    expect(required.json.errors[0]).toEqual({
      message: "Argument 'filename' on InputObject 'StagedUploadInput' is required. Expected type String!",
      locations: [{ line: 2, column: 31 }],
      path: ["mutation M", "stagedUploadsCreate", "input", 0, "filename"],
      extensions: { code: "missingRequiredInputObjectAttribute", argumentName: "filename", argumentType: "String!", inputObjectType: "StagedUploadInput" },
    });
    const id = await graphql(twin.sandbox, twin.token, "query Q {\n  bulkOperation(id: \"not-a-gid\") { id }\n}");
    expect(id.json.errors).toEqual([{
      message: "Invalid global id 'not-a-gid'",
      locations: [{ line: 2, column: 3 }],
      path: ["query Q", "bulkOperation", "id"],
      extensions: { code: "argumentLiteralsIncompatible", typeName: "CoercionError" },
    }]);
  });

  it("reports unused variables after the other errors", async () => {
    const res = await graphql(twin.sandbox, twin.token, "query Q($x: String) {\n  shop { nope }\n}");
    expect(res.json.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(["undefinedField", "variableNotUsed"]);
    expect(res.json.errors[1]).toEqual({
      message: "Variable $x is declared by Q but not used",
      locations: [{ line: 1, column: 1 }],
      path: ["query Q"],
      extensions: { code: "variableNotUsed", variableName: "x" },
    });
  });

  it("returns search warnings in extensions.search next to the cost", async () => {
    const res = await graphql(twin.sandbox, twin.token, 'query { bulkOperations(first: 5, query: "status:EXPIRED") { nodes { id } } }');
    expect(res.json.extensions.cost).toBeDefined();
    expect(res.json.extensions.search).toEqual([{
      path: ["bulkOperations"], query: "status:EXPIRED", parsed: { field: "status", match_all: "EXPIRED" },
      warnings: [{ field: "status", message: "Input `EXPIRED` is not an accepted value.", code: "invalid_value" }],
    }]);
  });

  it("reports scalar literal coercion errors and empty oneOf inputs in document order", async () => {
    const res = await graphql(twin.sandbox, twin.token,
      "mutation M {\n  a: scriptTagCreate(input: { src: \"\" }) { userErrors { message } }\n  b: eventBridgeServerPixelUpdate(arn: \"nope\") { userErrors { message } }\n}");
    expect(res.json.errors).toEqual([
      { message: "Invalid url '', missing scheme", locations: [{ line: 2, column: 29 }], path: ["mutation M", "a", "input", "src"],
        extensions: { code: "argumentLiteralsIncompatible", typeName: "CoercionError" } },
      { message: "Invalid ARN 'nope'", locations: [{ line: 3, column: 3 }], path: ["mutation M", "b", "arn"],
        extensions: { code: "argumentLiteralsIncompatible", typeName: "CoercionError" } },
    ]);
    const oneOf = await graphql(twin.sandbox, twin.token, "query Q {\n  locationByIdentifier(identifier: {}) { id }\n}");
    expect(oneOf.json.errors).toEqual([{
      message: "OneOf Input Object 'LocationIdentifierInput' must specify exactly one key.",
      locations: [{ line: 2, column: 36 }],
      path: ["query Q", "locationByIdentifier", "identifier"],
      extensions: { code: "invalidOneOfInputObject", inputObjectType: "LocationIdentifierInput" },
    }]);
  });
});
