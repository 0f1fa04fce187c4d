import { exports } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab, problemsTab } from "../../sheets-schema/tabs";
import { columnLetter } from "../../src/domain/a1";
import { serialFromIso } from "../../src/domain/civil-date";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS, fixtureSheets } from "../support/ledger-fixture";
import { depsFor, resetDatabase } from "../support/sync-helpers";

// The dashboard works on the Worker's configured spreadsheet (SPREADSHEET_ID=test-sheet).
const SHEET = "test-sheet";
const LEDGER = `'${TAB_NAMES.ledger}'`;
const headers = ledgerTab.columns.map((c) => c.header);
const col = (h: string) => headers.indexOf(h);
const problemCol = (h: string) => problemsTab.columns.findIndex((c) => c.header === h);
const DAY_MS = 86_400_000;

const ledger = () => emulator.getValues(SHEET, LEDGER);
const cell = async (row: number, header: string) => (await ledger())[row - 1]?.[col(header)] ?? "";
/** What a clerk types into one ledger cell (a date as the sheet keeps it, a day serial). */
const type = (row: number, header: string, value: string | number) =>
  depsFor(SHEET).sheets.batchUpdateValues(
    [{ range: `${LEDGER}!${columnLetter(col(header))}${row}`, values: [[value]] }],
    "RAW",
  );
/** The 校验问题 tab's lines about one ledger row, as staff read them: column and message. */
const problemsOfRow = async (row: number) =>
  (await emulator.getValues(SHEET, `'${TAB_NAMES.problems}'`))
    .slice(1)
    .filter((p) => p[problemCol("行号")] === row)
    .map((p) => ({ column: p[problemCol("列")], message: String(p[problemCol("问题")]) }));
const page = async (id: string) =>
  (
    await exports.default.fetch(
      new Request(`http://jianyi.test/suggestions/${id}`, {
        headers: { authorization: "Bearer test-admin-token" },
      }),
    )
  ).text();
const putBack = async (id: string) =>
  (await depsFor(SHEET).snapshots.history(id)).filter((h) => h.note === "系统列，已按规则改回");

beforeEach(resetDatabase);

describe("a person typing into a system column of 建议台账", () => {
  it("is put back, kept in the suggestion's history and told once in 校验问题; a status the rules moved is not", async () => {
    await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
    await emulator.createSpreadsheet(SHEET, fixtureSheets(buildFixture(40)));
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
    // Row 8 (2026-007) is 已逾期, row 20 (2026-019) 即将到期, row 3 (2026-002) has no problem.
    expect(await cell(8, "台账状态")).toBe("已逾期");
    const due = await cell(20, "办理期限");
    expect(await cell(3, "校验问题")).toBe("");

    await type(8, "台账状态", "已答复");
    await type(20, "办理期限", serialFromIso("2026-12-31"));
    await type(3, "校验问题", "已核实，答复日期无误");
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS + 600_000);

    expect(await cell(8, "台账状态")).toBe("已逾期");
    expect(await cell(20, "办理期限")).toBe(due);
    expect(await cell(3, "校验问题")).toBe("");
    expect(await cell(20, "台账状态")).toBe("即将到期");
    expect(await putBack("2026-007")).toMatchObject([
      { column: "台账状态", oldValue: "已答复", newValue: "已逾期", source: "system" },
    ]);
    expect(await putBack("2026-019")).toMatchObject([
      { column: "办理期限", oldValue: "2026-12-31", source: "system" },
    ]);
    expect(await putBack("2026-002")).toMatchObject([
      { column: "校验问题", oldValue: "已核实，答复日期无误", newValue: null },
    ]);
    const history = await page("2026-007");
    expect(history).toContain("台账状态：已答复 → 已逾期");
    expect(history).toContain("系统列，已按规则改回");
    expect(await problemsOfRow(8)).toContainEqual({
      column: "台账状态",
      message:
        "『台账状态』由系统按规则填写，这里手填的“已答复”已改回“已逾期”（手填内容记在该建议的变更与通知记录中）：" +
        "请填写答复日期、答复类别等，状态由系统计算",
    });
    expect(await problemsOfRow(20)).toContainEqual({
      column: "办理期限",
      message: expect.stringMatching(
        /^『办理期限』由系统按规则填写，这里手填的“2026-12-31”已改回“2026-\d\d-\d\d”.*：延期请填『延期申请』，或按规定将办理时限改为 六个月$/,
      ),
    });
    expect(await problemsOfRow(3)).toContainEqual({
      column: "校验问题",
      message:
        "『校验问题』由系统按规则填写，这里手填的“已核实，答复日期无误”已改回空白（手填内容记在该建议的变更与通知记录中）：" +
        "说明请写在『备注』",
    });

    // Weeks later, nothing typed: 2026-019's due date has passed, so the sync moves its status.
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS + 24 * DAY_MS);

    expect(await cell(20, "台账状态")).toBe("已逾期");
    expect(await putBack("2026-019")).toHaveLength(1);
    const told = (await emulator.getValues(SHEET, `'${TAB_NAMES.problems}'`)).filter((p) =>
      String(p[problemCol("问题")]).includes("由系统按规则填写"),
    );
    expect(told).toEqual([]);
  });
});
