import { addDaysIso } from "../../../src/domain/civil-date";
import type { LedgerCells } from "../helpers/make-row";

/**
 * A year of an office's suggestions as stories: each event has the day it happened, and the
 * ledger as of any day shows only what had happened by then (as staff would have typed it).
 */
export interface Story {
  id: string;
  title: string;
  deputy: string;
  submittedOn: string;
  reviewedOn: string;
  review: "立案" | "不予立案" | "并案";
  byForm: boolean;
  assignedOn: string | null;
  leadUnit: string;
  coUnits: string[];
  period: "三个月" | "六个月";
  supervisor: string | null;
  repliedOn: string | null;
  /** For this many days from 答复日期 the cell held a date without its year (5月20日), then staff fixed it. */
  replyTypoDays: number;
  replyClass: "A" | "B" | "C" | "D" | null;
  ratedOn: string | null;
  rating: "满意" | "基本满意" | "不满意" | null;
  reassignedOn: string | null;
  secondRepliedOn: string | null;
  secondRatedOn: string | null;
  secondRating: "满意" | "基本满意" | "不满意" | null;
  implementedOn: string | null;
  /** 落实情况 is left blank until 已落实 (staff often do not type 推进中). */
  implementationBlank: boolean;
}

export const YEAR_UNITS = ["区教育局", "区住建局", "区卫健委", "区交通运输局", "区民政局"];
export const YEAR_DEPUTIES = ["张明", "李华", "王伟(北关)", "刘主任"];
export const DIGEST_TO = [
  "dbc@example.gov.cn",
  "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=leaders",
];

/** mulberry32: a small seeded PRNG, so the ledger is the same on every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T,
  };
}

const YEAR_END = "2026-12-31";
const within = (day: string | null) => (day && day <= YEAR_END ? day : null);

/**
 * About 80 suggestions: most from the congress in January, assigned at the 交办会 of 2026-02-10 and
 * 2026-03-05 (one on the 调休 Saturday 2026-02-14, one typed on a Sunday), the rest through the year.
 * Replies come early, late or never; ratings, second assignments and B-class follow-ups follow.
 */
