import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../../../sandbox/server";
import { graphql, startTestSandbox } from "../helpers";

// metaobjects-filter-sort.json, metaobject-update-error-codes.json (duplicateFieldInput),
// metaobjectDefinition-field-key-min-length.json, metaobject-bulk-delete-edge-cases.json and the
// metaobject "id" field of custom-data-field-type-matrix.json.

const DEFINE = `mutation Define($definition: MetaobjectDefinitionCreateInput!) {
  metaobjectDefinitionCreate(definition: $definition) { metaobjectDefinition { id } userErrors { field message code elementKey elementIndex } }
}`;
const CREATE = `mutation Create($metaobject: MetaobjectCreateInput!) {
  metaobjectCreate(metaobject: $metaobject) { metaobject { id handle fields { key type value jsonValue } } userErrors { field message code elementKey elementIndex } }
}`;
const LIST = `query List($type: String!, $query: String) { catalog: metaobjects(type: $type, first: 10, query: $query) { nodes { handle } } }`;

describe("metaobject entries: queries, id fields and input errors", () => {
  let sandbox: RunningSandbox;
  let token: string;
  const gql = (q: string, v?: Record<string, unknown>) => graphql(sandbox, token, q, v);
  const type = "query_probe";

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    token = sandbox.issueAccessToken();
    const res = await gql(DEFINE, { definition: { type, name: "Query probe", displayNameKey: "title", fieldDefinitions: [
      { key: "title", name: "Title", type: "single_line_text_field", required: true },
      { key: "subtitle", name: "Subtitle", type: "single_line_text_field" },
      { key: "code", name: "Code", type: "id" },
    ] } });
    expect(res.json.data.metaobjectDefinitionCreate.userErrors).toEqual([]);
    for (const [handle, title, subtitle] of [["alpha-entry", "Alpha", "River note"], ["bravo-entry", "Bravo", "Hill note"], ["charlie-entry", "Charlie", "Lake story"]]) {
      const created = await gql(CREATE, { metaobject: { type, handle, fields: [{ key: "title", value: title }, { key: "subtitle", value: subtitle }, { key: "code", value: `code-${handle}` }] } });
      expect(created.json.data.metaobjectCreate.userErrors).toEqual([]);
    }
  });
  afterAll(() => sandbox.close());

  const handles = async (query: string) => (await gql(LIST, { type, query })).json;

  it("filters by display_name and field prefixes, and warns on a non-positive id bound", async () => {
    expect((await handles("display_name:Alpha*")).data.catalog.nodes).toEqual([{ handle: "alpha-entry" }]);
    expect((await handles("fields.subtitle:Lake*")).data.catalog.nodes).toEqual([{ handle: "charlie-entry" }]);
    const below = await handles("id:<0");
    expect(below.data.catalog.nodes).toEqual([]);
    expect(below.extensions.search).toEqual([{
      path: ["catalog"], query: "id:<0", parsed: { field: "id", range_lt: 0 },
      warnings: [{ field: "id", message: "Expected field to be a positive integer or UUID, received `0`." }],
    }]);
  });

  it("filters by updated_at ranges and echoes Shopify's second term for a timestamp's time part", async () => {
    const old = await handles("updated_at:<1900-01-01T00:00:00Z");
    expect(old.data.catalog.nodes).toEqual([]);
    expect(old.extensions.search).toEqual([{
      path: ["catalog"], query: "updated_at:<1900-01-01T00:00:00Z",
      parsed: { and: [{ field: "updated_at", range_lt: "1900-01-01T00:00:00Z" }, { field: "00", match_all: "00Z" }] },
      warnings: [{ field: "00", message: "Invalid search field for this query.", code: "invalid_field" }],
    }]);
    const recent = await handles("updated_at:>2000-01-01");
    expect(recent.data.catalog.nodes.map((n: { handle: string }) => n.handle)).toEqual(["alpha-entry", "bravo-entry", "charlie-entry"]);
    expect(recent.extensions?.search).toBeUndefined();
  });

  it("stores an id field as typed and fails loudly on a repeated id value (Shopify's error is not captured)", async () => {
    const res = await gql(CREATE, { metaobject: { type, fields: [{ key: "title", value: "Delta" }, { key: "code", value: "code-alpha-entry" }] } });
    expect(res.json.errors[0].extensions.code).toBe("NOT_IMPLEMENTED_IN_SANDBOX");
    const fresh = await gql(CREATE, { metaobject: { type, fields: [{ key: "title", value: "Echo" }, { key: "code", value: "code-echo" }] } });
    expect(fresh.json.data.metaobjectCreate.metaobject.fields.find((f: { key: string }) => f.key === "code")).toEqual({ key: "code", type: "id", value: "code-echo", jsonValue: "code-echo" });
  });

  it("reports a repeated required field as a duplicate and as blank at the repeat", async () => {
    const res = await gql(CREATE, { metaobject: { type, fields: [{ key: "title", value: "First" }, { key: "title", value: "Second" }] } });
    expect(res.json.data.metaobjectCreate.userErrors).toEqual([
      { field: ["metaobject", "fields", "1"], message: 'Field "title" duplicates other inputs', code: "DUPLICATE_FIELD_INPUT", elementKey: "title", elementIndex: null },
      { field: ["metaobject", "fields", "1"], message: "Title can't be blank", code: "OBJECT_FIELD_REQUIRED", elementKey: "title", elementIndex: null },
    ]);
  });

  it("reports an empty field key as blank, too short and invalid at once", async () => {
    const res = await gql(DEFINE, { definition: { type: "empty_key_probe", name: "Empty key", fieldDefinitions: [{ key: "", name: "Empty", type: "single_line_text_field" }] } });
    expect(res.json.data.metaobjectDefinitionCreate.userErrors.map((e: { code: string }) => e.code)).toEqual(["BLANK", "TOO_SHORT", "INVALID"]);
  });

  it("locates a bulk delete naming both type and ids at the field and the ids key", async () => {
    const query = `mutation {\n  metaobjectBulkDelete(where: { type: "query_probe", ids: [] }) {\n    job { id }\n  }\n}`;
    const res = await gql(query);
    expect(res.json.errors[0]).toMatchObject({
      message: "MetaobjectBulkDeleteWhereCondition requires exactly one of type, ids",
      locations: [{ line: 2, column: 3 }, { line: 2, column: 54 }],
      extensions: { code: "INVALID_FIELD_ARGUMENTS" },
    });
  });
});
