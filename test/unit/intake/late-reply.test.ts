import { describe, expect, it } from "vitest";
import { LATE_REPLY, lateReplyNote } from "../../../src/domain/intake/late-reply";
import { secondReplyLine, secondReplyNote } from "../../../src/domain/intake/second-reply-note";

describe("lateReplyNote", () => {
  it("says when a reply dated before the day it came was sent, once 办理期限 had passed, and how", () => {
    expect(lateReplyNote("2026-12-06", "2026-11-03", "2026-11-04", "link")).toBe(
      "经个人链接于 2026-12-06 提交（晚于办理期限 2026-11-04）",
    );
    expect(lateReplyNote("2026-12-06", "2026-11-03", "2026-11-04", "form")).toBe(
      "经表单于 2026-12-06 提交（晚于办理期限 2026-11-04）",
    );
    // The pages that read 备注 back find these words by the pattern kept beside them.
    for (const channel of ["link", "form"] as const)
      expect(LATE_REPLY.test(lateReplyNote("2026-12-06", "2026-11-03", "2026-11-04", channel) ?? "")).toBe(
        true,
      );
  });

  it("says nothing of a reply sent on or before 办理期限, or dated the day it came", () => {
    expect(lateReplyNote("2026-11-04", "2026-11-03", "2026-11-04", "form")).toBeNull();
    expect(lateReplyNote("2026-12-06", "2026-12-06", "2026-11-04", "form")).toBeNull();
  });

  it("claims nothing without a 办理期限 or a 答复日期 it can read", () => {
    expect(lateReplyNote("2026-12-06", "2026-11-03", null, "link")).toBeNull();
    expect(lateReplyNote("2026-12-06", null, "2026-11-04", "link")).toBeNull();
  });

  it("is left out of a late round-2 form reply's text when its page reads the reply back", () => {
    const late = lateReplyNote("2026-12-06", "2026-11-03", "2026-11-04", "form");
    const line = secondReplyLine({ sender: "提交号 exK-1", replyClass: "A", content: "已拓宽", late });

    expect(secondReplyNote(`${line}\n工作人员备注`)).toMatchObject({ replyClass: "A", content: "已拓宽" });
  });
});
