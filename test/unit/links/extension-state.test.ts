import { describe, expect, it } from "vitest";
import { type ExtensionRequest, extensionState } from "../../../src/domain/links/practice-actions";
import { PRACTICE_FACTS } from "../../../src/domain/practice/practice-facts";
import type { EvaluatedRow } from "../../../src/domain/summary/evaluated";
import { makeRecord } from "../helpers/make-row";

/** 2026-001 of 区教育局, assigned 2026-03-02, round 1 due 2026-06-02 (three months). */
function row(fields: Parameters<typeof makeRecord>[0] = {}, practice = 0): EvaluatedRow {
  return {
    rowNumber: 2,
    id: "2026-001",
    blank: false,
    record: makeRecord({
      id: "2026-001",
      review: "立案",
      leadUnit: "区教育局",
      assignedOn: "2026-03-02",
      ...fields,
    }),
    computed: { status: "办理中", dueDate: "2026-06-02", problems: "" },
    firstDeadline: { due: "2026-06-02", explanation: "" },
    secondDeadline: null,
    problems: [],
    practice,
  };
}

const waiting: ExtensionRequest = {
  unit: "区教育局",
  appliedOn: "2026-05-06",
  reason: "需协调资金",
  result: "",
};
const sent: ExtensionRequest = { ...waiting, appliedOn: "2026-05-08", reason: "另一理由" };

describe("a unit link's extension state", () => {
  it("a request in the tab or sent waits while round 1 is not replied", () => {
    expect(extensionState(row(), [waiting], [sent]).pendingSince).toBe("2026-05-06");
    expect(extensionState(row(), [], [sent]).pendingSince).toBe("2026-05-08");
  });

  it("none waits once round 1 was replied by its three-month due date: a decision changes nothing", () => {
    const replied = row({ repliedOn: "2026-05-20" });
    expect(extensionState(replied, [waiting], [sent])).toEqual({ approved: false, pendingSince: null });
  });

  it("none waits once replied while 办理时限 is 六个月 or another request was approved", () => {
    expect(
      extensionState(row({ repliedOn: "2026-07-01", period: "六个月" }), [waiting], []).pendingSince,
    ).toBe(null);
    const extended = extensionState(row({ repliedOn: "2026-07-01" }, PRACTICE_FACTS.extended), [waiting], []);
    expect(extended).toEqual({ approved: true, pendingSince: null });
  });

  it("a reply after the three-month due date leaves the request waiting: the decision says whether it was on time", () => {
    expect(extensionState(row({ repliedOn: "2026-06-10" }), [waiting], []).pendingSince).toBe("2026-05-06");
  });
});
