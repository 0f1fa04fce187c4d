import { describe, expect, it } from "vitest";
import { urgeCheck } from "../../../src/domain/links/row-actions";
import type { EvaluatedRow } from "../../../src/domain/summary/evaluated";

/** A row as urgeCheck reads it: 主办单位, the reply dates and the status the sync computed. */
function row(status: string, record: Record<string, string | null>): EvaluatedRow {
  return {
    id: "2026-130",
    record: { leadUnit: "区应急管理局", ...record },
    computed: { status },
  } as unknown as EvaluatedRow;
}

describe("a leader's 催办 once the unit has answered", () => {
  it("refuses with the unit and its 答复日期 once the ledger holds the reply", () => {
    expect(urgeCheck(row("待测评", { repliedOn: "2026-12-08" }), "supervisor")).toEqual({
      ok: false,
      reason: "区应急管理局已于 2026-12-08 答复代表，无需催办",
    });
  });

  it("in round 2, the 二次答复日期", () => {
    const second = row("待测评", {
      repliedOn: "2026-10-08",
      reassignedOn: "2026-11-01",
      secondRepliedOn: "2026-12-01",
    });
    expect(urgeCheck(second, "handling")).toMatchObject({
      reason: "区应急管理局已于 2026-12-01 答复代表，无需催办",
    });
  });

  it("without a reply date, names the status as before", () => {
    expect(urgeCheck(row("待交办", {}), "supervisor")).toMatchObject({
      reason: "该建议目前的状态是“待交办”，不在等待答复，无需催办",
    });
  });

  it("refuses while the unit's reply is on its way to the ledger, saying so", () => {
    const sent = { unit: "区应急管理局", on: "2026-12-08", state: "正在写入台账" };
    expect(urgeCheck(row("办理中", {}), "supervisor", sent)).toEqual({
      ok: false,
      reason: "区应急管理局已于 2026-12-08 提交答复，正在写入台账，无需催办",
    });
    expect(urgeCheck(row("办理中", {}), "supervisor")).toEqual({ ok: true, correcting: false });
  });
});
