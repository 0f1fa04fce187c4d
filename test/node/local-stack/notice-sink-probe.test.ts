import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type RunningSink, startNoticeSink } from "../../../tools/notice-sink";

let sink: RunningSink;

beforeEach(async () => {
  sink = await startNoticeSink({ port: 0 });
});

afterEach(async () => {
  await sink.close();
});

async function listed(): Promise<{ kind: string; title: string; text: string }[]> {
  const response = await fetch(`${sink.url}/messages`);
  return ((await response.json()) as { messages: { kind: string; title: string; text: string }[] }).messages;
}

describe("本地通知收件箱：探测不记为通知", () => {
  it("doctor 以 HEAD 探测 /messages 后，收件箱里没有空白通知", async () => {
    // What `npm run doctor -- --local` does to check the sink is up (tools/doctor/gather.ts, knock).
    const knock = await fetch(`${sink.url}/messages`, { method: "HEAD" });
    expect(knock.status).toBe(200);
    await fetch(`${sink.url}/cgi-bin/webhook/send?key=x`, { method: "HEAD" });
    expect(await listed()).toEqual([]);
  });

  it("没有内容的 POST 不记为通知，真正的通知照常记录", async () => {
    const empty = await fetch(`${sink.url}/webhook`, { method: "POST" });
    expect(empty.status).toBe(400);
    await fetch(`${sink.url}/webhook`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ title: "逾期催办：2026-135", body: "区教育局：李红代表领衔提出的建议" }),
    });
    expect((await listed()).map((m) => [m.kind, m.title, m.text])).toEqual([
      ["webhook", "逾期催办：2026-135", "区教育局：李红代表领衔提出的建议"],
    ]);
  });
});
