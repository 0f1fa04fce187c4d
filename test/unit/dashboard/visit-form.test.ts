import { describe, expect, it } from "vitest";
import { deputiesTab, unitsTab } from "../../../sheets-schema/tabs";
import { reportNarrative, visitsSentence } from "../../../src/domain/dashboard/report-narrative";
import {
  type VisitRow,
  visitFormEntries,
  visitProgress,
  visitProgressText,
} from "../../../src/domain/dashboard/sampling";
import { type YearReport, yearReport } from "../../../src/domain/dashboard/year-report";
import { buildDirectory } from "../../../src/domain/directory";
import { evaluateLedger } from "../../../src/domain/evaluate-ledger";
import { readTab } from "../../../src/domain/read-tab";
import { makeRecord, makeRow, makeTabs, serial } from "../helpers/make-row";

const row = (id: string, fields: Parameters<typeof makeRecord>[0]): VisitRow => ({
  id,
  record: makeRecord({ title: `关于第${id}号的建议`, leadDeputy: "张明", leadUnit: "区教育局", ...fields }),
});

const units = buildDirectory(
  readTab(unitsTab, [
    unitsTab.columns.map((c) => c.header),
    ["区教育局", "李老师", "13800000001", "", ""],
    ["区住建局", "王工", "13800000002", "", ""],
    ["区卫健委", "", "", "", ""],
  ]),
  "单位",
);
const deputies = buildDirectory(
  readTab(deputiesTab, [
    deputiesTab.columns.map((c) => c.header),
    ["张明", "北关区代表团", "", "13900000009"],
  ]),
  "代表",
);

describe("回访进度", () => {
  it("counts the drawn ones marked 回访 = 是 and those whose 回访意见 is typed, and says it in a line", () => {
    // 回访 = 是 means 列入回访 (picked), not a visit made: the line names only what the ledger shows
    // of visits made, 回访意见 typed (explorer BJ read 已回访 32 件 when nobody had visited anyone).
    const rows = [
      row("2026-001", { followUp: true, followUpNotes: "代表对答复满意，道路已修好" }),
      row("2026-002", { followUp: true, followUpNotes: "  " }),
      row("2026-003", { followUp: false }),
      // Not drawn: not counted.
      row("2026-009", { followUp: true, followUpNotes: "另一次抽样" }),
    ];
    const progress = visitProgress(["2026-001", "2026-002", "2026-003", "2026-004"], rows);
    expect(progress).toEqual({ drawn: 4, visited: 2, noted: 1, gone: 1 });
    expect(visitProgressText(progress)).toBe("共抽中 4 件：已填回访意见 1 件（1 件已不在台账中）");
    expect(visitProgressText(visitProgress([], []))).toBe("共抽中 0 件：已填回访意见 0 件");
    expect(visitProgressText(progress)).not.toContain("已回访");
  });
});

describe("回访登记表", () => {
  it("gives each drawn suggestion the deputy's 手机, the units' 联系人 and 手机, the reply and the typed 回访意见", () => {
    const rows = [
      row("2026-002", {
        leadUnit: "区住建局",
        coUnits: ["区教育局", "区规划局"],
        repliedOn: "2026-05-20",
        replyClass: "B",
        replyContent: "已列入明年计划",
        replyLetter: "https://jianyi.example/files/letters/2026-002/a.pdf",
        rating: "基本满意",
        followUp: true,
        followUpNotes: "代表希望年内开工",
      }),
      row("2026-001", { repliedOn: "2026-05-21", replyClass: "A", leadDeputy: "李华" }),
    ];
    const drawn = [
      { id: "2026-002", unit: "区住建局" },
      { id: "2026-001", unit: "区教育局" },
      { id: "2026-007", unit: "区卫健委" },
    ];
    const entries = visitFormEntries(drawn, rows, { units, deputies });
    // In 承办单位 order: 区教育局, 区住建局, 区卫健委.
    expect(entries.map((e) => e.id)).toEqual(["2026-001", "2026-002", "2026-007"]);
    const [first, second, gone] = entries;
    expect(second?.found).toMatchObject({
      title: "关于第2026-002号的建议",
      leadDeputy: "张明",
      deputyPhone: "13900000009",
      leadUnit: { name: "区住建局", contact: "王工", phone: "13800000002", listed: true },
      coUnits: [
        { name: "区教育局", contact: "李老师", phone: "13800000001", listed: true },
        { name: "区规划局", contact: "", phone: "", listed: false },
      ],
      reply: { round: "首次", repliedOn: "2026-05-20", replyClass: "B", rating: "基本满意" },
      replyContent: "已列入明年计划",
      hasLetter: true,
      followUpNotes: "代表希望年内开工",
    });
    // 李华 is not in 代表: no phone; no 答复函, no 回访意见.
    expect(first?.found).toMatchObject({ deputyPhone: "", hasLetter: false, followUpNotes: "", coUnits: [] });
    expect(gone).toEqual({ id: "2026-007", unit: "区卫健委", found: null });
  });

  it("asks about round 2's reply once it is answered, with round 2's text from 备注", () => {
    const rows = [
      row("2026-003", {
        repliedOn: "2026-04-01",
        replyClass: "D",
        replyContent: "留作参考",
        replyLetter: "https://jianyi.example/files/letters/2026-003/first.pdf",
        rating: "不满意",
        reassignedOn: "2026-04-20",
        secondRepliedOn: "2026-05-11",
        secondReplyClass: "A",
      }),
    ];
    const [entry] = visitFormEntries([{ id: "2026-003", unit: "区教育局" }], rows, { units, deputies });
    expect(entry?.found?.reply).toEqual({
      round: "二次",
      repliedOn: "2026-05-11",
      replyClass: "A",
      rating: "",
    });
    // Staff typed round 2 in by hand: no text and no 答复函 of round 2 on record (round 1's are not it).
    expect(entry?.found).toMatchObject({ replyContent: "", hasLetter: false });
  });
});

