import path from "node:path";
import { defineConfig } from "vitest/config";

// TEST_DB=pglite (default) or TEST_DB=postgres selects the database integration tests run on.
export default defineConfig({
  resolve: { alias: { "~": path.resolve(__dirname, "app") } },
  test: {
    include: ["tests/**/*.test.ts", "tests/**/*.test.tsx"],
    exclude: ["tests/e2e/**", "node_modules/**"],
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 180_000,
    env: { NODE_ENV: "test", LOG_LEVEL: "silent", CHECKPOINT_DISABLE: "1" },
  },
});
