import { describe, expect, it } from "vitest";
import { noticeKey } from "../../../src/domain/notices/keys";
import type { LedgerCells } from "../helpers/make-row";
import { planAt } from "./helpers";

const ASSIGNED: LedgerCells = {
  编号: "2026-001",
  标题: "关于加快推进柏庄镇卫生院建设的建议",
  领衔代表: "张明",
  主办单位: "区教育局",
  协办单位: "区住建局",
  交办日期: "2026-03-02",
};
const told = (unit: string, day: string, channel: "email" | "wecom") =>
  noticeKey(
    { type: "交办通知", suggestionId: "2026-001", round: 1, occurrence: day, recipient: unit },
    channel,
  );

describe("a 交办日期 staff corrected after the units were told", () => {
  it("sends each unit told of the old date a 交办通知 that says it corrects that one", () => {
    // Told on 03-09 of an assignment dated 03-09; staff correct it to the 交办会's day, 03-02.
    const plan = planAt([ASSIGNED], "2026-03-10", {
      existingKeys: [told("区教育局", "2026-03-09", "email"), told("区住建局", "2026-03-09", "wecom")],
    });
    const sent = plan.notices.filter((n) => n.type === "交办通知");
    expect(sent.map((n) => n.recipient)).toEqual(["区教育局", "区住建局"]);
    for (const n of sent) {
      expect(n.title.startsWith("【更正】")).toBe(true);
      expect(n.body).toMatch(
        new RegExp(
          `^${n.recipient}：【更正】此前通知的交办日期 2026年3月9日已更正为 2026年3月2日，办理期限等随之改变，请以本通知为准。\n`,
        ),
      );
    }
  });

  it("says nothing of a correction to a unit told of no other date", () => {
    const plan = planAt([ASSIGNED], "2026-03-02");
    for (const n of plan.notices.filter((x) => x.type === "交办通知")) {
      expect(n.title).not.toContain("更正");
      expect(n.body).not.toContain("更正");
    }
  });
});
