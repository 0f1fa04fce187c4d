import { listItems } from "../../../sheets-schema/cells/list-cells";
import { nameKey } from "../directory";

/**
 * The 承办单位 directory, as far as the check asks it: the unit a name or a former name (原名称)
 * stands for (Directory.find), and its entries, the objects find returns, whose names and 原名称
 * tell which units a short form (水务局) could be.
 */
export interface UnitLookup {
  find(name: string): object | undefined;
  readonly entries: readonly UnitNames[];
}

/** A 承办单位 entry as the short-form check reads it. */
interface UnitNames {
  readonly name: string;
  readonly record: { readonly formerNames?: readonly string[] };
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

/** Place and level words a unit's name starts with (县, 汤阴县, 安阳市汤阴县, 城关镇, 北关街道). */
const LEVELS = ["省", "市", "州", "盟", "县", "区", "旗", "镇", "乡", "街道"];

/**
 * The short forms of a name (its nameKey): the name with a leading place or level part dropped,
 * cut right after a level word (县水务局 → 水务局; 安阳市汤阴县水务局 → 汤阴县水务局, 水务局) or
 * right before one (汤阴县水务局 → 县水务局), keeping at least two characters. The rule cannot tell
 * a place from a word ending in 市 or 乡 (区城市管理局 also gives 管理局, 县住房和城乡建设局 gives 建设局):
 * a short form counts only when one unit alone has it (unitOf), so such a cut misleads nobody
 * unless a form sends that very word.
 */
function shortForms(key: string): string[] {
  const forms = new Set<string>();
  for (let i = 1; i <= key.length - 2; i++) {
    const head = key.slice(0, i);
    const rest = key.slice(i);
    if (LEVELS.some((l) => head.endsWith(l) || rest.startsWith(l))) forms.add(rest);
  }
  return [...forms];
}

/** Each short form → the units (names and 原名称) that have it, built once per directory read. */
const shortIndexes = new WeakMap<readonly UnitNames[], Map<string, UnitNames[]>>();

function shortIndex(units: UnitLookup): Map<string, UnitNames[]> {
  const kept = shortIndexes.get(units.entries);
  if (kept) return kept;
  const index = new Map<string, UnitNames[]>();
  for (const entry of units.entries) {
    for (const name of [entry.name, ...(entry.record.formerNames ?? [])]) {
      for (const form of shortForms(nameKey(name.trim()))) {
        const list = index.get(form);
        if (!list) index.set(form, [entry]);
        else if (!list.includes(entry)) list.push(entry);
      }
    }
  }
  shortIndexes.set(units.entries, index);
  return index;
}

/**
 * The units a name not in 承办单位 could be as a short form (教育局: 县教育局 and 市教育局); none
 * for a name the directory holds (a unit's 单位名称 or 原名称), which is that unit alone.
 */
function shortFormOf(name: string, units: UnitLookup): readonly UnitNames[] {
  if (units.find(name)) return [];
  return shortIndex(units).get(nameKey(name)) ?? [];
}

/**
 * The unit a longer name stands for whose own short form is a unit's name that starts with a level
 * word (汤阴县水务局 for 县水务局: the unit writing its county's name, as on its letterhead). A short
 * form without one (市水务局 → 水务局) is not taken: 市 names another government's unit.
 */
function unitWithPlace(name: string, units: UnitLookup): object | undefined {
  const found = new Set<object>();
  for (const form of shortForms(nameKey(name))) {
    const unit = LEVELS.some((level) => form.startsWith(level)) ? units.find(form) : undefined;
    if (unit) found.add(unit);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * The unit a name stands for: by name or 原名称 (find), else the one unit it is a short form of,
 * else the one unit it is with its place written before (unitWithPlace).
 */
function unitOf(name: string, units: UnitLookup): object | undefined {
  const found = units.find(name);
  if (found) return found;
  const could = shortFormOf(name, units);
  if (could.length > 0) return could.length === 1 ? could[0] : undefined;
  return unitWithPlace(name, units);
}

/**
 * Whether two names are one unit: the same name (sameName), or names the directory finds as one
 * unit, its 单位名称 and a 原名称 (a unit renamed or merged in 机构改革) or two of its former names,
 * or a short form (shortForms: 水务局 for 县水务局, either side) that no other unit in 承办单位,
 * by its name or a 原名称, also has. 教育局 where 承办单位 lists 县教育局 and 市教育局 is neither.
 */
function sameUnit(sent: string, listed: string, units: UnitLookup | undefined): boolean {
  if (sameName(sent, listed)) return true;
  if (!units) return false;
  const unit = unitOf(sent.trim(), units);
  return unit !== undefined && unit === unitOf(listed.trim(), units);
}

/** The units a short form could be, for a message: 县教育局、市教育局 (the first five, then 等 N 个). */
function unitList(could: readonly UnitNames[]): string {
  const names = could.map((u) => u.name);
  return names.length > 5 ? `${names.slice(0, 5).join("、")}等 ${names.length} 个单位` : names.join("、");
}

/**
 * Why a reply is held when one side is a short form several units have and the other side's unit
 * is among them (教育局 from 县教育局 or 市教育局): which units it could be, and what settles it.
 * Null when neither is, so the reply is held as from another unit.
 */
function unclearUnit(sent: string, lead: string, id: string, units: UnitLookup | undefined): string | null {
  if (!units) return null;
  const sentCould = shortFormOf(sent.trim(), units);
  const leadUnit = unitOf(lead, units);
  if (sentCould.length > 1 && sentCould.some((u) => u === leadUnit))
    return (
      `答复单位“${sent}”可指 ${unitList(sentCould)}，不能确定是 ${id} 的主办单位（${lead}）：请向答复的单位核实；` +
      "如确是主办单位的答复，请在台账中填写这份答复后作废这条提交，并请该单位在表单中填写单位全称"
    );
  const leadCould = shortFormOf(lead, units);
  const sentUnit = unitOf(sent.trim(), units);
  if (leadCould.length > 1 && leadCould.some((u) => u === sentUnit))
    return (
      `${id} 的主办单位“${lead}”可指 ${unitList(leadCould)}，不能确定答复单位“${sent}”就是主办单位：` +
      "请在台账中把主办单位写为单位全称（与承办单位表一致），下次同步时这份答复即写入；如不是这件建议的答复，请作废这条提交"
    );
  return null;
}

/**
 * Why a form's rating or reply may not be written to the row its 编号 names, or null: it names its
 * sender (the rater's 姓名, the reply's 答复单位) and the row holds another. A rating is the 领衔代表's
 * (测评提醒 goes to them alone), a reply the 主办单位's (协办单位 send 协办意见); a 附议代表 or a
 * 协办单位 is told so. A row without the name, or a form that names no sender, is not checked. Kept
 * with the submission, as a reply to a rated round is, for staff to correct the 编号 or the row, or
 * to void it. With `units` (承办单位), a reply's unit is the same under its former name (原名称): a
 * unit replying under its old name, or a row still holding the old name, is not held; nor is one
 * written short (水务局 for 县水务局, or the row short) when no other unit has that short form. A
 * short form several units have is held with the units it could be (unclearUnit).
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
  const unclear = form === "reply" ? unclearUnit(sent, lead, id, units) : null;
  if (unclear) return unclear;
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
