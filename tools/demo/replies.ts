import type { ReplyClass } from "../../sheets-schema";
import type { Prng } from "./prng";

/** The matter of a title: “关于加快推进柏庄镇卫生院建设的建议” → “加快推进柏庄镇卫生院建设”. */
export function matterOf(title: string): string {
  return title.replace(/^关于/, "").replace(/的建议$/, "");
}

const REPLIES: Readonly<Record<ReplyClass, readonly ((matter: string, year: number) => string)[]>> = {
  A: [
    (m) => `关于“${m}”，我单位组织专人实地调研，相关工作已全部完成，并已当面向代表反馈办理结果。`,
    (m) => `“${m}”已纳入今年为民办实事项目，目前已完工并投入使用，代表和群众反映良好。`,
    (m) => `我单位采纳代表意见，围绕“${m}”制定了专项工作方案，已落实到位并建立长效机制。`,
  ],
  B: [
    (m, y) =>
      `“${m}”已列入${y + 1}年度工作计划，目前正在开展前期工作，预计${y + 1}年底前完成，进展情况将及时向代表报告。`,
    (m) => `关于“${m}”，项目已完成立项和资金测算，正在履行招标程序，计划分两期实施。`,
    (m) => `我单位已会同协办单位制定“${m}”实施方案，部分措施已启动，其余纳入明年重点工作推进。`,
  ],
  C: [
    (m) =>
      `“${m}”涉及资金和用地指标，受当前财力和规划条件限制，今年暂无法实施。我单位将积极争取上级资金，条件成熟后优先安排。`,
    (m) => `关于“${m}”，因相关政策须由上级部门统一调整，我区暂无权限办理；我单位已向上级部门反映代表意见。`,
  ],
  D: [
    (m) => `代表所提“${m}”的建议对我区相关工作具有参考价值，我单位将在制定下一步规划时认真研究吸纳。`,
    (m) => `“${m}”的建议已转相关科室研究，留作今后工作参考。`,
  ],
};

/** 答复内容 as a unit would summarise its reply letter. */
export function replyText(cls: ReplyClass, title: string, prng: Prng, year = 2026): string {
  return prng.pick(REPLIES[cls])(matterOf(title), year);
}

export const SECOND_REPLY_NOTE = "二次交办后承办单位重新研究，已调整实施方案并再次答复代表。";

/** 回访意见 after a follow-up visit by the office with the lead deputy. */
export const FOLLOW_UP_NOTES = [
  "回访时代表表示满意，项目已完工投用，群众反映良好。",
  "代表认可办理态度，希望加快推进进度，下次回访时再看落实情况。",
  "现场查看整改已落实到位，代表无其他意见。",
  "代表反映答复内容与实际进度有出入，已要求承办单位补充说明。",
  "电话回访，代表对办理结果基本满意。",
];

/** 备注 of some rows, as staff jot them down. */
export const STAFF_NOTES = [
  "交办会上已当面交办",
  "承办单位已与代表面商",
  "邀请代表参加了现场办理",
  "书面答复已送达代表",
  "",
];