const TODAY = "2026-06-15";
const replied = (id: string, more: Record<string, unknown> = {}) => ({
  编号: id,
  主办单位: "区教育局",
  交办日期: serial("2026-03-02"),
  答复日期: serial("2026-05-20"),
  答复类别: "A",
  ...more,
});

/** The year report of these rows, worked out from the whole rows (the fields 回访意见 included). */
function reportOf(rows: Record<string, unknown>[]): YearReport {
  const evaluation = evaluateLedger({ tabs: makeTabs(rows.map((cells) => makeRow(cells))), today: TODAY });
  return yearReport(evaluation, 2026);
}

const handlingText = (r: YearReport) => reportNarrative(r).sections[1]?.paragraphs.join("") ?? "";

describe("年度报告正文的跟踪回访一句", () => {
  it("says how many of the replied suggestions were picked for a visit and how many have 回访意见", () => {
    const report = reportOf([
      replied("2026-001", { 回访: "是", 回访意见: "代表满意" }),
      replied("2026-002", { 回访: "是" }),
      replied("2026-003"),
      replied("2026-004"),
      // Not replied: not among the 已答复.
      { 编号: "2026-005", 主办单位: "区教育局", 交办日期: serial("2026-05-20") },
    ]);
    expect(report.totals).toMatchObject({ followedUp: 2, followUpNoted: 1 });
    expect(report.overall.replied).toBe(4);
    const sentence = "从4件已答复建议中抽选2件列入跟踪回访，已填写回访意见1件。";
    expect(visitsSentence(report)).toBe(sentence);
    expect(handlingText(report)).toContain(sentence);
    // 回访 = 是 is set by the sampling: no visit is said to have been made.
    expect(handlingText(report)).not.toContain("进行了跟踪回访");
  });

  it("says no 回访意见 is typed yet when none is, and leaves the sentence out when none was picked", () => {
    const noNotes = reportOf([replied("2026-001", { 回访: "是" }), replied("2026-002")]);
    expect(visitsSentence(noNotes)).toBe("从2件已答复建议中抽选1件列入跟踪回访，尚未填写回访意见。");
    const none = reportOf([replied("2026-001"), replied("2026-002")]);
    expect(visitsSentence(none)).toBe("");
    expect(handlingText(none)).not.toContain("跟踪回访");
  });

  it("names no pool when 是 was typed on more suggestions than were replied to", () => {
    const report = reportOf([
      replied("2026-001", { 回访: "是" }),
      { 编号: "2026-002", 主办单位: "区教育局", 交办日期: serial("2026-05-20"), 回访: "是" },
    ]);
    expect(visitsSentence(report)).toBe("抽选2件建议列入跟踪回访，尚未填写回访意见。");
  });

  it("says nothing of 回访意见 for a report stored by a build before they were counted", () => {
    const report = reportOf([replied("2026-001", { 回访: "是", 回访意见: "代表满意" })]);
    const { followUpNoted: _, ...older } = report.totals;
    expect(visitsSentence({ ...report, totals: older as YearReport["totals"] })).toBe(
      "从1件已答复建议中抽选1件列入跟踪回访。",
    );
  });
});
