import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createChannels } from "../../../src/channels/create-channels";
import type { EmailSender } from "../../../src/channels/email";
import type { FetchLike } from "../../../src/channels/http-post";
import { maskSecret, parseRobotAddress } from "../../../src/channels/robot-address";
import { sinkEmailSender, sinkFetch } from "../../../src/channels/sink";
import type { OutgoingNotice } from "../../../src/channels/types";

const NOW_MS = Date.parse("2026-03-02T01:00:00Z");

interface Captured {
  url: string;
  headers: Headers;
  body: string;
}

/** A fetch that records the request and answers with `reply`. */
function fakeFetch(reply: () => Response) {
  const requests: Captured[] = [];
  const fn: FetchLike = async (url, init) => {
    requests.push({ url, headers: new Headers(init.headers), body: String(init.body) });
    return reply();
  };
  return { fn, requests };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

function notice(address: string, overrides: Partial<OutgoingNotice> = {}): OutgoingNotice {
  return {
    id: 42,
    key: "到期提醒|2026-001|r1|d7|区教育局|wecom",
    plannedAt: "2026-03-02T01:00:00.000Z",
    type: "到期提醒",
    suggestionId: "2026-001",
    recipient: "区教育局",
    address,
    title: "建议办理到期提醒：2026-001 还剩 7 天",
    body: "区教育局：请抓紧办理。",
    ...overrides,
  };
}

function channels(fetchFn: FetchLike, email: EmailSender | null = null) {
  return createChannels({
    fetch: fetchFn,
    now: () => NOW_MS,
    email,
    emailFrom: "notices@rd.example.gov.cn",
    webhookSecret: null,
  });
}

describe("robot addresses", () => {
  it("takes the signing secret from after # and keeps it out of logs", () => {
    expect(parseRobotAddress("https://oapi.dingtalk.com/robot/send?access_token=t#SECabc")).toEqual({
      url: "https://oapi.dingtalk.com/robot/send?access_token=t",
      secret: "SECabc",
    });
    expect(parseRobotAddress("https://x.example/hook")).toEqual({
      url: "https://x.example/hook",
      secret: null,
    });
    expect(maskSecret("https://x.example/hook#s3cret")).toBe("https://x.example/hook#***");
  });

  it("shows staff a robot's host and path but not the key or token that posts into its group", () => {
    expect(
      maskSecret("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa"),
    ).toBe("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693…");
    expect(maskSecret("https://oapi.dingtalk.com/robot/send?access_token=5f3c0e1d2b4a69788f1e#SECabc")).toBe(
      "https://oapi.dingtalk.com/robot/send?access_token=5f3…#***",
    );
    expect(
      maskSecret("https://open.feishu.cn/open-apis/bot/v2/hook/0a1b2c3d-4e5f-6789-abcd-ef0123456789"),
    ).toBe("https://open.feishu.cn/open-apis/bot/v2/hook/0a1…");
    // A short key would be given away by its first characters: none of it is shown.
    expect(maskSecret("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=zb1")).toBe(
      "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…",
    );
    expect(maskSecret("区教育局")).toBe("区教育局");
    expect(maskSecret("dbc@example.gov.cn")).toBe("dbc@example.gov.cn");
  });
});

describe("the local sink (development)", () => {
  it("receives a robot's request with its path, query and signature intact, and the original address", async () => {
    const http = fakeFetch(() => json({ errcode: 0, errmsg: "ok" }));
    const redirected = createChannels({
      fetch: sinkFetch("http://127.0.0.1:8791", http.fn),
      now: () => NOW_MS,
      email: null,
      emailFrom: null,
      webhookSecret: null,
    });
    await redirected.dingtalk.send(notice("https://oapi.dingtalk.com/robot/send?access_token=tok#SECs"));
    const url = new URL(http.requests[0]?.url ?? "");
    expect(url.origin).toBe("http://127.0.0.1:8791");
    expect(url.pathname).toBe("/robot/send");
    expect(url.searchParams.get("access_token")).toBe("tok");
    expect(url.searchParams.has("sign")).toBe(true);
    expect(http.requests[0]?.headers.get("x-jianyi-original-url")).toBe(
      "https://oapi.dingtalk.com/robot/send",
    );
  });
});

describe("企业微信 group robot", () => {
  it("posts a text message and reads errcode 0 as delivered", async () => {
    const http = fakeFetch(() => json({ errcode: 0, errmsg: "ok" }));
    const result = await channels(http.fn).wecom.send(
      notice("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k1"),
    );
    expect(result).toEqual({ ok: true, status: 200 });
    expect(http.requests[0]?.url).toBe("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k1");
    expect(JSON.parse(http.requests[0]?.body ?? "")).toEqual({
      msgtype: "text",
      text: { content: "建议办理到期提醒：2026-001 还剩 7 天\n区教育局：请抓紧办理。" },
    });
  });

  it("sends the weekly digest as markdown", async () => {
    const http = fakeFetch(() => json({ errcode: 0, errmsg: "ok" }));
    await channels(http.fn).wecom.send(notice("https://qyapi.weixin.qq.com/x?key=k", { type: "督办周报" }));
    expect(JSON.parse(http.requests[0]?.body ?? "").msgtype).toBe("markdown");
  });

  it("retries its rate limit (45009) and gives up on a wrong key (93000)", async () => {
    const limited = await channels(
      fakeFetch(() => json({ errcode: 45009, errmsg: "api freq out of limit" })).fn,
    ).wecom.send(notice("https://qyapi.weixin.qq.com/x?key=k"));
    const wrong = await channels(
      fakeFetch(() => json({ errcode: 93000, errmsg: "invalid webhook url" })).fn,
    ).wecom.send(notice("https://qyapi.weixin.qq.com/x?key=k"));
    expect(limited).toMatchObject({ ok: false, retryable: true });
    expect(wrong).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("93000") });
  });
});

