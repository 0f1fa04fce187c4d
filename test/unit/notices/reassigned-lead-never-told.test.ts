import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { evaluateLedger } from "../../../src/domain/evaluate-ledger";
import { planNotices } from "../../../src/domain/notices/plan";
import type { NoticePlan, PlannedNotice } from "../../../src/domain/notices/types";
import type { LedgerCells } from "../helpers/make-row";
import { practiceTabs } from "../practice/helpers";
import { daysBetweenInclusive, NOTICE_UNITS, noticeTabs, unitRows } from "./helpers";

/**
 * Assigned to 区教育局 on 2026-03-02, answered 04-15, rated 不满意 on 04-20 and assigned again
 * (二次交办) on Wednesday 2026-05-06: round 2's 办理期限 is 2026-06-05, its 逾期催办 every 7 days
 * from Monday 06-08.
 */
const REASSIGNED: LedgerCells = {
  编号: "2026-031",
  标题: "关于增设学校门口斑马线的建议",
  领衔代表: "张明",
  提出日期: "2026-02-20",
  主办单位: "区教育局",
  交办日期: "2026-03-02",
  答复日期: "2026-04-15",
  答复类别: "C",
  满意度: "不满意",
  测评日期: "2026-04-20",
  二次交办日期: "2026-05-06",
};

const FIRST_WORD =
  "【首次通知】此前未向你单位发送本件的二次交办通知，现一并告知：张明代表对建议《关于增设学校门口斑马线的建议》（编号 2026-031）的办理结果不满意，本件已于 2026年5月6日二次交办你单位重新办理，办理期限 2026年6月5日。";

/** The 逾期催办 of 06-15 after its 称呼, as the built-in text writes it. */
const OVERDUE =
  "张明代表领衔提出的建议《关于增设学校门口斑马线的建议》（编号 2026-031）已于 2026年5月6日二次交办，办理期限 2026年6月5日已过，已逾期 10 天，仍未答复代表。请立即办理并答复，同时书面说明逾期原因。";

/** 区教育局's 邮箱 as staff mistyped it: no usable channel. */
const MISTYPED = NOTICE_UNITS.map((u) =>
  u[0] === "区教育局" ? (["区教育局", "jyj@example", "email", ""] as const) : u,
);

/** The row as the ledger held it on `day`: round 1 alone, not yet answered, before 二次交办. */
function rowOn(day: string): LedgerCells {
  if (day >= "2026-05-06") return REASSIGNED;
  const { 答复日期, 答复类别, 满意度, 测评日期, 二次交办日期, ...roundOne } = REASSIGNED;
  return roundOne;
}

function plan(
  today: string,
  outbox: readonly string[],
  options: { mistyped?: boolean; history?: boolean } = {},
): NoticePlan {
  const tabs = {
    ...noticeTabs([rowOn(today)]),
    ...practiceTabs(),
    ...(options.mistyped ? { [TAB_NAMES.units]: unitRows(MISTYPED) } : {}),
  };
  const evaluation = evaluateLedger({ tabs, today });
  return planNotices({
    today,
    evaluation,
    existingKeys: outbox,
    arrivals: [],
    historyOf: options.history ? new Set(["2026-031"]) : undefined,
  });
}

const toLead = (notices: readonly PlannedNotice[]) => notices.filter((n) => n.recipient === "区教育局");

/**
 * Daily runs over `days`, the whole outbox carried from day to day (so known from 交办 on, as
 * plan-steps loads it when the plan could only presume): what 区教育局 got, by day.
 */
function runDays(
  days: readonly string[],
  outbox: string[],
  mistyped: (day: string) => boolean = () => false,
) {
  const got: { day: string; notice: PlannedNotice }[] = [];
  for (const day of days) {
    const { notices } = plan(day, outbox, { mistyped: mistyped(day), history: true });
    outbox.push(...notices.map((n) => n.key));
    got.push(...toLead(notices).map((notice) => ({ day, notice })));
  }
  return got;
}

describe("a lead unit never sent the 二次交办通知 is told of round 2 by its first reminder of it", () => {
  it("a ledger taken over mid-year: the first 逾期催办 says the deputy was not satisfied, when it was reassigned, and 办理期限", () => {
    // The office's first run, Monday 06-15: the 二次交办通知 (05-06) is past the catch-up window.
    const first = plan("2026-06-15", []);
    // Nothing tells a first run from one that went on every day but the keys since 交办 (none).
    expect(first.introductionsUnseen).toEqual(["2026-031"]);
    const known = plan("2026-06-15", [], { history: true });
    const overdue = toLead(known.notices);
    expect(overdue.map((n) => n.title)).toEqual([
      "【首次通知】建议办理逾期催办（二次交办）：2026-031 已逾期 10 天",
    ]);
    // The 称呼 first, as an official notice opens; the 逾期催办's own text on the next line.
    expect(overdue[0]?.body).toBe(`区教育局：${FIRST_WORD}\n${OVERDUE}`);
  });

  it("says it once: the 逾期催办 that follow read as usual", () => {
    const outbox = plan("2026-06-15", [], { history: true }).notices.map((n) => n.key);
    const later = runDays(daysBetweenInclusive("2026-06-16", "2026-07-06"), outbox);
    expect(later.map(({ day, notice }) => `${day} ${notice.type}`)).toEqual([
      "2026-06-22 逾期催办",
      "2026-06-29 逾期催办",
      "2026-07-06 逾期催办",
    ]);
    for (const { notice } of later) {
      expect(notice.title).not.toContain("首次通知");
      expect(notice.body).not.toContain("首次通知");
    }
  });

  it("a unit sent round 1's notices, unreachable while round 2 began, is told of round 2 all the same", () => {
    // Told of round 1 by its 交办通知 (03-02); its 邮箱 mistyped from 05-01 to 06-14, so the
    // 二次交办通知 (05-06) never went out and is past the catch-up window by 06-15.
    const outbox: string[] = [];
    const got = runDays(
      daysBetweenInclusive("2026-03-02", "2026-06-15"),
      outbox,
      (day) => day >= "2026-05-01" && day <= "2026-06-14",
    );
    expect(got[0]?.notice.type).toBe("交办通知");
    const round2 = got.filter(({ notice }) => notice.round === 2);
    expect(round2.map(({ day, notice }) => `${day} ${notice.type}`)).toEqual(["2026-06-15 逾期催办"]);
    expect(round2[0]?.notice.body).toBe(`区教育局：${FIRST_WORD}\n${OVERDUE}`);
  });

  it("a unit told by its 二次交办通知 gets every reminder of round 2 plain", () => {
    const got = runDays(daysBetweenInclusive("2026-05-06", "2026-06-22"), []);
    expect(got[0]?.notice.type).toBe("二次交办通知");
    expect(got.length).toBeGreaterThan(4);
    for (const { notice } of got) {
      expect(notice.title).not.toContain("首次通知");
      expect(notice.body).not.toContain("首次通知");
    }
  });
});
