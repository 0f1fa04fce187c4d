import { describe, expect, it } from "vitest";
import { CSV_BOM, toCsv } from "../../../src/domain/dashboard/csv";
import { buildTimeline, milestones, type NoticeEntry } from "../../../src/domain/dashboard/timeline";
import { fixtureEvaluation } from "./fixture";

describe("CSV", () => {
  it("starts with the UTF-8 BOM and ends lines with CRLF", () => {
    const text = toCsv([
      ["编号", "标题"],
      ["2026-001", "关于“一老一小”的建议"],
    ]);
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(text).toBe(`${CSV_BOM}编号,标题\r\n2026-001,关于“一老一小”的建议\r\n`);
  });

  it("quotes commas, quotes and line breaks, and neutralises formula-looking text", () => {
    const text = toCsv([["a,b", 'say "hi"', "one\ntwo", '=HYPERLINK("x")', "-2", -2, null]]);
    expect(text).toBe(`${CSV_BOM}"a,b","say ""hi""","one\ntwo","'=HYPERLINK(""x"")",'-2,-2,\r\n`);
  });
});

describe("suggestion timeline", () => {
  const evaluation = fixtureEvaluation();
  const row = evaluation.rows.find((r) => r.id === "2026-005");

  it("lists the lifecycle dates with the due date in date order", () => {
    expect(row && milestones(row)).toEqual([
      { date: "2026-01-10", label: "提出" },
      { date: "2026-03-02", label: "交办" },
      { date: "2026-04-01", label: "答复" },
      { date: "2026-04-10", label: "测评" },
      { date: "2026-06-02", label: "首轮办理期限" },
    ]);
  });

  it("merges the audit trail (one event per sync, dates readable) with the notices, oldest first", () => {
    const notice: NoticeEntry = {
      id: 7,
      type: "到期提醒",
      suggestionId: "2026-005",
      recipient: "区住建局",
      channel: "email",
      title: "建议 2026-005 还有 15 天到期",
      dueOn: "2026-05-18",
      plannedAt: "2026-05-18T01:00:00.000Z",
      status: "失败",
      attempts: 3,
      sentAt: null,
      lastError: "SMTP 550",
    };
    const events = buildTimeline(
      [
        {
          suggestionId: "2026-005",
          column: "答复日期",
          oldValue: null,
          newValue: "46113",
          seenAt: "2026-04-01T02:00:00.000Z",
        },
        {
          suggestionId: "2026-005",
          column: "答复类别",
          oldValue: null,
          newValue: "C",
          seenAt: "2026-04-01T02:00:00.000Z",
        },
        {
          suggestionId: "2026-005",
          column: "满意度",
          oldValue: "",
          newValue: "不满意",
          seenAt: "2026-06-01T02:00:00.000Z",
        },
      ],
      [notice],
    );
    expect(events.map((e) => [e.kind, e.title, e.lines])).toEqual([
      ["change", "表格中修改", ["答复日期：（空） → 2026-04-01", "答复类别：（空） → C"]],
      [
        "notice",
        "到期提醒 → 区住建局",
        ["建议 2026-005 还有 15 天到期", "渠道 邮件，失败：SMTP 550（已尝试 3 次）"],
      ],
      ["change", "表格中修改", ["满意度：（空） → 不满意"]],
    ]);
  });

  it("says where each change came from: a form with its submission, a person on the dashboard, the system's repair and why", () => {
    const at = "2026-04-01T02:00:00.000Z";
    const events = buildTimeline(
      [
        {
          suggestionId: "2026-005",
          column: "答复日期",
          oldValue: null,
          newValue: "46113",
          seenAt: at,
          source: "form",
          actor: "r-77",
        },
        {
          suggestionId: "2026-005",
          column: "回访",
          oldValue: null,
          newValue: "是",
          seenAt: at,
          source: "dashboard",
          actor: "wang@office.gov.cn",
        },
        {
          suggestionId: "2026-005",
          column: "编号",
          oldValue: "2026-031",
          newValue: "2026-005",
          seenAt: at,
          source: "system",
          note: "误写到本行的值已按写入瞬间的原值恢复",
        },
      ],
      [],
    );

    expect(events.map((e) => [e.title, e.lines])).toEqual([
      ["表单提交（提交号 r-77）", ["答复日期：（空） → 2026-04-01"]],
      ["看板操作（wang@office.gov.cn）", ["回访：（空） → 是"]],
      ["系统修复", ["编号：2026-031 → 2026-005", "误写到本行的值已按写入瞬间的原值恢复"]],
    ]);
  });
});
