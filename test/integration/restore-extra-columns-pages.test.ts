import { beforeEach, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS } from "../support/ledger-fixture";
import {
  call,
  dashboardDeps,
  pageText,
  postForm,
  SHEET,
  seedAndSync,
  vanishLedgerRows,
} from "./dashboard-helpers";

// 恢复 clicked on the dashboard, when the office's own column (附加列) the row had is gone from the
// ledger: staff must be told, on the page they land on, that some values were not written back.
const LEDGER = `'${TAB_NAMES.ledger}'`;
const ID_AT = ledgerTab.columns.findIndex((c) => c.header === "编号");
const 批示 = "同意，请区教育局抓紧办理";

async function ledgerSheetId(): Promise<number> {
  const ss = await emulator.spreadsheet(SHEET);
  return ss.sheets.find((s) => s.properties.title === TAB_NAMES.ledger)?.properties.sheetId ?? 0;
}

/** Staff delete the office's own last column (督办领导批示), then a sync reads the ledger without it. */
async function deleteLastColumn(): Promise<void> {
  const deps = await dashboardDeps();
  const width = ((await emulator.getValues(SHEET, `${LEDGER}!1:1`))[0] ?? []).length;
  const range = {
    sheetId: await ledgerSheetId(),
    dimension: "COLUMNS",
    startIndex: width - 1,
    endIndex: width,
  };
  await deps.sheets.batchUpdate([{ deleteDimension: { range } }]);
  await runSync(deps, "test", FIXTURE_NOW_MS);
}

let gone: string[] = [];
beforeEach(async () => {
  const tabs = buildFixture(40);
  const ledger = tabs[TAB_NAMES.ledger] as (string | number)[][];
  ledger[0]?.push("督办领导批示");
  for (const [i, row] of ledger.slice(1).entries()) row.push(i === 3 || i === 4 ? 批示 : "");
  await seedAndSync(tabs);
  gone = (await emulator.getValues(SHEET, LEDGER)).slice(4, 6).map((r) => String(r[ID_AT]));
  await vanishLedgerRows(5, 6);
  await deleteLastColumn();
});

describe("恢复 on the dashboard when an office's own column is gone", () => {
  it("one 恢复: 校验问题 names the values not written back and where to paste them", async () => {
    const id = gone[0] as string;
    const answer = await postForm(`/suggestions/${id}/restore`, {});
    expect(answer.status).toBe(303);
    const to = answer.headers.get("location") ?? "";
    expect(to).toContain("unwritten=1");
    const page = await pageText(to);
    expect(page).toContain(`已恢复编号 ${id}`);
    expect(page).toContain(
      `其中有的内容所在的列已从『建议台账』删除，没有写回：“督办领导批示”为“${批示}”。需要时先在第 1 行加回该列，再把内容粘贴到第 `,
    );
  });

  it("批量恢复: the result page names each suggestion's values not written back", async () => {
    const page = await call("/problems/restore", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://jianyi.test" },
      body: new URLSearchParams(gone.map((id) => ["id", id])).toString(),
    });
    const text = await page.text();
    expect(page.status, text.slice(0, 300)).toBe(200);
    expect(text).toContain("已恢复 2 条建议到『建议台账』");
    expect(text).toContain("『建议台账』已没有下列内容所在的列，恢复时没有写回：");
    for (const id of gone) expect(text).toContain(`编号 ${id}`);
    expect(text).toContain(`“督办领导批示”为“${批示}”`);
  });
});
