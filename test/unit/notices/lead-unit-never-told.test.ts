import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { evaluateLedger } from "../../../src/domain/evaluate-ledger";
import { planNotices } from "../../../src/domain/notices/plan";
import type { NoticePlan, PlannedNotice } from "../../../src/domain/notices/types";
import type { LedgerCells } from "../helpers/make-row";
import { practiceTabs } from "../practice/helpers";
import { daysBetweenInclusive, NOTICE_UNITS, noticeTabs, unitRows } from "./helpers";

/** Assigned Monday 2026-12-07 to 区教育局: 办理期限 in 2027, whose 放假安排 is not entered (暂定). */
const DECEMBER: LedgerCells = {
  编号: "2026-101",
  标题: "关于加快推进柏庄镇卫生院建设的建议",
  领衔代表: "张明",
  主办单位: "区教育局",
  交办日期: "2026-12-07",
};

/** 区教育局's 邮箱 as staff mistyped it: no usable channel. */
const MISTYPED = NOTICE_UNITS.map((u) =>
  u[0] === "区教育局" ? (["区教育局", "jyj@example", "email", ""] as const) : u,
);

interface Run {
  readonly today: string;
  readonly outbox: readonly string[];
  readonly mistyped?: boolean;
  readonly historyOf?: ReadonlySet<string>;
}

function plan(rows: LedgerCells[], run: Run): NoticePlan {
  const tabs = {
    ...noticeTabs(rows),
    ...practiceTabs(),
    ...(run.mistyped ? { [TAB_NAMES.units]: unitRows(MISTYPED) } : {}),
  };
  const evaluation = evaluateLedger({ tabs, today: run.today });
  return planNotices({
    today: run.today,
    evaluation,
    existingKeys: run.outbox,
    arrivals: [],
    historyOf: run.historyOf,
  });
}

const toLead = (notices: readonly PlannedNotice[]) => notices.filter((n) => n.recipient === "区教育局");

/** Daily runs over `days`, the outbox carried from day to day: what 区教育局 got, by day. */
function runDays(
  rows: LedgerCells[],
  days: readonly string[],
  outbox: string[],
  mistyped: (day: string) => boolean = () => false,
) {
  const got: { day: string; notice: PlannedNotice }[] = [];
  for (const day of days) {
    const { notices } = plan(rows, { today: day, outbox, mistyped: mistyped(day) });
    outbox.push(...notices.map((n) => n.key));
    got.push(...toLead(notices).map((notice) => ({ day, notice })));
  }
  return got;
}

const FIRST_WORD =
  "【首次通知】此前未向你单位发送本件的交办通知，现一并告知：建议《关于加快推进柏庄镇卫生院建设的建议》（编号 2026-101）于 2026年12月7日交你单位主办，办理期限 2027年3月8日（暂定）。对交办提出异议的期限已于 2026年12月16日届满；确有特殊情况，请联系代表工委。";

describe("a lead unit never sent its 交办通知 is told of the assignment by its first reminder", () => {
  it("a unit unreachable for a month: its first message, the 沟通提醒, opens with the assignment and 办理期限", () => {
    // 邮箱 mistyped from 交办 (12-07) to 01-07; fixed on 01-08, when the 交办通知 is past the horizon.
    const outbox: string[] = [];
    const got = runDays(
      [DECEMBER],
      daysBetweenInclusive("2026-12-07", "2027-01-08"),
      outbox,
      (day) => day <= "2027-01-07",
    );
    expect(got.map(({ day, notice }) => `${day} ${notice.type}`)).toEqual(["2027-01-08 沟通提醒"]);
    const [first] = got;
    expect(first?.notice.title).toBe(
      "【首次通知】建议办前沟通提醒：2026-101 关于加快推进柏庄镇卫生院建设的建议",
    );
    // The 称呼 first, as an official notice opens; the reminder's own text on the next line.
    expect(first?.notice.body).toBe(
      `区教育局：${FIRST_WORD}\n张明代表领衔提出的建议《关于加快推进柏庄镇卫生院建设的建议》（编号 2026-101）于 2026年12月7日交你单位办理，至今没有办前联系记录。请在答复前与代表面商、座谈或电话沟通，听取代表意见，并将联系情况报我委记入沟通记录。办理期限为 2027年3月8日（暂定）。`,
    );
  });

  it("says it once: the 到期提醒 and 逾期催办 that follow read as usual", () => {
    const outbox: string[] = [];
    runDays(
      [DECEMBER],
      daysBetweenInclusive("2026-12-07", "2027-01-08"),
      outbox,
      (day) => day <= "2027-01-07",
    );
    const later = runDays([DECEMBER], daysBetweenInclusive("2027-01-09", "2027-03-31"), outbox);
    expect(later.map(({ day, notice }) => `${day} ${notice.type}`)).toEqual([
      "2027-02-22 到期提醒",
      "2027-03-01 到期提醒",
      "2027-03-05 到期提醒",
      "2027-03-09 逾期催办",
      "2027-03-16 逾期催办",
      "2027-03-23 逾期催办",
      "2027-03-30 逾期催办",
    ]);
    for (const { notice } of later) expect(notice.body).not.toContain("首次通知");
  });

  it("a unit told by its 交办通知 gets every reminder plain", () => {
    const got = runDays([DECEMBER], daysBetweenInclusive("2026-12-07", "2027-03-31"), []);
    expect(got[0]?.notice.type).toBe("交办通知");
    for (const { notice } of got) {
      expect(notice.title).not.toContain("首次通知");
      expect(notice.body).not.toContain("首次通知");
    }
  });
});

