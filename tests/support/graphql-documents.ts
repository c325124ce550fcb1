import fs from "node:fs";
import path from "node:path";
import { Kind, parse, validate, type GraphQLSchema } from "graphql";

export type FoundDocument = { file: string; line: number; source: string; operationNames: string[] };

/** Every template literal that starts with `#graphql` in .ts/.tsx files under `root`. */
export function collectGraphqlDocuments(root: string): FoundDocument[] {
  const found: FoundDocument[] = [];
  for (const file of walk(root)) {
    const text = fs.readFileSync(file, "utf8");
    for (const match of text.matchAll(/`(\s*#graphql[\s\S]*?)`/g)) {
      const source = match[1]!;
      const line = text.slice(0, match.index).split("\n").length;
      let operationNames: string[] = [];
      try {
        operationNames = parse(source).definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION && d.name ? [d.name.value] : []));
      } catch {
        /* reported by validateDocument */
      }
      found.push({ file: path.relative(process.cwd(), file), line, source, operationNames });
    }
  }
  return found;
}

function* walk(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name === "types" || entry.name === "node_modules") continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) yield full;
  }
}

/** Parse + schema validation + "every operation is named"; returns readable errors (empty = valid). */
export function validateDocument(schema: GraphQLSchema, source: string): string[] {
  let document;
  try {
    document = parse(source);
  } catch (error) {
    return [`parse error: ${(error as Error).message}`];
  }
  const errors = validate(schema, document).map((e) => e.message);
  for (const def of document.definitions) {
    if (def.kind === Kind.OPERATION_DEFINITION && !def.name) errors.push("Every operation must be named (codegen and logs key on the name)");
  }
  return errors;
}
