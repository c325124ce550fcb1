import path from "node:path";
import { defineConfig } from "vitest/config";

// Browser tests: Debian's Chromium via playwright-core against the built app + sandbox twin.
// Run after `remix build` (npm test does both).
export default defineConfig({
  resolve: { alias: { "~": path.resolve(__dirname, "app") } },
  test: {
    include: ["tests/e2e/**/*.test.ts"],
    pool: "forks",
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    env: { CHECKPOINT_DISABLE: "1" },
  },
});
