import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildSchema, parse, validate, type GraphQLSchema } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { collectGraphqlDocuments, validateDocument } from "../support/graphql-documents";

// Every Admin GraphQL operation the app sends is a named `#graphql` document checked here against
// the real Shopify schema: a field Shopify does not have fails CI.
const SCHEMA_PATH = path.resolve("../shared/shopify/admin-2026-07.schema.graphql");
let schema: GraphQLSchema;

beforeAll(() => {
  schema = buildSchema(fs.readFileSync(SCHEMA_PATH, "utf8"));
});

describe("Admin GraphQL documents under app/", () => {
  const documents = collectGraphqlDocuments(path.resolve("app"));

  it("finds the app's documents", () => {
    expect(documents.length).toBeGreaterThan(0);
  });

  it.each(documents.map((d) => [`${d.file}:${d.line}`, d] as const))("%s is named and valid", (_where, doc) => {
    expect(validateDocument(schema, doc.source)).toEqual([]);
  });

  it("operation names are unique (codegen keys its types by them)", () => {
    const names = documents.flatMap((d) => d.operationNames);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });
});

describe("the validator itself", () => {
  it("catches a field Shopify does not have", () => {
    const errors = validateDocument(schema, "#graphql\nquery ShopName { shop { name nonexistentField } }");
    expect(errors.join("\n")).toMatch(/Cannot query field "nonexistentField" on type "Shop"/);
  });

  it("catches an anonymous operation", () => {
    expect(validateDocument(schema, "#graphql\n{ shop { name } }").join("\n")).toMatch(/must be named/);
  });

  it("catches a wrong argument type", () => {
    const errors = validateDocument(schema, '#graphql\nquery P { products(first: "ten") { nodes { id } } }');
    expect(errors.length).toBeGreaterThan(0);
  });

  it("finds documents in template literals, including multi-line ones", () => {
    const dir = fs.mkdtempSync(path.join(process.cwd(), ".tmp-gql-"));
    try {
      fs.writeFileSync(path.join(dir, "a.server.ts"), "const q = `#graphql\n  query A { shop { name } }\n`;\nconst other = `not graphql`;\n");
      const found = collectGraphqlDocuments(dir);
      expect(found.map((d) => d.operationNames)).toEqual([["A"]]);
      expect(parse(found[0]!.source)).toBeTruthy();
      expect(validate(schema, parse(found[0]!.source))).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("generated operation types", () => {
  it("are current: codegen from the shared schema reproduces app/types", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "tessera-codegen-"));
    try {
      const result = spawnSync(path.resolve("node_modules/.bin/graphql-codegen"), [], {
        env: { ...process.env, GRAPHQL_CODEGEN_OUT: out },
        encoding: "utf8",
      });
      expect(result.status, result.stderr).toBe(0);
      for (const file of ["admin.generated.d.ts", "admin.types.d.ts"]) {
        const fresh = fs.readFileSync(path.join(out, file), "utf8");
        const committed = fs.readFileSync(path.resolve("app/types", file), "utf8");
        expect(fresh === committed, `app/types/${file} is stale: run npm run graphql-codegen`).toBe(true);
      }
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});
