import { committeeTab, opinionsTab } from "../../sheets-schema/tabs";
import { serialFromIso } from "../../src/domain/civil-date";
import type { Prng } from "./prng";
import type { Cell, Suggestion } from "./suggestion";

type Row = Record<string, Cell>;

export const EVALUATION_HEADERS = {
  opinions: opinionsTab.columns.map((c) => c.header),
  committee: committeeTab.columns.map((c) => c.header),
};

const STATIONS = ["城关街道代表联络站", "东关街道代表联络站", "北关社区代表联络点", "工业园区代表联络站"];

/** Opinions the stations record besides those that became suggestions: handled otherwise, or waiting. */
const OTHER_OPINIONS: readonly (readonly [string, string])[] = [
  ["小区门口路灯坏了三个月，夜里出行不便。", "转交部门"],
  ["菜市场周边早高峰停车难，希望增设临时停车位。", "转交部门"],
  ["老旧小区加装电梯的补贴怎么申请？", "当场答复"],
  ["社区卫生服务站周末不开门，看病要跑远路。", "转交部门"],
  ["公交 12 路末班车太早，下夜班的职工赶不上。", ""],
  ["学校门口放学时段车辆乱停，孩子过马路危险。", ""],
  ["垃圾分类点清运不及时，夏天气味大。", "当场答复"],
  ["农贸市场排水沟堵塞，雨天积水。", "其他"],
];

const d = (iso: string) => serialFromIso(iso);

/**
 * 民意 of the demo year: one row for each suggestion that came from a liaison station (处理方式
 * 转化为建议, its 编号 filled, received by its lead deputy a few weeks before it was made), and a few
 * opinions handled otherwise or still waiting, so the page offers “转化为建议”.
 */
export function makeOpinions(suggestions: readonly Suggestion[], prng: Prng): Row[] {
  const converted = suggestions
    .filter((s) => s.source === "联络站民意")
    .map((s, i) => ({
      日期: d(shiftDays(s.submittedOn, -(10 + prng.int(0, 20)))),
      联络站: STATIONS[i % STATIONS.length] as string,
      反映人: ["居民", "个体商户", "退休教师"][i % 3] as string,
      内容: s.summary,
      接待代表: s.lead,
      处理方式: "转化为建议",
      建议编号: s.id,
      备注: "",
    }));
  const leads = [...new Set(suggestions.map((s) => s.lead))];
  const others = OTHER_OPINIONS.map(([content, handling], i) => ({
    日期: d(`2026-${String(3 + i).padStart(2, "0")}-${String(5 + prng.int(0, 20)).padStart(2, "0")}`),
    联络站: STATIONS[(i + 1) % STATIONS.length] as string,
    反映人: i % 2 === 0 ? "居民" : "",
    内容: content,
    接待代表: leads[(i * 7) % leads.length] as string,
    处理方式: handling,
    建议编号: "",
    备注: handling === "转交部门" ? "已转交相关部门办理" : "",
  }));
  return [...converted, ...others];
}

/**
 * 常委会测评 of the demo year: the standing committee scored the units that handled the most
 * suggestions (a vote and a score each), and named two 先进单位.
 */
export function makeCommittee(suggestions: readonly Suggestion[], prng: Prng): Row[] {
  const counts = new Map<string, number>();
  for (const s of suggestions)
    if (s.review === "立案" && s.leadUnit) counts.set(s.leadUnit, (counts.get(s.leadUnit) ?? 0) + 1);
  const busiest = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 8);
  return busiest.map(([unit], i) => {
    const score = 95 - i * 3 - prng.int(0, 2);
    return {
      年度: 2026,
      单位名称: unit,
      测评得分: score,
      表决结果: score >= 85 ? "满意" : score >= 75 ? "基本满意" : "不满意",
      先进单位: i < 2 ? "是" : "",
      备注: "区人大常委会第二十三次会议测评",
    };
  });
}

function shiftDays(iso: string, days: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
