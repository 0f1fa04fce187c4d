/**
 * Stands in for the robots and webhooks in the Worker integration tests, and checks every request
 * the way each robot's published scheme does — written from those documents with node:crypto, not
 * from the Worker's code:
 * - 企业微信 (POST /cgi-bin/webhook/send?key=K): the key must be a known robot; no signing scheme.
 * - 钉钉 加签 (POST /robot/send?access_token=T&timestamp=&sign=): sign = urlEncode(base64(
 *   HmacSHA256(key = secret, timestamp + "\n" + secret))), timestamp in ms within an hour.
 * - 飞书 签名校验 (POST /open-apis/bot/v2/hook/T): body timestamp (s, within an hour) and sign =
 *   base64(HmacSHA256(key = timestamp + "\n" + secret, message = "")).
 * - webhook (POST /webhook/T): X-Jianyi-Signature = sha256=hex(HmacSHA256(secret, ts + "." + body)),
 *   X-Jianyi-Timestamp within five minutes.
 * - e-mail (POST /email): the raw MIME message; its encoded-word subject and base64 body are decoded.
 * A robot can be told to fail its first N requests, or all of them, with its own rate-limit answer,
 * or to answer every request with a redirect.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { decodeMime } from "../../tools/notice-sink";

export type RobotKind = "wecom" | "dingtalk" | "feishu" | "webhook" | "email";

export interface RobotConfig {
  kind: RobotKind;
  /** wecom key, dingtalk access_token, feishu hook token, webhook name, or e-mail address. */
  token: string;
  secret?: string;
  /** Answer the first N requests with a retryable failure. */
  failTimes?: number;
  /** Answer every request with a retryable failure. */
  alwaysFail?: boolean;
  /** Answer every request with `301 Location: <this>` (an address moved, e.g. http:// to https://). */
  redirectTo?: string;
}

export interface ReceivedMessage {
  kind: RobotKind;
  token: string;
  verified: boolean;
  accepted: boolean;
  reason: string;
  body: unknown;
  /** E-mail only: decoded headers and text. */
  mail?: { from: string; to: string; subject: string; text: string };
  at: number;
}

const HOUR_MS = 3600_000;

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

interface Verdict {
  kind: RobotKind;
  token: string;
  verified: boolean;
  reason: string;
}

function verify(
  url: URL,
  headers: IncomingMessage["headers"],
  text: string,
  robots: Map<string, RobotConfig>,
): Verdict {
  const now = Date.now();
  const path = url.pathname;
  if (path === "/cgi-bin/webhook/send") {
    const token = url.searchParams.get("key") ?? "";
    return { kind: "wecom", token, verified: robots.has(`wecom:${token}`), reason: "unknown key" };
  }
  if (path === "/robot/send") {
    const token = url.searchParams.get("access_token") ?? "";
    const secret = robots.get(`dingtalk:${token}`)?.secret;
    if (!secret)
      return { kind: "dingtalk", token, verified: robots.has(`dingtalk:${token}`), reason: "unknown token" };
    const timestamp = url.searchParams.get("timestamp") ?? "";
    const sign = url.searchParams.get("sign") ?? "";
    const expected = createHmac("sha256", secret).update(`${timestamp}\n${secret}`).digest("base64");
    const fresh = Math.abs(now - Number(timestamp)) < HOUR_MS;
    return {
      kind: "dingtalk",
      token,
      verified: fresh && safeEqual(sign, expected),
      reason: "sign not match",
    };
  }
  if (path.startsWith("/open-apis/bot/v2/hook/")) {
    const token = path.slice("/open-apis/bot/v2/hook/".length);
    const secret = robots.get(`feishu:${token}`)?.secret;
    const body = JSON.parse(text) as { timestamp?: string; sign?: string };
    if (!secret)
      return { kind: "feishu", token, verified: robots.has(`feishu:${token}`), reason: "unknown token" };
    const timestamp = body.timestamp ?? "";
    const expected = createHmac("sha256", `${timestamp}\n${secret}`).update("").digest("base64");
    const fresh = Math.abs(now - Number(timestamp) * 1000) < HOUR_MS;
    return {
      kind: "feishu",
      token,
      verified: fresh && safeEqual(body.sign ?? "", expected),
      reason: "sign match fail",
    };
  }
  if (path.startsWith("/webhook/")) {
    const token = path.slice("/webhook/".length);
    const secret = robots.get(`webhook:${token}`)?.secret;
    if (!secret)
      return { kind: "webhook", token, verified: robots.has(`webhook:${token}`), reason: "unknown hook" };
    const timestamp = String(headers["x-jianyi-timestamp"] ?? "");
    const expected = `sha256=${createHmac("sha256", secret).update(`${timestamp}.${text}`).digest("hex")}`;
    const fresh = Math.abs(now / 1000 - Number(timestamp)) <= 300;
    const given = String(headers["x-jianyi-signature"] ?? "");
    return { kind: "webhook", token, verified: fresh && safeEqual(given, expected), reason: "bad signature" };
  }
  if (path === "/email") {
    const token = String(headers["x-mail-to"] ?? "");
    return { kind: "email", token, verified: true, reason: "" };
  }
  return { kind: "webhook", token: path, verified: false, reason: "no such robot" };
}

