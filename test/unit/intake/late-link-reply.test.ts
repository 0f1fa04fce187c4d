import { describe, expect, it } from "vitest";
import { LATE_LINK_REPLY, lateLinkReplyNote } from "../../../src/domain/intake/late-link-reply";

describe("lateLinkReplyNote", () => {
  it("says when a reply dated before the day it came was sent, once 办理期限 had passed", () => {
    expect(lateLinkReplyNote("2026-12-06", "2026-11-03", "2026-11-04")).toBe(
      "经个人链接于 2026-12-06 提交（晚于办理期限 2026-11-04）",
    );
    // The pages that read 备注 back find these words by the pattern kept beside them.
    expect(LATE_LINK_REPLY.test(lateLinkReplyNote("2026-12-06", "2026-11-03", "2026-11-04") ?? "")).toBe(
      true,
    );
  });

  it("says nothing of a reply sent on or before 办理期限, or dated the day it came", () => {
    expect(lateLinkReplyNote("2026-11-04", "2026-11-03", "2026-11-04")).toBeNull();
    expect(lateLinkReplyNote("2026-12-06", "2026-12-06", "2026-11-04")).toBeNull();
  });

  it("claims nothing without a 办理期限 or a 答复日期 it can read", () => {
    expect(lateLinkReplyNote("2026-12-06", "2026-11-03", null)).toBeNull();
    expect(lateLinkReplyNote("2026-12-06", null, "2026-11-04")).toBeNull();
  });
});
