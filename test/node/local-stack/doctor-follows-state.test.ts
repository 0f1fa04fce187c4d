import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Facts } from "../../../tools/doctor/facts";
import { localStackFacts } from "../../../tools/doctor/gather";
import { report, verdicts } from "../../../tools/doctor/verdicts";
import { LOCAL, LOCAL_DIR, PROJECT_ROOT } from "../../../tools/local-paths";
import { QUIET_WRANGLER } from "../../../tools/wrangler-env";
import { runTool, type StackState, startStackState } from "./state-dir";

// Two wrangler runs (migrations list, then apply) besides the doctor's sheet check.
const DOCTOR_TIMEOUT_MS = 180_000;

/** A local run where only the D1 migrations are missing. */
function localFacts(state: string | undefined, pending: string[]): Facts {
  return {
    mode: "local",
    local: localStackFacts(state),
    config: { ok: true, value: { databaseId: null, vars: {}, crons: [], queues: [] } },
    secrets: { ok: false, error: "x 不存在" },
    migrations: { ok: true, value: pending },
    sheet: { skipped: "－" },
    robots: { skipped: "本地模式" },
  };
}

describe("npm run doctor -- --local --state <dir>", () => {
  let stack: StackState;

  beforeAll(async () => {
    stack = await startStackState();
    // The demo sheet laid out, as npm start leaves it.
    const init = await runTool("tools/sheet-init.ts", ["--state", stack.dir]);
    expect(init.code).toBe(0);
  }, DOCTOR_TIMEOUT_MS);
  afterAll(async () => {
    await stack?.close();
  });

  it("advises migrating the D1 npm start used (--persist-to <dir>/wrangler), and npm start with that --state", () => {
    const dir = "/tmp/f10state";
    const lines = report(verdicts(localFacts(dir, ["0001_init.sql"]))).lines;
    expect(lines).toContain(
      `✘ D1 迁移：还有 1 个迁移未应用（0001_init.sql）：运行 npx wrangler d1 migrations apply DB --local --persist-to ${dir}/wrangler`,
    );
    expect(lines).toContain(`✘ 密钥：读不到密钥列表（x 不存在）：先运行一次 npm start -- --state ${dir}`);
    // Without --state, the advice stays what it was.
    expect(report(verdicts(localFacts(undefined, ["0001_init.sql"]))).lines).toContain(
      "✘ D1 迁移：还有 1 个迁移未应用（0001_init.sql）：运行 npx wrangler d1 migrations apply DB --local",
    );
  });

  it(
    "reads <dir>/dev.vars and <dir>/wrangler; following its migration advice makes it say 全部已应用",
    async () => {
      const first = await runTool("tools/doctor.ts", ["--local", "--state", stack.dir]);
      expect(first.stdout).toContain(`jianyi 部署检查：本地环境 (npm start -- --state ${stack.dir})`);
      expect(first.stdout).toContain("✔ 密钥：SPREADSHEET_ID、GOOGLE_SERVICE_ACCOUNT 已设置");
      expect(first.stdout).toContain(
        `✔ 表格：服务账号 ${LOCAL.serviceAccountEmail} 能访问表格 demo，各工作表与模板一致`,
      );
      expect(first.stdout).toContain(
        `✘ Worker：${stack.workerUrl}/healthz 连不上（ECONNREFUSED）：本地的 Worker 没有运行：请先运行 npm start -- --state ${stack.dir}`,
      );
      const advice =
        /✘ D1 迁移：还有 \d+ 个迁移未应用（.*）：运行 (npx wrangler d1 migrations apply .*)$/m.exec(
          first.stdout,
        )?.[1];
      expect(advice).toBe(`npx wrangler d1 migrations apply DB --local --persist-to ${stack.dir}/wrangler`);

      // What a person does with that advice (wrangler's own config folder, as npm start and the doctor use).
      const [command, ...args] = (advice ?? "").split(" ");
      const applied = spawnSync(command ?? "npx", args, {
        cwd: PROJECT_ROOT,
        env: { ...process.env, ...QUIET_WRANGLER, CI: "true", XDG_CONFIG_HOME: path.join(LOCAL_DIR, "xdg") },
        encoding: "utf8",
      });
      expect(applied.status).toBe(0);

      const second = await runTool("tools/doctor.ts", ["--local", "--state", stack.dir]);
      expect(second.stdout).toContain("✔ D1 迁移：全部已应用");
    },
    DOCTOR_TIMEOUT_MS,
  );

  it(
    "names <dir>/dev.vars and npm start -- --state <dir> when that stack never ran",
    async () => {
      const empty = mkdtempSync(path.join(tmpdir(), "jianyi-no-state-"));
      try {
        const run = await runTool("tools/doctor.ts", ["--state", empty]);
        expect(run.stdout).toContain(
          `✘ 密钥：读不到密钥列表（${empty}/dev.vars 不存在）：先运行一次 npm start -- --state ${empty}`,
        );
        expect(run.stdout).toContain(`－ 表格：没有 ${empty}/dev.vars：先运行 npm start -- --state ${empty}`);
        expect(run.code).toBe(1);
      } finally {
        rmSync(empty, { recursive: true, force: true });
      }
    },
    DOCTOR_TIMEOUT_MS,
  );
});
