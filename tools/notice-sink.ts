/**
 * The local notice sink: during `npm start` every robot, webhook and e-mail notice goes here
 * instead of out (the Worker's NOTICE_SINK_URL), so the demo shows what would have been sent with
 * no network and no real mailbox. GET /messages lists what arrived (newest last), DELETE /messages
 * clears it, GET / shows a plain-text digest. Robots get the answer each expects for success.
 * A probe (HEAD, such as `npm run doctor -- --local` knocking, or any request with no body) is
 * answered but never recorded: a blank entry would read as a notice that went out empty.
 *
 * Standalone: `npx tsx tools/notice-sink.ts` (port from tools/local-paths.ts).
 */
import { createServer, type IncomingMessage } from "node:http";
import { pathToFileURL } from "node:url";
import { LOCAL } from "./local-paths";

export interface SinkMessage {
  seq: number;
  at: string;
  /** wecom · dingtalk · feishu · webhook · email, from the path or the body's shape. */
  kind: string;
  path: string;
  /** The address the Worker meant to call (x-jianyi-original-url), or the e-mail recipient. */
  to: string;
  signed: boolean;
  title: string;
  text: string;
  body: unknown;
}

const MAX_MESSAGES = 2000;
const KINDS = ["wecom", "dingtalk", "feishu", "webhook"];

/** Decodes the one shape the Worker sends: UTF-8 encoded-word headers and a base64 text body. */
export function decodeMime(raw: string): { headers: Map<string, string>; text: string } {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw
    .slice(0, split)
    .replace(/\?=\r\n =\?/g, "?==?")
    .replace(/\r\n /g, " ");
  const headers = new Map<string, string>();
  for (const line of head.split("\r\n")) {
    const colon = line.indexOf(":");
    const value = line
      .slice(colon + 1)
      .trim()
      .replace(/=\?UTF-8\?B\?([A-Za-z0-9+/=]+)\?=/g, (_, b64: string) =>
        Buffer.from(b64, "base64").toString("utf8"),
      );
    headers.set(line.slice(0, colon).toLowerCase(), value);
  }
  const body = raw.slice(split + 4).replace(/\r\n/g, "");
  return { headers, text: Buffer.from(body, "base64").toString("utf8").replace(/\r\n/g, "\n") };
}

type Json = Record<string, unknown>;
const field = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>(
    (v, key) => (typeof v === "object" && v !== null ? (v as Json)[key] : undefined),
    value,
  );
const text = (value: unknown) => (typeof value === "string" ? value : "");

function kindOf(path: string, body: unknown): string {
  if (path === "/cgi-bin/webhook/send") return "wecom";
  if (path === "/robot/send") return "dingtalk";
  if (path.startsWith("/open-apis/bot/")) return "feishu";
  const named = path.split("/").find((segment) => KINDS.includes(segment));
  if (named) return named;
  if (field(body, "msg_type")) return "feishu";
  if (field(body, "msgtype")) return field(body, "markdown", "title") !== undefined ? "dingtalk" : "wecom";
  return "webhook";
}

/** Title and text as a person would read them, whatever the robot format. */
function readable(kind: string, body: unknown): { title: string; text: string } {
  if (kind === "feishu") {
    const post = field(body, "content", "post", "zh_cn");
    const lines = (field(post, "content") as { text?: string }[][] | undefined) ?? [];
    return {
      title: text(field(post, "title")),
      text: lines.map((l) => l.map((e) => e.text ?? "").join("")).join("\n"),
    };
  }
  if (kind === "webhook") return { title: text(field(body, "title")), text: text(field(body, "body")) };
  const content =
    text(field(body, "text", "content")) ||
    text(field(body, "markdown", "content")) ||
    text(field(body, "markdown", "text"));
  const [title = "", ...rest] = content.split("\n");
  return { title: title.replace(/^[#*\s]+|\*+$/g, ""), text: rest.join("\n").trim() };
}

function record(req: IncomingMessage, raw: string, seq: number): SinkMessage {
  const url = new URL(req.url ?? "/", "http://sink.local");
  const at = new Date().toISOString();
  if (url.pathname === "/email") {
    const { headers, text: mailText } = decodeMime(raw);
    const to = String(req.headers["x-mail-to"] ?? headers.get("to") ?? "");
    return {
      seq,
      at,
      kind: "email",
      path: "/email",
      to,
      signed: false,
      title: headers.get("subject") ?? "",
      text: mailText,
      body: raw,
    };
  }
  let body: unknown = raw;
  try {
    body = JSON.parse(raw);
  } catch {
    // Not JSON: kept as text.
  }
  const kind = kindOf(url.pathname, body);
  const signed =
    url.searchParams.has("sign") ||
    field(body, "sign") !== undefined ||
    req.headers["x-jianyi-signature"] !== undefined;
  const to = String(req.headers["x-jianyi-original-url"] ?? url.pathname);
  return { seq, at, kind, path: url.pathname, to, signed, ...readable(kind, body), body };
}

export interface RunningSink {
  url: string;
  messages: SinkMessage[];
  close(): Promise<void>;
}

export async function startNoticeSink(options: { port: number; host?: string }): Promise<RunningSink> {
  const messages: SinkMessage[] = [];
  let seq = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const path = new URL(req.url ?? "/", "http://sink.local").pathname;
      // HEAD is answered as GET (node sends the headers only), so knocking records nothing.
      const reading = req.method === "GET" || req.method === "HEAD";
      if (reading && path === "/messages") {
        res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
        res.end(JSON.stringify({ messages }, null, 2));
        return;
      }
      if (req.method === "DELETE" && path === "/messages") {
        messages.length = 0;
        res.writeHead(204).end();
        return;
      }
      if (reading) {
        const lines = messages.map(
          (m) => `#${m.seq} ${m.at} [${m.kind}] → ${m.to}\n  ${m.title}\n  ${m.text.replace(/\n/g, "\n  ")}`,
        );
        res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
        res.end(lines.length > 0 ? `${lines.join("\n\n")}\n` : "还没有收到通知。\n");
        return;
      }
      const raw = Buffer.concat(chunks).toString("utf8");
      if (raw.trim() === "") {
        // The Worker never sends a notice without a body: not one to show, nor a success to fake.
        res.writeHead(400, { "content-type": "application/json; charset=utf-8" });
        res.end(JSON.stringify({ errcode: 400, errmsg: "请求没有内容，未记为通知" }));
        return;
      }
      seq += 1;
      messages.push(record(req, raw, seq));
      if (messages.length > MAX_MESSAGES) messages.shift();
      // One answer every robot reads as success: 企业微信/钉钉 errcode, 飞书 code and StatusCode.
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ errcode: 0, errmsg: "ok", code: 0, msg: "success", StatusCode: 0 }));
    });
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    url: `http://${host}:${port}`,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sink = await startNoticeSink({ port: LOCAL.noticeSinkPort, host: LOCAL.host });
  console.log(`notice sink: ${sink.url}  (GET /messages)`);
}
