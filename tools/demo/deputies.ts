import { mobile, type NameMaker } from "./names";
import type { Prng } from "./prng";
import { DEMO_BOT_BASE, DEMO_MAIL_DOMAIN } from "./units";

export interface DemoDeputy {
  readonly 姓名: string;
  readonly 代表团: string;
  readonly 专业小组: string;
  readonly 手机: string;
  readonly 邮箱: string;
  readonly 通知渠道: string;
  readonly 机器人地址: string;
  readonly 备注: string;
}

/** 代表团 by 街道 / 镇, with the villages or communities their deputies come from. */
export const DELEGATIONS: readonly (readonly [string, readonly string[]])[] = [
  ["北关街道", ["红星社区", "北门社区", "彰北社区"]],
  ["东关街道", ["东风社区", "仓巷社区", "东营社区"]],
  ["西关街道", ["西大街社区", "三角湖社区"]],
  ["红旗街道", ["红旗路社区", "新华社区"]],
  ["解放街道", ["解放路社区", "光明社区"]],
  ["河滨街道", ["滨河社区", "洹滨社区"]],
  ["柏庄镇", ["东杨村", "西马村", "南官庄村", "柏庄村"]],
  ["韩陵镇", ["小屯村", "后营村", "沙岗村"]],
  ["安丰乡", ["王家庄村", "郭家湾村", "安丰村"]],
];

/** The 8 代表专业小组. */
export const GROUPS = [
  "经济发展组",
  "城乡建设组",
  "教育医疗组",
  "民生保障组",
  "农业农村组",
  "生态环境组",
  "监察司法组",
  "文化旅游组",
] as const;

/** Names placed by hand: two namesakes written apart, and the name the ledger misspells. */
export const NAMESAKES = ["王伟(北关)", "王伟(柏庄)"] as const;
export const MISSPELT_DEPUTY = { correct: "张建军", typed: "张建君" } as const;

const PER_DELEGATION = 11;

function occupation(prng: Prng, place: string): string {
  const village = place.endsWith("村");
  const roles = village
    ? [`${place}党支部书记`, `${place}村委会主任`, "种植专业合作社理事长", "家庭农场主", "乡村医生"]
    : [`${place}党委书记`, "区人民医院医生", "中学教师", "小学校长", "企业负责人", "个体工商户", "律师"];
  return prng.pick(roles);
}

/** The 代表 tab: about 100 deputies, 11 per 代表团, each in one 专业小组. */
export function makeDeputies(prng: Prng, names: NameMaker): DemoDeputy[] {
  const deputies: DemoDeputy[] = [];
  const fixed = new Map<string, string>([
    ["北关街道", NAMESAKES[0]],
    ["柏庄镇", NAMESAKES[1]],
    ["东关街道", MISSPELT_DEPUTY.correct],
  ]);
  for (const [delegation, places] of DELEGATIONS) {
    for (let i = 0; i < PER_DELEGATION; i += 1) {
      const handPlaced = i === 0 ? fixed.get(delegation) : undefined;
      const name = handPlaced ? names.take(handPlaced) : names.next();
      const serial = String(deputies.length + 1).padStart(3, "0");
      const email = prng.chance(0.75) ? `rd${serial}@${DEMO_MAIL_DOMAIN}` : "";
      const wecom = !email && prng.chance(0.5);
      deputies.push({
        姓名: name,
        代表团: `${delegation}代表团`,
        专业小组: GROUPS[(deputies.length * 3 + i) % GROUPS.length] as string,
        手机: mobile(prng),
        邮箱: email,
        // Deputies without e-mail mostly follow their 代表团's WeCom group; a few have no channel at all.
        通知渠道: email ? (prng.chance(0.5) ? "email" : "") : wecom ? "wecom" : "",
        机器人地址: wecom ? `${DEMO_BOT_BASE}/wecom/rd${serial}` : "",
        备注: occupation(prng, prng.pick(places)),
      });
    }
  }
  return deputies;
}

/** The deputies of one 专业小组 (leads are drawn from the group that matches the topic). */
export function inGroup(deputies: readonly DemoDeputy[], group: string): DemoDeputy[] {
  return deputies.filter((d) => d.专业小组 === group);
}
