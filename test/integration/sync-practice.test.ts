import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs";
import { isoFromSerial } from "../../src/domain/civil-date";
import { loadLedgerView } from "../../src/jobs/ledger-view";
import { runSync } from "../../src/jobs/sync/run-sync";
import { createMetaStore } from "../../src/store/meta";
import { loadStoredReport } from "../../src/store/page-figures";
import { emulator } from "../support/emulator-admin";
import { FIXTURE_NOW_MS, FIXTURE_TODAY } from "../support/ledger-fixture";
import { type Cells, practiceSheet, rowOf } from "../support/practice-sheet";
import { countingTabSaves, depsFor, resetDatabase } from "../support/sync-helpers";

const headers = ledgerTab.columns.map((c) => c.header);
const col = (header: string) => headers.indexOf(header);
const UNITS = [
  { 单位名称: "区教育局", 邮箱: "jyj@example.gov.cn" },
  { 单位名称: "区住建局", 邮箱: "zjj@example.gov.cn" },
];
const DEPUTIES = [{ 姓名: "张明", 邮箱: "zm@example.cn" }];
const base: Cells = {
  标题: "关于改善城区学校周边交通秩序的建议",
  领衔代表: "张明",
  类别: "教育医疗",
  提出日期: "2026-01-08",
  审查结果: "立案",
  主办单位: "区教育局",
};

async function synced(id: string, sheet: Parameters<typeof practiceSheet>[0]) {
  await emulator.deleteSpreadsheet(id).catch(() => undefined);
  await emulator.createSpreadsheet(id, practiceSheet({ units: UNITS, deputies: DEPUTIES, ...sheet }));
  const result = await runSync(depsFor(id), "test", FIXTURE_NOW_MS);
  expect(result).toMatchObject({ outcome: "ok" });
  const ledger = await emulator.getValues(id, `'${TAB_NAMES.ledger}'`);
  return { result, ledger, row: (n: number) => ledger[n - 1] ?? [] };
}

beforeEach(resetDatabase);

/** The summary version the last sync stamped (the stored figures are of it). */
async function storedVersion(): Promise<string | undefined> {
  const stamp = await env.DB.prepare("SELECT value FROM meta WHERE key = 'summary'").first<{
    value: string;
  }>();
  return stamp ? (JSON.parse(stamp.value) as { version?: string }).version : undefined;
}

