import { describe, expect, it } from "vitest";
import { dingtalkMarkdown, wecomMarkdown } from "../../../src/domain/notices/robot-markdown";

const TITLE = "督办周报";
const TYPED = "请见 http://gov.cn[OPEN](http://evil.example/p) 办理";
const DASHBOARD = "详情：https://jianyi.example.gov.cn/l/eyJh.eyJr_b-c.g_g9Q7?x=1&y=a_b#top";

describe("a markdown link typed right after an address, in the 督办周报 a robot receives", () => {
  it("is no link in 钉钉's message: its brackets are full-width, both addresses stay as typed", () => {
    const message = dingtalkMarkdown(TITLE, TYPED);
    expect(message).toBe("### 督办周报\n\n请见 http://gov.cn［OPEN］(http://evil.example/p) 办理");
    expect(message).not.toContain("[OPEN](");
  });

  it("is no link in 企业微信's message either", () => {
    const message = wecomMarkdown(TITLE, TYPED);
    expect(message).toBe("**督办周报**\n请见 http://gov.cn［OPEN］(http://evil.example/p) 办理");
  });

  it("nor one in the title, nor an <a> or `code` glued to an address", () => {
    expect(dingtalkMarkdown("周报 http://gov.cn[OPEN](http://evil.example/p)", "")).toBe(
      "### 周报 http://gov.cn［OPEN］(http://evil.example/p)\n\n",
    );
    expect(wecomMarkdown(TITLE, 'http://gov.cn<a href="http://evil.example">点此</a>`x`')).toBe(
      "**督办周报**\n" + 'http://gov.cn＜a href="http://evil.example"＞点此＜/a＞｀x｀',
    );
  });

  it("leaves a plain address whole, underscores and query included, so it still opens", () => {
    expect(dingtalkMarkdown(TITLE, DASHBOARD)).toBe(`### 督办周报\n\n${DASHBOARD}`);
    expect(wecomMarkdown(TITLE, DASHBOARD)).toBe(`**督办周报**\n${DASHBOARD}`);
  });
});
