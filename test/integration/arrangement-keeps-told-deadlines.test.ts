import { env } from "cloudflare:workers";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { deputiesTab, ledgerTab } from "../../sheets-schema/tabs";
import { isoFromSerial, serialFromIso } from "../../src/domain/civil-date";
import { loadLedgerView } from "../../src/jobs/ledger-view";
import { resetDatabase } from "../support/sync-helpers";
import { makeLink, pageOnDay } from "./links-setup";
import {
  at10,
  createSheet,
  EMPTY_SMALL_TABS,
  header,
  ledgerCol,
  ledgerValues,
  noticesRunAt11,
  officeDeps,
  officeUnits,
  row,
  syncAt10,
  unitsTabRows,
} from "./notices-setup";

/**
 * Explorer BC's January 2027: 2027-001 is assigned to 区教育局 on Monday 2027-01-25, when nobody has
 * entered 2027's 放假安排 (the built-in calendar has none): its 交办通知 says 办理期限 2027年4月26日（暂定）
 * and 异议期限 2027年2月3日（暂定）. On 2027-01-28 staff enter the arrangement in 『节假日』 (春节 2-5…2-12 休
 * with 班 on Sunday 1-31 and Saturday 2-20; 清明 4-3…4-5 休; 劳动节 5-1…5-5 休 with 班 on Sunday 4-25).
 * Worked out afresh, the 调休 working days would make them 4-25 and 2-2, earlier than the unit was told.
 */
const office = `kept-told-${crypto.randomUUID().slice(0, 8)}`;
const ID = "2027-001";

const rest = (from: number, to: number, month: string, note: string) =>
  Array.from({ length: to - from + 1 }, (_, i) => [
    serialFromIso(`2027-${month}-${String(from + i).padStart(2, "0")}`),
    "休",
    note,
  ]);
const work = (date: string, note: string) => [serialFromIso(date), "班", note];
const ARRANGEMENT_2027 = [
  ...rest(5, 12, "02", "春节"),
  work("2027-01-31", "春节调休上班"),
  work("2027-02-20", "春节调休上班"),
  ...rest(3, 5, "04", "清明节"),
  ...rest(1, 5, "05", "劳动节"),
  work("2027-04-25", "劳动节调休上班"),
];

/** 2027-001's row in 建议台账 as the sync left it: 办理期限 (ISO) and 台账状态. */
async function ledgerRow(): Promise<{ due: string; status: string }> {
  const rows = await ledgerValues(office);
  const cells = rows.find((r) => r[ledgerCol("编号")] === ID) ?? [];
  const due = cells[ledgerCol("办理期限")];
  return {
    due: typeof due === "number" ? isoFromSerial(due) : String(due),
    status: String(cells[ledgerCol("台账状态")]),
  };
}

let unitLink = "";

// Syncs and notices run on the real clock: the page's clock is put back after each test.
afterEach(() => vi.useRealTimers());

beforeAll(async () => {
  await resetDatabase();
  await createSheet(office, {
    [TAB_NAMES.ledger]: [
      header(ledgerTab),
      row(ledgerTab, {
        编号: ID,
        标题: "关于改善城区学校周边交通秩序的建议",
        领衔代表: "张明",
        类别: "社会事业",
        提出日期: serialFromIso("2027-01-12"),
        审查结果: "立案",
        主办单位: "区教育局",
        交办日期: serialFromIso("2027-01-25"),
      }),
    ],
    [TAB_NAMES.units]: unitsTabRows(officeUnits(office)),
    [TAB_NAMES.deputies]: [
      header(deputiesTab),
      row(deputiesTab, { 姓名: "张明", 邮箱: `zm-${office}@example.cn` }),
    ],
    ...EMPTY_SMALL_TABS,
  });
  await syncAt10(office, "2027-01-25");
  await noticesRunAt11(office, "2027-01-25");
  const deps = await officeDeps(office);
  await deps.sheets.batchUpdateValues(
    [{ range: `'${TAB_NAMES.holidays}'!A2:C${ARRANGEMENT_2027.length + 1}`, values: ARRANGEMENT_2027 }],
    "RAW",
  );
  await syncAt10(office, "2027-01-28");
  unitLink = (await makeLink("unit", "区教育局", { nowMs: at10("2027-01-28") })).path;
});

describe("entering 2027's 放假安排 never moves a deadline the 交办通知 gave (暂定) earlier", () => {
  it("the 交办通知 of 1-25 gave 办理期限 2027年4月26日（暂定） and 异议期限 2027年2月3日（暂定）", async () => {
    const told = await env.DB.prepare(
      "SELECT body FROM notices WHERE type = '交办通知' AND recipient = '区教育局' AND suggestion_id = ?1",
    )
      .bind(ID)
      .first<{ body: string }>();
    expect(told?.body).toContain("2027年4月26日（暂定）");
    expect(told?.body).toContain("如对交办有异议，请于 2027年2月3日（暂定）前提出");
  });

  it("建议台账's 办理期限 stays 2027-04-26, its explanation saying why", async () => {
    expect((await ledgerRow()).due).toBe("2027-04-26");
    const view = await loadLedgerView(await officeDeps(office), "2027-01-28", "whole");
    const evaluated = view.evaluation.rows.find((r) => r.id === ID);
    expect(evaluated?.firstDeadline?.explanation).toBe(
      "按交办时通知的期限（2027 年放假安排录入前暂定）：交办日期 2027-01-25 起算三个月为 2027-04-25（星期日），是周末，顺延至 2027-04-26（星期一）；按录入的 2027 年放假安排计算为 2027-04-25（星期日），早于已通知的期限，仍以通知所列期限为准",
    );
  });

  it("the unit's link takes its objection on 2-3, the day its 交办通知 named", async () => {
    const page = await pageOnDay(`${unitLink}/s/${ID}`, "2027-02-03");
    expect(page).toContain(`action="${unitLink}/s/${ID}/objection"`);
    expect(page).toContain("请于 2027-02-03");
    // The page says the kept 办理期限 and why, as 建议台账 does.
    expect(page).toContain("<dt>办理期限</dt><dd>2027-04-26</dd>");
    expect(page).toContain("<dt>期限说明</dt><dd>按交办时通知的期限（2027 年放假安排录入前暂定）");
    const after = await pageOnDay(`${unitLink}/s/${ID}`, "2027-02-04");
    expect(after).not.toContain(`action="${unitLink}/s/${ID}/objection"`);
  });

  it("on 4-26, the day the 交办通知 named, the row is not 已逾期; on 4-27 it is", async () => {
    await syncAt10(office, "2027-04-26");
    const onTheDay = await ledgerRow();
    expect(onTheDay.due).toBe("2027-04-26");
    expect(onTheDay.status).not.toBe("已逾期");
    await syncAt10(office, "2027-04-27");
    expect((await ledgerRow()).status).toBe("已逾期");
  });
});