export function yearStories(seed = 2026): Story[] {
  const r = prng(seed);
  const stories: Story[] = [];
  for (let i = 0; i < 80; i += 1) {
    const congress = i < 56;
    const submittedOn = congress
      ? `2026-01-${String(r.int(12, 16))}`
      : addDaysIso("2026-03-20", r.int(0, 230));
    const review = r.chance(0.06) ? "不予立案" : r.chance(0.04) ? "并案" : "立案";
    let assignedOn: string | null = null;
    if (review === "立案") {
      if (i === 5) assignedOn = "2026-02-14";
      else if (i === 6) assignedOn = "2026-03-08";
      else if (congress) assignedOn = i % 2 === 0 ? "2026-02-10" : "2026-03-05";
      else assignedOn = addDaysIso(submittedOn, r.int(12, 30));
    }
    const story: Story = {
      id: `2026-${String(i + 1).padStart(3, "0")}`,
      title: `关于改进第${i + 1}号民生事项的建议`,
      deputy: r.pick(YEAR_DEPUTIES),
      submittedOn,
      reviewedOn: addDaysIso(submittedOn, 5),
      review,
      byForm: r.chance(0.3),
      assignedOn: within(assignedOn),
      leadUnit: r.pick(YEAR_UNITS),
      coUnits: [],
      period: r.chance(0.15) ? "六个月" : "三个月",
      supervisor: r.chance(0.12) ? r.pick(["刘主任", "孙副主任"]) : null,
      repliedOn: null,
      replyTypoDays: 0,
      replyClass: null,
      ratedOn: null,
      rating: null,
      reassignedOn: null,
      secondRepliedOn: null,
      secondRatedOn: null,
      secondRating: null,
      implementedOn: null,
      // Set by the index, not the generator: the stories drawn stay those of earlier versions.
      implementationBlank: i % 3 === 1,
    };
    if (r.chance(0.3)) story.coUnits = [YEAR_UNITS.find((u) => u !== story.leadUnit) as string];
    if (story.assignedOn && !r.chance(0.12)) {
      story.repliedOn = within(
        addDaysIso(story.assignedOn, r.int(25, story.period === "六个月" ? 200 : 110)),
      );
      story.replyClass = r.pick(["A", "A", "B", "B", "C", "D"] as const);
    }
    if (story.repliedOn && !r.chance(0.1)) {
      story.ratedOn = within(addDaysIso(story.repliedOn, r.int(3, 50)));
      const unhappy = (story.replyClass === "C" || story.replyClass === "D") && r.chance(0.5);
      story.rating = story.ratedOn ? (unhappy ? "不满意" : r.pick(["满意", "基本满意"] as const)) : null;
    }
    if (story.rating === "不满意" && story.ratedOn) {
      story.reassignedOn = within(addDaysIso(story.ratedOn, r.int(2, 12)));
      if (story.reassignedOn && !r.chance(0.3))
        story.secondRepliedOn = within(addDaysIso(story.reassignedOn, r.int(10, 45)));
      if (story.secondRepliedOn && !r.chance(0.2)) {
        story.secondRatedOn = within(addDaysIso(story.secondRepliedOn, r.int(3, 40)));
        story.secondRating = story.secondRatedOn ? r.pick(["满意", "基本满意"] as const) : null;
      }
    }
    if (story.replyClass === "B" && story.ratedOn && r.chance(0.4))
      story.implementedOn = within(addDaysIso(story.repliedOn as string, r.int(100, 250)));
    if (story.repliedOn && i % 5 === 2) story.replyTypoDays = 9;
    stories.push(story);
  }
  return stories;
}

const seen = (day: string | null, today: string): day is string => day !== null && day <= today;

/** The ledger row of a story as staff would have kept it by `today` (null before it was submitted). */
export function cellsAsOf(s: Story, today: string): LedgerCells | null {
  if (s.submittedOn > today) return null;
  const cells: LedgerCells = {
    编号: s.id,
    标题: s.title,
    领衔代表: s.deputy,
    类别: "社会事业",
    提出日期: s.submittedOn,
  };
  if (!seen(s.reviewedOn, today)) return { ...cells, 审查结果: "" };
  cells.审查结果 = s.review;
  if (s.review === "并案") cells.并入编号 = "2026-001";
  if (!seen(s.assignedOn, today)) return cells;
  Object.assign(cells, {
    主办单位: s.leadUnit,
    协办单位: s.coUnits.join("、"),
    交办日期: s.assignedOn,
    办理时限: s.period,
    重点建议: s.supervisor ? "是" : "",
    督办领导: s.supervisor ?? "",
  });
  if (!seen(s.repliedOn, today)) return cells;
  const typo = today < addDaysIso(s.repliedOn as string, s.replyTypoDays);
  const replied = typo
    ? `${Number(s.repliedOn?.slice(5, 7))}月${Number(s.repliedOn?.slice(8))}日`
    : s.repliedOn;
  Object.assign(cells, { 答复日期: replied, 答复类别: s.replyClass, 答复内容: "已研究办理" });
  if (s.replyClass === "B")
    cells.落实情况 = seen(s.implementedOn, today) ? "已落实" : s.implementationBlank ? "" : "推进中";
  if (seen(s.ratedOn, today)) Object.assign(cells, { 满意度: s.rating, 测评日期: s.ratedOn });
  if (seen(s.reassignedOn, today)) cells.二次交办日期 = s.reassignedOn;
  if (seen(s.secondRepliedOn, today)) cells.二次答复日期 = s.secondRepliedOn;
  if (seen(s.secondRatedOn, today)) cells.二次满意度 = s.secondRating;
  return cells;
}