describe("同步：practice.md 的跨表规则", () => {
  it("一条同意的延期申请使同步后的办理期限为交办日期起算六个月，说明写明经批准延期", async () => {
    const { row } = await synced("practice-extension", {
      ledger: [
        { ...base, 编号: "2026-001", 交办日期: "2026-06-01" },
        { ...base, 编号: "2026-002", 交办日期: "2026-06-01" },
      ],
      extensions: [
        {
          编号: "2026-001",
          申请日期: "2026-07-15",
          申请单位: "区教育局",
          理由: "需协调市级部门统筹资金",
          审批结果: "同意",
          审批日期: "2026-07-17",
          审批人: "刘振华主任",
        },
      ],
    });
    // 2026-06-01 + 6 months = Tuesday 2026-12-01; without the extension 2026-09-01 has passed.
    expect(isoFromSerial(row(2)[col("办理期限")] as number)).toBe("2026-12-01");
    expect(row(2)[col("台账状态")]).toBe("即将到期");
    expect(isoFromSerial(row(3)[col("办理期限")] as number)).toBe("2026-09-01");
    expect(row(3)[col("台账状态")]).toBe("已逾期");
    const view = await loadLedgerView(depsFor("practice-extension"), FIXTURE_TODAY, "whole");
    const extended = view.evaluation.rows.find((r) => r.id === "2026-001");
    expect(extended?.firstDeadline?.explanation).toBe(
      "交办日期 2026-06-01 起算六个月（经批准延期）为 2026-12-01（星期二），是工作日，即为期限",
    );
    // 延期件数 of the unit, as the 统计 tab shows it.
    const statistics = await emulator.getValues("practice-extension", `'${TAB_NAMES.statistics}'`);
    const unit = statistics.find((r) => r[0] === "区教育局");
    expect(unit?.[(statistics[0] ?? []).indexOf("延期件数")]).toBe(1);
  });

  it("首轮答复前没有办前联系的，同步后台账的校验问题和『校验问题』表都有提醒", async () => {
    const replied = { ...base, 交办日期: "2026-03-02", 答复日期: "2026-05-20", 答复类别: "A" };
    const { row } = await synced("practice-contact", {
      ledger: [
        { ...replied, 编号: "2026-001" },
        { ...replied, 编号: "2026-002" },
      ],
      contacts: [{ 编号: "2026-002", 日期: "2026-03-10", 阶段: "办前", 方式: "面商", 承办单位: "区教育局" }],
    });
    expect(String(row(2)[col("校验问题")])).toContain("[提醒] 答复日期：答复前未记录办前联系");
    expect(row(3)[col("校验问题")] ?? "").toBe("");
    const problems = await emulator.getValues("practice-contact", `'${TAB_NAMES.problems}'`);
    expect(problems).toContainEqual([
      "建议台账",
      2,
      "2026-001",
      "答复日期",
      "提醒",
      expect.stringContaining("答复前未记录办前联系"),
    ]);
    // 沟通率 of the unit: one of two replies had a 办前 contact.
    const statistics = await emulator.getValues("practice-contact", `'${TAB_NAMES.statistics}'`);
    const unit = statistics.find((r) => r[0] === "区教育局");
    expect(unit?.[(statistics[0] ?? []).indexOf("沟通率")]).toBe("50.0%");
  });

  it("设置 二次办理时限 = 1个月 时，同步按民法典的月计算二次办理期限", async () => {
    const { row } = await synced("practice-month", {
      settings: [["二次办理时限", "1个月", ""]],
      ledger: [
        {
          ...base,
          编号: "2026-001",
          交办日期: "2025-10-09",
          答复日期: "2026-01-05",
          答复类别: "C",
          答复内容: "受财力所限暂缓实施",
          满意度: "不满意",
          测评日期: "2026-01-20",
          二次交办日期: "2026-01-31",
        },
      ],
    });
    // 2026-01-31 + one month: February has no 31st, so its last day, a Saturday worked for 春节.
    expect(isoFromSerial(row(2)[col("办理期限")] as number)).toBe("2026-02-28");
    const view = await loadLedgerView(depsFor("practice-month"), FIXTURE_TODAY, "whole");
    expect(view.evaluation.rows[0]?.secondDeadline?.explanation).toContain("起算一个月");
  });

  it("问题写进『沟通记录』等表所在的行，同步两次不再写任何东西", async () => {
    const id = "practice-idle";
    const { result } = await synced(id, {
      ledger: [{ ...base, 编号: "2026-001", 交办日期: "2026-03-02", 协办单位: "区住建局" }],
      contacts: [{ 编号: "2026-001", 日期: "2026-03-10", 阶段: "办前", 方式: "电话", 承办单位: "区财政局" }],
      coOpinions: [{ 编号: "2026-009", 协办单位: "区住建局", 送达日期: "2026-03-20" }],
    });
    expect(result.skippedTabs).toEqual([]);
    const problems = await emulator.getValues(id, `'${TAB_NAMES.problems}'`);
    expect(problems.filter((p) => p[0] === "沟通记录")).toEqual([
      ["沟通记录", 2, "2026-001", "承办单位", "错误", expect.stringContaining("区财政局")],
    ]);
    expect(problems.filter((p) => p[0] === "协办意见")).toEqual([
      [
        "协办意见",
        2,
        "",
        "编号",
        "错误",
        "编号“2026-009”在『建议台账』中找不到：请核对编号；如果是这条建议的行被误删了，请在网页的“校验问题”中找到它并点“恢复”；“校验问题”中没有它时（编号在台账中重复的行系统不留存，无法“恢复”），请用表格的“文件 → 版本记录”找回该行",
      ],
    ]);
    const second = await runSync(depsFor(id), "test", FIXTURE_NOW_MS);
    // The plan's read and the ledger's merges, the practice tabs' read, the one chunk's rows: nothing written.
    expect(second).toMatchObject({ outcome: "ok", cellsWritten: 0, sheetsCalls: 4 });
  });

  it("只在『沟通记录』加了一条，下次同步后年度报告的沟通次数随之增加", async () => {
    const id = "practice-contacts-report";
    const replied = { ...base, 交办日期: "2026-03-02", 答复日期: "2026-05-20", 答复类别: "A" };
    await synced(id, {
      ledger: [
        { ...replied, 编号: "2026-001" },
        { ...replied, 编号: "2026-002" },
      ],
      contacts: [{ 编号: "2026-001", 日期: "2026-03-10", 阶段: "办前", 方式: "面商", 承办单位: "区教育局" }],
    });
    const contactsOf2026 = async () => {
      const version = await storedVersion();
      return (await loadStoredReport(createMetaStore(env.DB), version, 2026))?.report.contacts;
    };
    expect(await contactsOf2026()).toMatchObject({ total: 1 });
    const header = (await emulator.getValues(id, `'${TAB_NAMES.contacts}'`))[0] ?? [];
    const record: Record<string, string> = {
      编号: " 2026-002 ",
      日期: "2026-06-01",
      阶段: "办后",
      方式: "电话",
      承办单位: "区教育局",
    };
    await depsFor(id).sheets.batchUpdateValues(
      [{ range: `'${TAB_NAMES.contacts}'!A3`, values: [header.map((h) => record[String(h)] ?? "")] }],
      "USER_ENTERED",
    );
    const second = await runSync(depsFor(id), "test", FIXTURE_NOW_MS);
    expect(second).toMatchObject({ outcome: "ok" });
    expect(await contactsOf2026()).toMatchObject({
      total: 2,
      byStage: expect.arrayContaining([
        { label: "办前", count: 1 },
        { label: "办后", count: 1 },
      ]),
    });
  });

  it("同步后存下的年度报告：编号重复的建议其沟通记录只计一次，校验为错误的沟通记录不计", async () => {
    const id = "practice-contacts-counted";
    const assigned = { ...base, 交办日期: "2026-03-02" };
    await synced(id, {
      ledger: [
        { ...assigned, 编号: "2026-001" },
        { ...assigned, 编号: "2026-001" },
        { ...assigned, 编号: "2026-002" },
      ],
      contacts: [
        {
          编号: "2026-001",
          日期: "2026-03-10",
          阶段: "办前",
          方式: "面商",
          承办单位: "区教育局",
          代表参加: "是",
        },
        { 编号: "2026-002", 日期: "2026-03-11", 阶段: "办中", 方式: "电话", 承办单位: "区教育局" },
        // 错误 each: after today (2026-11-26), a unit not on the suggestion, before 交办.
        { 编号: "2026-002", 日期: "2026-12-01", 阶段: "办后", 方式: "电话", 承办单位: "区教育局" },
        { 编号: "2026-002", 日期: "2026-03-12", 阶段: "办中", 方式: "面商", 承办单位: "区住建局" },
        { 编号: "2026-002", 日期: "2026-02-01", 阶段: "办前", 方式: "面商", 承办单位: "区教育局" },
      ],
    });
    const version = await storedVersion();
    const report = (await loadStoredReport(createMetaStore(env.DB), version, 2026))?.report;
    expect(report?.contacts).toMatchObject({
      total: 2,
      deputyJoined: 1,
      byStage: [
        { label: "办前", count: 1 },
        { label: "办中", count: 1 },
        { label: "办后", count: 0 },
      ],
    });
  });

  it("没有新表的旧表格照常同步：一条提醒说明可用 sheet:init 补齐", async () => {
    const id = "practice-old";
    await emulator.deleteSpreadsheet(id).catch(() => undefined);
    const sheets = practiceSheet({
      units: UNITS,
      deputies: DEPUTIES,
      ledger: [{ ...base, 编号: "2026-001" }],
    });
    const practiceTabs = new Set(["领导", "沟通记录", "延期申请", "协办意见"]);
    await emulator.createSpreadsheet(
      id,
      sheets.filter((s) => !practiceTabs.has(s.title)),
    );
    const result = await runSync(depsFor(id), "test", FIXTURE_NOW_MS);
    expect(result).toMatchObject({ outcome: "ok", skippedTabs: [] });
    const problems = await emulator.getValues(id, `'${TAB_NAMES.problems}'`);
    expect(problems.filter((p) => String(p[5]).includes("sheet:init"))).toEqual([
      ["领导", "", "", "", "提醒", expect.stringContaining("『领导』『沟通记录』『延期申请』『协办意见』")],
    ]);
    const ledger = await emulator.getValues(id, `'${TAB_NAMES.ledger}'`);
    expect(ledger[1]?.[col("台账状态")]).toBe("待交办");
    // No 沟通记录 tab: the year report has no contacts line rather than “0 次”.
    const report = await loadStoredReport(createMetaStore(env.DB), await storedVersion(), 2026);
    expect(report?.report.year).toBe(2026);
    expect(report?.report.contacts).toBeNull();
  });
});