describe("钉钉 robot", () => {
  it("signs the URL as timestamp + \\n + secret, HMAC-SHA256, base64, url-encoded", async () => {
    const http = fakeFetch(() => json({ errcode: 0, errmsg: "ok" }));
    await channels(http.fn).dingtalk.send(
      notice("https://oapi.dingtalk.com/robot/send?access_token=tok#SECsecret"),
    );
    const url = new URL(http.requests[0]?.url ?? "");
    const expected = createHmac("sha256", "SECsecret").update(`${NOW_MS}\nSECsecret`).digest("base64");
    expect(url.searchParams.get("access_token")).toBe("tok");
    expect(url.searchParams.get("timestamp")).toBe(String(NOW_MS));
    expect(url.searchParams.get("sign")).toBe(expected);
    expect(http.requests[0]?.url).toContain(`sign=${encodeURIComponent(expected)}`);
    expect(JSON.parse(http.requests[0]?.body ?? "")).toMatchObject({ msgtype: "text" });
  });

  it("sends unsigned when no secret is given, and retries 'send too fast' (130101)", async () => {
    const http = fakeFetch(() => json({ errcode: 130101, errmsg: "send too fast" }));
    const result = await channels(http.fn).dingtalk.send(
      notice("https://oapi.dingtalk.com/robot/send?access_token=tok"),
    );
    expect(http.requests[0]?.url).toBe("https://oapi.dingtalk.com/robot/send?access_token=tok");
    expect(result).toMatchObject({ ok: false, retryable: true });
  });

  it("makes each line break of the weekly digest a markdown hard break, so 钉钉 does not join the lines", async () => {
    const http = fakeFetch(() => json({ errcode: 0, errmsg: "ok" }));
    const body =
      "各位领导：本周情况如下。\n\n截至 2026年6月8日：承办 40 件。\n台账状态：已逾期 3 件。\n\n已逾期（3 件）：\n1. 甲\n2. 乙";
    await channels(http.fn).dingtalk.send(
      notice("https://oapi.dingtalk.com/robot/send?access_token=tok", {
        type: "督办周报",
        title: "督办周报",
        body,
      }),
    );
    expect(JSON.parse(http.requests[0]?.body ?? "").markdown.text).toBe(
      "### 督办周报\n\n各位领导：本周情况如下。\n\n截至 2026年6月8日：承办 40 件。  \n台账状态：已逾期 3 件。\n\n已逾期（3 件）：  \n1. 甲  \n2. 乙",
    );
  });

  it("sends any other notice as text, its line breaks as they are", async () => {
    const http = fakeFetch(() => json({ errcode: 0, errmsg: "ok" }));
    await channels(http.fn).dingtalk.send(
      notice("https://oapi.dingtalk.com/robot/send?access_token=tok", {
        body: "区教育局：【首次通知】一行。\n二行。",
      }),
    );
    expect(JSON.parse(http.requests[0]?.body ?? "")).toEqual({
      msgtype: "text",
      text: { content: "建议办理到期提醒：2026-001 还剩 7 天\n区教育局：【首次通知】一行。\n二行。" },
    });
  });

  it("does not retry a refused signature (310000)", async () => {
    const http = fakeFetch(() => json({ errcode: 310000, errmsg: "sign not match" }));
    expect(
      await channels(http.fn).dingtalk.send(notice("https://oapi.dingtalk.com/robot/send?access_token=t#s")),
    ).toMatchObject({
      ok: false,
      retryable: false,
    });
  });
});

