import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createChannels } from "../../../src/channels/create-channels";
import type { EmailSender } from "../../../src/channels/email";
import type { FetchLike } from "../../../src/channels/http-post";
import type { OutgoingNotice } from "../../../src/channels/types";
import { decodeMime } from "../../../tools/notice-sink";

/**
 * The generic webhook and notice e-mail as their receivers meet them: what arrives, under which
 * keys, and what staff are told when it cannot arrive.
 */

const NOW_MS = Date.parse("2026-03-02T01:00:00Z");
const KEY = "交办通知|2026-001|r1|2026-03-02|区教育局|webhook";
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

function notice(address: string, overrides: Partial<OutgoingNotice> = {}): OutgoingNotice {
  return {
    id: 42,
    key: KEY,
    plannedAt: "2026-03-02T01:00:00.000Z",
    type: "交办通知",
    suggestionId: "2026-001",
    recipient: "区教育局",
    address,
    title: "代表建议交办通知：2026-001",
    body: "区教育局：现将 2026-001 号建议交你单位办理。",
    ...overrides,
  };
}

interface Seen {
  url: string;
  method: string;
  headers: Headers;
  body: string;
}

/**
 * A receiver behind fetch as the Fetch standard runs it: `answer` replies to each request, and a
 * 301/302 to a POST is followed as a GET without the body, unless the caller asked for
 * redirect: "manual" (then the 3xx itself comes back).
 */
function receiver(answer: (request: Seen) => Response) {
  const seen: Seen[] = [];
  const fn: FetchLike = async (url, init) => {
    let request: Seen = {
      url,
      method: init.method ?? "GET",
      headers: new Headers(init.headers),
      body: String(init.body ?? ""),
    };
    for (let hops = 0; hops < 5; hops++) {
      seen.push(request);
      const response = answer(request);
      const location = response.headers.get("location");
      if (response.status < 300 || response.status >= 400 || !location || init.redirect === "manual")
        return response;
      request = {
        url: new URL(location, request.url).toString(),
        method: "GET",
        headers: request.headers,
        body: "",
      };
    }
    throw new TypeError("too many redirects");
  };
  return { fn, seen };
}

function channels(
  fetchFn: FetchLike,
  more: { email?: EmailSender; webhookSecret?: string; fromName?: string; replyTo?: string } = {},
) {
  return createChannels({
    fetch: fetchFn,
    now: () => NOW_MS,
    email: more.email ?? null,
    emailFrom: "notices@rd.example.gov.cn",
    emailFromName: more.fromName,
    emailReplyTo: more.replyTo ?? null,
    webhookSecret: more.webhookSecret ?? null,
  });
}

const PLACE = "区教育局在『承办单位』（或『代表』『领导』）中的机器人地址";

