import type { EmailSender } from "./email";
import type { FetchLike } from "./http-post";

/**
 * Development and tests only: every robot and webhook request goes to the local sink instead, with
 * the original path and query kept (so a robot's signature in the query still checks out) and the
 * original address in `x-jianyi-original-url`. Nothing leaves the machine during `npm start`.
 */
export function sinkFetch(sinkUrl: string, fetchFn: FetchLike): FetchLike {
  // Parsed when something is sent, not when the invocation's deps are built (most send nothing).
  return (input, init) => {
    const original = new URL(input);
    const target = new URL(`${original.pathname}${original.search}`, sinkUrl);
    const headers = new Headers(init.headers);
    headers.set("x-jianyi-original-url", `${original.origin}${original.pathname}`);
    return fetchFn(target.toString(), { ...init, headers });
  };
}

/** Development and tests only: e-mail goes to the sink as the raw MIME message (POST /email). */
export function sinkEmailSender(sinkUrl: string, fetchFn: FetchLike): EmailSender {
  return {
    async send(from, to, raw) {
      const response = await fetchFn(new URL("/email", sinkUrl).toString(), {
        method: "POST",
        headers: { "content-type": "message/rfc822", "x-mail-from": from, "x-mail-to": to },
        body: raw,
      });
      if (!response.ok) throw new Error(`本地通知收件箱（sink）答复 HTTP ${response.status}`);
    },
  };
}