describe("飞书 robot", () => {
  it("signs with timestamp + \\n + secret as the HMAC key over an empty message, in the body", async () => {
    const http = fakeFetch(() => json({ code: 0, msg: "success", data: {} }));
    const result = await channels(http.fn).feishu.send(
      notice("https://open.feishu.cn/open-apis/bot/v2/hook/abc#fsec"),
    );
    const body = JSON.parse(http.requests[0]?.body ?? "");
    const timestamp = String(Math.floor(NOW_MS / 1000));
    const expected = createHmac("sha256", `${timestamp}\nfsec`).update("").digest("base64");
    expect(result.ok).toBe(true);
    expect(http.requests[0]?.url).toBe("https://open.feishu.cn/open-apis/bot/v2/hook/abc");
    expect(body).toMatchObject({ timestamp, sign: expected, msg_type: "post" });
    expect(body.content.post.zh_cn.title).toBe("建议办理到期提醒：2026-001 还剩 7 天");
  });

  it("retries its frequency limit (11232) and not a bad signature (19021)", async () => {
    const limited = await channels(
      fakeFetch(() => json({ code: 11232, msg: "frequency limited" })).fn,
    ).feishu.send(notice("https://open.feishu.cn/open-apis/bot/v2/hook/abc"));
    const badSign = await channels(
      fakeFetch(() => json({ code: 19021, msg: "sign match fail" })).fn,
    ).feishu.send(notice("https://open.feishu.cn/open-apis/bot/v2/hook/abc#x"));
    expect(limited).toMatchObject({ ok: false, retryable: true });
    expect(badSign).toMatchObject({ ok: false, retryable: false });
  });
});

