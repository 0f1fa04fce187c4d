import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs";
import { serialFromIso } from "../../src/domain/civil-date";
import { emulator } from "../support/emulator-admin";
import { resetDatabase } from "../support/sync-helpers";
import { at10, buildOfficeSheet, ledgerCol, noticesRunAt11, officeDeps, syncAt10 } from "./notices-setup";

const LEDGER = `'${TAB_NAMES.ledger}'`;
const column = (h: string) => String.fromCharCode(65 + ledgerCol(h));

/**
 * 答复日期 of rows 2–7 (2026-001 … 2026-006, all 交办 2026-03-02): 2026-001 never replied (its
 * 办理期限 passed in June), the five others replied in April and May, latest first.
 */
const REPLIED = ["", "2026-05-06", "2026-04-28", "2026-04-21", "2026-04-14", "2026-04-07"].map((d) =>
  d ? serialFromIso(d) : "",
);
/** The same column after a clerk sorted T2:T7 alone (Data → sort range): ascending, blank last. */
const SORTED = [...REPLIED.slice(1).reverse(), ""];

async function setColumn(office: string, header: string, values: readonly (string | number)[]) {
  const deps = await officeDeps(office);
  const c = column(header);
  await deps.sheets.batchUpdateValues(
    [{ range: `${LEDGER}!${c}2:${c}${values.length + 1}`, values: values.map((v) => [v]) }],
    "RAW",
  );
}

/** The day's notices run, an hour after the sync: what was sent that day, as "编号 type → recipient". */
async function noticesOn(office: string, day: string): Promise<string[]> {
  await noticesRunAt11(office, day);
  const { results } = await env.DB.prepare(
    `SELECT suggestion_id, type, recipient FROM notices WHERE planned_at >= ?1 AND planned_at < ?2 ORDER BY id`,
  )
    .bind(new Date(at10(day)).toISOString(), new Date(at10(day) + 86_400_000).toISOString())
    .all<{ suggestion_id: string; type: string; recipient: string }>();
  return results.map((n) => `${n.suggestion_id} ${n.type} → ${n.recipient}`);
}

/** The 校验问题 tab's 错误 about the 建议台账, as "row|column|message". */
async function ledgerErrors(office: string): Promise<string[]> {
  const rows = await emulator.getValues(office, `'${TAB_NAMES.problems}'`);
  const header = (rows[0] ?? []).map(String);
  const at = (h: string) => header.indexOf(h);
  return rows
    .slice(1)
    .filter((r) => r[at("工作表")] === TAB_NAMES.ledger && r[at("级别")] === "错误")
    .map((r) => `${r[at("行号")]}|${r[at("列")]}|${r[at("问题")]}`);
}

/** 台账状态 of rows 2–7 as the sheet shows them. */
async function statuses(office: string): Promise<string[]> {
  const rows = await emulator.getValues(office, LEDGER);
  const at = (rows[0] ?? []).map(String).indexOf("台账状态");
  return rows.slice(1, 7).map((r) => String(r[at] ?? ""));
}

let office = "";

beforeEach(async () => {
  await resetDatabase();
  office = `shifted-${crypto.randomUUID().slice(0, 8)}`;
  await buildOfficeSheet(office);
  // A sixth suggestion for 区教育局, then the replies of 2026-002 … 2026-006 (类别 A, rated 满意).
  const deps = await officeDeps(office);
  const sixth = ledgerTab.columns.map(
    (c) =>
      ({
        编号: "2026-006",
        标题: "关于第6件民生实事的建议",
        领衔代表: "张明",
        类别: "社会事业",
        提出日期: serialFromIso("2026-01-13"),
        审查结果: "立案",
        主办单位: "区教育局",
        交办日期: serialFromIso("2026-03-02"),
      })[c.header] ?? "",
  );
  await deps.sheets.batchUpdateValues([{ range: `${LEDGER}!A7`, values: [sixth] }], "RAW");
  await setColumn(office, "答复日期", REPLIED);
  await setColumn(office, "答复类别", ["", "A", "A", "A", "A", "A"]);
  await setColumn(office, "满意度", ["", "满意", "满意", "满意", "满意", "满意"]);
  // The office's first sync sees 2026-001 awaiting its reply and the others replied and rated.
  await syncAt10(office, "2026-05-20");
});

const SHIFT_ERROR =
  "2|答复日期|『答复日期』列第 2–7 行的值与上次同步相比整体错位（像是只对这一列排序，或粘贴时错了行）：" +
  "请用“撤销”或“文件 → 版本记录”恢复；改好之前，这些行的办理期限、台账状态和提醒都按上次同步的值。" +
  "确系有意调换的，请先清空这些格，下次同步后再填入";

describe("答复日期 sorted alone, every row keeping its 编号 and 标题", () => {
  it("still presses the overdue suggestion, presses none that replied, and says so in one 错误", async () => {
    // Monday 2026-07-06, a month after 2026-001's 办理期限: a clerk sorts column T alone.
    await setColumn(office, "答复日期", SORTED);
    await syncAt10(office, "2026-07-06");
    expect(await noticesOn(office, "2026-07-06")).toEqual(["2026-001 逾期催办 → 区教育局"]);
    expect(await ledgerErrors(office)).toContain(SHIFT_ERROR);
    // The sheet's system columns go by the stored dates too: 2026-001 overdue, the others replied.
    expect(await statuses(office)).toEqual(["已逾期", "已办结", "已办结", "已办结", "已办结", "已办结"]);
  });

  it("clears the 错误 and sends nothing more once the column is put back", async () => {
    await setColumn(office, "答复日期", SORTED);
    await syncAt10(office, "2026-07-06");
    expect(await noticesOn(office, "2026-07-06")).toEqual(["2026-001 逾期催办 → 区教育局"]);
    // The next day the clerk undoes the sort.
    await setColumn(office, "答复日期", REPLIED);
    await syncAt10(office, "2026-07-07");
    expect((await ledgerErrors(office)).filter((p) => p.includes("错位"))).toEqual([]);
    expect(await noticesOn(office, "2026-07-07")).toEqual([]);
  });
});
