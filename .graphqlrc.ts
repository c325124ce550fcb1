import { ApiType, pluckConfig, preset } from "@shopify/api-codegen-preset";

// Admin API types come from the real 2026-07 schema shared with the project (captured by
// introspection), never from the network. `npm run graphql-codegen` regenerates app/types/.
const schema = "../shared/shopify/admin-2026-07.schema.graphql";
const documents = ["./app/**/*.{ts,tsx}", "!./app/generated/**", "!./app/types/**"];
// Tests regenerate into a scratch folder to prove the committed types are current.
const out = process.env.GRAPHQL_CODEGEN_OUT ?? "./app/types";

export default {
  schema,
  documents,
  projects: {
    default: {
      schema,
      documents,
      extensions: {
        codegen: {
          pluckConfig,
          generates: {
            [`${out}/admin.types.d.ts`]: {
              plugins: ["typescript"],
              config: { defaultScalarType: "string", scalars: { JSON: "unknown" }, enumsAsConst: true },
            },
            [`${out}/admin.generated.d.ts`]: {
              preset,
              presetConfig: { apiType: ApiType.Admin },
            },
          },
        },
      },
    },
  },
};