describe("when the outbox keys given do not reach back to the 交办通知", () => {
  /** Assigned 2026-01-05: 办理期限 2026-04-07, 逾期催办 from 04-08 every 7 days. */
  const JANUARY: LedgerCells = {
    ...DECEMBER,
    编号: "2026-002",
    提出日期: "2026-01-02",
    交办日期: "2026-01-05",
  };
  const overdue = (p: NoticePlan) => toLead(p.notices).filter((n) => n.type === "逾期催办");

  it("names the suggestion, and with its keys from 交办 on tells the first word of an old ledger's first run", () => {
    // The first run over an old ledger on a 逾期催办's own day: nothing tells it apart from a run
    // that went on every day, but the keys since 交办 (none) do.
    const first = plan([JANUARY], { today: "2026-04-15", outbox: [] });
    expect(first.introductionsUnseen).toEqual(["2026-002"]);
    expect(overdue(first)[0]?.title).toBe("建议办理逾期催办：2026-002 已逾期 8 天");
    const known = plan([JANUARY], { today: "2026-04-15", outbox: [], historyOf: new Set(["2026-002"]) });
    expect(known.introductionsUnseen).toEqual([]);
    expect(overdue(known)[0]?.title).toBe("【首次通知】建议办理逾期催办：2026-002 已逾期 8 天");
    expect(overdue(known)[0]?.body).toBe(
      "区教育局：【首次通知】此前未向你单位发送本件的交办通知，现一并告知：建议《关于加快推进柏庄镇卫生院建设的建议》（编号 2026-002）于 2026年1月5日交你单位主办，办理期限 2026年4月7日。对交办提出异议的期限已于 2026年1月14日届满；确有特殊情况，请联系代表工委。\n张明代表领衔提出的建议《关于加快推进柏庄镇卫生院建设的建议》（编号 2026-002）办理期限 2026年4月7日已过，已逾期 8 天，仍未答复代表。请立即办理并答复，同时书面说明逾期原因。",
    );
  });

  it("a unit told in January, unreachable since, is not told it never heard of the suggestion", () => {
    // Told its 交办通知 (01-05) and 沟通提醒 (01-20); its 邮箱 mistyped from 01-21 to 04-16, so the
    // 04-15 逾期催办 goes out on 04-17, when nothing it was sent is due within the horizon.
    const outbox: string[] = [];
    const mistyped = (day: string) => day >= "2026-01-21" && day <= "2026-04-16";
    const got = runDays([JANUARY], daysBetweenInclusive("2026-01-05", "2026-04-16"), outbox, mistyped);
    expect(got.map(({ day, notice }) => `${day} ${notice.type}`)).toEqual([
      "2026-01-05 交办通知",
      "2026-01-20 沟通提醒",
    ]);
    const windowKeys = outbox.filter((k) => !k.includes("|2026-01-"));
    const presumed = plan([JANUARY], { today: "2026-04-17", outbox: windowKeys });
    expect(presumed.introductionsUnseen).toEqual(["2026-002"]);
    const known = plan([JANUARY], { today: "2026-04-17", outbox, historyOf: new Set(["2026-002"]) });
    expect(overdue(known).map((n) => n.title)).toEqual(["建议办理逾期催办：2026-002 已逾期 10 天"]);
    expect(overdue(known)[0]?.body).not.toContain("首次通知");
  });
});
