import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL } from "../../../tools/local-paths";
import { parseStackArgs } from "../../../tools/local-stack/options";
import { parseCli } from "../../../tools/provision/cli-args";
import { createSheetsSession } from "../../../tools/provision/google-client";
import { runTool, type StackState, startStackState } from "./state-dir";

const CLI_TIMEOUT_MS = 90_000;

describe("sheet:init and sheet:import with npm start's --state", () => {
  let stack: StackState;

  beforeAll(async () => {
    stack = await startStackState();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it("use the key in <dir> and the emulator npm start ran on another --emulator-port, with the demo sheet", () => {
    const { connection, spreadsheetId } = parseCli(["--check", "--state", stack.dir], {});
    expect(connection.keyFile).toBe(path.join(stack.dir, "service-account.json"));
    expect(connection.keyFile).toBe(parseStackArgs(["--state", stack.dir]).paths.serviceAccountFile);
    expect(connection.apiBase).toBe(`${stack.emulator.url}/`);
    expect(connection.apiBase).not.toBe("http://127.0.0.1:8790/");
    expect(connection.tokenUrl).toBe(`${stack.emulator.url}/token`);
    expect(spreadsheetId).toBe(LOCAL.spreadsheetId);
  });

  it("say which npm start makes the key when <dir> has none", () => {
    const empty = mkdtempSync(path.join(tmpdir(), "jianyi-no-state-"));
    try {
      const { connection } = parseCli(["--check", "--state", empty], {});
      expect(() => createSheetsSession(connection)).toThrow(
        `找不到服务账号密钥文件 ${empty}/service-account.json：先运行 npm start -- --state ${empty} 生成本地密钥`,
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it(
    "npm run sheet:init -- --check --state <dir> checks that stack's demo sheet",
    async () => {
      const init = await runTool("tools/sheet-init.ts", ["--state", stack.dir]);
      expect(init.stderr).toBe("");
      expect(init.stdout).toContain(
        `初始化 ${stack.emulator.url}/ 表格 demo（服务账号 ${LOCAL.serviceAccountEmail}）`,
      );
      expect(init.code).toBe(0);

      const check = await runTool("tools/sheet-init.ts", ["--check", "--state", stack.dir]);
      expect(check.stdout).toContain(
        `检查 ${stack.emulator.url}/ 表格 demo（服务账号 ${LOCAL.serviceAccountEmail}）`,
      );
      expect(check.stdout).toContain("无需更改");
      expect(check.code).toBe(0);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "npm run sheet:import -- <file> --state <dir> writes into that stack's demo sheet",
    async () => {
      const file = path.join(stack.dir, "台账.xlsx");
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet("台账");
      sheet.addRow(["建议编号", "案由", "领衔人", "承办单位"]);
      sheet.addRow(["2026-101", "关于增设公交站台的建议", "王芳", "区交通运输局"]);
      await workbook.xlsx.writeFile(file);

      const run = await runTool("tools/sheet-import.ts", [file, "--state", stack.dir]);
      expect(run.stderr).toBe("");
      expect(run.stdout).toContain(
        `写入 ${stack.emulator.url}/ 表格 demo（服务账号 ${LOCAL.serviceAccountEmail}）`,
      );
      expect(run.code).toBe(0);
      const ids = stack.emulator.emulator.getValues("demo", "'建议台账'!A:A", {});
      expect(ids.flat()).toContain("2026-101");
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "a stack that is not running: the advice names npm start with the same --state",
    async () => {
      const gone = await startStackState();
      await gone.emulator.close();
      try {
        const run = await runTool("tools/sheet-init.ts", ["--check", "--state", gone.dir]);
        expect(run.stderr).toContain(
          `连不上 ${gone.emulator.url}/（本地的表格模拟器）：请先在另一个终端运行 npm start -- --state ${gone.dir}，它会启动模拟器`,
        );
        expect(run.code).toBe(2);
      } finally {
        await gone.close().catch(() => undefined);
      }
    },
    CLI_TIMEOUT_MS,
  );
});
