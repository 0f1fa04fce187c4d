import { describe, expect, it } from "vitest";
import { LEDGER_NOTICE_TYPES } from "../../../sheets-schema/enums";
import { buildCalendar } from "../../../src/domain/calendar";
import { addDaysIso } from "../../../src/domain/civil-date";
import { evaluateLedger } from "../../../src/domain/evaluate-ledger";
import { displayDate } from "../../../src/domain/notices/format";
import { baseKeyOf } from "../../../src/domain/notices/keys";
import { planNotices } from "../../../src/domain/notices/plan";
import type { FormArrival } from "../../../src/domain/notices/receipt-series";
import type { PlannedNotice } from "../../../src/domain/notices/types";
import { daysBetweenInclusive, noticeTabs, type SettingsRows } from "./helpers";
import { cellsAsOf, DIGEST_TO, type Story, yearStories } from "./year-ledger";
import { expectedNotices } from "./year-oracle";

const YEAR = daysBetweenInclusive("2026-01-01", "2026-12-31");
const calendar = buildCalendar();
const stories = yearStories();
/** A week-long cron outage in spring and two missed days in autumn. */
const MISSED = new Set([...daysBetweenInclusive("2026-04-20", "2026-04-24"), "2026-09-08", "2026-09-09"]);

interface Sent {
  day: string;
  notice: PlannedNotice;
}

/** Runs the daily job on every day of 2026 (except missed ones) over the ledger as it stood that day. */
function simulate(settings: SettingsRows, options: { ratingLink?: boolean } = {}): Sent[] {
  const outbox = new Set<string>();
  const sent: Sent[] = [];
  const allSettings: SettingsRows = [
    ["周报接收人", DIGEST_TO.join(",")],
    ...(options.ratingLink === false
      ? []
      : ([["测评链接", "https://rate.example.gov.cn/?id={{编号}}"]] as const)),
    ...settings,
  ];
  for (const day of YEAR) {
    if (MISSED.has(day)) continue;
    const rows = stories.map((s) => cellsAsOf(s, day)).filter((c) => c !== null);
    const evaluation = evaluateLedger({ tabs: noticeTabs(rows, allSettings), today: day });
    const arrivals: FormArrival[] = stories
      .filter((s) => s.byForm && s.submittedOn <= day)
      .map((s: Story) => ({
        suggestionId: s.id,
        receivedOn: s.submittedOn,
        cells: { 领衔代表: s.deputy, 标题: s.title },
      }));
    const plan = planNotices({ today: day, evaluation, existingKeys: outbox, arrivals });
    for (const notice of plan.notices) {
      outbox.add(notice.key);
      sent.push({ day, notice });
    }
  }
  return sent;
}

/** "day type 编号 r<round> occurrence → recipient", once per recipient (not per channel). */
function lines(sent: readonly Sent[]): string[] {
  const out = new Set<string>();
  for (const { day, notice: n } of sent)
    out.add(`${day} ${n.type} ${n.suggestionId ?? "-"} r${n.round} ${n.occurrence} → ${n.recipient}`);
  return [...out].sort();
}

/** Each year simulated once for the whole file (each takes a second or two). */
function memo<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= make();
    return value;
  };
}
const closerReminders = memo(() => simulate([["到期提醒天数", "10,5,1"]]));
const everyDay = memo(() => simulate([["仅工作日发送", "否"]]));
const noRatingLink = memo(() => simulate([], { ratingLink: false }));

function runDays(workingDaysOnly: boolean): Set<string> {
  return new Set(YEAR.filter((d) => !MISSED.has(d) && (!workingDaysOnly || calendar.isWorkingDay(d))));
}

