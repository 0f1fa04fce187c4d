import { describe, expect, it } from "vitest";
import { PERSONAL_LINK_SLOT, withPersonalLink } from "../../../src/domain/links/notice-link";
import { noticeBytesOn, ROBOT_TEXT_BYTES } from "../../../src/domain/notices/robot-limits";

const link = {
  kind: "unit" as const,
  recipient: "区教育局",
  url: "https://jianyi.example/l/eyJhbGciOiJIUzI1NiJ9.x.y/s/2026-007",
  lastDay: "2027-05-28",
};
const bytes = (text: string) => new TextEncoder().encode(text).length;
/** What a notice with its link keeps whole on 企业微信. */
const WECOM_BYTES = noticeBytesOn("wecom");

describe("a notice's personal link", () => {
  it("ends the notice with the link, who may use it and until when", () => {
    const { title, body } = withPersonalLink(
      "交办通知",
      "区教育局：现将建议交你单位办理。",
      link,
      WECOM_BYTES,
    );
    expect(title).toBe("交办通知");
    expect(body).toBe(
      `区教育局：现将建议交你单位办理。\n\n专属页面（查看本单位承办的建议并在线答复；仅供区教育局使用，请勿转发，有效期至2027年5月28日）：${link.url}`,
    );
  });

  it("tells a unit asked for its 落实进展 (跟踪提醒) that its page takes the report", () => {
    const { body } = withPersonalLink(
      "跟踪提醒",
      "区教育局：请报送最新落实进展。",
      {
        ...link,
        noticeType: "跟踪提醒",
      },
      WECOM_BYTES,
    );
    expect(body).toBe(
      `区教育局：请报送最新落实进展。\n\n专属页面（在线报送落实情况，已落实的可直接报送“已落实”；仅供区教育局使用，请勿转发，有效期至2027年5月28日）：${link.url}`,
    );
  });

  it("goes where a template put {{个人链接}}, then only the terms follow", () => {
    const { body } = withPersonalLink(
      "答复告知",
      `请测评：${PERSONAL_LINK_SLOT}`,
      { ...link, kind: "deputy" },
      WECOM_BYTES,
    );
    expect(body).toBe(`请测评：${link.url}\n\n（上述链接仅供区教育局使用，请勿转发，有效期至2027年5月28日）`);
  });

  it("cuts a long body, never the link, so a robot's 2,048-byte message still carries it whole", () => {
    const long = "很长的正文".repeat(400);
    const { title, body } = withPersonalLink("到期提醒", long, link, WECOM_BYTES);
    expect(bytes(`${title}\n${body}`)).toBeLessThanOrEqual(ROBOT_TEXT_BYTES.wecom);
    expect(body.endsWith(link.url)).toBe(true);
    expect(body).toContain("……");
  });

  it("cuts nothing of a long e-mail or webhook notice, which take any length", () => {
    const long = "很长的正文".repeat(400);
    for (const channel of ["email", "webhook"] as const) {
      const { body } = withPersonalLink("到期提醒", long, link, noticeBytesOn(channel));
      expect(body.startsWith(`${long}\n\n专属页面`)).toBe(true);
      expect(body).not.toContain("……");
    }
  });

  it("cuts a 钉钉 notice only past what its robot shows, not at 企业微信's 2,048 bytes", () => {
    const long = "很长的正文".repeat(400);
    const { body } = withPersonalLink("到期提醒", long, link, noticeBytesOn("dingtalk"));
    expect(body.startsWith(long)).toBe(true);
  });

  it("leaves no slot behind when there is no link (the digest, or links not configured)", () => {
    const { title, body } = withPersonalLink(
      `周报 ${PERSONAL_LINK_SLOT}`,
      `见 ${PERSONAL_LINK_SLOT}。`,
      null,
      WECOM_BYTES,
    );
    expect(`${title}${body}`).not.toContain(PERSONAL_LINK_SLOT);
    expect(body).toBe("见 。");
  });
});
