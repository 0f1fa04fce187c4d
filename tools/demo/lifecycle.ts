import type { LedgerStatus, Rating, ReplyClass } from "../../sheets-schema";
import { addDaysIso } from "../../src/domain";
import { ASSIGNMENT_DAYS, CONGRESS_DAYS, type DemoDates } from "./dates";
import type { Prng } from "./prng";
import { replyText, SECOND_REPLY_NOTE } from "./replies";
import type { Suggestion } from "./suggestion";

/** How a suggestion's year went; each leads to one 台账状态 on DEMO_TODAY. */
export const SCENARIOS = {
  pendingReview: { count: 2, status: "待审查" },
  rejected: { count: 3, status: "不予立案" },
  merged: { count: 4, status: "已并案" },
  toAssign: { count: 2, status: "待交办" },
  inProgress: { count: 5, status: "办理中" },
  dueSoon: { count: 3, status: "即将到期" },
  dueSoonRound2: { count: 1, status: "即将到期" },
  overdue: { count: 3, status: "已逾期" },
  overdueRound2: { count: 1, status: "已逾期" },
  awaitingRating: { count: 7, status: "待测评" },
  awaitingRatingRound2: { count: 1, status: "待测评" },
  awaitingReassign: { count: 2, status: "待二次交办" },
  crossYearSecond: { count: 2, status: "跨年督办" },
  crossYearFlag: { count: 2, status: "跨年督办" },
  tracking: { count: 20, status: "跟踪落实" },
  done: { count: 70, status: "已办结" },
  doneRound2: { count: 2, status: "已办结" },
  // practice.md: a suggestion returned for revision, one withdrawn, and extensions.
  returned: { count: 1, status: "退回修改" },
  withdrawn: { count: 1, status: "已撤回" },
  extendedDone: { count: 2, status: "已办结" },
  extendedOpen: { count: 1, status: "办理中" },
  extensionRefused: { count: 1, status: "已逾期" },
} as const satisfies Record<string, { count: number; status: LedgerStatus }>;

export type Scenario = keyof typeof SCENARIOS;

/** Scenarios of suggestions made between sessions (闭会期间); the others came to the January congress. */
export const CLOSED_SESSION: ReadonlySet<Scenario> = new Set([
  "pendingReview",
  "toAssign",
  "inProgress",
  "dueSoon",
  "returned",
  "extendedOpen",
]);

const EXTENSION_REASONS = [
  "涉及多个部门和上级审批，需统筹资金和用地指标，三个月内难以办结",
  "项目须经规划调整和公开招标，办理周期较长",
  "需会同市级部门联合调研论证，申请延长办理期限",
];

type Step = (s: Suggestion, d: DemoDates, prng: Prng) => void;

/** Submitted at the January congress, assigned at the 交办会 (or a week later). */
function congress(s: Suggestion, prng: Prng, sixMonths = false): void {
  s.session = "十一届五次会议";
  s.submittedOn = prng.pick(CONGRESS_DAYS);
  s.review = "立案";
  s.assignedOn = prng.chance(0.8) ? ASSIGNMENT_DAYS[0] : ASSIGNMENT_DAYS[1];
  s.period = sixMonths ? "六个月" : prng.chance(0.15) ? "三个月" : null;
}

function closed(s: Suggestion, d: DemoDates, submitted: [string, string], assigned?: string): void {
  s.session = "闭会期间";
  s.submittedOn = d.between(submitted[0], submitted[1]);
  s.review = "立案";
  if (assigned) s.assignedOn = assigned;
  s.period = null;
}

/** Round 1 reply, optionally rated. */
function reply(s: Suggestion, d: DemoDates, prng: Prng, cls: ReplyClass, options: { late?: boolean } = {}) {
  const assigned = s.assignedOn ?? s.submittedOn;
  s.repliedOn = d.reply(assigned, d.due(assigned, s.period), options.late);
  s.replyClass = cls;
  s.replyContent = replyText(cls, s.title, prng);
}

