import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { columnLetter, ledgerTab, TAB_NAMES } from "../../../sheets-schema";
import { freePorts } from "../../support/ports";
import { headerRow, runCli, startTestSheets, type TestSheets } from "./helpers";

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
    "--check does not call a sheet with a duplicated header “一致”: it says a person is needed and exits 1",
    async () => {
      // The cell 办理期限 left blank in the test before (a run put 办理期限 at the end).
      const spare = columnLetter(ledgerTab.columns.findIndex((c) => c.header === "办理期限"));
      const cell = `'${TAB_NAMES.ledger}'!${spare}1`;
      const api = sheets.session().api;
      await api.spreadsheets.values.update({
        spreadsheetId: ID,
        range: cell,
        valueInputOption: "RAW",
        requestBody: { values: [["标题"]] },
      });
      const check = await runCli(CLI, ["--spreadsheet", ID, "--check"], sheets);
      await api.spreadsheets.values.clear({ spreadsheetId: ID, range: cell });
      expect(check.stdout).not.toContain("一致");
      expect(check.stdout).toContain("没有可以自动完成的更改，但有 1 处需要人工处理");
      expect(check.stdout).toContain(`表头“标题”在第 C 列和第 ${spare} 列各有一个`);
      expect(check.code).toBe(1);
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
    "does not put an empty column where staff deleted 答复日期 from a ledger in use, unless told to",
    async () => {
      const api = sheets.session().api;
      const header = headerRow(sheets, ID, TAB_NAMES.ledger);
      const replied = header.indexOf("答复日期");
      const sheetId = sheets
        .resource(ID, [`'${TAB_NAMES.ledger}'!1:1`])
        .sheets?.find((s) => s.properties?.title === TAB_NAMES.ledger)?.properties?.sheetId;
      const row = header.map((h) => ({ 编号: "2026-001", 标题: "路灯", 答复日期: "2026-03-02" })[h] ?? "");
      await api.spreadsheets.values.update({
        spreadsheetId: ID,
        range: `'${TAB_NAMES.ledger}'!A2`,
        valueInputOption: "RAW",
        requestBody: { values: [row] },
      });
      await api.spreadsheets.batchUpdate({
        spreadsheetId: ID,
        requestBody: {
          requests: [
            {
              deleteDimension: {
                range: { sheetId, dimension: "COLUMNS", startIndex: replied, endIndex: replied + 1 },
              },
            },
          ],
        },
      });
      const advice =
        "建议台账: 缺少表头“答复日期”：如果这一列是被误删的，请先用“撤销”或“文件 → 版本记录”恢复；新建一个空列会让系统把这一列都当作空白（例如已答复的建议会变成未答复并发出催办）";

      const check = await runCli(CLI, ["--spreadsheet", ID, "--check"], sheets);
      expect(check.stdout).toContain(advice);
      expect(check.stdout).not.toContain("缺少表头“答复日期”：补在");
      expect(check.code).toBe(1);

      const run = await runCli(CLI, ["--spreadsheet", ID], sheets);
      expect(run.stdout).toContain(advice);
      expect(run.stdout).toContain("--add-missing-columns");
      expect(run.code).toBe(1);
      expect(headerRow(sheets, ID, TAB_NAMES.ledger)).not.toContain("答复日期");

      const confirmed = await runCli(CLI, ["--spreadsheet", ID, "--add-missing-columns"], sheets);
      expect(confirmed.code).toBe(0);
      expect(confirmed.stdout).toContain("建议台账: 缺少表头“答复日期”：补在");
      expect(headerRow(sheets, ID, TAB_NAMES.ledger)).toContain("答复日期");
    },
    CLI_TIMEOUT_MS * 2,
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
