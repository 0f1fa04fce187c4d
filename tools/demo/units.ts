import { mobile, type NameMaker } from "./names";
import type { Prng } from "./prng";

/**
 * Bot addresses of the demo point at the local Worker (never at a real WeCom/DingTalk/Feishu
 * host), so notices sent by `npm start` stay on this machine.
 */
export const DEMO_BOT_BASE = "http://127.0.0.1:8787/__dev/bots";
/** Reserved for documentation (RFC 2606): demo e-mail can never reach a real mailbox. */
export const DEMO_MAIL_DOMAIN = "beicheng.example";

export interface DemoUnit {
  readonly 单位名称: string;
  readonly 联系人: string;
  readonly 手机: string;
  readonly 邮箱: string;
  readonly 通知渠道: string;
  readonly 机器人地址: string;
  readonly 备注: string;
}

type Channel = "email" | "wecom" | "dingtalk" | "feishu" | "webhook";

/** Handling units of a district: name, mail box, preferred channel. */
const UNITS: readonly (readonly [string, string, readonly Channel[]])[] = [
  ["区发改委", "fgw", ["email", "wecom"]],
  ["区教育局", "jyj", ["email", "wecom"]],
  ["区工信局", "gxj", ["email"]],
  ["区公安分局", "gafj", ["email"]],
  ["区民政局", "mzj", ["email", "dingtalk"]],
  ["区司法局", "sfj", ["email"]],
  ["区财政局", "czj", ["email"]],
  ["区人社局", "rsj", ["email", "wecom"]],
  ["区自然资源局", "zrzyj", ["email"]],
  ["区生态环境分局", "sthjfj", ["email", "feishu"]],
  ["区住建局", "zjj", ["dingtalk"]],
  ["区城管局", "cgj", ["email", "dingtalk"]],
  ["区交通运输局", "jtysj", ["feishu"]],
  ["区水利局", "slj", ["email"]],
  ["区农业农村局", "nyncj", ["email", "wecom"]],
  ["区商务局", "swj", ["email"]],
  ["区文旅局", "wlj", ["email", "webhook"]],
  ["区卫健委", "wjw", ["email", "wecom"]],
  ["区退役军人事务局", "tyjrj", ["email"]],
  ["区应急管理局", "yjglj", ["email", "dingtalk"]],
  ["区市场监管局", "scjgj", ["email"]],
  ["区医保局", "ybj", ["email"]],
  ["北关街道办事处", "bgjd", ["wecom"]],
  ["东关街道办事处", "dgjd", ["email"]],
  ["柏庄镇人民政府", "bzz", ["email", "wecom"]],
  ["韩陵镇人民政府", "hlz", ["email"]],
  ["国网北城供电公司", "gdgs", ["email"]],
];

export const UNIT_NAMES: readonly string[] = UNITS.map(([name]) => name);

const BOT_CHANNELS: readonly Channel[] = ["wecom", "dingtalk", "feishu", "webhook"];

/** The 承办单位 tab: every unit with a contact person and the channels it asked for. */
export function makeUnits(prng: Prng, names: NameMaker): DemoUnit[] {
  return UNITS.map(([name, mailbox, channels]) => {
    const bot = channels.find((c) => BOT_CHANNELS.includes(c));
    return {
      单位名称: name,
      联系人: names.next(),
      手机: mobile(prng),
      邮箱: channels.includes("email") ? `${mailbox}@${DEMO_MAIL_DOMAIN}` : "",
      // Some offices leave 通知渠道 blank: it is then inferred from 邮箱 and 机器人地址.
      通知渠道: prng.chance(0.2) && !bot ? "" : channels.join("、"),
      机器人地址: bot ? `${DEMO_BOT_BASE}/${bot}/${mailbox}` : "",
      备注: prng.pick(["办公室负责建议办理", "综合科负责建议办理", "由分管副职牵头办理", ""]),
    };
  });
}
