import { SIGN_IN_WINDOW_S, type SignInLimitState } from "../store/sign-in-failures";

/** Wrong admin-token guesses a client may make per window before it is told to wait (429). */
export const SIGN_IN_MAX_FAILURES = 10;
export { SIGN_IN_WINDOW_S };

/**
 * Seconds the client must wait, or 0 when this attempt may be answered. `state` is the window
 * including this attempt (`wrong` says whether it added a failure). A client that already held 10
 * wrong guesses in the window is refused, a right token too: a blocked guesser learns nothing.
 */
export function retryAfterSeconds(state: SignInLimitState, wrong: boolean, nowS: number): number {
  const before = state.failures - (wrong ? 1 : 0);
  if (before < SIGN_IN_MAX_FAILURES) return 0;
  return Math.max(1, state.windowStart + SIGN_IN_WINDOW_S - nowS);
}

/**
 * Who is guessing: Cloudflare's CF-Connecting-IP (set by the edge, not by the client); an IPv6
 * client by its /64, since one host holds a whole /64. Without the header (local development)
 * every request is one client.
 */
export function clientKey(connectingIp: string | undefined | null): string {
  const ip = connectingIp?.trim();
  if (!ip) return "local";
  if (!ip.includes(":")) return ip;
  // An IPv4 address written as IPv6 (::ffff:203.0.113.7) is that IPv4 client.
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped?.[1]) return mapped[1];
  const [head = "", tail = ""] = ip.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = ip.includes("::")
    ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
