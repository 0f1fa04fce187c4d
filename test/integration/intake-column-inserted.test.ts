import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs";
import { LEDGER_DATE_HEADERS, rawText } from "../../src/domain/dashboard/cell-text";
import { applyInbox } from "../../src/jobs/intake/apply-inbox";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS, fixtureSheets } from "../support/ledger-fixture";
import { reshapeBeforeNextWrite, reshapeOutcome } from "../support/reshape";
import { postForm } from "../support/signed-post";
import { depsFor, inboxKeys, resetDatabase, timelineOf } from "../support/sync-helpers";

/**
 * Staff insert a blank column left of 答复日期 in the instant a form's write goes out: every value
 * lands one column to the right of its header. The writer puts back every cell it hit by mistake,
 * the new blank column included, and the history tells the form's change from what the cells held
 * before (not the misplaced values), with a repair note that says columns moved.
 */
const SHEET = "column-inserted";
const LEDGER = `'${TAB_NAMES.ledger}'`;
const ROWS = 40;
const headers = ledgerTab.columns.map((c) => c.header);
const STAFF = ledgerTab.columns.filter((c) => c.owner === "staff").map((c) => c.header);
const col = (h: string) => headers.indexOf(h);
/** Where the person's blank column is: 答复日期's place before, column T. */
const BLANK = col("答复日期");
/** 已逾期 with no reply yet (row 8), and 待测评 (row 9), whose 答复函 staff filled in. */
const REPLIED = "2026-007";
const RATED = "2026-008";
const LETTER = "https://example.org/letters/2026-008.pdf";
const REPLY_TEXT = "应急管理已列入计划";
const COLUMNS_NOTE = "写入时表格刚插入、移动或删除了列，误写到本行的值已按写入瞬间的原值恢复";

const ledger = () => emulator.getValues(SHEET, LEDGER);

/** Each row's staff cells by header (so the inserted column does not shift them), keyed by 编号. */
function staffCells(rows: unknown[][]): Map<string, Record<string, string>> {
  const header = (rows[0] ?? []).map(String);
  const out = new Map<string, Record<string, string>>();
  for (const row of rows.slice(1)) {
    const at = (h: string) => String(row[header.indexOf(h)] ?? "");
    out.set(at("编号"), Object.fromEntries(STAFF.map((h) => [h, at(h)])));
  }
  return out;
}

/** The value the history ends on for each column of a suggestion (the audit trail's last entry). */
async function lastInHistory(id: string): Promise<Map<string, string>> {
  const { results } = await env.DB.prepare(
    "SELECT column_name, new_value FROM audit_trail WHERE suggestion_id = ?1 ORDER BY seq",
  )
    .bind(id)
    .all<{ column_name: string; new_value: string | null }>();
  return new Map(results.map((r) => [r.column_name, r.new_value ?? ""]));
}

/** Every column the history names for `id` ends on what the sheet's row holds now. */
async function expectHistoryEndsOnSheet(id: string, rows: unknown[][]) {
  const header = (rows[0] ?? []).map(String);
  const row = rows.find((r) => String(r[header.indexOf("编号")]) === id) ?? [];
  for (const [column, last] of await lastInHistory(id)) {
    if (!header.includes(column)) {
      // A column with no header (`T 列（无表头）`): the person's new column, left empty.
      expect(last, `${id} ${column}`).toBe("");
      continue;
    }
    const isDate = LEDGER_DATE_HEADERS.has(column);
    const shown = (v: unknown) =>
      rawText(typeof v === "string" && isDate && /^\d+$/.test(v) ? Number(v) : v, isDate);
    expect(shown(last), `${id} ${column}: the history's last value is the sheet's`).toBe(
      shown(row[header.indexOf(column)] ?? ""),
    );
  }
}

beforeEach(async () => {
  await resetDatabase();
  await emulator.deleteFaults();
  await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
  const tabs = buildFixture(ROWS);
  const rows = tabs[TAB_NAMES.ledger] as (string | number)[][];
  (rows[8] as (string | number)[])[col("答复函")] = LETTER;
  await emulator.createSpreadsheet(SHEET, fixtureSheets(tabs));
  await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
});

