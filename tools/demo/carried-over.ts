import { type DemoDeputy, NAMESAKES } from "./deputies";
import type { Suggestion } from "./suggestion";

/**
 * Last year's suggestions still under cross-year supervision (跨年督办), kept at the foot of the
 * ledger as offices keep them: the year report shows them apart from this year's. One marked 是
 * whose B-class plan is still 推进中, one marked 是 that was carried out this year (已落实), and one
 * still not satisfied after its second round (the status rule puts it in 跨年督办; marked 是 as
 * practice.md asks for it to be carried into 2026's 单位测评 and report).
 */
const CARRIED = [
  {
    id: "2025-031",
    title: "关于推进老城区雨污分流管网改造的建议",
    summary: "老城区部分路段雨污合流，汛期积水严重，建议分批实施雨污分流改造",
    category: "城乡建设",
    leadUnit: "区住建局",
    coUnits: ["区城管局"],
    replyClass: "B",
    rating: "基本满意",
    implementation: "推进中",
    crossYear: true,
    notes: "改造工程分三年实施，2026 年完成一期，常委会决定跨年度督办",
  },
  {
    id: "2025-047",
    title: "关于增设安丰乡农村客运班线的建议",
    summary: "安丰乡部分行政村不通客运班线，群众出行不便，建议增设城乡公交线路",
    category: "农业农村",
    leadUnit: "区交通运输局",
    coUnits: [],
    replyClass: "B",
    rating: "满意",
    implementation: "已落实",
    crossYear: true,
    notes: "2026 年 4 月新线路开通，已落实",
  },
  {
    id: "2025-058",
    title: "关于解决红星社区老旧小区加装电梯资金的建议",
    summary: "老旧小区加装电梯居民出资比例高，建议加大财政补贴",
    category: "社会事业",
    leadUnit: "区财政局",
    coUnits: ["区住建局"],
    replyClass: "D",
    rating: "不满意",
    second: { reassignedOn: "2025-06-16", repliedOn: "2025-07-10", replyClass: "C", rating: "不满意" },
    crossYear: true,
    notes: "二次测评仍不满意，转入 2026 年继续督办",
  },
] as const;

/** The carried-over rows, led and co-signed by deputies of the demo (never the namesakes). */
export function carriedOverSuggestions(deputies: readonly DemoDeputy[]): Suggestion[] {
  const people = deputies.map((d) => d.姓名).filter((n) => !(NAMESAKES as readonly string[]).includes(n));
  return CARRIED.map((c, i) => {
    const s: Suggestion = {
      intended: "跨年督办",
      id: c.id,
      session: "十一届四次会议",
      title: c.title,
      summary: c.summary,
      lead: people[7 + i * 11] ?? people[0] ?? "",
      coSigners: [people[8 + i * 11] ?? ""].filter(Boolean),
      category: c.category,
      submittedOn: "2025-01-08",
      review: "立案",
      leadUnit: c.leadUnit,
      coUnits: [...c.coUnits],
      assignedOn: "2025-02-27",
      period: null,
      repliedOn: "2025-05-20",
      replyClass: c.replyClass,
      replyContent: c.replyClass === "D" ? "所提建议留作今后工作参考" : "已列入计划，正在分步实施",
      rating: c.rating,
      ratedOn: "2025-06-05",
      notes: c.notes,
      overrides: {},
    };
    if ("implementation" in c) s.implementation = c.implementation;
    if ("crossYear" in c) s.crossYear = c.crossYear;
    if ("second" in c) {
      s.reassignedOn = c.second.reassignedOn;
      s.secondRepliedOn = c.second.repliedOn;
      s.secondReplyClass = c.second.replyClass;
      s.secondRating = c.second.rating;
      s.replyContent = "受财力所限，暂无法安排专项补贴，所提建议留作今后工作参考";
    }
    return s;
  });
}
