import { describe, expect, it } from "vitest";
import { planNotices } from "../../../src/domain/notices/plan";
import type { PlannedNotice } from "../../../src/domain/notices/types";
import { digestByChannel, evaluateAt, planAt, wecomMarkdown } from "./helpers";

const WECOM = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=dbc";
const SETTINGS = [["周报接收人", `dbc@example.gov.cn，${WECOM}`]] as const;
const ROWS = [
  { 编号: "2026-001", 标题: "第1号建议", 领衔代表: "张明", 主办单位: "区教育局", 交办日期: "2026-02-10" },
];
const DASHBOARD = "https://jianyi.example.gov.cn";

/** The 周报 planned on `today`, by channel. */
function digestOn(today: string, templates: unknown[][] = [], dashboard: string | null = null) {
  const evaluation = evaluateAt(ROWS, today, SETTINGS, templates);
  return digestByChannel(planNotices({ today, evaluation, existingKeys: [], arrivals: [], dashboard }));
}

const sentMarkdown = (notice: PlannedNotice) => wecomMarkdown(notice, WECOM);

describe("督办周报's title names its day", () => {
  it("gives each week's e-mail its own subject, the day its figures are 截至", () => {
    const first = digestOn("2026-06-01").email;
    const next = digestOn("2026-06-08").email;
    expect(first.title).toBe("代表建议办理督办周报（2026年6月1日）");
    expect(next.title).toBe("代表建议办理督办周报（2026年6月8日）");
    expect(first.body).toContain("\n截至 2026年6月1日：");
    expect(next.body).toContain("\n截至 2026年6月8日：");
  });

  it("shows the dated title as a 企业微信 robot's first line", async () => {
    const markdown = await sentMarkdown(digestOn("2026-06-08").robot);
    expect(markdown.split("\n")[0]).toBe("**代表建议办理督办周报（2026年6月8日）**");
  });

  it("dates an office's unedited 通知模板 row too, and keeps a title staff wrote as written", () => {
    const unedited = [
      [
        "督办周报",
        "",
        "代表建议办理督办周报",
        "{{接收方}}：本周代表建议办理情况如下，请阅知。即将到期、已逾期和待测评的建议清单附后。",
        "是",
      ],
    ];
    expect(digestOn("2026-06-08", unedited).email.title).toBe("代表建议办理督办周报（2026年6月8日）");
    const own = [["督办周报", "", "人大代表工委周报 {{周报日期}}", "{{接收方}}：请阅知。", "是"]];
    expect(digestOn("2026-06-08", own).email.title).toBe("人大代表工委周报 2026年6月8日");
  });

  it("leaves {{周报日期}} blank in a notice about one suggestion", () => {
    const templates = [["交办通知", "", "交办通知{{周报日期}}：{{编号}}", "{{接收方}}：请办理。", "是"]];
    const plan = planAt([{ ...ROWS[0], 交办日期: "2026-06-08" }], "2026-06-08", {
      settings: SETTINGS,
      templates,
    });
    expect(plan.notices.find((n) => n.type === "交办通知")?.title).toBe("交办通知：2026-001");
  });
});

describe("督办周报's dashboard line", () => {
  it("says the 督办看板 is for staff who sign in, so a leader does not take its 401 for a broken link", () => {
    const { email } = digestOn("2026-06-08", [], DASHBOARD);
    expect(email.body.split("\n").at(-1)).toBe(`督办看板（工作人员登录后查看）：${DASHBOARD}/`);
  });
});