describe("an address that answers with a redirect", () => {
  it("is 失败, not 已发送, when http:// moved to https://: the receiver got only a bodiless GET", async () => {
    const http = receiver((r) =>
      r.url.startsWith("http://")
        ? new Response(null, { status: 301, headers: { location: r.url.replace("http://", "https://") } })
        : new Response(r.method === "POST" && r.body ? "ok" : "", { status: 200 }),
    );
    const result = await channels(http.fn).webhook.send(
      notice("http://hooks.example.gov.cn/in?token=0123456789abcdef#whsec"),
    );
    expect(result).toMatchObject({
      ok: false,
      retryable: false,
      status: 301,
      error: `地址返回跳转（HTTP 301，跳转到 https://hooks.example.gov.cn/in?token=012…），通知没有送到：请把${PLACE}改为跳转后的地址（原有 # 后的密钥照旧写上）`,
    });
    // Nothing reached the new address as a bodiless GET; only the one POST went out.
    expect(http.seen.map((r) => `${r.method} ${r.url}`)).toEqual([
      "POST http://hooks.example.gov.cn/in?token=0123456789abcdef",
    ]);
  });

  it("names a relative Location in full, and refuses a redirect of a group robot too", async () => {
    const moved = receiver(() => new Response(null, { status: 302, headers: { location: "/v2/in" } }));
    const result = await channels(moved.fn).webhook.send(notice("https://h.example.gov.cn/in"));
    expect(result.ok ? "" : result.error).toBe(
      `地址返回跳转（HTTP 302，跳转到 https://h.example.gov.cn/v2/in），通知没有送到：请把${PLACE}改为跳转后的地址（原有 # 后的密钥照旧写上）`,
    );
    const robot = await channels(moved.fn).dingtalk.send(
      notice("https://oapi.dingtalk.com/robot/send?access_token=tok#SECs"),
    );
    expect(robot).toMatchObject({ ok: false, retryable: false, status: 302 });
  });

  it("is refused as well when the runtime gives an opaque redirect (status 0, no Location)", async () => {
    const opaque: FetchLike = async () =>
      ({
        type: "opaqueredirect",
        status: 0,
        headers: new Headers(),
        text: async () => "",
      }) as unknown as Response;
    const result = await channels(opaque).webhook.send(notice("https://h.example.gov.cn/in"));
    expect(result).toMatchObject({
      ok: false,
      retryable: false,
      status: null,
      error: `地址返回跳转，通知没有送到：请把${PLACE}改为跳转后的地址（原有 # 后的密钥照旧写上）`,
    });
  });
});

describe("the generic webhook's idempotency key", () => {
  it("is one stable value in the header and the body, the readable key beside it", async () => {
    const http = receiver(() => new Response(null, { status: 204 }));
    await channels(http.fn).webhook.send(notice("https://h.example.gov.cn/in#whsec"));
    const [request] = http.seen;
    const body = JSON.parse(request?.body ?? "");
    expect(request?.headers.get("idempotency-key")).toBe(sha256(KEY));
    expect(body.idempotencyKey).toBe(sha256(KEY));
    expect(body.noticeKey).toBe(KEY);
  });

  it("is the same on a retry and on a new database that numbers the notice afresh", async () => {
    let calls = 0;
    const http = receiver(() => new Response(null, { status: calls++ === 0 ? 503 : 204 }));
    const webhook = channels(http.fn).webhook;
    expect(await webhook.send(notice("https://h.example.gov.cn/in#s"))).toMatchObject({ retryable: true });
    expect(await webhook.send(notice("https://h.example.gov.cn/in#s"))).toMatchObject({ ok: true });
    await webhook.send(notice("https://h.example.gov.cn/in#s", { id: 1 }));
    const keys = http.seen.map((r) => r.headers.get("idempotency-key"));
    const bodyKeys = http.seen.map((r) => JSON.parse(r.body).idempotencyKey);
    expect(new Set(keys)).toEqual(new Set([sha256(KEY)]));
    expect(bodyKeys).toEqual(keys);
    expect(keys).toHaveLength(3);
  });
});

describe("an unsigned generic webhook", () => {
  const NOTE = "通用 webhook 未签名：接收方无法核实来源，请在地址后加 #密钥 或设置 NOTICE_WEBHOOK_SECRET";

  it("goes out, with a note saying the receiver cannot check where it came from", async () => {
    const http = receiver(() => new Response(null, { status: 204 }));
    const result = await channels(http.fn).webhook.send(notice("https://h.example.gov.cn/in"));
    expect(result).toEqual({ ok: true, status: 204, note: NOTE });
    expect(http.seen[0]?.headers.has("x-jianyi-signature")).toBe(false);
  });

  it("says nothing once signed by # or by NOTICE_WEBHOOK_SECRET", async () => {
    const http = receiver(() => new Response(null, { status: 204 }));
    expect(await channels(http.fn).webhook.send(notice("https://h.example.gov.cn/in#s"))).toEqual({
      ok: true,
      status: 204,
    });
    expect(
      await channels(http.fn, { webhookSecret: "office-secret" }).webhook.send(
        notice("https://h.example.gov.cn/in"),
      ),
    ).toEqual({ ok: true, status: 204 });
  });
});