describe("a year of daily runs (2026, with its holidays and 调休)", () => {
  const sent = simulate([]);

  it("plans every notice of each type on its right day, as the spec's table defines it", () => {
    expect(lines(sent)).toEqual(
      expectedNotices(stories, { runDays: runDays(true), reminderDays: [15, 7, 3] }),
    );
  });

  it("plans each notice exactly once", () => {
    const keys = sent.map((s) => s.notice.key);
    expect(new Set(keys).size).toBe(keys.length);
    const bases = sent.map((s) => `${baseKeyOf(s.notice.key)}|${s.day}`);
    expect(new Set(sent.map((s) => baseKeyOf(s.notice.key))).size).toBe(new Set(bases).size);
  });

  it("covers every planned notice type many times over the year", () => {
    // 领导催办 is sent when a leader presses 催办 on the personal page, never by the daily run.
    const planned = LEDGER_NOTICE_TYPES.filter((t) => t !== "领导催办");
    const counts = Object.fromEntries(
      planned.map((t) => [t, sent.filter((s) => s.notice.type === t).length]),
    );
    // practice.md's notices need its tabs, which this office does not keep (notices-practice.test.ts).
    for (const type of planned) expect(counts[type], type).toBeGreaterThanOrEqual(3);
    expect(sent.filter((s) => s.notice.type === "领导催办")).toEqual([]);
  });

  it("sends nothing on a rest day when 仅工作日发送 = 是, 调休 Saturdays included as working days", () => {
    const restDays = sent.filter((s) => calendar.isRestDay(s.day));
    expect(restDays).toEqual([]);
    expect(sent.some((s) => s.day === "2026-02-14")).toBe(true);
  });

  it("catches up what fell due during the missed runs once, on the next run", () => {
    const afterOutage = sent.filter((s) => s.day === "2026-04-27" && s.notice.dueOn < "2026-04-27");
    expect(afterOutage.length).toBeGreaterThan(0);
    expect(sent.filter((s) => MISSED.has(s.day))).toEqual([]);
  });

  it("moves the 到期提醒 when 到期提醒天数 changes", () => {
    const changed = closerReminders();
    const reminders = (list: Sent[]) => lines(list.filter((s) => s.notice.type === "到期提醒"));
    expect(reminders(changed)).not.toEqual(reminders(sent));
    expect(changed.some((s) => s.notice.occurrence.startsWith("d5@"))).toBe(true);
    expect(lines(changed)).toEqual(
      expectedNotices(stories, { runDays: runDays(true), reminderDays: [10, 5, 1] }),
    );
  });

  it("sends on rest days too when 仅工作日发送 = 否", () => {
    const all = everyDay();
    expect(all.some((s) => calendar.isRestDay(s.day))).toBe(true);
    expect(lines(all)).toEqual(
      expectedNotices(stories, { runDays: runDays(false), reminderDays: [15, 7, 3] }),
    );
  });
});

