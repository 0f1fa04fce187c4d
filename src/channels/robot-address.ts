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

/** The address with its secret masked, for logs, the API and error messages. */
export function maskSecret(address: string): string {
  const hash = address.indexOf("#");
  return hash < 0 ? address : `${address.slice(0, hash)}#***`;
}
