import { describe, expect, it } from "vitest";
import {
  othersUrgedText,
  othersUrgedToday,
  pendingExtensionText,
  urgesOnRecord,
} from "../../../src/domain/links/leader-record";

/** "YYYY-MM-DD HH:mm" in Beijing of an ISO instant. */
const beijing = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace("T", " ");

describe("what a leader's page says of 催办 before he presses", () => {
  it("lists every leader's press on the suggestion, with role, unit and time", () => {
    const urges = urgesOnRecord(
      [
        {
          column: "答复日期",
          source: "sheet",
          actor: null,
          newValue: "x",
          note: null,
          seenAt: "2026-11-20T01:00:00Z",
        },
        {
          column: "催办",
          source: "link",
          actor: "领导 吴国庆 · 链接 Ab3dE9Kq",
          newValue: "区住建局",
          note: "督办领导吴国庆在专属页面催办",
          seenAt: "2026-11-30T02:05:00Z",
        },
        {
          column: "催办",
          source: "link",
          actor: "领导 王志强副区长 · 链接 Zz9dE9Kq",
          newValue: "区住建局",
          note: "领办领导王志强副区长在专属页面催办",
          seenAt: "2026-12-01T03:10:00Z",
        },
      ],
      beijing,
    );
    expect(urges).toEqual([
      { leader: "吴国庆", role: "督办领导", unit: "区住建局", at: "2026-11-30 10:05" },
      { leader: "王志强副区长", role: "领办领导", unit: "区住建局", at: "2026-12-01 11:10" },
    ]);
  });

  it("tells the unit's 领导催办 today from other leaders, once per press, whatever the suggestion", () => {
    const notice = (id: string, occurrence: string, plannedAt: string) => ({
      type: "领导催办",
      suggestionId: id,
      occurrence,
      plannedAt,
    });
    const urged = othersUrgedToday(
      [
        notice("2026-126", "c2026-11-30@王志强副区长", "2026-11-30T02:12:00Z"),
        // The same press on the unit's second channel.
        notice("2026-126", "c2026-11-30@王志强副区长", "2026-11-30T02:12:00Z"),
        notice("2026-124", "c2026-11-30@吴国庆", "2026-11-30T02:05:00Z"),
        notice("2026-124", "c2026-11-29@陈建平副主任", "2026-11-29T02:05:00Z"),
      ],
      "吴国庆",
      "2026-11-30",
      beijing,
    );
    expect(urged).toEqual([{ leader: "王志强副区长", suggestionId: "2026-126", time: "10:12" }]);
    expect(othersUrgedText("区住建局", urged, "2026-124")).toBe(
      "区住建局今天已收到王志强副区长的催办（10:12，建议 2026-126）。",
    );
    expect(othersUrgedText("区住建局", [], "2026-124")).toBeNull();
    expect(pendingExtensionText("区住建局", "2026-11-23")).toBe(
      "主办单位区住建局已于 2026-11-23 申请延期，待代表工委审批；审批前办理期限不变。",
    );
  });
});