/** What a staff member would flag in a notice, each with the pattern that finds it. */
const WORDING_PROBLEMS: readonly (readonly [string, RegExp])[] = [
  ["未填的占位符", /\{\{|\}\}/],
  ["标签后没有内容", /：[ \t]*(?=[。；，！？、）]|$)/],
  // A colon before a line break only introduces the digest's numbered lists.
  ["标签后直接换行", /：[ \t]*\n(?!1\. )/],
  ["到期当天写成还剩 0 天", /还剩\s*0\s*天/],
  ["空的括号或书名号", /（\s*）|《\s*》|\(\s*\)/],
  ["标点前有空格或标点重复", /[ \t][，。；！？]|[，；][，。；]|。。/],
  ["程序内部的值", /undefined|null|NaN|\[object|\uE000/],
];

function wordingProblems(list: readonly Sent[]): string[] {
  const found: string[] = [];
  for (const { day, notice: n } of list)
    for (const [what, pattern] of WORDING_PROBLEMS)
      for (const [part, text] of [
        ["标题", n.title],
        ["正文", n.body],
      ] as const)
        if (pattern.test(text))
          found.push(`${day} ${n.type} ${n.suggestionId ?? "-"} ${part}：${what}：${text}`);
  return found;
}

const storyOf = new Map(stories.map((s) => [s.id, s]));

describe("the wording of every notice of the year", () => {
  const sent = simulate([]);
  const years = () => [sent, closerReminders(), everyDay(), noRatingLink()];

  it("has no label left without its value and no unfilled placeholder, in any run of the year", () => {
    for (const list of years()) {
      expect(list.length).toBeGreaterThan(500);
      expect(wordingProblems(list)).toEqual([]);
    }
  });

  it("drops the 落实情况 clause of a 跟踪提醒 when 落实情况 is blank", () => {
    const followUps = sent.filter((s) => s.notice.type === "跟踪提醒");
    const blank = followUps.filter((s) => storyOf.get(s.notice.suggestionId ?? "")?.implementationBlank);
    expect(blank.length).toBeGreaterThan(0);
    for (const { notice } of blank) {
      expect(notice.body).not.toContain("落实情况");
      expect(notice.body).toContain("答复为 B 类（正在解决或列入计划）。请报送最新落实进展");
    }
    expect(followUps.some((s) => s.notice.body.includes("目前落实情况：推进中。"))).toBe(true);
  });

  it("asks the deputy to rate without a dangling link when 测评链接 is not set", () => {
    const replies = noRatingLink().filter((s) => s.notice.type === "答复告知");
    expect(replies.length).toBeGreaterThan(0);
    for (const { notice } of replies) expect(notice.body.endsWith("请对办理情况进行测评。")).toBe(true);
    const reminders = noRatingLink().filter((s) => s.notice.type === "测评提醒");
    for (const { notice } of reminders) expect(notice.body.endsWith("请尽快测评。")).toBe(true);
    const linked = sent.find((s) => s.notice.type === "答复告知")?.notice.body ?? "";
    expect(linked).toMatch(
      /请通过以下链接对办理情况进行测评：https:\/\/rate\.example\.gov\.cn\/\?id=2026-\d{3}$/,
    );
  });

  it("says 今天到期 in a 到期提醒 that goes out on the due day itself", () => {
    const onDueDay = closerReminders().filter(
      (s) => s.notice.type === "到期提醒" && s.notice.body.includes(`办理期限为 ${displayDate(s.day)}`),
    );
    expect(onDueDay.length).toBeGreaterThan(0);
    for (const { notice } of onDueDay) {
      expect(notice.title).toMatch(/今天到期$/);
      expect(notice.body).toContain("，今天到期，目前尚未答复");
    }
  });

  it("says 二次交办 in every notice about the second round, and never in one about the first", () => {
    const [second, first] = [2, 1].map((round) =>
      sent.filter((s) => s.notice.round === round && s.notice.type !== "督办周报"),
    ) as [Sent[], Sent[]];
    expect(new Set(second.map((s) => s.notice.type))).toEqual(
      new Set(["二次交办通知", "到期提醒", "逾期催办", "答复告知", "测评提醒"]),
    );
    for (const { notice } of second) expect(`${notice.title}${notice.body}`).toContain("二次交办");
    for (const { notice } of first) expect(`${notice.title}${notice.body}`).not.toContain("二次交办");
  });

  it("gives co-units their own 交办通知: send the written 协办意见 to the lead unit by a date", () => {
    const assignments = sent.filter((s) => s.notice.type === "交办通知");
    const toCoUnit = assignments.filter(
      (s) => s.notice.recipient !== storyOf.get(s.notice.suggestionId ?? "")?.leadUnit,
    );
    expect(toCoUnit.length).toBeGreaterThan(5);
    for (const { notice } of toCoUnit) {
      const story = storyOf.get(notice.suggestionId ?? "") as Story;
      const due = displayDate(calendar.rollForward(addDaysIso(story.assignedOn as string, 30)));
      expect(notice.title).toBe(`代表建议协办通知：${story.id} ${story.title}`);
      expect(notice.body).toContain(`交你单位协办，主办单位为${story.leadUnit}。`);
      expect(notice.body).toContain(`于 ${due}前将书面协办意见送${story.leadUnit}`);
      expect(notice.body).not.toContain("书面答复代表");
    }
    const toLead = assignments.filter((s) => !toCoUnit.includes(s));
    for (const { notice } of toLead) expect(notice.body).toContain("交你单位主办");
  });

  it("does not tell a unit it has not replied while its 答复日期 is mistyped; staff get an 错误 instead", () => {
    const typos = stories.filter((s) => s.replyTypoDays > 0 && s.repliedOn);
    expect(typos.length).toBeGreaterThan(3);
    for (const story of typos) {
      const replied = story.repliedOn as string;
      const nagged = sent.filter(
        (s) =>
          s.notice.suggestionId === story.id &&
          s.notice.round === 1 &&
          ["到期提醒", "逾期催办"].includes(s.notice.type) &&
          s.day >= replied,
      );
      expect(nagged, story.id).toEqual([]);
    }
    const story = typos[0] as Story;
    const day = story.repliedOn as string;
    const rows = stories.map((s) => cellsAsOf(s, day)).filter((c) => c !== null);
    const evaluation = evaluateLedger({ tabs: noticeTabs(rows), today: day });
    const row = evaluation.rows.find((r) => r.id === story.id);
    expect(row?.computed.problems).toContain("到期提醒和逾期催办暂停发送");
    expect(row?.problems).toContainEqual(
      expect.objectContaining({
        column: "答复日期",
        level: "错误",
        message: expect.stringContaining("不是可识别的日期"),
      }),
    );
  });
});