/** The robot's own answers: success, its rate limit (retryable), or its signature refusal. */
function answer(res: ServerResponse, kind: RobotKind, outcome: "ok" | "limited" | "refused", reason: string) {
  const json = (status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  if (kind === "wecom")
    return json(
      200,
      outcome === "ok"
        ? { errcode: 0, errmsg: "ok" }
        : outcome === "limited"
          ? { errcode: 45009, errmsg: "api freq out of limit" }
          : { errcode: 93000, errmsg: reason },
    );
  if (kind === "dingtalk")
    return json(
      200,
      outcome === "ok"
        ? { errcode: 0, errmsg: "ok" }
        : outcome === "limited"
          ? { errcode: 130101, errmsg: "send too fast" }
          : { errcode: 310000, errmsg: reason },
    );
  if (kind === "feishu")
    return json(
      200,
      outcome === "ok"
        ? { code: 0, msg: "success", data: {} }
        : outcome === "limited"
          ? { code: 11232, msg: "frequency limited" }
          : { code: 19021, msg: reason },
    );
  return json(outcome === "ok" ? 200 : outcome === "limited" ? 503 : 401, { ok: outcome === "ok", reason });
}

export interface RobotServer {
  url: string;
  close(): Promise<void>;
}

/** Starts the server on a free port. Admin: POST /__robots (RobotConfig), GET /__messages?token=. */
export async function startRobotServer(): Promise<RobotServer> {
  const robots = new Map<string, RobotConfig>();
  const served = new Map<string, number>();
  const messages: ReceivedMessage[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const url = new URL(req.url ?? "/", "http://robots.test");
      if (url.pathname === "/__robots" && req.method === "POST") {
        const config = JSON.parse(text) as RobotConfig;
        const key = `${config.kind}:${config.token}`;
        // Registering again starts the robot afresh: no requests served, nothing received.
        robots.set(key, config);
        served.delete(key);
        for (let i = messages.length - 1; i >= 0; i -= 1)
          if (messages[i]?.kind === config.kind && messages[i]?.token === config.token) messages.splice(i, 1);
        res.writeHead(204).end();
        return;
      }
      if (url.pathname === "/__messages") {
        const token = url.searchParams.get("token");
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(messages.filter((m) => !token || m.token === token)));
        return;
      }
      const verdict = verify(url, req.headers, text, robots);
      const config = robots.get(`${verdict.kind}:${verdict.token}`);
      const count = (served.get(`${verdict.kind}:${verdict.token}`) ?? 0) + 1;
      served.set(`${verdict.kind}:${verdict.token}`, count);
      if (config?.redirectTo) {
        res.writeHead(301, { location: config.redirectTo }).end();
        return;
      }
      const limited = verdict.verified && (config?.alwaysFail || count <= (config?.failTimes ?? 0));
      const outcome = !verdict.verified ? "refused" : limited ? "limited" : "ok";
      const message: ReceivedMessage = {
        ...verdict,
        accepted: outcome === "ok",
        body: verdict.kind === "email" ? text : JSON.parse(text || "null"),
        at: Date.now(),
      };
      if (verdict.kind === "email") {
        const { headers, text: mailText } = decodeMime(text);
        message.mail = {
          from: headers.get("from") ?? "",
          to: headers.get("to") ?? "",
          subject: headers.get("subject") ?? "",
          text: mailText,
        };
      }
      messages.push(message);
      answer(res, verdict.kind, outcome, verdict.reason);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
