import { describe, expect, it } from "vitest";
import {
  bundleBytes,
  bundleMaxBytes,
  bundles,
  joinNoticeTexts,
  planBundles,
} from "../../../src/domain/notices/robot-bundles";

const bytes = (text: string) => new TextEncoder().encode(text).length;

/** A 交办通知 as a robot shows it, its body about `bodyChars` Chinese characters (3 bytes each). */
function notice(n: number, bodyChars = 100) {
  const title = `代表建议交办通知：2026-${String(n).padStart(3, "0")} 关于第${n}件民生实事的建议`;
  const body = `区教育局：现将张明代表领衔提出的建议交由你单位主办。${"请".repeat(bodyChars)}`;
  return { id: n, title, body, titleBytes: bytes(title), bodyBytes: bytes(body) };
}

describe("several notices to one robot read as one message", () => {
  it("heads the message with how many notices it holds and keeps each title and body in order, a line between two", () => {
    const texts = [notice(1), notice(2), notice(3)];
    const joined = joinNoticeTexts(texts);
    const shown = `${joined.title}\n${joined.body}`;

    expect(joined.title).toBe("（共 3 条通知）");
    const parts = joined.body.split("\n——————\n");
    expect(parts).toEqual(texts.map((t) => `${t.title}\n${t.body}`));
    // What bundleBytes promised the enqueue is what the robot is sent.
    expect(bytes(shown)).toBe(bundleBytes(texts));
  });

  it("sends one notice as it is, with no count above it", () => {
    const one = notice(7);
    expect(joinNoticeTexts([one])).toEqual(one);
    expect(bundleBytes([one])).toBe(bytes(`${one.title}\n${one.body}`));
  });

  it("cuts a 企业微信 robot's notices into bundles within 2,000 bytes and 8 notices, in their order", () => {
    const texts = Array.from({ length: 12 }, (_, i) => notice(i + 1));
    const BUNDLE_MAX_BYTES = bundleMaxBytes("wecom");
    expect(BUNDLE_MAX_BYTES).toBe(2000);
    const planned = planBundles(texts, BUNDLE_MAX_BYTES);

    expect(planned.length).toBeLessThan(12);
    expect(planned.flat().map((t) => t.id)).toEqual(texts.map((t) => t.id));
    for (const bundle of planned) {
      expect(bundle.length).toBeLessThanOrEqual(8);
      const joined = joinNoticeTexts(bundle);
      expect(bytes(`${joined.title}\n${joined.body}`)).toBeLessThanOrEqual(BUNDLE_MAX_BYTES);
    }
    // Full bundles: the next notice would not have fitted.
    for (let i = 0; i + 1 < planned.length; i += 1) {
      const next = planned[i + 1]?.[0];
      if (next) expect(bundleBytes([...(planned[i] ?? []), next])).toBeGreaterThan(BUNDLE_MAX_BYTES);
    }
  });

  it("holds at most 8 short notices in one message", () => {
    const short = Array.from({ length: 20 }, (_, i) => ({ id: i, titleBytes: 10, bodyBytes: 10 }));
    expect(planBundles(short, bundleMaxBytes("wecom")).map((b) => b.length)).toEqual([8, 8, 4]);
  });

  it("sends a notice larger than the budget alone, its neighbours bundled around it", () => {
    const big = { id: 2, titleBytes: 30, bodyBytes: 2500 };
    const small = (id: number) => ({ id, titleBytes: 30, bodyBytes: 100 });
    expect(planBundles([small(1), big, small(3), small(4)], 2000).map((b) => b.map((n) => n.id))).toEqual([
      [1],
      [2],
      [3, 4],
    ]);
  });

  it("puts eight 交办通知 of about 790 bytes in one 钉钉 or 飞书 message, two in a 企业微信 one", () => {
    const assignments = Array.from({ length: 8 }, (_, i) => ({ id: i, titleBytes: 90, bodyBytes: 700 }));
    expect(planBundles(assignments, bundleMaxBytes("dingtalk")).map((b) => b.length)).toEqual([8]);
    expect(planBundles(assignments, bundleMaxBytes("feishu")).map((b) => b.length)).toEqual([8]);
    expect(planBundles(assignments, bundleMaxBytes("wecom")).map((b) => b.length)).toEqual([2, 2, 2, 2]);
  });

  it("bundles only the group robots' notices, never the weekly digest", () => {
    expect(bundles("wecom", "交办通知")).toBe(true);
    expect(bundles("dingtalk", "逾期催办")).toBe(true);
    expect(bundles("feishu", "交办通知")).toBe(true);
    expect(bundles("email", "交办通知")).toBe(false);
    expect(bundles("webhook", "交办通知")).toBe(false);
    expect(bundles("wecom", "督办周报")).toBe(false);
  });
});
