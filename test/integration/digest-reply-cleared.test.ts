import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { serialFromIso } from "../../src/domain/civil-date";
import { resetDatabase } from "../support/sync-helpers";
import {
  at10,
  buildOfficeSheet,
  noticesRunAt11,
  officeDeps,
  setLedgerRow2,
  syncAt10,
  UNIT_NAMES,
} from "./notices-setup";

/** 2026-001 (区教育局, 交办 2026-03-02, 办理期限 in June) as replied and rated in April. */
const REPLY = { 答复日期: serialFromIso("2026-04-07"), 答复类别: "A", 满意度: "满意" } as const;
const BLANK = { 答复日期: "", 答复类别: "", 满意度: "" } as const;

/** The 督办周报 the day's notices run (an hour after the sync) wrote to the leaders, as they read it. */
async function digestOn(office: string, day: string): Promise<string> {
  await noticesRunAt11(office, day);
  const digest = await env.DB.prepare(
    "SELECT body FROM notices WHERE type = '督办周报' AND planned_at >= ?1 ORDER BY id DESC",
  )
    .bind(new Date(at10(day)).toISOString())
    .first<{ body: string }>();
  return digest?.body ?? "";
}

const lineOf = (text: string, id: string) => text.split("\n").find((line) => line.includes(id)) ?? "";

/** The lines of the 周报's 已逾期 list, its heading first. */
function overdueList(text: string): string[] {
  const lines = text.split("\n");
  const start = lines.findIndex((line) => line.startsWith("已逾期（"));
  const end = lines.indexOf("", start);
  return lines.slice(start, end < 0 ? undefined : end);
}

let office = "";

beforeEach(async () => {
  await resetDatabase();
  office = `digest-cleared-${crypto.randomUUID().slice(0, 8)}`;
  await buildOfficeSheet(office);
  await setLedgerRow2(office, REPLY);
  const deps = await officeDeps(office);
  await deps.sheets.batchUpdateValues(
    [{ range: `'${TAB_NAMES.settings}'!A2:B2`, values: [["周报接收人", "leader@example.gov.cn"]] }],
    "RAW",
  );
  // The office's first sync sees 2026-001 replied and rated.
  await syncAt10(office, "2026-04-20");
});

describe("督办周报 on a suggestion whose reply was cleared (答复日期…满意度 deleted)", () => {
  it("says in the 已逾期 list that its reply was cleared, during the grace, and lists it as any other after it", async () => {
    // Monday 2026-07-06, the 周报's day: a clerk deletes 答复日期…满意度 of 2026-001, a month after
    // its 办理期限 (the other four suggestions were never replied).
    await setLedgerRow2(office, BLANK);
    await syncAt10(office, "2026-07-06");
    const during = await digestOn(office, "2026-07-06");
    // Counted as 已逾期, as 统计 and the dashboard count it (逾期未答复), and marked for what it is.
    expect(during).toContain(`逾期未答复 ${UNIT_NAMES.length} 件`);
    expect(overdueList(during)[0]).toBe(`已逾期（${UNIT_NAMES.length} 件）：`);
    expect(lineOf(during, "2026-001")).toMatch(
      /^\d\. 2026-001《关于第1件民生实事的建议》主办：区教育局，办理期限 \d{4}年\d+月\d+日，已逾期 \d+ 天（答复内容被清空，待核实）$/,
    );
    // The others were never replied: overdue, said plainly.
    expect(overdueList(during).filter((line) => line.includes("答复内容被清空"))).toHaveLength(1);

    // Next Monday, the grace over and the cells still blank (cleared on purpose): overdue, no mark.
    await syncAt10(office, "2026-07-13");
    const after = await digestOn(office, "2026-07-13");
    expect(lineOf(after, "2026-001")).toMatch(/^\d\. 2026-001《关于第1件民生实事的建议》.*，已逾期 \d+ 天$/);
  });
});
