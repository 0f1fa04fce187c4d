import { describe, expect, it } from "vitest";
import { ledgerStaffColumns } from "../../sheets-schema/tabs/ledger";
import { storedRows } from "../../src/domain/summary/ledger-summary";
import { FACT_KEYS, factsOf, loadFacts, loadRow, TAIL_FACT_KEYS } from "../../src/domain/summary/summary-row";
import { evaluateRows } from "./helpers/evaluate";

const base = { 审查结果: "立案", 主办单位: "区住建局", 交办日期: "2026-01-12", 领衔代表: "张明" };

// Rows with every kind of fact: lists (协办单位, 附议代表), the report's tail facts (届次, 来源, 落实情况,
// 跨年督办, 优秀建议, 领办领导, 测评日期), a second round, and a row with none of them.
const evaluation = evaluateRows([
  {
    ...base,
    编号: "2026-001",
    标题: "关于增设公交站点的建议",
    附议代表: "李华，赵敏",
    协办单位: "区教育局，区卫健委",
    答复日期: "2026-02-11",
    答复类别: "B",
    满意度: "基本满意",
    测评日期: "2026-02-20",
    落实情况: "已落实",
    跨年督办: "是",
    优秀建议: "是",
    届次: "第一次会议",
    来源: "大会期间",
    领办领导: "刘强",
  },
  { ...base, 编号: "2026-002", 标题: "关于学校午餐的建议", 二次交办日期: "2026-03-01" },
  { 编号: "2026-003", 标题: "只有标题" },
]);

describe("看板读取的事实（facts）", () => {
  const stored = storedRows(evaluation);
  const whole = stored.map(loadRow);
  const facts = stored.map((row) => loadFacts(factsOf(row)));
  const factKeys = new Set<string>([...FACT_KEYS, ...TAIL_FACT_KEYS]);

  it("每个事实字段读出的值与整行保存的相同", () => {
    const fieldsOf = (row: { record: unknown }) => row.record as Record<string, unknown>;
    for (const [i, row] of facts.entries()) {
      const expected = fieldsOf(whole[i] as { record: unknown });
      for (const key of factKeys) {
        expect(fieldsOf(row)[key], `${row.id} ${key}`).toEqual(expected[key]);
        expect(key in row.record).toBe(true);
      }
    }
    expect(facts[0]?.record).toMatchObject({ coUnits: ["区教育局", "区卫健委"], implementation: "已落实" });
    // A carried-over suggestion's rating counts in the 单位测评 of the year of its 测评日期.
    expect(facts[0]?.record.ratedOn).toBe("2026-02-20");
  });

  it("事实以外的字段读作空白（长文本只在整行里）", () => {
    const others = ledgerStaffColumns.filter((c) => !factKeys.has(c.key));
    expect(others.map((c) => c.header)).toContain("内容摘要");
    for (const row of facts) {
      for (const column of others) {
        expect((row.record as unknown as Record<string, unknown>)[column.key], column.header).toEqual(
          column.cell.blank,
        );
      }
    }
  });

  it("行号、编号、状态、期限和问题数与整行一致", () => {
    expect(facts.map((r) => [r.rowNumber, r.id, r.computed.status, r.computed.dueDate])).toEqual(
      whole.map((r) => [r.rowNumber, r.id, r.computed.status, r.computed.dueDate]),
    );
    expect(facts.map((r) => r.problems.length)).toEqual(whole.map((r) => r.problems.length));
    expect(facts.map((r) => r.firstDeadline?.due ?? null)).toEqual(
      whole.map((r) => r.firstDeadline?.due ?? null),
    );
  });
});