/** Applies what was posted with a person's blank column inserted left of 答复日期 just before the write. */
async function applyWhileAColumnIsInserted() {
  const before = staffCells(await ledger());
  const hook = await reshapeBeforeNextWrite(SHEET, "insert a column left of 答复日期", ROWS + 1);
  const applied = await applyInbox(depsFor(SHEET), await inboxKeys(), Date.now());
  await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
  expect(applied.outcome, JSON.stringify(applied)).toBe("ok");
  expect(await reshapeOutcome(hook), "the person's column went in").toEqual({ fired: 1, errors: [] });
  const rows = await ledger();
  expect(rows[0]?.[BLANK] ?? "", "the inserted column has no header").toBe("");
  expect(rows[0]?.[BLANK + 1]).toBe("答复日期");
  // No stray value anywhere: the person's column is empty on every row...
  const stray = rows
    .slice(1)
    .flatMap((r, i) => ((r[BLANK] ?? "") === "" ? [] : [`row ${i + 2}: ${String(r[BLANK])}`]));
  expect(stray, "values left in the person's new column").toEqual([]);
  return { before, after: staffCells(rows), rows };
}

/** ...and every staff cell of every row is as it was, but the cells the form meant to write. */
function expectOnlyTargetsChanged(
  before: Map<string, Record<string, string>>,
  after: Map<string, Record<string, string>>,
  target: string,
  written: readonly string[],
) {
  for (const [id, cells] of before) {
    for (const h of STAFF) {
      if (id === target && written.includes(h)) continue;
      expect(after.get(id)?.[h], `${id} ${h}`).toBe(cells[h]);
    }
  }
}

describe("a blank column inserted left of 答复日期 while a form's write is in flight", () => {
  it("a reply: lands in its own cells, the new column is left empty, and the history ends on the sheet", async () => {
    await postForm("reply", {
      submissionId: "r7-a",
      submittedAt: "2026-11-20T10:00:00+08:00",
      answers: { 编号: REPLIED, 答复日期: "2026-11-20", 答复类别: "B", 答复内容: REPLY_TEXT },
    });

    const { before, after, rows } = await applyWhileAColumnIsInserted();

    expect(after.get(REPLIED)).toMatchObject({
      答复日期: expect.any(String),
      答复类别: "B",
      答复内容: REPLY_TEXT,
    });
    expect(rawText(Number(after.get(REPLIED)?.答复日期), true)).toBe("2026-11-20");
    expectOnlyTargetsChanged(before, after, REPLIED, ["答复日期", "答复类别", "答复内容"]);
    const timeline = await timelineOf(SHEET, REPLIED);
    const form = timeline.filter((e) => e.title === "表单提交（提交号 r7-a）");
    expect(form.map((e) => e.lines)).toEqual([
      ["答复日期：（空） → 2026-11-20", "答复类别：（空） → B", `答复内容：（空） → ${REPLY_TEXT}`],
    ]);
    const repair = timeline.filter((e) => e.title === "系统修复");
    expect(repair.map((e) => e.lines)).toEqual([["T 列（无表头）：2026-11-20 → （空）", COLUMNS_NOTE]]);
    await expectHistoryEndsOnSheet(REPLIED, rows);
  });

  it("a rating: lands in its own cells, 答复函 it hit is put back, and the history ends on the sheet", async () => {
    await postForm("rating", {
      submissionId: "s8-a",
      submittedAt: "2026-11-21T10:00:00+08:00",
      answers: { 编号: RATED, 满意度: "满意", 测评日期: "2026-11-21" },
    });

    const { before, after, rows } = await applyWhileAColumnIsInserted();

    expect(after.get(RATED)).toMatchObject({ 满意度: "满意", 答复函: LETTER });
    expect(rawText(Number(after.get(RATED)?.测评日期), true)).toBe("2026-11-21");
    expectOnlyTargetsChanged(before, after, RATED, ["满意度", "测评日期"]);
    const timeline = await timelineOf(SHEET, RATED);
    const form = timeline.filter((e) => e.title === "表单提交（提交号 s8-a）");
    expect(form.map((e) => e.lines)).toEqual([["满意度：（空） → 满意", "测评日期：（空） → 2026-11-21"]]);
    const repair = timeline.filter((e) => e.title === "系统修复");
    expect(repair.map((e) => e.lines)).toEqual([[`答复函：满意 → ${LETTER}`, COLUMNS_NOTE]]);
    await expectHistoryEndsOnSheet(RATED, rows);
  });
});