describe("a robot's rate limit", () => {
  const send = (channel: "wecom" | "dingtalk" | "feishu", reply: Response) =>
    channels(fakeFetch(() => reply).fn)[channel].send(notice("https://robot.example/x?t=1"));

  it("retries 飞书's 9499 that says “too many request” as its rate limit, a real bad request not", async () => {
    const limited = await send("feishu", json({ code: 9499, msg: "too many request", data: {} }));
    expect(limited).toEqual({
      ok: false,
      retryable: true,
      status: 200,
      retryAfterSeconds: 60,
      error:
        "发送太频繁，被机器人限流（飞书每个机器人每分钟最多 100 条、每秒最多 5 条）：系统会稍后自动重试（飞书机器人错误 9499：too many request）",
    });
    const bad = await send("feishu", json({ code: 9499, msg: "Bad Request", data: {} }));
    expect(bad).toMatchObject({
      ok: false,
      retryable: false,
      error:
        "机器人不认这条消息的格式：请核对区教育局在『承办单位』（或『代表』『领导』）中的机器人地址是否为这种机器人的地址，渠道是否选对（飞书机器人错误 9499：Bad Request）",
    });
  });

  it("tells staff each robot's own limit", async () => {
    const errorOf = async (channel: "wecom" | "dingtalk" | "feishu", reply: Response) => {
      const result = await send(channel, reply);
      return result.ok ? "" : result.error;
    };
    expect(await errorOf("dingtalk", json({ errcode: 130101, errmsg: "send too fast" }))).toBe(
      "发送太频繁，被机器人限流（钉钉每个机器人每分钟最多 20 条，超过后暂停 10 分钟）：系统会在 10 分钟后自动重试（钉钉机器人错误 130101：send too fast）",
    );
    expect(await errorOf("wecom", json({ errcode: 45009, errmsg: "api freq out of limit" }))).toBe(
      "发送太频繁，被机器人限流（企业微信每个机器人每分钟最多 20 条）：系统会稍后自动重试（企业微信机器人错误 45009：api freq out of limit）",
    );
    expect(await errorOf("feishu", json({ code: 11232, msg: "frequency limited" }))).toBe(
      "发送太频繁，被机器人限流（飞书每个机器人每分钟最多 100 条、每秒最多 5 条）：系统会稍后自动重试（飞书机器人错误 11232：frequency limited）",
    );
  });

  it("waits out 钉钉's 10-minute ban before the next try, and a minute for 企业微信 and 飞书", async () => {
    const waitOf = async (channel: "wecom" | "dingtalk" | "feishu", reply: Response) => {
      const result = await send(channel, reply);
      return result.ok ? null : result.retryAfterSeconds;
    };
    expect(await waitOf("dingtalk", json({ errcode: 130101, errmsg: "send too fast" }))).toBe(600);
    expect(await waitOf("dingtalk", json({ errcode: 410100, errmsg: "send too fast" }))).toBe(600);
    expect(await waitOf("wecom", json({ errcode: 45009, errmsg: "api freq out of limit" }))).toBe(60);
    expect(await waitOf("feishu", json({ code: 11232, msg: "frequency limited" }))).toBe(60);
    // A longer Retry-After sent with the refusal is kept.
    const header = { status: 200, headers: { "content-type": "application/json", "retry-after": "900" } };
    const longer = new Response(JSON.stringify({ errcode: 130101, errmsg: "send too fast" }), header);
    expect(await waitOf("dingtalk", longer)).toBe(900);
    // A busy server passes with the backoff alone.
    expect(await waitOf("dingtalk", json({ errcode: -1, errmsg: "system busy" }))).toBeUndefined();
  });

  it("says a 钉钉 message over its size limit (460101) is too long and to shorten the template", async () => {
    const result = await send(
      "dingtalk",
      json({ errcode: 460101, errmsg: "message too large, body 大小不合法,最大 20000bytes 以内" }),
    );
    expect(result).toMatchObject({
      ok: false,
      retryable: false,
      error:
        "消息太长，机器人拒收（钉钉一条消息最多 20000 字节）：请缩短『通知模板』中这类通知的正文（钉钉机器人错误 460101：message too large, body 大小不合法,最大 20000bytes 以内）",
    });
  });
});

