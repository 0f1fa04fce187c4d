import { recipientRows } from "../../../src/domain/links/recipient-rows";
import { storedRows } from "../../../src/domain/summary/ledger-summary";
import { factsOf, loadFacts } from "../../../src/domain/summary/summary-row";
import { type LedgerCells, serial } from "../helpers/make-row";
import { evaluateAt } from "../notices/helpers";

/**
 * 刘主任 supervises five suggestions of 司法局, assigned 2026-03-02 (办理期限 2026-06-02) unless
 * said: one answered 8 days late and rated 基本满意, one answered on time awaiting its rating, one
 * answered on time and rated 不满意, one answered again in its second round (二次交办 2026-07-01,
 * limit 30 days) and rated 满意, one assigned lately and awaiting its reply.
 */
export const TODAY = "2026-09-01";
const row = (cells: LedgerCells): LedgerCells => ({
  标题: `关于${cells.编号}的建议`,
  领衔代表: "张明",
  提出日期: serial("2026-01-10"),
  主办单位: "司法局",
  交办日期: serial("2026-03-02"),
  督办领导: "刘主任",
  ...cells,
});
export const LEADER_ROWS: LedgerCells[] = [
  row({
    编号: "2026-401",
    答复日期: serial("2026-06-10"),
    答复类别: "B",
    答复内容: "已纳入计划",
    落实情况: "推进中",
    满意度: "基本满意",
    测评日期: serial("2026-06-20"),
  }),
  row({ 编号: "2026-402", 答复日期: serial("2026-05-20"), 答复类别: "A", 答复内容: "已解决" }),
  row({
    编号: "2026-403",
    答复日期: serial("2026-04-01"),
    答复类别: "C",
    答复内容: "条件暂不具备",
    满意度: "不满意",
    测评日期: serial("2026-04-10"),
  }),
  row({
    编号: "2026-404",
    答复日期: serial("2026-05-01"),
    答复类别: "C",
    答复内容: "条件暂不具备",
    满意度: "不满意",
    测评日期: serial("2026-05-10"),
    二次交办日期: serial("2026-07-01"),
    二次答复日期: serial("2026-07-20"),
    二次答复类别: "A",
    二次满意度: "满意",
  }),
  row({ 编号: "2026-405", 交办日期: serial("2026-08-03") }),
];

/** The leader's rows as the link reads them from D1 (facts only). */
export function leaderRows(rows: readonly LedgerCells[] = LEADER_ROWS) {
  const facts = storedRows(evaluateAt([...rows], TODAY, [], [])).map((r) => loadFacts(factsOf(r)));
  return recipientRows(facts, "leader", "刘主任");
}
