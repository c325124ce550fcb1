import { ApiType, pluckConfig, preset } from "@shopify/api-codegen-preset";

// Admin API types come from the real 2026-07 schema shared with the project (captured by
// introspection), never from the network. `npm run graphql-codegen` regenerates app/types/.
const schema = "../shared/shopify/admin-2026-07.schema.graphql";
const documents = ["./app/**/*.{ts,tsx}", "!./app/generated/**", "!./app/types/**"];

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
            "./app/types/admin.types.d.ts": {
              plugins: ["typescript"],
              config: { defaultScalarType: "string", scalars: { JSON: "unknown" }, enumsAsConst: true },
            },
            "./app/types/admin.generated.d.ts": {
              preset,
              presetConfig: { apiType: ApiType.Admin },
            },
          },
        },
      },
    },
  },
};
