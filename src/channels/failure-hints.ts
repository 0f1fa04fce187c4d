import { CHANNEL_NAMES } from "../../sheets-schema/enums";
import type { OutgoingNotice } from "./types";

/**
 * What staff read when a notice could not go (/notices, the suggestion's page, 通知记录): what to fix
 * first, in Chinese, then the raw code in brackets for a technician. The robots' codes are those
 * their documentation lists for custom group robots (钉钉 自定义机器人, 企业微信 群机器人, 飞书
 * 自定义机器人); an unlisted one keeps the robot's own text.
 */

/** Where the failing address was typed, for the hint: the digest's in 设置, the others' in a directory tab. */
export function addressPlace(notice: Pick<OutgoingNotice, "type" | "recipient">): string {
  return notice.type === "督办周报"
    ? "『设置』周报接收人中的这个地址"
    : `${notice.recipient}在『承办单位』（或『代表』『领导』）中的机器人地址`;
}

/**
 * The hint for an address that answered with a redirect: fetch would have re-sent the notice as a
 * bodiless GET, so nothing was delivered; an http:// address moved to https:// is the usual case.
 * `location` is already masked; an opaque redirect (status 0) names neither status nor target.
 */
export function redirectHint(status: number, location: string | undefined, place: string): string {
  const what = [status > 0 ? `HTTP ${status}` : "", location ? `跳转到 ${location}` : ""]
    .filter(Boolean)
    .join("，");
  return `地址返回跳转${what ? `（${what}）` : ""}，通知没有送到：请把${place}改为跳转后的地址（原有 # 后的密钥照旧写上）`;
}

/** The hint for an HTTP status that is not 2xx, the status in brackets. */
export function httpStatusHint(status: number, snippet: string, place: string): string {
  const code = `HTTP ${status}`;
  if (status === 404) return `机器人地址不存在（${code}）：请核对${place}`;
  if (status === 401)
    return `机器人拒绝了这次请求，未通过身份校验（${code}）：请核对${place}，包括 # 后面的密钥`;
  if (status === 403)
    return `机器人拒绝接收（${code}）：机器人可能已停用、被移出群，或设置了 IP 白名单；请在群的机器人设置中核对，并核对${place}`;
  if (status === 400 || status === 422)
    return `机器人不认这条消息（${code}${snippet ? `：${snippet}` : ""}）：请核对${place}是否为这种机器人的地址，渠道是否选对`;
  if (status === 410) return `机器人地址已失效（${code}）：机器人可能已被删除，请换上新的地址`;
  if (status === 413) return `消息太长，机器人拒收（${code}）：请缩短通知模板的正文`;
  if (status === 408 || status === 425) return `机器人响应超时（${code}）：系统会稍后自动重试`;
  if (status === 429) return `发送太频繁，被机器人限流（${code}）：系统会稍后自动重试`;
  if (status >= 500)
    return `机器人所在服务器暂时出错（${code}）：系统会稍后自动重试；一直如此的，请确认${place}是否还能用`;
  return `机器人拒收（${code}${snippet ? `：${snippet}` : ""}）：请核对${place}`;
}

export type RobotKind = "dingtalk" | "wecom" | "feishu";

type Hint = (message: string, place: string) => string;

const BUSY: Hint = () => "机器人服务繁忙：系统会稍后自动重试";
/**
 * Each robot's own rate limit, as its custom-robot documentation states it: 钉钉 20 a minute and
 * then 10 minutes' ban, 企业微信 20 a minute, 飞书 100 a minute and 5 a second.
 */
const DINGTALK_TOO_FAST: Hint = () =>
  "发送太频繁，被机器人限流（钉钉每个机器人每分钟最多 20 条，超过后暂停 10 分钟）：系统会在 10 分钟后自动重试";
const WECOM_TOO_FAST: Hint = () =>
  "发送太频繁，被机器人限流（企业微信每个机器人每分钟最多 20 条）：系统会稍后自动重试";
const FEISHU_TOO_FAST: Hint = () =>
  "发送太频繁，被机器人限流（飞书每个机器人每分钟最多 100 条、每秒最多 5 条）：系统会稍后自动重试";
const KEYWORDS: Hint = () =>
  "消息不含机器人安全设置里的自定义关键词：请在群的机器人设置中加入关键词“建议”，或改用“加签”并把密钥写在机器人地址 # 后面";