/** A sender that keeps each raw message, and the e-mail channel over it. */
function mailbox(more: { fromName?: string; replyTo?: string } = {}) {
  const raws: string[] = [];
  const email: EmailSender = { send: async (_from, _to, raw) => void raws.push(raw) };
  return { raws, channel: channels(receiver(() => new Response()).fn, { email, ...more }).email };
}

const header = (raw: string | undefined, name: string) => decodeMime(raw ?? "").headers.get(name);

describe("a notice e-mail as the unit's mail client shows it", () => {
  it("comes from the office's name, and a reply goes to the office's mailbox", async () => {
    const box = mailbox({ fromName: "某某区人大常委会代表工委", replyTo: "dbgw@rd.example.gov.cn" });
    expect(await box.channel.send(notice("jyj@example.gov.cn"))).toEqual({ ok: true, status: null });
    expect(header(box.raws[0], "from")).toBe("某某区人大常委会代表工委 <notices@rd.example.gov.cn>");
    expect(header(box.raws[0], "reply-to")).toBe("<dbgw@rd.example.gov.cn>");
    for (const line of (box.raws[0] ?? "").split("\r\n")) expect(line.length).toBeLessThanOrEqual(78);
  });

  it("keeps 代表建议办理 and no Reply-To when neither is set", async () => {
    const box = mailbox();
    await box.channel.send(notice("jyj@example.gov.cn"));
    expect(header(box.raws[0], "from")).toBe("代表建议办理 <notices@rd.example.gov.cn>");
    expect(box.raws[0]).not.toContain("Reply-To:");
  });

  it("quotes an ASCII sender name holding a comma, so it stays one name", async () => {
    const box = mailbox({ fromName: "NPC Office, Beicheng" });
    await box.channel.send(notice("jyj@example.gov.cn"));
    expect(box.raws[0]).toContain('From: "NPC Office, Beicheng"\r\n <notices@rd.example.gov.cn>');
  });

  it("leaves a malformed Reply-To out, and says so beside each e-mail sent", async () => {
    const box = mailbox({ replyTo: "dbgw@rd.example.gov.cn\r\nBcc: x@evil.example" });
    const result = await box.channel.send(notice("jyj@example.gov.cn"));
    expect(box.raws[0]).not.toContain("Reply-To:");
    expect(box.raws[0]).not.toContain("Bcc:");
    expect(result).toMatchObject({
      ok: true,
      note: expect.stringMatching(
        /^NOTICE_EMAIL_REPLY_TO「.*」不是有效的邮箱地址，已忽略，单位回复的邮件会发到无人查看的发件地址：请改为一个有人看的邮箱/s,
      ),
    });
  });
});

describe("a notice e-mail's Message-ID", () => {
  const messageId = (raw: string | undefined) => header(raw, "message-id") ?? "";

  it("is the same on every retry of one notice", async () => {
    const box = mailbox();
    await box.channel.send(notice("jyj@example.gov.cn"));
    await box.channel.send(notice("jyj@example.gov.cn"));
    expect(messageId(box.raws[0])).toMatch(/^<notice-[0-9a-f]{32}@rd\.example\.gov\.cn>$/);
    expect(messageId(box.raws[1])).toBe(messageId(box.raws[0]));
  });

  it("differs for another notice that a new database numbered with the same row id", async () => {
    const box = mailbox();
    await box.channel.send(notice("jyj@example.gov.cn", { id: 1 }));
    await box.channel.send(
      notice("jyj@example.gov.cn", {
        id: 1,
        key: "到期提醒|2026-001|r1|d7@2026-05-26|区教育局|email",
        plannedAt: "2026-05-19T01:00:00.000Z",
      }),
    );
    expect(messageId(box.raws[1])).not.toBe(messageId(box.raws[0]));
    expect(messageId(box.raws[0])).not.toContain("notice-1@");
  });
});
