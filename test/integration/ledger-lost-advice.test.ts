import { beforeEach, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { clearSheetChecks } from "../../src/http/health";
import { runSync } from "../../src/jobs/sync/run-sync";
import type { CellValue } from "../../src/sheets/client";
import { emulator } from "../support/emulator-admin";
import { FIXTURE_NOW_MS } from "../support/ledger-fixture";
import { call, dashboardDeps, pageText, SHEET, seedAndSync } from "./dashboard-helpers";

const LEDGER = `'${TAB_NAMES.ledger}'`;
const PROBLEMS = `'${TAB_NAMES.problems}'`;
const ROWS = 40;
const ID = "2026-005";

/** What each route of 恢复 answers: its status and the error's message (or the body as text). */
async function restore(path: string, body?: unknown): Promise<{ status: number; message: string }> {
  const response = await call(path, {
    method: "POST",
    ...(body === undefined
      ? {}
      : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });
  const text = await response.text();
  const message = (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? text;
  return { status: response.status, message };
}

const ledgerError = async () =>
  String(
    (await emulator.getValues(SHEET, PROBLEMS)).find(
      (p) => p[0] === TAB_NAMES.ledger && p.includes("错误"),
    )?.[5],
  );

async function health(): Promise<{ reason: string; message: string }> {
  clearSheetChecks();
  const body = (await (await call("/healthz")).json()) as {
    message: string;
    sync: { reason: string } | null;
  };
  return { reason: body.sync?.reason ?? "", message: body.message };
}

async function sync(): Promise<void> {
  const result = await runSync(await dashboardDeps(), "test", FIXTURE_NOW_MS);
  if (result.outcome !== "ok") throw new Error(`sync failed: ${result.message}`);
}

beforeEach(async () => {
  await seedAndSync();
});

describe("a clerk deletes the 建议台账 tab", () => {
  it("has the banner, /healthz and 校验问题 all say to restore a version and not to make an empty tab, and 恢复 says why it cannot help", async () => {
    const ss = await emulator.spreadsheet(SHEET);
    const sheetId = ss.sheets.find((s) => s.properties.title === TAB_NAMES.ledger)?.properties.sheetId;
    await (await dashboardDeps()).sheets.batchUpdate([{ deleteSheet: { sheetId } }]);
    await sync();

    const advice =
      "请用“撤销”或“文件 → 版本记录”恢复（Google 表格保留着历史版本），或把表名改回『建议台账』；不要新建一张空表，那会让系统以为所有建议都已从台账中删除。没有可用的版本时，按部署指南“整张台账丢失时”一节，用看板“导出台账（CSV）”导出的台账恢复";
    const { reason, message } = await health();
    expect(reason).toContain(advice);
    expect(reason).not.toContain("再新建（第 1 行写表头）");
    expect(message).toContain(advice);
    const overview = await pageText("/");
    expect(overview).toContain(advice);
    expect(overview).not.toContain("再新建（第 1 行写表头）");
    expect(await ledgerError()).toContain(advice);

    const held =
      "找不到工作表『建议台账』（同步已暂停，系统存有 40 条），逐条恢复补不回整张台账：请先用“撤销”或表格的“文件 → 版本记录”恢复整张表（不要新建空表）；没有可用版本时，按部署指南“整张台账丢失时”一节用导出的台账恢复。台账恢复后，下次同步（每 10 分钟一次）即恢复正常";
    expect(await restore(`/api/suggestions/${ID}/restore`)).toEqual({ status: 409, message: held });
    expect(await restore("/api/suggestions/restore", { ids: [ID, "2026-006"] })).toEqual({
      status: 409,
      message: held,
    });
  });
});

describe("a clerk empties 建议台账 (its rows deleted, the header kept)", () => {
  it("answers 恢复, one or many, with why it cannot help and what to do, and as before once the rows are back", async () => {
    const before = (await emulator.getValues(SHEET, LEDGER, "FORMULA")) as CellValue[][];
    await (await dashboardDeps()).sheets.batchClear([`${LEDGER}!A2:AZ`]);
    await sync();

    const held =
      "『建议台账』现在没有数据行（同步已暂停，系统存有 40 条），逐条恢复补不回整张台账：请先用表格的“文件 → 版本记录”恢复整张表；没有可用版本时，按部署指南“整张台账丢失时”一节用导出的台账恢复。台账恢复后，下次同步（每 10 分钟一次）即恢复正常";
    expect(await restore(`/api/suggestions/${ID}/restore`)).toEqual({ status: 409, message: held });
    expect(await restore("/api/suggestions/restore", { ids: [ID, "2026-006"] })).toEqual({
      status: 409,
      message: held,
    });
    expect(await emulator.getValues(SHEET, LEDGER)).toHaveLength(1);
    expect(await ledgerError()).toContain(
      "没有可用的版本时，按部署指南“整张台账丢失时”一节，用看板“导出台账（CSV）”导出的台账恢复",
    );

    // 文件 → 版本记录: the rows are back, and the next sync reads them.
    await (await dashboardDeps()).sheets.batchUpdateValues(
      [{ range: `${LEDGER}!A1`, values: before }],
      "RAW",
    );
    await sync();
    expect(await restore(`/api/suggestions/${ID}/restore`)).toEqual({
      status: 409,
      message: `编号 ${ID} 仍在『建议台账』中，无需恢复`,
    });
    expect(before.length).toBe(ROWS + 1);
  });

  it("says the same when select all → Delete took the header too", async () => {
    await (await dashboardDeps()).sheets.batchClear([LEDGER]);
    await sync();

    const answer = await restore(`/api/suggestions/${ID}/restore`);
    expect(answer.status).toBe(409);
    expect(answer.message).toMatch(
      /^『建议台账』现在没有数据行（同步已暂停，系统存有 40 条），逐条恢复补不回整张台账/,
    );
  });
});