describe("the weekly digest as markdown", () => {
  const title = "督办周报 *第3周*";
  const body = [
    "各位领导：",
    "1. 2026-001《关于规范*电动自行车*停放》（督办：__王__）主办：区交通局",
    '2. 2026-002《`学校`周边**交通**与<font color="warning">排水</font>》主办：[区水务局](https://evil.example)',
    "# 不是标题 > 也不是引用",
    "督办看板：https://jianyi.example.gov.cn/suggestions?status=%E5%B7%B2&a_b=1",
    "个人链接：https://jianyi.example.gov.cn/l/Ab_c-D_e*f",
  ].join("\n");
  const digest = (address: string) => notice(address, { type: "督办周报", title, body });

  it("shows 企业微信 what was typed, not bold, italics, code or colour, and keeps the addresses", async () => {
    const http = fakeFetch(() => json({ errcode: 0, errmsg: "ok" }));
    await channels(http.fn).wecom.send(digest("https://qyapi.weixin.qq.com/x?key=k"));
    expect(JSON.parse(http.requests[0]?.body ?? "").markdown.content).toBe(
      [
        "**督办周报 ＊第3周＊**",
        "各位领导：",
        "1. 2026-001《关于规范＊电动自行车＊停放》（督办：＿＿王＿＿）主办：区交通局",
        '2. 2026-002《｀学校｀周边＊＊交通＊＊与＜font color="warning"＞排水＜/font＞》主办：［区水务局］(https://evil.example)',
        "＃ 不是标题 ＞ 也不是引用",
        "督办看板：https://jianyi.example.gov.cn/suggestions?status=%E5%B7%B2&a_b=1",
        "个人链接：https://jianyi.example.gov.cn/l/Ab_c-D_e*f",
      ].join("\n"),
    );
  });

  it("shows 钉钉 what was typed too, its line breaks still hard ones", async () => {
    const http = fakeFetch(() => json({ errcode: 0, errmsg: "ok" }));
    await channels(http.fn).dingtalk.send(digest("https://oapi.dingtalk.com/robot/send?access_token=tok"));
    const sent = JSON.parse(http.requests[0]?.body ?? "").markdown;
    expect(sent.title).toBe(title);
    expect(sent.text).toBe(
      [
        "### 督办周报 ＊第3周＊",
        "",
        "各位领导：  ",
        "1. 2026-001《关于规范＊电动自行车＊停放》（督办：＿＿王＿＿）主办：区交通局  ",
        '2. 2026-002《｀学校｀周边＊＊交通＊＊与＜font color="warning"＞排水＜/font＞》主办：［区水务局］(https://evil.example)  ',
        "＃ 不是标题 ＞ 也不是引用  ",
        "督办看板：https://jianyi.example.gov.cn/suggestions?status=%E5%B7%B2&a_b=1  ",
        "个人链接：https://jianyi.example.gov.cn/l/Ab_c-D_e*f",
      ].join("\n"),
    );
  });

  it("sends 飞书 the text as typed: its post paragraphs are plain text", async () => {
    const http = fakeFetch(() => json({ code: 0, msg: "success" }));
    await channels(http.fn).feishu.send(digest("https://open.feishu.cn/open-apis/bot/v2/hook/abc"));
    const post = JSON.parse(http.requests[0]?.body ?? "").content.post.zh_cn;
    expect(post.title).toBe(title);
    expect(post.content[1]).toEqual([{ tag: "text", text: body.split("\n")[1] }]);
  });
});

