import { listItems } from "../../../sheets-schema/cells/list-cells";
import { nameKey } from "../directory";

/**
 * The 承办单位 directory, as far as the check asks it: the unit a name or a former name (原名称)
 * stands for (Directory.find).
 */
export interface UnitLookup {
  find(name: string): object | undefined;
}

/** Who a suggestion's row names, as read: 领衔代表 and 附议代表, 主办单位 and 协办单位. */
export interface RowParties {
  leadDeputy: string;
  coSigners: string;
  leadUnit: string;
  coUnits: string;
}

/**
 * Whether a name a form sent is the one the ledger holds, as the directory compares names
 * (nameKey: spaces, zero-width characters and full-width parentheses aside); a name given alone
 * is also the namesake the ledger tells apart by its parentheses (王伟 for 王伟(北关)).
 */
export function sameName(sent: string, listed: string): boolean {
  const a = nameKey(sent.trim());
  const b = nameKey(listed.trim());
  if (a === "" || b === "") return false;
  if (a === b) return true;
  const paren = b.indexOf("(");
  return !a.includes("(") && paren > 0 && b.slice(0, paren) === a;
}

/**
 * Whether two names are one unit: the same name (sameName), or names the directory finds as one
 * unit, its 单位名称 and a 原名称 (a unit renamed or merged in 机构改革) or two of its former names.
 * A short form (水务局 for 区水务局) is not one: the directory has no such rule.
 */
function sameUnit(sent: string, listed: string, units: UnitLookup | undefined): boolean {
  if (sameName(sent, listed)) return true;
  const unit = units?.find(sent.trim());
  return unit !== undefined && unit === units?.find(listed.trim());
}

/**
 * Why a form's rating or reply may not be written to the row its 编号 names, or null: it names its
 * sender (the rater's 姓名, the reply's 答复单位) and the row holds another. A rating is the 领衔代表's
 * (测评提醒 goes to them alone), a reply the 主办单位's (协办单位 send 协办意见); a 附议代表 or a
 * 协办单位 is told so. A row without the name, or a form that names no sender, is not checked. Kept
 * with the submission, as a reply to a rated round is, for staff to correct the 编号 or the row, or
 * to void it. With `units` (承办单位), a reply's unit is the same under its former name (原名称): a
 * unit replying under its old name, or a row still holding the old name, is not held.
 */
export function senderMismatch(
  form: "reply" | "rating",
  sent: string,
  id: string,
  row: RowParties,
  units?: UnitLookup,
): string | null {
  const lead = form === "rating" ? row.leadDeputy.trim() : row.leadUnit.trim();
  const same = form === "rating" ? sameName : (a: string, b: string) => sameUnit(a, b, units);
  if (!sent.trim() || !lead || same(sent, lead)) return null;
  const co = listItems(form === "rating" ? row.coSigners : row.coUnits).some((n) => same(sent, n));
  if (form === "rating")
    return (
      `测评人“${sent}”不是 ${id} 的领衔代表（${lead}）${co ? "，是附议代表" : ""}：请核对编号；` +
      `${co ? "测评应由领衔代表提交；" : ""}如确是这件建议的测评，请在台账中核对领衔代表，或作废这条提交`
    );
  return (
    `答复单位“${sent}”不是 ${id} 的主办单位（${lead}）${co ? "，是协办单位" : ""}：请核对编号；` +
    `${co ? "协办单位的意见请通过协办意见提交；" : ""}如确是这件建议的答复，请在台账中核对主办单位，或作废这条提交`
  );
}
