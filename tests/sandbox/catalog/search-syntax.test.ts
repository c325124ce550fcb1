import { buildSchema, type GraphQLResolveInfo } from "graphql";
import { describe, expect, it } from "vitest";
import { compileSearch, timeRange, type SearchSpec } from "../../../sandbox/shopify/catalog/search/evaluate";
import { parseSearch } from "../../../sandbox/shopify/catalog/search/parse";

// The search grammar on its own: precedence, negation, quoting, lenient parsing, warnings.

const schema = buildSchema(`type Query { things(query: String): [String] }`);
const info = { fieldName: "things", parentType: schema.getQueryType()!, path: { prev: undefined, key: "catalog", typename: "Query" } } as unknown as GraphQLResolveInfo;

interface Thing { title: string; tags: string[]; n: number; at: string }
const spec: SearchSpec<Thing> = {
  freeText: (t) => [t.title, ...t.tags],
  filters: {
    title: { kind: "text", get: (t) => [t.title] },
    tag: { kind: "keyword", get: (t) => t.tags },
    n: { kind: "number", get: (t) => [t.n] },
    created_at: { kind: "time", get: (t) => [t.at] },
  },
};
const things: Thing[] = [
  { title: "Flat Peak Cap", tags: ["cap", "nike"], n: 1, at: "2024-03-01T10:00:00Z" },
  { title: "Crackle Print Tee", tags: ["tee", "nike"], n: 2, at: "2024-06-01T10:00:00Z" },
  { title: "No Show Socks", tags: ["socks", "vans"], n: 3, at: "2025-01-01T10:00:00Z" },
];
const run = (q: string) => {
  const c = compileSearch(q, spec, info, Date.parse("2025-06-01T00:00:00Z"));
  return things.filter(c.test).map((t) => t.n);
};

describe("search syntax", () => {
  it("binds OR tighter than the implicit AND", () => {
    expect(parseSearch("a OR b c")).toMatchObject({ kind: "and", items: [{ kind: "or" }, { kind: "term", value: "c" }] });
    expect(run("tag:cap OR tag:socks tag:nike")).toEqual([1]);
    expect(run("tag:cap OR tag:socks AND tag:nike")).toEqual([1]);
  });

  it("negates with NOT, a leading minus, and -( … )", () => {
    expect(run("NOT tag:nike")).toEqual([3]);
    expect(run("-tag:nike")).toEqual([3]);
    expect(run("-(tag:cap OR tag:socks)")).toEqual([2]);
  });

  it("matches quoted phrases, word prefixes and number ranges", () => {
    expect(run('"flat peak cap"')).toEqual([1]);
    expect(run('"peak flat"')).toEqual([]);
    expect(run("cra*")).toEqual([2]);
    expect(run("title:sho*")).toEqual([3]);
    expect(run("n:>=2 n:<3")).toEqual([2]);
  });

  it("compares timestamps by year, day or instant, and rejects bad ones", () => {
    expect(run("created_at:2024")).toEqual([1, 2]);
    expect(run("created_at:>2024")).toEqual([3]);
    expect(run("created_at:<='2024-03-01'")).toEqual([1]);
    expect(run("created_at:>'2024-03-01T10:00:00Z'")).toEqual([2, 3]);
    expect(run("created_at:<now")).toEqual([1, 2, 3]);
    expect(timeRange("yesterday-ish", 0)).toBeUndefined();
    expect(() => run("created_at:>soon")).toThrow("Invalid timestamp for query filter `created_at`.");
  });

  it("is lenient with malformed queries, like Shopify", () => {
    expect(run("tag:(cap")).toEqual([]);
    expect(run("(tag:cap")).toEqual([1]);
    expect(run("tag:cap OR")).toEqual([1]);
    expect(run("")).toEqual([1, 2, 3]);
  });

  it("ignores unknown fields and reports them as extensions.search warnings", () => {
    const c = compileSearch("colour:red tag:vans", spec, info);
    expect(things.filter(c.test).map((t) => t.n)).toEqual([3]);
    expect(c.warnings).toEqual([{
      path: ["catalog"],
      query: "colour:red tag:vans",
      parsed: { field: "colour", match_all: "red" },
      warnings: [{ field: "colour", message: "Invalid search field for this query.", code: "invalid_field" }],
    }]);
  });
});