const IP_LIST: Hint = () =>
  "发送方 IP 不在机器人的 IP 白名单中：本系统的出口 IP 不固定，请在群的机器人设置中改用“加签”或关键词“建议”";
const BAD_FORMAT: Hint = (_, place) =>
  `机器人不认这条消息的格式：请核对${place}是否为这种机器人的地址，渠道是否选对`;
const UNSAFE: Hint = () => "机器人认为消息含有不安全或不合适的内容：请检查通知模板的正文和其中的链接";
const TOO_LONG: Hint = () =>
  "消息太长，机器人拒收（钉钉一条消息最多 20000 字节）：请缩短『通知模板』中这类通知的正文";

/**
 * 飞书 answers 9499 (“Bad Request”) both to a message it cannot read and, with “too many request”
 * as its msg, to a sender over its rate limit: only the text tells them apart. A bare “limit” is
 * not enough (a size limit is a bad request that fails the same way again).
 */
export function isFeishuRateLimit(code: number, message: string): boolean {
  return code === 11232 || (code === 9499 && /too many requests?|frequen|rate[ _-]?limit/i.test(message));
}

const feishuBadRequest: Hint = (message, place) =>
  isFeishuRateLimit(9499, message) ? FEISHU_TOO_FAST(message, place) : BAD_FORMAT(message, place);

/** 钉钉 310000 covers several security checks; its errmsg says which. */
const dingtalkSecurity: Hint = (message, place) => {
  if (/sign/i.test(message)) return `机器人加签密钥不对：请核对${place} # 后面的密钥（以 SEC 开头）`;
  if (/keyword/i.test(message)) return KEYWORDS(message, place);
  if (/whitelist|ip/i.test(message)) return IP_LIST(message, place);
  if (/timestamp/i.test(message)) return "签名时间与钉钉服务器相差超过 1 小时：系统时钟有误，请联系技术人员";
  return `消息没有通过机器人的安全设置：请核对${place} # 后面的加签密钥，或机器人的关键词、IP 白名单设置`;
};

const HINTS: Record<RobotKind, Record<number, Hint>> = {
  dingtalk: {
    [-1]: BUSY,
    130101: DINGTALK_TOO_FAST,
    410100: DINGTALK_TOO_FAST,
    460101: TOO_LONG,
    310000: dingtalkSecurity,
    300001: (_, place) => `机器人地址里的 access_token 不存在：机器人可能已被删除，请核对${place}`,
    400101: (_, place) => `机器人地址里的 access_token 不存在：机器人可能已被删除，请核对${place}`,
    400102: () => "机器人已停用：请在群的机器人设置中启用，或换一个机器人地址",
    400105: BAD_FORMAT,
    400106: (_, place) => `机器人不存在：可能已被删除，请核对${place}`,
    430101: UNSAFE,
    430102: UNSAFE,
    430103: UNSAFE,
    430104: UNSAFE,
  },
  wecom: {
    [-1]: BUSY,
    45009: WECOM_TOO_FAST,
    45033: WECOM_TOO_FAST,
    93000: (_, place) => `机器人地址无效（key 不对，或机器人已被移出群）：请核对${place}`,
    93004: () => "机器人已停用：请在群的机器人设置中启用，或换一个机器人地址",
    40008: BAD_FORMAT,
    44004: () => "消息内容为空：请检查通知模板的正文",
    40058: () => "消息不合机器人的要求（多半是太长）：请缩短通知模板的正文",
  },
  feishu: {
    11232: FEISHU_TOO_FAST,
    9499: feishuBadRequest,
    19001: (_, place) => `机器人地址无效（token 不对，或机器人已被删除）：请核对${place}`,
    19002: (_, place) => `机器人地址无效：请核对${place}`,
    19021: (_, place) => `机器人签名校验未通过：请核对${place} # 后面的签名密钥`,
    19022: IP_LIST,
    19024: KEYWORDS,
  },
};

/** The hint for a robot's own error code, the code and its text in brackets. */
export function robotErrorHint(robot: RobotKind, code: number, message: string, place: string): string {
  const raw = `${CHANNEL_NAMES[robot]}机器人错误 ${code}${message ? `：${message}` : ""}`;
  const hint = HINTS[robot][code];
  return hint ? `${hint(message, place)}（${raw}）` : `机器人拒收这条通知（${raw}）：请核对${place}`;
}
