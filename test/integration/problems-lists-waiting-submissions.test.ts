import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createInbox } from "../../src/store/inbox";
import { call, seedAndSync } from "./dashboard-helpers";

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

/** A submission the sender was told was received, still waiting for its write (Google refusing). */
async function received(submissionId: string, form: "suggestion" | "rating" | "objection", at: string) {
  const inbox = createInbox(env.DB);
  await inbox.insert({
    submissionId,
    form,
    suggestionId: form === "suggestion" ? "2026-137" : "2026-016",
    cells: form === "rating" ? { 满意度: "满意" } : { 标题: "关于增设公交站点的建议" },
    raw: {},
    submittedAt: at,
    receivedAt: at,
  });
  return inbox;
}

beforeAll(async () => {
  await seedAndSync();
  const inbox = await received("wait-s", "suggestion", minutesAgo(40));
  const [entry] = await inbox.load([{ form: "suggestion", submissionId: "wait-s" }]);
  // What apply-inbox records of a retryable refusal: still pending, the error kept for staff.
  if (entry)
    await inbox.mark(
      [entry],
      "pending",
      minutesAgo(30),
      "Google 表格调用已达每分钟上限（HTTP 429），将自动重试（values.batchUpdate: 429 RESOURCE_EXHAUSTED Quota exceeded）",
    );
  await received("wait-r", "rating", minutesAgo(5));
  await received("wait-o", "objection", minutesAgo(60));
});

describe("/problems while Google keeps accepted submissions out of the sheet", () => {
  it("lists a submission waiting longer than a sync's interval, with its 编号 and why, in Chinese", async () => {
    const html = await (await call("/problems")).text();
    expect(html).toContain("已收到、尚未写入表格的表单提交（1 份）");
    expect(html).toContain("对方无需重新提交");
    const card = html.slice(html.indexOf("已收到、尚未写入表格的表单提交"));
    expect(card).toMatch(/data-label="表单">建议</);
    expect(card).toContain("2026-137");
    expect(card).toContain("Google 表格调用已达每分钟上限（HTTP 429），将自动重试");
    expect(card).not.toContain("RESOURCE_EXHAUSTED");
    // A rating received 5 minutes ago is in the ordinary way of things; an objection waits for staff.
    expect(card).not.toContain("2026-016");
  });
});