describe("generic webhook", () => {
  it("signs like the intake hooks: HMAC-SHA256 over timestamp.body, hex, sha256= prefix", async () => {
    const http = fakeFetch(() => new Response(null, { status: 204 }));
    const result = await channels(http.fn).webhook.send(notice("https://hooks.example.gov.cn/in#whsec"));
    const request = http.requests[0] as Captured;
    const timestamp = request.headers.get("x-jianyi-timestamp") ?? "";
    const expected = createHmac("sha256", "whsec").update(`${timestamp}.${request.body}`).digest("hex");
    expect(result).toEqual({ ok: true, status: 204 });
    expect(timestamp).toBe(String(Math.floor(NOW_MS / 1000)));
    expect(request.headers.get("x-jianyi-signature")).toBe(`sha256=${expected}`);
    expect(request.headers.get("idempotency-key")).toBe(
      createHash("sha256").update("到期提醒|2026-001|r1|d7|区教育局|wecom").digest("hex"),
    );
    expect(JSON.parse(request.body)).toMatchObject({
      type: "到期提醒",
      suggestionId: "2026-001",
      recipient: "区教育局",
    });
  });

  it("classifies HTTP answers: 429 and 5xx retried (Retry-After kept), other 4xx permanent", async () => {
    const answer = (status: number, headers: Record<string, string> = {}) =>
      channels(fakeFetch(() => new Response("no", { status, headers })).fn).webhook.send(
        notice("https://h.example/x"),
      );
    expect(await answer(429, { "retry-after": "120" })).toMatchObject({
      retryable: true,
      retryAfterSeconds: 120,
    });
    expect(await answer(503)).toMatchObject({ retryable: true, status: 503 });
    expect(await answer(404)).toMatchObject({ retryable: false, status: 404 });
  });

  it("treats a network error as retryable", async () => {
    const failing: FetchLike = async () => {
      throw new TypeError("fetch failed");
    };
    expect(await channels(failing).webhook.send(notice("https://h.example/x"))).toMatchObject({
      ok: false,
      retryable: true,
      error: expect.stringContaining("连不上机器人地址，网络出错（fetch failed）：系统会稍后自动重试"),
    });
  });

  it("masks a robot's key where a network error's text names its address", async () => {
    const address =
      "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa";
    const failing: FetchLike = async () => {
      throw new TypeError(`Network connection lost while connecting to ${address}.`);
    };
    const result = await channels(failing).webhook.send(notice(address));
    const error = (result as { error: string }).error;
    expect(error).toContain(
      "Network connection lost while connecting to https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693…",
    );
    expect(error).not.toContain("693a91f6");
  });

  it("says a robot that never answered timed out, not that it could not be reached", async () => {
    const hanging: FetchLike = async () => {
      throw new DOMException("The operation was aborted due to timeout", "TimeoutError");
    };
    const result = await channels(hanging).webhook.send(notice("https://h.example/x"));
    expect(result).toMatchObject({ ok: false, retryable: true });
    expect((result as { error: string }).error).toMatch(
      /^机器人地址 15 秒内没有答复（超时，The operation was aborted due to timeout）：系统会稍后自动重试；一直如此的，请确认该机器人还能用$/,
    );
  });
});

describe("e-mail", () => {
  it("hands a MIME message to the sender, addressed to the recipient", async () => {
    const sent: { from: string; to: string; raw: string }[] = [];
    const sender: EmailSender = { send: async (from, to, raw) => void sent.push({ from, to, raw }) };
    const result = await channels(fakeFetch(() => json({})).fn, sender).email.send(
      notice("jyj@example.gov.cn"),
    );
    expect(result.ok).toBe(true);
    expect(sent[0]).toMatchObject({ from: "notices@rd.example.gov.cn", to: "jyj@example.gov.cn" });
    expect(sent[0]?.raw).toMatch(/\r\nMessage-ID: <notice-[0-9a-f]{32}@rd\.example\.gov\.cn>\r\n/);
  });

  it("fails permanently without a binding, and retries a sender's passing error", async () => {
    expect(await channels(fakeFetch(() => json({})).fn).email.send(notice("a@b.cn"))).toMatchObject({
      retryable: false,
    });
    const flaky: EmailSender = {
      send: async () => {
        throw new Error("internal error");
      },
    };
    const refused: EmailSender = {
      send: async () => {
        throw new Error("destination address not verified");
      },
    };
    expect(await channels(fakeFetch(() => json({})).fn, flaky).email.send(notice("a@b.cn"))).toMatchObject({
      retryable: true,
    });
    expect(await channels(fakeFetch(() => json({})).fn, refused).email.send(notice("a@b.cn"))).toMatchObject({
      retryable: false,
    });
  });
});

