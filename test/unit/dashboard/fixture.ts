import { evaluateLedger, type LedgerEvaluation } from "../../../src/domain/evaluate-ledger";
import { type LedgerCells, makeRow, makeTabs, serial } from "../helpers/make-row";

/** A Monday; no deadline below lands on or near a holiday, so every due date is plain counting. */
export const TODAY = "2026-06-15";

/**
 * Ten suggestions worked through by hand (units and deputies are the make-row fixtures):
 *
 * | 编号 | lead | unit | 交办 → due | reply (days) | class | rating | status |
 * |---|---|---|---|---|---|---|---|
 * | 2026-001 | 张明 | 区教育局 | 03-02 → 06-02 | 05-20 (79) on time | A | 满意 | 已办结 |
 * | 2026-002 | 李华 | 区教育局 | 03-02 → 06-02 | none, 13 days overdue | | | 已逾期 |
 * | 2026-003 | 赵敏 | 区教育局 | 03-10 → 06-10 | 06-12 (94) late | B | | 待测评 |
 * | 2026-004 | 张明 | 区住建局 (key, 刘主任) | 03-16 → 06-16 | none, 1 day left | | | 即将到期 |
 * | 2026-005 | 王伟(北关) | 区住建局 | 03-02 → 06-02 | 04-01 (30) on time | C | 不满意 | 待二次交办 |
 * | 2026-006 | 李华 | — 不予立案 | | | | | 不予立案 |
 * | 2026-007 | 赵敏 | — not reviewed | | | | | 待审查 |
 * | 2026-008 | 张明 | — no unit | | | | | 待交办 |
 * | 2026-009 | 王伟(文峰) | 区卫健委 (key, no leader) | 04-08 → 07-08 | none, 23 days left | | | 办理中 |
 * | 2025-001 | 李华 | 区教育局 (submitted 2025) | 2025-12-01 → 03-02 | 02-26 (87) on time | B | 基本满意 | 跟踪落实 |
 */
export const FIXTURE_ROWS: LedgerCells[] = [
  {
    编号: "2026-001",
    附议代表: "李华、赵敏",
    主办单位: "区教育局",
    交办日期: serial("2026-03-02"),
    答复日期: serial("2026-05-20"),
    答复类别: "A",
    满意度: "满意",
    测评日期: serial("2026-05-25"),
    回访: "是",
  },
  {
    编号: "2026-002",
    领衔代表: "李华",
    附议代表: "张明",
    类别: "城乡建设",
    主办单位: "区教育局",
    交办日期: serial("2026-03-02"),
  },
  {
    编号: "2026-003",
    领衔代表: "赵敏",
    主办单位: "区教育局",
    交办日期: serial("2026-03-10"),
    答复日期: serial("2026-06-12"),
    答复类别: "B",
  },
  {
    编号: "2026-004",
    类别: "城乡建设",
    重点建议: "是",
    督办领导: "刘主任",
    主办单位: "区住建局",
    交办日期: serial("2026-03-16"),
  },
  {
    编号: "2026-005",
    领衔代表: "王伟(北关)",
    附议代表: "张明",
    类别: "城乡建设",
    主办单位: "区住建局",
    交办日期: serial("2026-03-02"),
    答复日期: serial("2026-04-01"),
    答复类别: "C",
    答复内容: "受财力所限，暂缓实施",
    满意度: "不满意",
    测评日期: serial("2026-04-10"),
  },
  { 编号: "2026-006", 领衔代表: "李华", 审查结果: "不予立案" },
  { 编号: "2026-007", 领衔代表: "赵敏", 审查结果: "" },
  { 编号: "2026-008" },
  {
    编号: "2026-009",
    领衔代表: "王伟(文峰)",
    重点建议: "是",
    主办单位: "区卫健委",
    交办日期: serial("2026-04-08"),
  },
  {
    编号: "2025-001",
    领衔代表: "李华",
    提出日期: serial("2025-11-03"),
    主办单位: "区教育局",
    交办日期: serial("2025-12-01"),
    答复日期: serial("2026-02-26"),
    答复类别: "B",
    满意度: "基本满意",
    测评日期: serial("2026-03-01"),
    落实情况: "推进中",
  },
];

export function fixtureEvaluation(rows: LedgerCells[] = FIXTURE_ROWS): LedgerEvaluation {
  return evaluateLedger({ tabs: makeTabs(rows.map((cells) => makeRow(cells))), today: TODAY });
}
