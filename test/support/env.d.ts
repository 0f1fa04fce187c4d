import type { D1Migration } from "cloudflare:test";
import type { Env as WorkerEnv } from "../../src/env";

declare global {
  namespace Cloudflare {
    interface Env extends WorkerEnv {
      TEST_MIGRATIONS: D1Migration[];
      /** An empty D1 database no setup file migrates (vitest.workers.config.ts). */
      BARE_DB: D1Database;
    }
    interface GlobalProps {
      mainModule: typeof import("../../src/index");
    }
  }
}
