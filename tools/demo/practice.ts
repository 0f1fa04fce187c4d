import { contactsTab, coOpinionsTab, extensionsTab, leadersTab } from "../../sheets-schema";
import { addDaysIso, serialFromIso } from "../../src/domain";
import { DEMO_TODAY, type DemoDates } from "./dates";
import { LEADERS } from "./people";
import type { Prng } from "./prng";
import { matterOf } from "./replies";
import type { Cell, Suggestion } from "./suggestion";
import { DEMO_BOT_BASE, DEMO_MAIL_DOMAIN } from "./units";

type Row = Record<string, Cell>;

/** The district government's leaders who lead the handling of suggestions (领办). */
export const GOVERNMENT_LEADERS = ["李明远区长", "张卫东副区长", "孙海燕副区长", "王志强副区长"] as const;

/** 十一届五次会议 met 7–9 January 2026 (设置 会议期间: blank 来源 reads as 大会期间 then). */
export const DEMO_SESSIONS = "2026-01-07~2026-01-09";

/** The 领导 tab: the 人大 leaders who supervise key suggestions and the government leaders who lead some. */
export function makeLeaders(): Row[] {
  const congress = LEADERS.map((name, i) => ({
    姓名: name,
    职务: name.endsWith("副主任") ? "区人大常委会副主任" : "区人大常委会主任",
    类型: "督办",
    邮箱: `rdld${i + 1}@${DEMO_MAIL_DOMAIN}`,
    通知渠道: "email",
  }));
  const government = GOVERNMENT_LEADERS.map((name, i) => ({
    姓名: name,
    职务: name.endsWith("副区长") ? "区人民政府副区长" : "区人民政府区长",
    类型: "领办",
    邮箱: i % 2 === 0 ? `zfld${i + 1}@${DEMO_MAIL_DOMAIN}` : "",
    通知渠道: i % 2 === 0 ? "email" : "wecom",
    机器人地址: i % 2 === 0 ? "" : `${DEMO_BOT_BASE}/wecom/zfld${i + 1}`,
    备注: "书记、区长领衔包办和政府领导领办重点建议",
  }));
  return [...congress, ...government];
}

const d = (iso: string) => serialFromIso(iso);
const earlier = (a: string, b: string) => (a < b ? a : b);

/** A working day from `from` to `to` (both included), never after the demo's today. */
function dayIn(dates: DemoDates, from: string, to: string): string | null {
  const last = earlier(to, DEMO_TODAY);
  if (last < from) return null;
  const day = dates.between(from, last);
  return day > last ? null : day;
}

const CONTACT_TALKS = [
  (m: string) => `就“${m}”听取代表意见，介绍初步办理思路`,
  (m: string) => `与代表共同察看现场，商议“${m}”的具体措施`,
  (m: string) => `电话沟通“${m}”的办理进度和存在的困难`,
];
const DEPUTY_VIEWS = [
  "同意办理思路，希望加快进度",
  "建议先解决群众反映最集中的问题",
  "对办理态度满意，期待尽快见效",
];
const FOLLOW_UPS = ["对答复内容满意", "基本满意，希望持续跟踪落实", "对办理结果不满意，建议再研究"];

/**
 * What the office kept around the ledger this year (practice.md): the lead units' 办前 contacts
 * (a few replies came without one, as in any year), contacts during handling, visits after the
 * reply, the co-units' written opinions (a few still missing), and the extension requests.
 */
export function makePracticeRows(suggestions: readonly Suggestion[], dates: DemoDates, prng: Prng) {
  const contacts: Row[] = [];
  const coOpinions: Row[] = [];
  const extensions: Row[] = [];
  // Rows whose 编号 or 答复日期 carry a planted staff mistake are left without practice rows: the
  // mistake is the point of those rows.
  const handled = suggestions.filter(
    (s) =>
      s.review === "立案" &&
      s.assignedOn &&
      s.leadUnit &&
      s.id &&
      s.overrides.编号 === undefined &&
      !(s.repliedOn && s.repliedOn < s.assignedOn),
  );
  for (const s of handled) {
    const assigned = s.assignedOn as string;
    const unit = s.leadUnit as string;
    const matter = matterOf(s.title);
    const replyOrToday = s.repliedOn ?? DEMO_TODAY;
    const contact = (date: string, stage: string, method: string, talk: string, view: string): void => {
      contacts.push({
        编号: s.id,
        日期: d(date),
        阶段: stage,
        方式: method,
        承办单位: unit,
        代表参加: method === "书面" ? "否" : "是",
        参加人员: `${s.lead}代表、${unit}分管负责同志`,
        内容: talk,
        代表意见: view,
      });
    };
    // 办前: a week or two after 交办, before the reply; key suggestions are discussed face to face.
    const before = prng.chance(0.93)
      ? dayIn(dates, addDaysIso(assigned, 3), earlier(addDaysIso(assigned, 20), replyOrToday))
      : null;
    if (before) {
      const method = s.isKey
        ? prng.pick(["面商", "实地察看"])
        : prng.pick(["面商", "电话", "座谈", "电话", "面商"]);
      contact(
        before,
        "办前",
        method,
        (CONTACT_TALKS[0] as (m: string) => string)(matter),
        prng.pick(DEPUTY_VIEWS),
      );
      const during = prng.chance(0.35)
        ? dayIn(dates, addDaysIso(before, 10), addDaysIso(replyOrToday, -1))
        : null;
      if (during)
        contact(
          during,
          "办中",
          prng.pick(["实地察看", "座谈", "电话"]),
          (CONTACT_TALKS[prng.int(1, 2)] as (m: string) => string)(matter),
          prng.pick(DEPUTY_VIEWS),
        );
    }
    if (s.repliedOn && s.rating) {
      const after = dayIn(dates, addDaysIso(s.repliedOn, 2), addDaysIso(s.repliedOn, 15));
      const view =
        s.rating === "不满意" ? FOLLOW_UPS[2] : s.rating === "满意" ? FOLLOW_UPS[0] : FOLLOW_UPS[1];
      if (after)
        contact(
          after,
          "办后",
          prng.pick(["电话", "面商", "书面"]),
          `回访代表，听取对“${matter}”答复的意见`,
          view as string,
        );
    }
    // Co-units send their written opinion to the lead unit within a month or so; a few are late.
    for (const co of s.coUnits) {
      if (co === unit || !prng.chance(0.88)) continue;
      const sent = dayIn(dates, addDaysIso(assigned, 7), earlier(addDaysIso(assigned, 28), replyOrToday));
      if (sent)
        coOpinions.push({
          编号: s.id,
          协办单位: co,
          送达日期: d(sent),
          内容摘要: `同意${unit}的办理方案，${co}负责配合做好相关工作，并已明确责任人`,
        });
    }
    if (s.extension) {
      const e = s.extension;
      extensions.push({
        编号: s.id,
        申请日期: d(e.appliedOn),
        申请单位: unit,
        理由: e.reason,
        审批结果: e.result ?? "",
        审批日期: e.decidedOn ? d(e.decidedOn) : "",
        审批人: e.result ? "赵晓梅副主任" : "",
      });
    }
  }
  return { contacts, coOpinions, extensions };
}

/** Headers of the practice tabs, in schema order. */
export const PRACTICE_HEADERS = {
  leaders: leadersTab.columns.map((c) => c.header),
  contacts: contactsTab.columns.map((c) => c.header),
  extensions: extensionsTab.columns.map((c) => c.header),
  coOpinions: coOpinionsTab.columns.map((c) => c.header),
};
