import { defineConfig } from "vitest/config";

// Pure domain code, the Sheets emulator and the Node tools run in Node.
export default defineConfig({
  test: {
    include: ["test/unit/**/*.test.ts", "test/node/**/*.test.ts"],
    environment: "node",
    testTimeout: 20_000,
  },
});
