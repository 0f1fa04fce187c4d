import { type DemoDeputy, GROUPS, inGroup, NAMESAKES } from "./deputies";
import type { Prng } from "./prng";
import type { Suggestion } from "./suggestion";

/** Congress leaders who supervise the key suggestions (重点建议督办). */
export const LEADERS = [
  "刘振华主任",
  "陈建平副主任",
  "赵晓梅副主任",
  "孙志刚副主任",
  "周丽萍副主任",
] as const;

const GROUP_OF_CATEGORY: Readonly<Record<string, string>> = {
  经济发展: "经济发展组",
  城乡建设: "城乡建设组",
  社会事业: "民生保障组",
  教育医疗: "教育医疗组",
  农业农村: "农业农村组",
  生态环境: "生态环境组",
  监察司法: "监察司法组",
};

/**
 * A lead deputy (usually from the 专业小组 of the topic, as the office's pre-review groups work)
 * and 0–4 co-signers, mostly from the lead's own 代表团.
 */
export function pickPeople(prng: Prng, deputies: readonly DemoDeputy[], category: string) {
  const group = GROUP_OF_CATEGORY[category] ?? prng.pick(GROUPS);
  const pool = prng.chance(0.6) ? inGroup(deputies, group) : deputies;
  const lead = prng.pick(pool.length > 0 ? pool : deputies);
  const count = prng.pick([0, 0, 0, 1, 1, 2, 2, 2, 3, 3, 4]);
  const sameDelegation = deputies.filter((d) => d.代表团 === lead.代表团 && d !== lead);
  const others = prng.chance(0.7) ? sameDelegation : deputies.filter((d) => d !== lead);
  return { lead: lead.姓名, coSigners: prng.sample(others, count).map((d) => d.姓名) };
}

/**
 * Makes sure the namesakes appear as staff write them (王伟(北关) leading one suggestion, 王伟(柏庄)
 * co-signing another), so the demo shows names written apart.
 */
export function placeNamesakes(suggestions: Suggestion[]): void {
  const accepted = suggestions.filter((s) => s.review === "立案" && s.intended === "已办结");
  const [leadRow, coRow] = [accepted[5], accepted[11]];
  if (leadRow) {
    leadRow.lead = NAMESAKES[0];
    leadRow.coSigners = leadRow.coSigners.filter((n) => n !== NAMESAKES[0]);
  }
  if (coRow && coRow.lead !== NAMESAKES[1] && !coRow.coSigners.includes(NAMESAKES[1])) {
    coRow.coSigners = [...coRow.coSigners, NAMESAKES[1]];
  }
}

/** 8 key suggestions (重点建议), each with a supervising leader, as the newsletter's offices do. */
export function markKeySuggestions(prng: Prng, suggestions: Suggestion[], healthCentre: Suggestion): void {
  const congress = suggestions.filter((s) => s.session === "十一届五次会议" && s !== healthCentre);
  const by = (status: string, n: number) =>
    prng.sample(
      congress.filter((s) => s.intended === status),
      n,
    );
  const keys = [healthCentre, ...by("跟踪落实", 3), ...by("已办结", 3), ...by("待测评", 1)];
  keys.forEach((s, i) => {
    s.isKey = true;
    s.supervisor = LEADERS[i % LEADERS.length];
  });
}
