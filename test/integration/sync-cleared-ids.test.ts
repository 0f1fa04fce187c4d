import { beforeEach, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs";
import { columnLetter } from "../../src/domain/a1";
import { loadLedgerView } from "../../src/jobs/ledger-view";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS, fixtureSheets } from "../support/ledger-fixture";
import { depsFor, resetDatabase } from "../support/sync-helpers";

const SHEET = "cleared-ids-sheet";
const ROWS = 40;
const LEDGER = `'${TAB_NAMES.ledger}'`;
const PROBLEMS = `'${TAB_NAMES.problems}'`;
const ID_AT = ledgerTab.columns.findIndex((c) => c.header === "编号");
const ID_RANGE = `${LEDGER}!${columnLetter(ID_AT)}2:${columnLetter(ID_AT)}${ROWS + 1}`;

async function seed(tabs = buildFixture(ROWS)) {
  await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
  await emulator.createSpreadsheet(SHEET, fixtureSheets(tabs));
}

const idsInSheet = async () => (await emulator.getValues(SHEET, LEDGER)).slice(1).map((r) => r[ID_AT] ?? "");
const writeIds = (ids: readonly unknown[]) =>
  depsFor(SHEET).sheets.batchUpdateValues(
    [{ range: ID_RANGE, values: ids.map((id) => [String(id ?? "")]) }],
    "RAW",
  );

beforeEach(resetDatabase);

describe("a sync that finds the 编号 column cleared", () => {
  it("numbers nothing, marks nothing vanished and says once what happened and how to undo it; pasting the numbers back leaves everything as before", async () => {
    await seed();
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
    const ledgerBefore = await emulator.getValues(SHEET, LEDGER, "FORMULA");
    const problemsBefore = await emulator.getValues(SHEET, PROBLEMS);
    const ids = ledgerBefore.slice(1).map((r) => r[ID_AT]);
    expect(ids.every((id) => /^2026-\d{3}$/.test(String(id)))).toBe(true);

    await writeIds(ids.map(() => ""));
    const cleared = await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);

    expect(cleared.outcome).toBe("ok");
    expect(cleared.assignedIds).toEqual([]);
    expect(cleared.message).toContain("编号列有 40 行为空，疑似被误清空");
    // Nothing written to the ledger: no new 编号, and no 办理期限 or 台账状态 worked out without the
    // rows' 延期申请 (keyed by their 编号).
    expect(await emulator.getValues(SHEET, LEDGER, "FORMULA")).toEqual(
      ledgerBefore.map((r, i) => (i === 0 ? r : r.map((c, j) => (j === ID_AT ? "" : c)))),
    );
    // The pages and the notices go on from the suggestions under their own 编号 (no new notice keys).
    const view = await loadLedgerView(depsFor(SHEET), "2026-11-26");
    expect(view.evaluation.rows.map((r) => r.id)).toEqual(ids);
    expect(await depsFor(SHEET).snapshots.removed()).toEqual([]);
    const problems = await emulator.getValues(SHEET, PROBLEMS);
    // One 错误 where there were none on the ledger, not one per row (the units' own stay as they were).
    const ledgerErrors = (rows: unknown[][]) =>
      rows.filter((p) => p[0] === TAB_NAMES.ledger && p.includes("错误"));
    expect(ledgerErrors(problemsBefore)).toEqual([]);
    const errors = ledgerErrors(problems);
    expect(errors).toHaveLength(1);
    const text = errors[0]?.join("\n") ?? "";
    expect(text).toContain(
      "『建议台账』的编号列有 40 行为空（上次同步后系统存有 40 条建议，现在编号列只剩 0 个编号）：疑似编号列被误清空",
    );
    expect(text).toContain("不编号，也不把原编号记为消失");
    expect(text).toContain("文件 → 版本记录");
    expect(problems.flat().join("\n")).not.toContain("已从本表消失");

    await writeIds(ids);
    const mended = await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);

    expect(mended).toMatchObject({ outcome: "ok", message: "同步完成", rows: ROWS, assignedIds: [] });
    expect(await emulator.getValues(SHEET, LEDGER, "FORMULA")).toEqual(ledgerBefore);
    expect(await emulator.getValues(SHEET, PROBLEMS)).toEqual(problemsBefore);
    expect(await depsFor(SHEET).snapshots.removed()).toEqual([]);
  });

  it("keeps holding the ledger when only some 编号 are pasted back, saying how many are still missing, until all are back", async () => {
    await seed();
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
    const ledgerBefore = await emulator.getValues(SHEET, LEDGER, "FORMULA");
    const problemsBefore = await emulator.getValues(SHEET, PROBLEMS);
    const ids = ledgerBefore.slice(1).map((r) => r[ID_AT]);
    await writeIds(ids.map(() => ""));
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);

    // Half the numbers back: 20 of 40 rows blank, no longer "most", yet 20 known 编号 still gone.
    const half = ids.map((id, i) => (i % 2 === 0 ? id : ""));
    await writeIds(half);
    const partly = await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);

    expect(partly.outcome).toBe("ok");
    expect(partly.assignedIds).toEqual([]);
    expect(partly.message).toContain("编号列仍有 20 行为空、至少 20 个原编号尚未恢复");
    expect(await idsInSheet()).toEqual(half.map(String));
    expect(await depsFor(SHEET).snapshots.removed()).toEqual([]);
    const errors = (await emulator.getValues(SHEET, PROBLEMS)).filter(
      (p) => p[0] === TAB_NAMES.ledger && p.includes("错误"),
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]?.join("\n")).toContain(
      "『建议台账』的编号列仍有 20 行为空（编号列被清空前系统存有 40 条建议，现在编号列有 20 个编号，至少还有 20 个原编号没有恢复）：疑似编号列只恢复了一部分",
    );

    await writeIds(ids);
    const mended = await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);

    expect(mended).toMatchObject({ outcome: "ok", message: "同步完成", rows: ROWS, assignedIds: [] });
    expect(await emulator.getValues(SHEET, LEDGER, "FORMULA")).toEqual(ledgerBefore);
    expect(await emulator.getValues(SHEET, PROBLEMS)).toEqual(problemsBefore);
    expect(await depsFor(SHEET).snapshots.removed()).toEqual([]);
  });

  it("still numbers every row of a new office's first sync of an un-numbered ledger", async () => {
    await seed(buildFixture(ROWS, ROWS));

    const first = await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);

    expect(first.outcome).toBe("ok");
    expect(first.assignedIds).toHaveLength(ROWS);
    const numbered = await idsInSheet();
    expect(numbered.every((id) => /^2026-\d{3}$/.test(String(id)))).toBe(true);
    expect(new Set(numbered).size).toBe(ROWS);
  });
});
