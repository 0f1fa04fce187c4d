import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { columnLetter, ledgerTab, TAB_NAMES } from "../../../sheets-schema";
import { freePorts } from "../../support/ports";
import { runCli, startTestSheets, type TestSheets } from "./helpers";

const ID = "cli";
const CLI = "tools/sheet-init.ts";
const CLI_TIMEOUT_MS = 60_000;

describe("npm run sheet:init (the CLI, spawned)", () => {
  let sheets: TestSheets;

  beforeAll(async () => {
    sheets = await startTestSheets();
    sheets.emulator.createSpreadsheet({ spreadsheetId: ID });
  });
  afterAll(async () => {
    await sheets.close();
  });

  it(
    "lays out the sheet, then --check finds nothing and exits 0",
    async () => {
      const init = await runCli(CLI, ["--spreadsheet", ID], sheets);
      expect(init.stderr).toBe("");
      expect(init.code).toBe(0);
      expect(init.stdout).toContain("已完成");
      expect(init.stdout).toContain("建议台账: 新建工作表");

      const mark = sheets.mark();
      const check = await runCli(CLI, ["--spreadsheet", ID, "--check"], sheets);
      expect(check.code).toBe(0);
      expect(check.stdout).toContain("无需更改");
      expect(sheets.writesSince(mark)).toBe(0);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "--check reports a header staff deleted, exits 1 and changes nothing; a run puts it back at the end",
    async () => {
      const due = ledgerTab.columns.findIndex((c) => c.header === "办理期限");
      const cell = `'${TAB_NAMES.ledger}'!${columnLetter(due)}1`;
      await sheets.session().api.spreadsheets.values.clear({ spreadsheetId: ID, range: cell });

      const mark = sheets.mark();
      const check = await runCli(CLI, ["--spreadsheet", ID, "--check"], sheets);
      expect(check.code).toBe(1);
      expect(check.stdout).toContain("建议台账: 缺少表头“办理期限”");
      expect(sheets.writesSince(mark)).toBe(0);
      expect(sheets.values(ID, cell)).toEqual([]);

      const fix = await runCli(CLI, ["--spreadsheet", ID], sheets);
      expect(fix.code).toBe(0);
      const end = columnLetter(ledgerTab.columns.length);
      expect(sheets.values(ID, `'${TAB_NAMES.ledger}'!${end}1`)).toEqual([["办理期限"]]);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "says what to do when nothing answers: start the local emulator, or check the network to Google",
    async () => {
      const [closed] = await freePorts(1);
      const local = await runCli(CLI, ["--url", `http://127.0.0.1:${closed}/`, "--spreadsheet", ID], sheets);
      expect(local.code).toBe(2);
      expect(local.stderr).toContain(
        `连不上 http://127.0.0.1:${closed}/（本地的表格模拟器）：请先在另一个终端运行 npm start，它会启动模拟器；` +
          "要操作 Google 上的表格，请用 --key 指定服务账号密钥、--spreadsheet 指定表格 ID",
      );
      // .invalid never resolves (RFC 2606): as a machine that cannot reach Google sees it.
      const remote = await runCli(CLI, ["--url", "https://sheets.invalid/", "--spreadsheet", ID], sheets);
      expect(remote.code).toBe(2);
      expect(remote.stderr).toContain(
        "连不上 https://sheets.invalid/：请检查这台电脑的网络和代理；在中国大陆，这台电脑要能访问 Google",
      );
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "explains a spreadsheet it cannot find and exits 2",
    async () => {
      const run = await runCli(CLI, ["--spreadsheet", "no-such-sheet", "--check"], sheets);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("找不到表格 no-such-sheet");
    },
    CLI_TIMEOUT_MS,
  );
});
