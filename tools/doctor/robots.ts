import type { sheets_v4 } from "@googleapis/sheets";
import { TAB_NAMES } from "../../sheets-schema";
import { maskSecret } from "../../src/channels/robot-address";
import { botChannelOf } from "../../src/domain/directory";
import { quoteTitle } from "../provision/requests";
import { NOT_A_URL, type RobotProblem } from "./facts";

/** A typed-in robot address (without its # secret) as the doctor may print it: keys and tokens cut short. */
export function maskedAddress(address: string): string {
  if (address.includes("://")) return maskSecret(address);
  // Not a URL (`htps//…?access_token=…`, a pasted token): masked as if it were one, and any long
  // run of letters and digits left over (a token pasted without its address) cut short as well.
  return maskSecret(`x://${address}`)
    .slice("x://".length)
    .replace(/[A-Za-z0-9_-]{16,}/g, (run) => `${run.slice(0, 3)}…`);
}

/** 36 characters in groups of 8-4-4-4-12: 企业微信's key and 飞书's hook token. */
const UUID_LIKE = /^[0-9A-Za-z]{8}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{12}$/;
const UUID_SHAPE = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx 这样的 36 位字符";

/** What each platform's 群机器人 address looks like (the address its robot settings give to copy). */
const PLATFORMS = {
  wecom: {
    name: "企业微信",
    shape: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…",
    isPlace: (url: URL) => url.hostname === "qyapi.weixin.qq.com" && url.pathname === "/cgi-bin/webhook/send",
    token: (url: URL) => ({ label: "key", value: url.searchParams.get("key") }),
    missing: "缺少 key=…",
    isWhole: (token: string) => UUID_LIKE.test(token),
    cut: `里的 key 不完整（应为 ${UUID_SHAPE}）`,
  },
  dingtalk: {
    name: "钉钉",
    shape: "https://oapi.dingtalk.com/robot/send?access_token=…",
    isPlace: (url: URL) => url.hostname === "oapi.dingtalk.com" && url.pathname === "/robot/send",
    token: (url: URL) => ({ label: "access_token", value: url.searchParams.get("access_token") }),
    missing: "缺少 access_token=…",
    isWhole: (token: string) => /^[0-9a-f]{64}$/i.test(token),
    cut: "里的 access_token 不完整（应为 64 位十六进制字符）",
  },
  feishu: {
    name: "飞书",
    shape: "https://open.feishu.cn/open-apis/bot/v2/hook/…",
    isPlace: (url: URL) =>
      /^open\.(feishu\.cn|larksuite\.com)$/.test(url.hostname) &&
      /^\/open-apis\/bot\/v2\/hook\/[^/]*$/.test(url.pathname),
    token: (url: URL) => ({ label: "hook", value: url.pathname.split("/").at(-1) || null }),
    missing: "缺少 /hook/ 后面的那串字符",
    isWhole: (token: string) => UUID_LIKE.test(token),
    cut: `里 /hook/ 后面的那串字符不完整（应为 ${UUID_SHAPE}）`,
  },
} as const;

/**
 * What is wrong with the shape of a 机器人地址 (without its # secret), or null when it has the shape
 * its platform gives out: a host of 企业微信, 钉钉 or 飞书/Lark (the hosts the Worker sends to as
 * those robots, botChannelOf) needs that robot's path and a whole key or token; any other https://
 * address is a plain webhook, whose shape is the receiver's business. Pure: nothing is sent.
 */
export function robotAddressProblem(address: string): RobotProblem | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return NOT_A_URL;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return NOT_A_URL;
  const channel = botChannelOf(address);
  if (channel !== "wecom" && channel !== "dingtalk" && channel !== "feishu") return null;
  const platform = PLATFORMS[channel];
  const todo = `请从${platform.name}群的机器人设置里重新复制完整地址`;
  if (url.protocol === "http:") {
    return {
      what: "以 http:// 开头",
      todo: `请改为 https://（或从${platform.name}群的机器人设置里重新复制完整地址）`,
    };
  }
  if (!platform.isPlace(url))
    return { what: `不是${platform.name}群机器人的地址（应为 ${platform.shape}）`, todo };
  const token = platform.token(url).value;
  if (!token) return { what: platform.missing, todo };
  if (!platform.isWhole(token)) return { what: platform.cut, todo };
  return null;
}

export interface RobotOrigin {
  /** scheme://host of well-formed addresses; an ill-formed address whole, masked (maskedAddress). */
  readonly origin: string;
  readonly usedBy: string[];
  readonly invalid: boolean;
  readonly problem?: RobotProblem;
}

/**
 * The origins (scheme://host) of every well-formed 机器人地址 in 承办单位 and 代表, and who uses each,
 * for knocking on; each ill-formed address once, masked, with what is wrong with it. The signing
 * secret after # is never kept, and no key or token is kept whole.
 */
export async function robotOrigins(api: sheets_v4.Sheets, spreadsheetId: string): Promise<RobotOrigin[]> {
  const tabs = [
    { title: TAB_NAMES.units, name: "单位名称" },
    { title: TAB_NAMES.deputies, name: "姓名" },
  ];
  const response = await api.spreadsheets.values.batchGet({
    spreadsheetId,
    ranges: tabs.map((t) => quoteTitle(t.title)),
  });
  const found = new Map<string, { origin: string; usedBy: string[]; problem: RobotProblem | null }>();
  tabs.forEach((tab, i) => {
    const [header = [], ...rows] = (response.data.valueRanges?.[i]?.values ?? []) as unknown[][];
    const nameAt = header.findIndex((h) => String(h).trim() === tab.name);
    const urlAt = header.findIndex((h) => String(h).trim() === "机器人地址");
    if (urlAt < 0) return;
    rows.forEach((row, r) => {
      const raw = String(row[urlAt] ?? "").trim();
      if (!raw) return;
      const address = (raw.split("#")[0] ?? "").trim();
      const problem = robotAddressProblem(address);
      // A well-formed address is knocked on by host; an ill-formed one is reported as it is written.
      const key = problem ? `address ${address}` : `origin ${new URL(address).origin}`;
      const entry = found.get(key) ?? {
        origin: problem ? maskedAddress(address.slice(0, 200)) : new URL(address).origin,
        usedBy: [],
        problem,
      };
      entry.usedBy.push(String(row[nameAt] ?? "").trim() || `${tab.title}第 ${r + 2} 行`);
      found.set(key, entry);
    });
  });
  return [...found.values()].map(({ origin, usedBy, problem }) =>
    problem ? { origin, usedBy, invalid: true, problem } : { origin, usedBy, invalid: false },
  );
}