describe("what staff read of a failed delivery", () => {
  const errorOf = async (channel: "wecom" | "dingtalk" | "feishu" | "webhook", reply: Response) => {
    const result = await channels(fakeFetch(() => reply).fn)[channel].send(
      notice("https://robot.example/x?t=1#SEC"),
    );
    return result.ok ? "" : result.error;
  };

  it("says the 钉钉 加签 secret is wrong, the robot's code in brackets", async () => {
    expect(await errorOf("dingtalk", json({ errcode: 310000, errmsg: "sign not match" }))).toBe(
      "机器人加签密钥不对：请核对区教育局在『承办单位』（或『代表』『领导』）中的机器人地址 # 后面的密钥（以 SEC 开头）（钉钉机器人错误 310000：sign not match）",
    );
    expect(await errorOf("dingtalk", json({ errcode: 310000, errmsg: "keywords not in content" }))).toContain(
      "消息不含机器人安全设置里的自定义关键词",
    );
  });

  it("says a robot address that does not exist is to be checked, HTTP status in brackets", async () => {
    expect(await errorOf("webhook", new Response("not found", { status: 404 }))).toBe(
      "机器人地址不存在（HTTP 404）：请核对区教育局在『承办单位』（或『代表』『领导』）中的机器人地址",
    );
    expect(await errorOf("wecom", json({ errcode: 93000, errmsg: "invalid webhook url" }))).toBe(
      "机器人地址无效（key 不对，或机器人已被移出群）：请核对区教育局在『承办单位』（或『代表』『领导』）中的机器人地址（企业微信机器人错误 93000：invalid webhook url）",
    );
    expect(
      await errorOf(
        "feishu",
        json({ code: 19021, msg: "sign match fail or timestamp is not within one hour from current time" }),
      ),
    ).toContain("机器人签名校验未通过：请核对区教育局");
  });

  it("says what 401, 403, 429 and 5xx mean, and that passing ones are retried", async () => {
    expect(await errorOf("webhook", new Response("", { status: 401 }))).toContain(
      "未通过身份校验（HTTP 401）",
    );
    expect(await errorOf("webhook", new Response("", { status: 403 }))).toContain(
      "机器人拒绝接收（HTTP 403）",
    );
    expect(await errorOf("webhook", new Response("", { status: 429 }))).toBe(
      "发送太频繁，被机器人限流（HTTP 429）：系统会稍后自动重试",
    );
    expect(await errorOf("webhook", new Response("<html>bad gateway</html>", { status: 503 }))).toMatch(
      /^机器人所在服务器暂时出错（HTTP 503）：系统会稍后自动重试/,
    );
  });

  it("names the 周报接收人 in 设置 for the weekly digest", async () => {
    const result = await channels(fakeFetch(() => new Response("", { status: 404 })).fn).webhook.send(
      notice("https://robot.example/x", { type: "督办周报", recipient: "https://robot.example/x" }),
    );
    expect(result.ok ? "" : result.error).toBe(
      "机器人地址不存在（HTTP 404）：请核对『设置』周报接收人中的这个地址",
    );
  });

  it("says in Chinese why an e-mail did not go", async () => {
    const refused: EmailSender = {
      send: async () => {
        throw new Error("destination address not verified");
      },
    };
    const result = await channels(fakeFetch(() => json({})).fn, refused).email.send(notice("a@b.cn"));
    expect(result.ok ? "" : result.error).toMatch(/^收件邮箱 a@b\.cn 未在 Cloudflare 邮件路由中验证/);
    const sink = sinkEmailSender("http://127.0.0.1:8791", async () => new Response("", { status: 503 }));
    const local = await channels(fakeFetch(() => json({})).fn, sink).email.send(notice("a@b.cn"));
    expect(local.ok ? "" : local.error).toBe(
      "邮件暂时发不出去（本地通知收件箱（sink）答复 HTTP 503）：系统会稍后自动重试",
    );
  });
});
