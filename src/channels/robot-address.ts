/**
 * How staff give a robot's signing secret in the sheet: after a `#` at the end of 机器人地址, e.g.
 * `https://oapi.dingtalk.com/robot/send?access_token=abc#SEC0123…`. A URL fragment is never sent
 * over HTTP, so the secret stays out of every request line and server log, and one cell keeps the
 * address and its secret together.
 */
export interface RobotAddress {
  /** The address to call, without the secret. */
  readonly url: string;
  readonly secret: string | null;
}

export function parseRobotAddress(address: string): RobotAddress {
  const text = address.trim();
  const hash = text.indexOf("#");
  if (hash < 0) return { url: text, secret: null };
  const secret = text.slice(hash + 1).trim();
  return { url: text.slice(0, hash), secret: secret === "" ? null : secret };
}

/** Characters of a key or token shown: enough to tell two robots of one kind apart. */
const SHOWN_CHARS = 3;
/** A shorter value shows none of itself: its first characters would be most of it. */
const SHOWN_FROM_LENGTH = 12;
/** 飞书 (and Lark) carry the robot's token in the path: …/open-apis/bot/v2/hook/<token>. */
const HOOK_TOKEN = /(\/hook\/)([^/?#]+)/;
const QUERY_VALUE = /([?&][^=&]*=)([^&]+)/g;

function maskedValue(value: string): string {
  return value.length >= SHOWN_FROM_LENGTH ? `${value.slice(0, SHOWN_CHARS)}…` : "…";
}

/**
 * A robot address as staff may see it (通知记录, the dashboard's 通知 page, the API, error messages):
 * host and path kept, every query-string value cut to its first characters (`?key=zb1d…`,
 * `?access_token=5f3…`) and a 飞书 hook token alike, since whoever has them can post into the
 * group; the `#` signing secret replaced by `#***`. Text that is no address (a unit's name, an
 * e-mail address) is returned as it is. The address sent to is never this one.
 */
export function maskSecret(address: string): string {
  if (!address.includes("://")) return address;
  const hash = address.indexOf("#");
  const url = hash < 0 ? address : address.slice(0, hash);
  const query = url.indexOf("?");
  const path = (query < 0 ? url : url.slice(0, query)).replace(
    HOOK_TOKEN,
    (_whole, before: string, token: string) => `${before}${maskedValue(token)}`,
  );
  const params =
    query < 0
      ? ""
      : url
          .slice(query)
          .replace(QUERY_VALUE, (_whole, name: string, value: string) => `${name}${maskedValue(value)}`);
  return `${path}${params}${hash < 0 ? "" : "#***"}`;
}

/** An address inside other text: up to the first space or bracket (a fetch error's "to https://…."). */
const ADDRESS_IN_TEXT = /https?:\/\/[^\s()（）"'<>]+/g;

/**
 * Text that may quote a robot address (a network error's message, as the platform words it), with
 * each address in it masked as maskSecret masks one: the text goes to 通知记录 and the dashboard.
 * A sentence's closing full stop stays outside the address.
 */
export function maskAddressesIn(text: string): string {
  return text.replace(ADDRESS_IN_TEXT, (found) => {
    const end = /[.,;。，；]+$/.exec(found);
    const address = end ? found.slice(0, end.index) : found;
    return `${maskSecret(address)}${end ? end[0] : ""}`;
  });
}
