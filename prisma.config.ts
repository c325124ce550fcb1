// Prisma CLI config. Migrations run through scripts/db.ts (Prisma's WASM schema engine),
// because the CLI's native engine cannot be downloaded on offline machines.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