function rate(s: Suggestion, d: DemoDates, rating: Rating): void {
  s.rating = rating;
  s.ratedOn = d.after(s.repliedOn ?? s.submittedOn, 5, 25);
}

function satisfied(prng: Prng): Rating {
  return prng.chance(0.78) ? "满意" : "基本满意";
}

/** Not satisfied in round 1, then assigned a second time. */
function secondRound(s: Suggestion, d: DemoDates, reassignedOn: string): void {
  rate(s, d, "不满意");
  s.ratedOn = d.between(s.repliedOn ?? s.submittedOn, reassignedOn);
  s.reassignedOn = reassignedOn;
}

function doneClass(prng: Prng): ReplyClass {
  return prng.pick(["A", "A", "A", "A", "B", "B", "C", "D", "D"]);
}

const STEPS: Record<Scenario, Step> = {
  pendingReview: (s, d) => {
    closed(s, d, ["2026-11-16", "2026-11-25"]);
    s.review = null;
  },
  rejected: (s, _d, prng) => {
    congress(s, prng);
    Object.assign(s, { review: "不予立案", assignedOn: undefined, period: undefined });
  },
  merged: (s, _d, prng) => {
    congress(s, prng);
    Object.assign(s, { review: "并案", assignedOn: undefined, period: undefined });
  },
  toAssign: (s, d, prng) => {
    closed(s, d, ["2026-10-20", "2026-11-13"]);
    // Staff sometimes fill in the lead unit before the 交办 date is fixed.
    if (prng.chance(0.5)) {
      delete s.leadUnit;
      s.coUnits = [];
    }
  },
  inProgress: (s, d) =>
    closed(s, d, ["2026-08-10", "2026-09-08"], d.assignmentDue("2026-09-14", "2026-09-30", 20, 40)),
  dueSoon: (s, d) =>
    closed(s, d, ["2026-07-20", "2026-08-21"], d.assignmentDue("2026-08-24", "2026-09-12", 0, 14)),
  dueSoonRound2: (s, d, prng) => {
    congress(s, prng, true);
    reply(s, d, prng, "C");
    secondRound(s, d, "2026-10-30");
  },
  overdue: (s, _d, prng) => congress(s, prng, true),
  overdueRound2: (s, d, prng) => {
    congress(s, prng);
    reply(s, d, prng, "D");
    secondRound(s, d, d.between("2026-06-08", "2026-06-19"));
  },
  awaitingRating: (s, d, prng) => {
    congress(s, prng, true);
    reply(s, d, prng, prng.pick(["A", "B", "B", "C"]));
  },
  awaitingRatingRound2: (s, d, prng) => {
    congress(s, prng);
    reply(s, d, prng, "C");
    secondRound(s, d, d.between("2026-08-31", "2026-09-10"));
    s.secondRepliedOn = d.after(s.reassignedOn ?? "", 10, 25);
    s.secondReplyClass = "B";
  },
  awaitingReassign: (s, d, prng) => {
    congress(s, prng, true);
    reply(s, d, prng, prng.pick(["C", "D"]));
    s.rating = "不满意";
    s.ratedOn = d.between("2026-11-09", "2026-11-20");
  },
  crossYearSecond: (s, d, prng) => {
    congress(s, prng);
    reply(s, d, prng, "C");
    secondRound(s, d, d.between("2026-06-08", "2026-06-19"));
    s.secondRepliedOn = d.after(s.reassignedOn ?? "", 10, 25);
    s.secondReplyClass = "C";
    s.secondRating = "不满意";
    s.crossYear = true;
    s.notes = "二次测评仍不满意，列入跨年督办台账";
  },
  crossYearFlag: (s, d, prng) => {
    congress(s, prng, true);
    reply(s, d, prng, "B");
    rate(s, d, "基本满意");
    s.implementation = "推进中";
    s.crossYear = true;
    s.notes = "涉及面广、办理周期长，常委会决定跨年度连续督办";
  },
  tracking: (s, d, prng) => {
    congress(s, prng, prng.chance(0.15));
    reply(s, d, prng, "B", { late: prng.chance(0.08) });
    rate(s, d, satisfied(prng));
    if (prng.chance(0.75)) s.implementation = "推进中";
  },
  done: (s, d, prng) => {
    congress(s, prng, prng.chance(0.1));
    reply(s, d, prng, doneClass(prng), { late: prng.chance(0.07) });
    rate(s, d, satisfied(prng));
    if (s.replyClass === "B") s.implementation = "已落实";
  },
  doneRound2: (s, d, prng) => {
    congress(s, prng);
    reply(s, d, prng, "D");
    secondRound(s, d, d.between("2026-06-08", "2026-06-19"));
    s.secondRepliedOn = d.after(s.reassignedOn ?? "", 10, 25);
    s.secondReplyClass = "A";
    s.secondRating = "满意";
    s.notes = SECOND_REPLY_NOTE;
  },
  returned: (s, d) => {
    closed(s, d, ["2026-11-02", "2026-11-13"]);
    s.review = "退回修改";
    s.preReview = "建议内容较笼统，缺少具体地点和问题表现，已退回代表补充完善后重新提交";
  },
  withdrawn: (s, _d, prng) => {
    congress(s, prng);
    Object.assign(s, { review: "撤回", assignedOn: undefined, period: undefined });
    s.notes = "代表来函说明所反映问题已由街道解决，申请撤回";
  },
  extendedDone: (s, d, prng) => {
    congress(s, prng);
    s.period = null;
    const assigned = s.assignedOn ?? "";
    const threeMonths = d.due(assigned, null);
    const appliedOn = d.between(addDaysIso(threeMonths, -25), addDaysIso(threeMonths, -10));
    const decidedOn = d.after(appliedOn, 1, 3);
    s.extension = { appliedOn, reason: prng.pick(EXTENSION_REASONS), result: "同意", decidedOn };
    // Replied after three months, within the six the approval gave: on time.
    s.repliedOn = d.between(addDaysIso(threeMonths, 20), addDaysIso(threeMonths, 60));
    s.replyClass = prng.pick(["A", "B"]);
    s.replyContent = replyText(s.replyClass, s.title, prng);
    if (s.replyClass === "B") s.implementation = "已落实";
    rate(s, d, satisfied(prng));
  },
  extendedOpen: (s, d, prng) => {
    // Three months passed in September; the approved six run into mid-December.
    closed(s, d, ["2026-05-11", "2026-06-05"], d.between("2026-06-15", "2026-06-26"));
    const threeMonths = d.due(s.assignedOn ?? "", null);
    const appliedOn = d.between(addDaysIso(threeMonths, -30), addDaysIso(threeMonths, -12));
    s.extension = {
      appliedOn,
      reason: prng.pick(EXTENSION_REASONS),
      result: "同意",
      decidedOn: d.after(appliedOn, 1, 4),
    };
  },
  extensionRefused: (s, d, prng) => {
    congress(s, prng);
    s.period = null;
    const threeMonths = d.due(s.assignedOn ?? "", null);
    const appliedOn = d.between(addDaysIso(threeMonths, -20), addDaysIso(threeMonths, -8));
    s.extension = {
      appliedOn,
      reason: "工作量大，人手不足",
      result: "不同意",
      decidedOn: d.after(appliedOn, 1, 3),
    };
    s.notes = "延期申请理由不充分，未予批准，已督促尽快答复";
  },
};

/** Fills the dates, review, reply and rating fields of `s` for its scenario. */
export function liveThrough(s: Suggestion, scenario: Scenario, d: DemoDates, prng: Prng): void {
  STEPS[scenario](s, d, prng);
  s.intended = SCENARIOS[scenario].status;
  if (s.review !== "立案") {
    delete s.leadUnit;
    s.coUnits = [];
  }
}
