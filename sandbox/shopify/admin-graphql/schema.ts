import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildSchema, validateSchema, type GraphQLSchema } from "graphql";

// The twin answers against Shopify's real Admin schema, never a hand-written subset.
// The SDL lives next to the repository (CI checks it out at ../shared), so resolve from the repo root.
export const ADMIN_API_VERSION = "2026-07";
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const ADMIN_SCHEMA_PATH = path.resolve(repoRoot, "../shared/shopify/admin-2026-07.schema.graphql");

export interface LoadedSchema { schema: GraphQLSchema; loadMs: number }

let loaded: LoadedSchema | undefined;

/** Parses and validates the 134k-line SDL once per process (~0.3–0.5 s); later calls are free. */
export function loadAdminSchema(): LoadedSchema {
  if (loaded) return loaded;
  const started = performance.now();
  let sdl: string;
  try {
    sdl = readFileSync(ADMIN_SCHEMA_PATH, "utf8");
  } catch (error) {
    throw new Error(`Admin schema not found at ${ADMIN_SCHEMA_PATH} (expected ../shared relative to the repo root): ${(error as Error).message}`);
  }
  const schema = buildSchema(sdl, { assumeValidSDL: true });
  // Validate now so the first request does not pay for it (graphql validate() would do it lazily).
  const problems = validateSchema(schema);
  if (problems.length) throw new Error(`Admin schema is invalid: ${problems[0]!.message}`);
  loaded = { schema, loadMs: Math.round(performance.now() - started) };
  return loaded;
}
