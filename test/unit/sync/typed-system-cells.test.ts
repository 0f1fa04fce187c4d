import { describe, expect, it } from "vitest";
import { serialFromIso } from "../../../src/domain/civil-date";
import {
  type OverwrittenCell,
  putBackChanges,
  putBackProblems,
  typedOver,
} from "../../../src/domain/sync/typed-system-cells";

const LAST = { 办理期限: "2026-12-01", 台账状态: "即将到期", 校验问题: "" };
const cell = (header: string, before: unknown, written: string | number): OverwrittenCell => ({
  id: "2026-019",
  rowNumber: 20,
  header,
  before,
  written,
});

describe("typedOver", () => {
  it("takes a cell that held neither the last written nor the new value for a person's edit", () => {
    const typed = cell("办理期限", serialFromIso("2026-12-31"), serialFromIso("2026-12-01"));
    expect(typedOver([typed], () => LAST)).toEqual([typed]);
  });

  it("leaves a status the rules moved: the cell still held what the sync wrote last time", () => {
    expect(typedOver([cell("台账状态", "即将到期", "已逾期")], () => LAST)).toEqual([]);
    expect(typedOver([cell("办理期限", serialFromIso("2026-12-01"), 46400)], () => LAST)).toEqual([]);
  });

  it("says nothing where nothing was written before (a first sync) or the last write is unknown", () => {
    expect(typedOver([cell("台账状态", "已答复", "已逾期")], () => null)).toEqual([]);
    expect(typedOver([cell("台账状态", "已答复", "已逾期")], () => ({ 办理期限: "2026-12-01" }))).toEqual([]);
  });

  it("says nothing of a cell a person cleared", () => {
    expect(
      typedOver([cell("台账状态", "", "已逾期"), cell("台账状态", undefined, "已逾期")], () => LAST),
    ).toEqual([]);
  });
});

describe("what a put-back cell leaves", () => {
  const typed = [
    cell("台账状态", "已答复", "即将到期"),
    cell("办理期限", serialFromIso("2026-12-31"), serialFromIso("2026-12-01")),
    cell("校验问题", "已核实，答复日期无误", ""),
    cell("最近通知", "已电话通知", "2026-11-20 到期提醒 → 区教育局"),
  ];

  it("keeps what was typed in the history, dates as staff write them", () => {
    expect(putBackChanges(typed).map((c) => [c.column, c.oldValue, c.newValue, c.source, c.note])).toEqual([
      ["台账状态", "已答复", "即将到期", "system", "系统列，已按规则改回"],
      ["办理期限", "2026-12-31", "2026-12-01", "system", "系统列，已按规则改回"],
      ["校验问题", "已核实，答复日期无误", null, "system", "系统列，已按规则改回"],
      ["最近通知", "已电话通知", "2026-11-20 到期提醒 → 区教育局", "system", "系统列，已按规则改回"],
    ]);
  });

  it("tells one 提醒 per cell, naming where to write instead", () => {
    expect(putBackProblems(typed).map((p) => [p.row, p.column, p.level, p.message])).toEqual([
      [
        20,
        "台账状态",
        "提醒",
        "『台账状态』由系统按规则填写，这里手填的“已答复”已改回“即将到期”（手填内容记在该建议的变更与通知记录中）：请填写答复日期、答复类别等，状态由系统计算",
      ],
      [
        20,
        "办理期限",
        "提醒",
        "『办理期限』由系统按规则填写，这里手填的“2026-12-31”已改回“2026-12-01”（手填内容记在该建议的变更与通知记录中）：延期请填『延期申请』，或按规定将办理时限改为 六个月",
      ],
      [
        20,
        "校验问题",
        "提醒",
        "『校验问题』由系统按规则填写，这里手填的“已核实，答复日期无误”已改回空白（手填内容记在该建议的变更与通知记录中）：说明请写在『备注』",
      ],
      [
        20,
        "最近通知",
        "提醒",
        "『最近通知』由系统按规则填写，这里手填的“已电话通知”已改回“2026-11-20 到期提醒 → 区教育局”（手填内容记在该建议的变更与通知记录中）：请在员工填写的列中修改，系统列不要手填",
      ],
    ]);
  });
});
