import { describe, expect, it } from "vitest";
import { matchHeaders } from "../../../sheets-schema/header-map";
import { noticeLogTab } from "../../../sheets-schema/tabs";
import { serialFromIso } from "../../../src/domain/civil-date";
import { baseKeyOf, noticeBaseKey, noticeKey } from "../../../src/domain/notices/keys";
import { lastNoticeTexts } from "../../../src/domain/notices/last-notice";
import { dateTimeSerial, noticeLogRows } from "../../../src/domain/notices/log-rows";
import { decideDailyRun } from "../../../src/domain/notices/schedule";

describe("idempotency keys", () => {
  it("read the same for a deputy however the parentheses were typed", () => {
    const parts = { type: "答复告知", suggestionId: "2026-003", round: 1, occurrence: "-" } as const;
    expect(noticeBaseKey({ ...parts, recipient: "王伟（北关）" })).toBe(
      noticeBaseKey({ ...parts, recipient: "王伟(北关)" }),
    );
    const key = noticeKey({ ...parts, recipient: "a|b" }, "email");
    expect(key).toBe("答复告知|2026-003|r1|-|a/b|email");
    expect(baseKeyOf(key)).toBe("答复告知|2026-003|r1|-|a/b");
  });
});

describe("the daily run's schedule", () => {
  it("runs once a local day, at or after 09:00", () => {
    expect(decideDailyRun({ today: "2026-03-02", hour: 8, lastRunOn: "2026-02-27" })).toEqual({
      run: false,
      reason: "before-hour",
    });
    expect(decideDailyRun({ today: "2026-03-02", hour: 9, lastRunOn: "2026-02-27" })).toEqual({ run: true });
    expect(decideDailyRun({ today: "2026-03-02", hour: 15, lastRunOn: null })).toEqual({ run: true });
    expect(decideDailyRun({ today: "2026-03-02", hour: 10, lastRunOn: "2026-03-02" })).toEqual({
      run: false,
      reason: "already-ran",
    });
  });

  it("starts no run from 18:00 local, so no daily notice reaches a group chat late at night", () => {
    expect(decideDailyRun({ today: "2026-03-02", hour: 17, lastRunOn: "2026-02-27" })).toEqual({ run: true });
    expect(decideDailyRun({ today: "2026-03-02", hour: 18, lastRunOn: "2026-02-27" })).toEqual({
      run: false,
      reason: "after-hour",
    });
    expect(decideDailyRun({ today: "2026-03-02", hour: 23, lastRunOn: null })).toEqual({
      run: false,
      reason: "after-hour",
    });
    // A day whose run did happen says so, not that it is too late.
    expect(decideDailyRun({ today: "2026-03-02", hour: 23, lastRunOn: "2026-03-02" })).toEqual({
      run: false,
      reason: "already-ran",
    });
  });
});

describe("最近通知", () => {
  const sent = (suggestionId: string, type: "交办通知" | "到期提醒", recipient: string, sentAt: string) => ({
    suggestionId,
    type,
    recipient,
    sentAt,
    sentOn: sentAt.slice(0, 10),
  });

  it("names the latest notice with all its recipients of that day", () => {
    const texts = lastNoticeTexts([
      sent("2026-001", "交办通知", "区教育局", "2026-03-02T01:00:00Z"),
      sent("2026-001", "交办通知", "区住建局", "2026-03-02T01:00:05Z"),
      sent("2026-002", "交办通知", "区教育局", "2026-03-02T01:00:00Z"),
      sent("2026-002", "到期提醒", "区教育局", "2026-05-18T01:00:00Z"),
    ]);
    expect(texts).toEqual(
      new Map([
        ["2026-001", "2026-03-02 交办通知 → 区教育局、区住建局"],
        ["2026-002", "2026-05-18 到期提醒 → 区教育局"],
      ]),
    );
  });
});

describe("通知记录 rows", () => {
  it("lay each outcome out under the tab's headers, wherever staff moved them", () => {
    const header = ["状态", "时间", "编号", "通知类型", "接收方", "渠道", "摘要", "错误", "备注"];
    const match = matchHeaders(noticeLogTab, header);
    if (!match.ok) throw new Error("headers should match");
    const rows = noticeLogRows(
      [
        {
          localTime: "2026-03-02 09:05",
          suggestionId: "2026-001",
          type: "交办通知",
          recipient: "区教育局",
          channel: "email",
          state: "失败",
          title: "代表建议交办通知",
          error: "HTTP 404",
        },
      ],
      match.columns,
    );
    const time = serialFromIso("2026-03-02") + (9 * 60 + 5) / 1440;
    expect(rows).toEqual([
      ["失败", time, "2026-001", "交办通知", "区教育局", "email", "代表建议交办通知", "HTTP 404"],
    ]);
    expect(dateTimeSerial("not a time")).toBe("not a time");
  });
});
