import { describe, expect, it } from "vitest";
import { evaluateLedger } from "../../../src/domain/evaluate-ledger";
import { planNotices } from "../../../src/domain/notices/plan";
import type { PlannedNotice } from "../../../src/domain/notices/types";
import type { LedgerCells } from "../helpers/make-row";
import { practiceTabs } from "../practice/helpers";
import { digestByChannel, noticeTabs, wecomMarkdown } from "./helpers";

/** Monday: the 周报's day. */
const MONDAY = "2026-06-08";
const WECOM = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=dbc";
const LEADERS = [
  { 姓名: "陈建平副主任", 类型: "督办", 邮箱: "cjp@example.gov.cn" },
  { 姓名: "王建国副区长", 类型: "领办", 邮箱: "wjg@example.gov.cn" },
];

/** Assigned `assignedOn` to 区教育局; 答复 A on 2026-05-20 when `replied` (then 待测评). */
function suggestion(n: number, assignedOn: string, cells: LedgerCells = {}): LedgerCells {
  return {
    编号: `2026-${String(n).padStart(3, "0")}`,
    标题: `关于加强第${n}片区老旧小区改造和停车设施建设的建议`,
    领衔代表: "张明",
    主办单位: "区教育局",
    交办日期: assignedOn,
    ...cells,
  };
}
const REPLIED: LedgerCells = { 答复日期: "2026-05-20", 答复类别: "A" };
const KEY: LedgerCells = { 重点建议: "是", 督办领导: "陈建平副主任", 领办领导: "王建国副区长" };

/** The 周报 to the e-mail and the 企业微信 robot among the 周报接收人. */
function digests(rows: LedgerCells[], dashboard: string | null = null) {
  const settings = [["周报接收人", `dbc@example.gov.cn，${WECOM}`]] as const;
  const tabs = { ...noticeTabs(rows, settings), ...practiceTabs({ leaders: LEADERS }) };
  const evaluation = evaluateLedger({ tabs, today: MONDAY });
  return digestByChannel(
    planNotices({ today: MONDAY, evaluation, existingKeys: [], arrivals: [], dashboard }),
  );
}

const sentMarkdown = (notice: PlannedNotice) => wecomMarkdown(notice, WECOM);

const bytes = (text: string) => new TextEncoder().encode(text).byteLength;
const listLines = (text: string) => text.split("\n").filter((l) => /^\d+\. /.test(l));

describe("督办周报 to a 企业微信 robot", () => {
  it("is sent whole when the whole message fits the robot's 4,096 bytes", async () => {
    // 12 overdue (due 2026-05-11), 9 unrated: the lists alone take more than 3 KB.
    const rows = [
      ...Array.from({ length: 12 }, (_, i) => suggestion(i + 1, "2026-02-10", i % 3 === 0 ? KEY : {})),
      ...Array.from({ length: 9 }, (_, i) => suggestion(i + 21, "2026-02-10", REPLIED)),
    ];
    const { email, robot } = digests(rows);
    const markdown = await sentMarkdown(robot);
    expect(bytes(markdown)).toBeLessThanOrEqual(4096);
    expect(markdown).toBe(`**代表建议办理督办周报（2026年6月8日）**\n${email.body}`);
    expect(listLines(markdown)).toHaveLength(21);
    expect(markdown).not.toContain("未列出");
  });

  it("keeps every 【重点】 line when the lists must shorten, says how many are left out, and stays within 4,096 bytes", async () => {
    // 20 overdue, the 4 key ones due last (assigned later); 10 unrated, the last 2 key.
    const rows = [
      ...Array.from({ length: 16 }, (_, i) => suggestion(i + 1, "2026-02-10")),
      ...Array.from({ length: 4 }, (_, i) => suggestion(i + 17, "2026-02-27", KEY)),
      ...Array.from({ length: 10 }, (_, i) =>
        suggestion(i + 31, "2026-02-10", i >= 8 ? { ...REPLIED, ...KEY } : REPLIED),
      ),
    ];
    const { email, robot } = digests(rows);
    expect(bytes(`**代表建议办理督办周报（2026年6月8日）**\n${email.body}`)).toBeGreaterThan(4096);
    const markdown = await sentMarkdown(robot);
    expect(bytes(markdown)).toBeLessThanOrEqual(4096);
    // Nothing cut by the channel: the message ends as the digest does.
    expect(markdown).toBe(`**代表建议办理督办周报（2026年6月8日）**\n${robot.body}`);
    const keyIds = ["2026-017", "2026-018", "2026-019", "2026-020", "2026-039", "2026-040"];
    const shown = listLines(markdown);
    for (const id of keyIds)
      expect(
        shown.some((l) => l.includes(`【重点】${id}《`)),
        id,
      ).toBe(true);
    // Still in the list's order, by due date: the key ones, due last, come last.
    const overdue = markdown.slice(
      markdown.indexOf("已逾期（20 件）："),
      markdown.indexOf("待测评（10 件）："),
    );
    expect(
      listLines(overdue)
        .slice(-4)
        .every((l) => l.includes("【重点】")),
    ).toBe(true);
    const left = [...markdown.matchAll(/另有 (\d+) 件未列出，详见督办看板/g)].map((m) => Number(m[1]));
    expect(left.length).toBeGreaterThan(0);
    expect(shown.length + left.reduce((a, b) => a + b, 0)).toBe(30);
    expect(listLines(email.body)).toHaveLength(30);
  });

  it("shows titles typed with markdown characters as typed, and fits the lists to the message as sent", async () => {
    // 30 overdue whose titles hold 10 markdown characters each: swapped for full-width ones (3 bytes
    // each) they take 20 bytes more a line than the plain text the e-mail gets.
    const rows = Array.from({ length: 30 }, (_, i) =>
      suggestion(i + 1, "2026-02-10", {
        标题: `关于规范*电动自行车*停放和**第${i + 1}片区**\`充电\`_设施_的建议`,
      }),
    );
    const { email, robot } = digests(rows, "https://jianyi.example.gov.cn");
    expect(email.body).toContain("2026-001《关于规范*电动自行车*停放和**第1片区**`充电`_设施_的建议》");
    const markdown = await sentMarkdown(robot);
    expect(bytes(markdown)).toBeLessThanOrEqual(4096);
    expect(markdown).toContain(
      "1. 2026-001《关于规范＊电动自行车＊停放和＊＊第1片区＊＊｀充电｀＿设施＿的建议》",
    );
    // Only the title is bold: no other markup reaches the robot.
    const [head, ...rest] = markdown.split("\n");
    expect(head).toBe("**代表建议办理督办周报（2026年6月8日）**");
    expect(rest.join("\n")).not.toMatch(/[*`_]/);
    // The lists were shortened for the swapped text, so the robot's cut never falls: the dashboard's
    // address, last, is whole.
    expect(markdown).toMatch(
      /另有 \d+ 件未列出，详见督办看板：https:\/\/jianyi\.example\.gov\.cn\/suggestions\?status=/,
    );
    expect(markdown.endsWith("\n督办看板（工作人员登录后查看）：https://jianyi.example.gov.cn/")).toBe(true);
  });
});