describe("同步：『沟通记录』等表与上次一字不差时，沿用上次的检查结果", () => {
  const sheet = {
    ledger: [{ ...base, 编号: "2026-001", 交办日期: "2026-03-02", 协办单位: "区住建局" }],
    contacts: [{ 编号: "2026-001", 日期: "2026-03-10", 阶段: "办前", 方式: "电话", 承办单位: "区财政局" }],
    coOpinions: [{ 编号: "2026-009", 协办单位: "区住建局", 送达日期: "2026-03-20" }],
  };
  const counted = (id: string, failSave = false) => countingTabSaves(id, TAB_NAMES.contacts, { failSave });
  const practiceProblems = async (id: string) =>
    (await emulator.getValues(id, `'${TAB_NAMES.problems}'`)).filter(
      (p) => p[0] === "沟通记录" || p[0] === "协办意见",
    );
  /** The 提醒 of 延期申请 waiting past their review days, as 校验问题 lists them. */
  const reviewDue = async (id: string) =>
    (await emulator.getValues(id, `'${TAB_NAMES.problems}'`)).filter(
      (p) => p[0] === "延期申请" && p[3] === "审批结果",
    );
  const missingIdProblem = [
    "协办意见",
    2,
    "",
    "编号",
    "错误",
    "编号“2026-009”在『建议台账』中找不到：请核对编号；如果是这条建议的行被误删了，请在网页的“校验问题”中找到它并点“恢复”；“校验问题”中没有它时（编号在台账中重复的行系统不留存，无法“恢复”），请用表格的“文件 → 版本记录”找回该行",
  ];

  it("再次同步不再解析、存储这几张表，『校验问题』照旧", async () => {
    const id = "practice-kept";
    await synced(id, sheet);
    const before = await practiceProblems(id);
    expect(before).toEqual([
      ["沟通记录", 2, "2026-001", "承办单位", "错误", expect.stringContaining("区财政局")],
      missingIdProblem,
    ]);
    const { deps, stored } = counted(id);
    expect(await runSync(deps, "test", FIXTURE_NOW_MS)).toMatchObject({ outcome: "ok", cellsWritten: 0 });
    expect(stored).toEqual([]);
    expect(await practiceProblems(id)).toEqual(before);
  });

  it("表里改了一格、台账多了那个编号、或到了第二天，就重新检查", async () => {
    const id = "practice-kept-changes";
    // A 延期申请 of no suggestion, five working days old on FIXTURE_TODAY (Thursday 11-26): due for review the day after.
    const waiting = { 编号: "2026-010", 申请日期: "2026-11-19", 申请单位: "区教育局", 理由: "需协调资金" };
    await synced(id, { ...sheet, extensions: [waiting] });
    expect(await reviewDue(id)).toEqual([]);
    // 沟通记录's 承办单位 corrected: its problem goes.
    await depsFor(id).sheets.batchUpdateValues([
      { range: `'${TAB_NAMES.contacts}'!E2`, values: [["区教育局"]] },
    ]);
    const edited = counted(id);
    expect(await runSync(edited.deps, "test", FIXTURE_NOW_MS)).toMatchObject({ outcome: "ok" });
    expect(edited.stored).toHaveLength(1);
    expect(await practiceProblems(id)).toEqual([missingIdProblem]);
    // The ledger gains 2026-009: the 协办意见 row is no longer one of none.
    const added: Cells = { ...base, 编号: "2026-009", 交办日期: "2026-03-02", 协办单位: "区住建局" };
    const row = headers.map((h) => added[h] ?? "");
    await depsFor(id).sheets.batchUpdateValues([{ range: `'${TAB_NAMES.ledger}'!A3`, values: [row] }]);
    const grown = counted(id);
    expect(await runSync(grown.deps, "test", FIXTURE_NOW_MS)).toMatchObject({ outcome: "ok" });
    expect(await practiceProblems(id)).toEqual([]);
    // The tabs are as D1 holds them: checked again, not stored again.
    expect(grown.stored).toEqual([]);
    // Nothing changed, a day later: checked again, and the 延期申请 has come due for review.
    const nextDay = counted(id);
    expect(await runSync(nextDay.deps, "test", FIXTURE_NOW_MS + 86_400_000)).toMatchObject({ outcome: "ok" });
    expect(await reviewDue(id)).toEqual([
      ["延期申请", 2, "", "审批结果", "提醒", expect.stringContaining("已超过 5 个工作日仍待审批")],
    ]);
    expect(nextDay.stored).toEqual([]);
    // A cell changed after that is stored again.
    await depsFor(id).sheets.batchUpdateValues([
      { range: `'${TAB_NAMES.contacts}'!E2`, values: [["区住建局"]] },
    ]);
    const edited2 = counted(id);
    expect(await runSync(edited2.deps, "test", FIXTURE_NOW_MS + 86_400_000)).toMatchObject({ outcome: "ok" });
    expect(edited2.stored).toHaveLength(1);
    const cached = await depsFor(id).tabCache.load([TAB_NAMES.contacts]);
    expect(cached[TAB_NAMES.contacts]?.[1]?.[4]).toBe("区住建局");
  });

  /** The day the kept findings of the practice step were checked on (they stand while it stays). */
  const checkedOn = async () => {
    const kept = await env.DB.prepare("SELECT value FROM meta WHERE key = 'practice_step_kept'").first<{
      value: string;
    }>();
    return kept?.value ? (JSON.parse(kept.value) as { checkedOn?: string }).checkedOn : undefined;
  };
  const DAY_MS = 86_400_000;
  const syncOn = async (id: string, days: number) =>
    expect(await runSync(depsFor(id), "test", FIXTURE_NOW_MS + days * DAY_MS)).toMatchObject({
      outcome: "ok",
    });

  it("到了新的一天、各表的问题不随日期变化：沿用上次的检查结果，『校验问题』照旧", async () => {
    const id = "practice-kept-days";
    await synced(id, sheet);
    const before = await practiceProblems(id);
    expect(before).toHaveLength(2);
    for (const days of [1, 2, 40]) {
      await syncOn(id, days);
      expect(await practiceProblems(id)).toEqual(before);
    }
    // Not checked again since the first day.
    expect(await checkedOn()).toBe(FIXTURE_TODAY);
  });

  it("日期晚于今天的问题每天写明当天的日期，到了那一天就消失", async () => {
    const id = "practice-kept-future";
    await synced(id, {
      ...sheet,
      contacts: [{ 编号: "2026-009", 日期: "2026-11-28", 阶段: "办前", 方式: "电话", 承办单位: "区教育局" }],
      opinions: [
        { 日期: "2026-11-27", 联络站: "城关联络站", 反映人: "群众", 内容: "路灯不亮", 接待代表: "张明" },
      ],
    });
    const futureDates = async () =>
      (await emulator.getValues(id, `'${TAB_NAMES.problems}'`))
        .filter((p) => p[3] === "日期")
        .map((p) => [p[0], p[5]]);
    expect(await futureDates()).toEqual([
      ["沟通记录", "日期 2026-11-28 晚于今天（2026-11-26）：请核对"],
      ["民意", "日期 2026-11-27 晚于今天（2026-11-26）：请核对"],
    ]);
    await syncOn(id, 1);
    expect(await futureDates()).toEqual([["沟通记录", "日期 2026-11-28 晚于今天（2026-11-27）：请核对"]]);
    await syncOn(id, 2);
    expect(await futureDates()).toEqual([]);
    // From then on nothing reads otherwise with the day: the findings of 11-28 stand.
    await syncOn(id, 3);
    expect(await checkedOn()).toBe("2026-11-28");
  });

  it("待审批的延期申请：中间几天沿用上次的检查结果，超过审批提醒天数的那一天照样提醒", async () => {
    const id = "practice-kept-review";
    // Tuesday 11-24 + 5 working days = Tuesday 12-01: due for review from Wednesday 12-02.
    const waiting = { 编号: "2026-010", 申请日期: "2026-11-24", 申请单位: "区教育局", 理由: "需协调资金" };
    await synced(id, { ...sheet, extensions: [waiting] });
    for (const days of [1, 4, 5]) {
      await syncOn(id, days);
      expect(await reviewDue(id)).toEqual([]);
    }
    expect(await checkedOn()).toBe(FIXTURE_TODAY);
    await syncOn(id, 6);
    expect(await reviewDue(id)).toEqual([
      ["延期申请", 2, "", "审批结果", "提醒", expect.stringContaining("已超过 5 个工作日仍待审批")],
    ]);
    expect(await checkedOn()).toBe("2026-12-02");
  });

  it("台账多了一件这几张表都没提到的建议：沿用上次的检查结果；少了一件它们提到的：重新检查", async () => {
    const id = "practice-kept-ids";
    await synced(id, sheet);
    const before = await practiceProblems(id);
    const ledgerRow = (cells: Cells) => [rowOf(ledgerTab, cells)];
    // A suggestion no row of 沟通记录, 延期申请 or 协办意见 names, added the next day.
    await depsFor(id).sheets.batchUpdateValues([
      {
        range: `'${TAB_NAMES.ledger}'!A3`,
        values: ledgerRow({ ...base, 编号: "2026-050", 交办日期: "2026-03-02" }),
      },
    ]);
    await syncOn(id, 1);
    expect(await practiceProblems(id)).toEqual(before);
    expect(await checkedOn()).toBe(FIXTURE_TODAY);
    // Kept under the ledger as it is now: the day after, nothing to compare again.
    await syncOn(id, 2);
    expect(await checkedOn()).toBe(FIXTURE_TODAY);
    // 2026-001 leaves the ledger: its 沟通记录 row is now one of none, found by checking again.
    await depsFor(id).sheets.batchUpdateValues([
      {
        range: `'${TAB_NAMES.ledger}'!A2`,
        values: ledgerRow({ ...base, 编号: "2026-051", 交办日期: "2026-03-02" }),
      },
    ]);
    await syncOn(id, 3);
    expect(await checkedOn()).toBe("2026-11-29");
    expect(await practiceProblems(id)).toContainEqual([
      "沟通记录",
      2,
      "",
      "编号",
      "错误",
      "编号“2026-001”在『建议台账』中找不到：请核对编号；如果是这条建议的行被误删了，请在网页的“校验问题”中找到它并点“恢复”；“校验问题”中没有它时（编号在台账中重复的行系统不留存，无法“恢复”），请用表格的“文件 → 版本记录”找回该行",
    ]);
  });

  it("时钟或时区往回拨了一天：重新检查", async () => {
    const id = "practice-kept-back";
    await synced(id, sheet);
    await syncOn(id, -1);
    expect(await checkedOn()).toBe("2026-11-25");
  });

  it("存储中途断了、表格又改回原样：下次同步仍把表存进 D1，不沿用旧结果", async () => {
    const id = "practice-kept-crash";
    await synced(id, sheet);
    const contactsRange = `'${TAB_NAMES.contacts}'!E2`;
    await depsFor(id).sheets.batchUpdateValues([{ range: contactsRange, values: [["区教育局"]] }]);
    const crashed = counted(id, true);
    expect(await runSync(crashed.deps, "test", FIXTURE_NOW_MS)).toMatchObject({ outcome: "failed" });
    // What D1 holds of 沟通记录 now is unknown (the save may have landed); staff undo the edit.
    await depsFor(id).sheets.batchUpdateValues([{ range: contactsRange, values: [["区财政局"]] }]);
    const after = counted(id);
    expect(await runSync(after.deps, "test", FIXTURE_NOW_MS)).toMatchObject({ outcome: "ok" });
    expect(after.stored).toHaveLength(1);
    const cached = await depsFor(id).tabCache.load([TAB_NAMES.contacts]);
    expect(cached[TAB_NAMES.contacts]?.[1]?.[4]).toBe("区财政局");
    expect(await practiceProblems(id)).toEqual([
      ["沟通记录", 2, "2026-001", "承办单位", "错误", expect.stringContaining("区财政局")],
      missingIdProblem,
    ]);
  });
});
