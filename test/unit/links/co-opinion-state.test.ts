import { describe, expect, it } from "vitest";
import { buildCalendar } from "../../../src/domain/calendar";
import {
  awaitedCoUnits,
  coOpinionState,
  coOpinionText,
  coUnitOpinions,
} from "../../../src/domain/links/co-opinion";
import { coOpinionCheck } from "../../../src/domain/links/practice-actions";
import type { EvaluatedRow } from "../../../src/domain/summary/evaluated";
import { evaluateAt } from "../notices/helpers";

/** 2026-401: 区教育局 leads, 区住建局 co-handles, assigned on Monday 2026-03-02. */
const TODAY = "2026-03-20";
const CTX = { coOpinionDays: 30, calendar: buildCalendar() };
const rowOf = (cells: Record<string, string> = {}): EvaluatedRow =>
  evaluateAt(
    [
      {
        编号: "2026-401",
        标题: "修路",
        领衔代表: "张明",
        主办单位: "区教育局",
        协办单位: "区住建局、区卫健委",
        交办日期: "2026-03-02",
        ...cells,
      },
    ],
    TODAY,
  ).rows[0] as EvaluatedRow;

describe("a co-unit's 协办意见 on its link", () => {
  it("counts its 协办意见期限 as the 交办通知 does: 30 days on, past a Saturday", () => {
    const state = coOpinionState(rowOf(), "区住建局", CTX, []);
    // 2026-04-01 is a Wednesday: no roll.
    expect(state && coOpinionText(state)).toBe("协办意见期限 2026-04-01（尚未送达）");
  });

  it("counts from the day a unit added later was told (the notices run's sighting)", () => {
    const row = { ...rowOf(), seenOn: { "协办单位+区卫健委": "2026-03-09" } };
    // 2026-04-08 Wednesday.
    expect(coOpinionState(row, "区卫健委", CTX, [])?.deadline).toBe("2026-04-08");
    expect(coOpinionState(row, "区住建局", CTX, [])?.deadline).toBe("2026-04-01");
  });

  it("closes the form once the lead unit's reply is in, or sent through its link before the sync", () => {
    const replied = rowOf({ 答复日期: "2026-03-18", 答复类别: "A", 答复内容: "已办" });
    const inLedger = coOpinionState(replied, "区住建局", CTX, []);
    expect(coOpinionCheck(replied, "co", inLedger)).toEqual({
      ok: false,
      reason: "主办单位已于 2026-03-18 答复代表，协办意见不再需要送达；如有补充，请直接与主办单位联系。",
    });
    const waiting = rowOf();
    const sent = coOpinionState(waiting, "区住建局", CTX, [], "2026-03-19");
    expect(coOpinionCheck(waiting, "co", sent)).toMatchObject({ ok: false });
    expect(coOpinionCheck(waiting, "co", coOpinionState(waiting, "区住建局", CTX, []))).toMatchObject({
      ok: true,
    });
  });

  it("says when its opinion was delivered", () => {
    const state = coOpinionState(rowOf(), "区住建局", CTX, [
      { unit: "区卫健委", deliveredOn: "2026-03-05" },
      { unit: "区住建局", deliveredOn: "2026-03-10" },
    ]);
    expect(state && coOpinionText(state)).toBe("协办意见期限 2026-04-01（已于 2026-03-10 送达）");
  });
});

describe("the lead unit's view of its co-units' 协办意见", () => {
  it("names whom it waits for, and tells an opinion in both the tab and the inbox once", () => {
    const opinions = [
      { unit: "区住建局", deliveredOn: "2026-03-10", summary: "同意" },
      // The same opinion, sent through the link and written by intake since the sync.
      { unit: "区住建局", deliveredOn: "2026-03-10", summary: "同意" },
    ];
    const lead = coUnitOpinions(rowOf(), CTX, opinions);
    expect(lead.map((o) => [o.unit, coOpinionText(o.state), o.delivered])).toEqual([
      [
        "区住建局",
        "协办意见期限 2026-04-01（已于 2026-03-10 送达）",
        [{ on: "2026-03-10", summary: "同意" }],
      ],
      ["区卫健委", "协办意见期限 2026-04-01（尚未送达）", []],
    ]);
    expect(awaitedCoUnits(lead)).toEqual(["区卫健委"]);
  });

  it("waits for nobody once it replied, and lists no co-units before 交办", () => {
    const replied = rowOf({ 答复日期: "2026-03-18", 答复类别: "A", 答复内容: "已办" });
    expect(awaitedCoUnits(coUnitOpinions(replied, CTX, []))).toEqual([]);
    expect(coUnitOpinions(rowOf({ 交办日期: "" }), CTX, [])).toEqual([]);
  });
});
