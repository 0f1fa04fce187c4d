import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { serialFromIso } from "../../src/domain/civil-date";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { resetDatabase } from "../support/sync-helpers";
import {
  assignedRow,
  at10,
  buildOfficeSheet,
  ledgerCol,
  officeDeps,
  syncAt10,
  UNIT_NAMES,
} from "./notices-setup";

const LEDGER = `'${TAB_NAMES.ledger}'`;
const column = (h: string) => String.fromCharCode(65 + ledgerCol(h));

/** Rows 2–25 (2026-001 … 2026-024) replied in April, each 答复内容 its own; rows 26–30 await a reply. */
const REPLIED = 24;
const AWAITING = 5;
const replyOf = (n: number) => `关于“第${n}件民生实事”的答复：已列入今年计划，由第${n}街道负责落实。`;

/** What an explorer filled down over 答复内容 of rows 6–25 (column V). */
const PASTED = "已按代表意见办理，详见答复函";

/** Staff writing `values` into `header`'s cells from sheet row `firstRow` down. */
async function fillColumn(office: string, header: string, firstRow: number, values: readonly string[]) {
  const deps = await officeDeps(office);
  const c = column(header);
  await deps.sheets.batchUpdateValues(
    [
      {
        range: `${LEDGER}!${c}${firstRow}:${c}${firstRow + values.length - 1}`,
        values: values.map((v) => [v]),
      },
    ],
    "RAW",
  );
}

/** The 校验问题 tab's 提醒 about the 建议台账 that tell of a paste, as "row|column|message". */
async function pasteReminders(office: string): Promise<string[]> {
  const rows = await emulator.getValues(office, `'${TAB_NAMES.problems}'`);
  const header = (rows[0] ?? []).map(String);
  const at = (h: string) => header.indexOf(h);
  return rows
    .slice(1)
    .filter(
      (r) =>
        r[at("工作表")] === TAB_NAMES.ledger &&
        r[at("级别")] === "提醒" &&
        String(r[at("问题")]).includes("粘贴"),
    )
    .map((r) => `${r[at("行号")]}|${r[at("列")]}|${r[at("问题")]}`);
}

/** The suggestions whose history records 答复内容 changed to `text`. */
async function auditedTo(text: string): Promise<string[]> {
  const { results } = await env.DB.prepare(
    "SELECT suggestion_id FROM audit_trail WHERE column_name = '答复内容' AND new_value = ?1 ORDER BY suggestion_id",
  )
    .bind(text)
    .all<{ suggestion_id: string }>();
  return results.map((r) => r.suggestion_id);
}

let office = "";

beforeEach(async () => {
  await resetDatabase();
  office = `pasted-${crypto.randomUUID().slice(0, 8)}`;
  await buildOfficeSheet(office);
  const deps = await officeDeps(office);
  const rows = Array.from({ length: REPLIED + AWAITING }, (_, i) => {
    const n = i + 1;
    const unit = UNIT_NAMES[i % UNIT_NAMES.length] as string;
    return n > REPLIED
      ? assignedRow(n, unit)
      : assignedRow(n, unit, { 答复日期: serialFromIso("2026-04-20"), 答复类别: "A", 答复内容: replyOf(n) });
  });
  await deps.sheets.batchUpdateValues([{ range: `${LEDGER}!A2`, values: rows }], "RAW");
  // The office's first sync stores every row as it stands: its own replies, five awaited.
  await syncAt10(office, "2026-05-20");
});

const PASTE_REMINDER =
  "6|答复内容|疑似整块粘贴：20 行的『答复内容』（第 6–25 行）在同一次同步中被改成了相同的文字" +
  "“已按代表意见办理，详见答复函”。如系误操作，可用“撤销”或“文件 → 版本记录”恢复，" +
  "原文也保存在看板各建议页的“变更与通知记录”中；确系有意统一改写的，不必处理";

describe("one text filled down over 答复内容 of twenty suggestions", () => {
  it("says so in one 提醒 naming the column, the rows and the text", async () => {
    await fillColumn(office, "答复内容", 6, Array(20).fill(PASTED));
    await syncAt10(office, "2026-05-21");
    expect(await pasteReminders(office)).toEqual([PASTE_REMINDER]);
  });

  it("says it in the sync that saw the paste only, not in the syncs after", async () => {
    await fillColumn(office, "答复内容", 6, Array(20).fill(PASTED));
    await syncAt10(office, "2026-05-21");
    expect(await pasteReminders(office)).toEqual([PASTE_REMINDER]);
    // Ten minutes later the rows are as the last sync stored them (the chunk's result is reused).
    const later = await runSync(await officeDeps(office), "test", at10("2026-05-21") + 600_000);
    expect(later.outcome).toBe("ok");
    expect(await pasteReminders(office)).toEqual([]);
    // And the next day, when the rows are checked anew.
    await syncAt10(office, "2026-05-22");
    expect(await pasteReminders(office)).toEqual([]);
  });
});

describe("one standard text typed into blank 答复内容", () => {
  it("is ordinary work: no 提醒", async () => {
    // Rows 26–30 (2026-025 … 2026-029) had no 答复内容 yet.
    await fillColumn(office, "答复内容", 26, Array(AWAITING).fill(PASTED));
    await syncAt10(office, "2026-05-21");
    expect(await pasteReminders(office)).toEqual([]);
    // The sync did take the new text in (each suggestion's history has it); it only said nothing.
    expect(await auditedTo(PASTED)).toEqual(["2026-025", "2026-026", "2026-027", "2026-028", "2026-029"]);
  });
});
