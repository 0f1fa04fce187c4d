import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

// Worker code runs inside workerd (the real runtime, D1 and Queues from miniflare); the Sheets
// emulator runs in Node (globalSetup) and the Worker reaches it on loopback.
export default defineConfig({
  plugins: [
    cloudflareTest(async ({ inject }) => ({
      main: "./src/index.ts",
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: {
        // A second, empty database: test/integration/readiness.test.ts migrates it step by step.
        d1Databases: { BARE_DB: "jianyi-bare" },
        bindings: {
          ENVIRONMENT: "test",
          SHEETS_API_BASE: inject("emulatorUrl"),
          GOOGLE_TOKEN_URL: `${inject("emulatorUrl")}/token`,
          GOOGLE_SERVICE_ACCOUNT: inject("serviceAccountJson"),
          SPREADSHEET_ID: "test-sheet",
          ADMIN_TOKEN: "test-admin-token",
          FORM_SECRET_SUGGESTION: "test-suggestion-secret",
          FORM_SECRET_REPLY: "test-reply-secret",
          FORM_SECRET_RATING: "test-rating-secret",
          FORM_SECRET_OPINION: "test-opinion-secret",
          LINK_SECRET: "test-link-secret-of-at-least-32-characters",
          PUBLIC_URL: "https://jianyi.test",
          // Every notice goes to the stand-in robot server (paths kept, so signatures still check out).
          NOTICE_SINK_URL: inject("robotUrl"),
          TEST_MIGRATIONS: await readD1Migrations("./migrations"),
        },
      },
    })),
  ],
  test: {
    include: ["test/integration/**/*.test.ts"],
    globalSetup: ["./test/support/emulator-global-setup.ts", "./test/support/robot-global-setup.ts"],
    setupFiles: ["./test/support/apply-migrations.ts"],
    testTimeout: 30_000,
    // The files share one emulator (its faults, hooks and spreadsheets) and the spreadsheet the
    // Worker is configured with: one file at a time keeps them from stepping on each other.
    fileParallelism: false,
  },
});
