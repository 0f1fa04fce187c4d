import { defineConfig } from "vitest/config";

// End-to-end: the local stack (Sheets emulator + the built Worker in Miniflare, on free ports) driven
// by the headless Chromium shipped in the @sparticuz/chromium npm package (or a system Chromium)
// through playwright-core.
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
