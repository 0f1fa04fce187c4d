/**
 * What importing rows that are history (assigned long ago, replied already) does on the first sync:
 * the 逾期催办 sent for rows past their 办理期限 with no reply, and the practice reminders for
 * contacts no one recorded in jianyi. Counted from the plan and `today`, with no calendar: the
 * report says “约”, as a 办理期限 that lands on a rest day moves a few days later.
 */
import { type ColumnDef, ledgerTab, parseCell } from "../../sheets-schema";
import { addDaysIso } from "../../src/domain/civil-date";
import { addMonths, daysBetween } from "../../src/domain/deadlines";
import type { LedgerValue } from "./cells";

type Values = ReadonlyMap<string, LedgerValue>;

const COLUMNS = new Map<string, ColumnDef>(ledgerTab.columns.map((c) => [c.header, c]));

/** The cell as the sync reads it (“ 立案 ”, a date serial), or null when blank or unreadable. */
function read(values: Values, header: string): unknown {
  const cell = COLUMNS.get(header)?.cell;
  if (!cell || !values.has(header)) return null;
  const outcome = parseCell(cell, values.get(header));
  return outcome.blank || outcome.error ? null : outcome.value;
}

/**
 * A round counts as replied, as the notices see it (series.ts, roundsOf), once any of its reply
 * cells is typed, readable or not: a unit is never urged when a reply may be in.
 */
const typed = (values: Values, headers: readonly string[]) => headers.some((h) => values.has(h));

/** 二次办理时限's default (设置): the import cannot read the sheet's 设置, hence “约”. */
const SECOND_ROUND_DAYS = 30;

/** 办前沟通提醒天数's default (practice.md): after this, a round with no 办前 contact is reminded. */
const CONTACT_REMINDER_DAYS = 15;

/**
 * Whether the row's current round is past its 办理期限 with no reply: what the sync calls 已逾期 and
 * the notices chase (ledger.md Status 5, Notices 逾期催办). `assumeAccepted`: the file has no 审查结果
 * column and the report asks staff to fill in 立案 for every row.
 */
function chased(values: Values, today: string, assumeAccepted: boolean): boolean {
  const accepted = assumeAccepted || read(values, "审查结果") === "立案";
  const assignedOn = read(values, "交办日期");
  if (!accepted || !values.has("主办单位") || typeof assignedOn !== "string") return false;
  const reassignedOn = read(values, "二次交办日期");
  if (typeof reassignedOn === "string") {
    if (typed(values, ["二次答复日期", "二次答复类别", "二次满意度"])) return false;
    return today > addDaysIso(reassignedOn, SECOND_ROUND_DAYS);
  }
  if (typed(values, ["答复日期", "答复类别", "满意度"])) return false;
  const months = read(values, "办理时限") === "六个月" ? 6 : 3;
  return today > addMonths(assignedOn, months).date;
}

/** A round replied, or assigned long enough ago that the practice reminders are due already. */
function isHistory(values: Values, today: string | undefined): boolean {
  if (values.has("答复日期")) return true;
  const assignedOn = read(values, "交办日期");
  return typeof today === "string" && typeof assignedOn === "string"
    ? daysBetween(assignedOn, today) > CONTACT_REMINDER_DAYS
    : false;
}

/**
 * The report's lines on history: how many rows the first sync will chase as overdue and how to hold
 * the notices back (docs/deploy.md §5), and the 启用日期 to fill in so that practice reminders do not
 * ask for contacts made before jianyi. `today` absent (a test of the layout only): nothing is dated.
 */
export function historyWarnings(
  rows: readonly { readonly values: Values }[],
  mapped: ReadonlySet<string | null>,
  today: string | undefined,
): string[] {
  const assumeAccepted = !mapped.has("审查结果");
  let overdue = 0;
  let history = 0;
  for (const { values } of rows) {
    if (today && chased(values, today, assumeAccepted)) overdue += 1;
    if (isHistory(values, today)) history += 1;
  }
  const warnings: string[] = [];
  if (overdue > 0) {
    const when = assumeAccepted ? "如按上面的提示把审查结果填为“立案”，" : "";
    warnings.push(
      `${when}约 ${overdue} 行已过办理期限（交办日期起三个月，办理时限为六个月的按六个月）而没有答复日期：首次同步后会给这些建议的主办单位发出逾期催办，之后按逾期催办间隔天数重复。如这些是往年已办完的建议，请先在 Excel 中补上答复日期和答复类别再导入；或在首次同步前，在『通知模板』中把“逾期催办”的 启用 改为“否”（没有这一行就添加一行：模板 填“逾期催办”，启用 填“否”；见 docs/deploy.md 第 5 节），补齐答复日期后再改回“是”`,
    );
  }
  if (history > 0) {
    const example = today ? `，如 ${today}` : "";
    warnings.push(
      `文件中有 ${history} 行已答复或已交办多日：请在首次同步前，在『设置』中把“启用日期”填为开始在本系统记录沟通记录和协办意见的第一天${example}。交办日期早于这一天的建议不检查办前联系和协办意见，不发沟通提醒、协办提醒；不填，这些往年的建议都会在校验问题中报“答复前未记录办前联系”，而当时的联系已无法补录`,
    );
  }
  return warnings;
}
