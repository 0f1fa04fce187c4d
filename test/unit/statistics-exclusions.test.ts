import { describe, expect, it } from "vitest";
import { ledgerFromSummary, storedRows } from "../../src/domain/summary/ledger-summary";
import { factsOf } from "../../src/domain/summary/summary-row";
import { evaluateRows } from "./helpers/evaluate";

const TODAY = "2026-06-15";
const base = { 审查结果: "立案", 主办单位: "区住建局", 交办日期: "2026-01-12" };

// 2026-001 replied on time in 30 days; 2026-002 replied 9 days *before* 交办 (an 错误 on 答复日期);
// 2026-003 has an 错误 only on 附议代表 (not a counted field: it stays in every figure).
const evaluation = evaluateRows(
  [
    { ...base, 编号: "2026-001", 答复日期: "2026-02-11", 答复类别: "A" },
    { ...base, 编号: "2026-002", 交办日期: "2026-03-10", 答复日期: "2026-03-01", 答复类别: "B" },
    { ...base, 编号: "2026-003", 附议代表: "不存在的代表" },
  ],
  {},
  TODAY,
);

describe("填写错误的行在统计中的去留", () => {
  it("计数字段有错误的行不计入，其他列的错误不影响", () => {
    const unit = evaluation.statistics.byUnit.find((u) => u.label === "区住建局");
    // 001 on time and 003 unreplied past its 办理期限 in April: 1 of 2; 平均答复天数 30, not (30 − 9) / 2.
    expect(unit).toMatchObject({
      assigned: 2,
      replied: 1,
      onTimeRate: "50.0%",
      overdueUnreplied: 1,
      averageReplyDays: 30,
      excluded: 1,
    });
  });

  it("同步保存的事实（看板读取的）得出同样的数字和脚注", () => {
    const stored = storedRows(evaluation);
    // The sync keeps "an 错误 in a counted field" with the row (its problem messages stay behind).
    const flags = stored.map((row) => factsOf(row).at(-1));
    expect(flags.map((f) => (Number(f) & 16) !== 0)).toEqual([false, true, false]);
    const view = ledgerFromSummary({ rows: stored.map(factsOf), tabs: {}, today: TODAY, problems: [] });
    expect(view.statistics.total).toMatchObject({ assigned: 2, onTimeRate: "50.0%", excluded: 1 });
    expect(view.statistics.tabValues.at(-1)).toEqual(["另有 1 条因填写错误未计入（见『校验问题』）"]);
  });
});
