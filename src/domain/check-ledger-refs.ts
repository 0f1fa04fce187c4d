import type { DeputyRecord, LeaderRecord, LedgerRecord, UnitRecord } from "../../sheets-schema/tabs";
import { awaitsReply, checkLeaders, checkMergedLeaders, type MergedLeaders } from "./check-ledger-leaders";
import { type Directory, nameKey, namesakeAdvice } from "./directory";
import { isFormerDeputy } from "./former-deputy";
import { type IdFormat, imeCharsOf } from "./numbering";
import type { ParsedRow } from "./read-tab";
import { type ReadPart, spacedDeputiesProblem, spacedListProblem, spacedNames } from "./spaced-names";
import { isUnitName } from "./statistics-units";

/** Asked by the notices too (recipient-problems.ts), from where it always was. */
export { type LeaderBooks, unknownLeader } from "./check-ledger-leaders";

/**
 * The ledger's 编号 as a row check asks for them: a Map built from the rows read, or a view over
 * a split sync's index of the whole ledger (nothing copied per part).
 */
export interface IdLookup<T> {
  get(id: string): T | undefined;
  keys(): Iterable<string>;
}

/** The sheet rows typing each 编号: the first of them alone, and the whole list only when it is asked for. */
export interface IdRows extends IdLookup<readonly number[]> {
  /** The first row typing `id` (the one that reports its practice rows), without making a list. */
  first(id: string): number | undefined;
  /** How many rows type `id` (more than one: a duplicate). */
  count(id: string): number;
  /**
   * The rows of every 编号 that reads as `id` does though typed apart (2026－240 and 2026-240,
   * idReading), `id`'s own included; undefined when no other does (nearly always).
   */
  alike(id: string): readonly number[] | undefined;
}

/** Lookups built once per sync, shared by every row check. */
export interface LedgerRefs {
  readonly deputies: Directory<DeputyRecord>;
  readonly units: Directory<UnitRecord>;
  /** 领导 (empty on a sheet without the tab). */
  readonly leaders?: Directory<LeaderRecord>;
  /** 设置 类别. */
  readonly categories: readonly string[];
  readonly categorySet: ReadonlySet<string>;
  /** Every 编号 typed in the ledger → the rows holding it. */
  readonly idRows: IdRows;
  /** 编号 → its record (first row), for 并入编号 (of a 编号 on one row only: idRows.count). */
  readonly byId: IdLookup<Pick<LedgerRecord, "review">>;
  /**
   * 编号 → the suggestions merged (并案) into it that were key or had leaders (mergedLeadersOf), in
   * sheet order; undefined for nearly every 编号. Absent: not indexed (no such 提醒).
   */
  readonly mergedIn?: (id: string) => readonly MergedLeaders[] | undefined;
}

type Row = ParsedRow<LedgerRecord>;

/** Names an unknown-names problem quotes; the rest of them are counted (as mergeProblems does). */
const NAMES_QUOTED = 3;

/** “甲”“乙”“丙”等: the first NAMES_QUOTED of `names`, 等 when there are more. */
function quoteSome(names: readonly string[]): string {
  const quoted = names
    .slice(0, NAMES_QUOTED)
    .map((name) => `“${name}”`)
    .join("");
  return names.length > NAMES_QUOTED ? `${quoted}等` : quoted;
}

/** What deputyFound found: in 代表 (`former`: marked 上届 there), reported here, or not there at all. */
type DeputyFound = "listed" | "former" | "reported" | "missing";

/**
 * Whether `name` is in 代表 (or 代表 cannot be read), and whether 代表's 备注 marks a deputy of a
 * former term (isFormerDeputy), from the same lookup; deputies typed with spaces (周芳 谢强), asked
 * first as a namesake's advice would drop all but one, and a namesake are reported here, as they ask
 * for their own answer. "missing": not there at all, for the caller to report.
 */
function deputyFound(row: Row, column: "领衔代表" | "附议代表", name: string, refs: LedgerRefs): DeputyFound {
  if (!refs.deputies.available) return "listed";
  const entry = refs.deputies.find(name);
  if (entry) return isFormerDeputy(entry.record.notes) ? "former" : "listed";
  const spaced = spacedDeputiesProblem(column, name, refs.deputies);
  if (spaced) {
    row.problems.error(column, spaced);
    return "reported";
  }
  const namesakes = refs.deputies.namesakes(name);
  if (namesakes.length === 0) return "missing";
  row.problems.error(column, `${column}“${name}”在『代表』表中${namesakeAdvice(namesakes)}`);
  return "reported";
}

/**
 * Whether a row is a new suggestion, one a deputy of the former term (代表's 备注 上届) is unlikely
 * to have made: not yet 交办 (交办日期 blank and readable) and not closed without it (审查结果 blank,
 * 立案 or 退回修改; not 不予立案, 并案 or 撤回). A 上届 deputy's suggestions made in office were
 * reviewed and assigned long before 换届, and one closed unassigned keeps its names as written: on
 * neither does a 提醒 stand that nobody should act on. From 交办 on the unit's notices stand under
 * the names, and the 提醒 ends, as the 编号's year's does (checkIdYear).
 */
function isNewSuggestion(row: Row): boolean {
  const { review, assignedOn } = row.record;
  if (assignedOn || row.failed.has("assignedOn")) return false;
  return review !== "不予立案" && review !== "并案" && review !== "撤回";
}

/**
 * 换届: a new suggestion naming a deputy kept in 代表 as one of the former term (备注 上届) is a 提醒,
 * never an 错误 (staff may know better: a suggestion made in office, typed late): typed from an old
 * form, or a namesake of the new term, it would go to the wrong person's record, and the 受理回执 and
 * 答复告知 to someone no longer a deputy. The deputies of one 附议代表 cell are one 提醒.
 */
function reportFormerDeputies(row: Row, column: "领衔代表" | "附议代表", names: readonly string[]): void {
  if (names.length === 0) return;
  const act = column === "领衔代表" ? "提出" : "附议";
  const advice = `如是本届代表${act}，请核对姓名；如确是其在任期间${act}的建议，可忽略本提醒`;
  row.problems.warn(
    column,
    names.length === 1
      ? `${column}“${names[0]}”在『代表』表中备注为上届代表：${advice}`
      : `${column}中有 ${names.length} 位代表在『代表』表中备注为上届代表：${quoteSome(names)}，${advice}`,
  );
}

const DEPUTY_ADVICE = "请核对姓名，或先在『代表』表中添加";

/**
 * What a deputy not in 代表 may be after 换届: one of the former term, deleted with it. The office
 * keeps former deputies in 代表 (备注 上届): their suggestions are still answered (答复告知) and
 * rated (测评提醒), and /deputies marks them 上届. Never a namesake of the new term (namesakes).
 */
const FORMER_DEPUTY_ADVICE = "（如是上届代表，请留在或加回『代表』表，备注写“上届”）";

/** The deputies of one cell not in 代表: one 错误 for the cell, however many (see reportUnknownUnits). */
function reportUnknownDeputies(row: Row, column: string, names: readonly string[]): void {
  if (names.length === 0) return;
  if (names.length === 1) {
    row.problems.error(
      column,
      `${column}“${names[0]}”不在『代表』表中：${DEPUTY_ADVICE}该代表${FORMER_DEPUTY_ADVICE}`,
    );
    return;
  }
  row.problems.error(
    column,
    `${column}中有 ${names.length} 位代表不在『代表』表中：${quoteSome(names)}，${DEPUTY_ADVICE}这些代表${FORMER_DEPUTY_ADVICE}`,
  );
}

const UNIT_ADVICE = "请核对名称（须与单位名称一致），或先在『承办单位』表中添加";

/** The figures ask the same (a name that is no unit is one row of them, never a unit's). */
const unitKnown = (name: string, refs: LedgerRefs): boolean => isUnitName(refs.units, name);

/** A part of units typed with spaces: known, or the one unit it may mean (asked, as 主办单位's is). */
const unitPart =
  (refs: LedgerRefs): ReadPart =>
  (part) => {
    if (unitKnown(part, refs)) return { write: part, note: "" };
    const meant = unitMeant(nameKey(part), refs);
    return meant ? { write: meant, note: `“${part}”是否为“${meant}”？` } : null;
  };

/**
 * Whether a name before `names[i]` has the same key. A handful of names per row: comparing keys
 * again costs less than a list of keys (or a Set) made for every row of the sync.
 */
function repeatsEarlier(names: readonly string[], i: number, key: string): boolean {
  for (let j = 0; j < i; j += 1) if (nameKey(names[j] as string) === key) return true;
  return false;
}

function checkPeople(row: Row, refs: LedgerRefs): void {
  const { leadDeputy, coSigners } = row.record;
  if (leadDeputy) {
    const found = deputyFound(row, "领衔代表", leadDeputy, refs);
    if (found === "missing") reportUnknownDeputies(row, "领衔代表", [leadDeputy]);
    else if (found === "former" && isNewSuggestion(row)) reportFormerDeputies(row, "领衔代表", [leadDeputy]);
  }
  if (coSigners.length === 0) return;
  const leadKey = leadDeputy ? nameKey(leadDeputy) : null;
  let unknown: string[] | null = null;
  let former: string[] | null = null;
  for (let i = 0; i < coSigners.length; i += 1) {
    const name = coSigners[i] as string;
    const key = nameKey(name);
    if (key === leadKey) {
      row.problems.error("附议代表", `附议代表中有领衔代表“${name}”本人：请从附议代表中删去`);
      continue;
    }
    if (repeatsEarlier(coSigners, i, key)) {
      row.problems.warn("附议代表", `附议代表“${name}”写了不止一次：请删去重复的`);
      continue;
    }
    const found = deputyFound(row, "附议代表", name, refs);
    if (found === "former") {
      if (former === null) former = [name];
      else former.push(name);
    } else if (found === "missing") {
      if (unknown === null) unknown = [name];
      else unknown.push(name);
    }
  }
  if (unknown !== null) reportUnknownDeputies(row, "附议代表", unknown);
  if (former !== null && isNewSuggestion(row)) reportFormerDeputies(row, "附议代表", former);
}

/**
 * The unknown names of one list cell are one 错误 (a cell of thousands of names was as many
 * problems); a single one is named as a single cell's name is.
 */
function reportUnknownUnits(row: Row, column: string, names: readonly string[]): void {
  if (names.length === 0) return;
  if (names.length === 1) {
    row.problems.error(column, `${column}“${names[0]}”不在『承办单位』表中：${UNIT_ADVICE}该单位`);
    return;
  }
  row.problems.error(
    column,
    `${column}中有 ${names.length} 个单位不在『承办单位』表中：${quoteSome(names)}，${UNIT_ADVICE}这些单位`,
  );
}

/** What staff put between two units in one cell: 协办单位's separators, and / (区教育局/区民政局). */
const UNIT_SEPARATORS = /[、，,;；/／\r\n]/;

/** A unit's name has a letter or a character (a date typed in the wrong column, 2026/03/02, has none). */
const NAME_LIKE = /\p{L}/u;

/** How many units a 主办单位 cell lists when split as 协办单位 is (and at /). */
function unitCount(name: string): number {
  let count = 0;
  for (const part of name.split(UNIT_SEPARATORS)) if (NAME_LIKE.test(part)) count += 1;
  return count;
}

/** Of names ending with `key`, else containing it: the one unit a short name (教育局) may mean. */
function unitMeant(key: string, refs: LedgerRefs): string | null {
  // A single character (局) is in too many names to point at one.
  if (Array.from(key).length < 2) return null;
  const ending: string[] = [];
  const containing: string[] = [];
  for (const { name } of refs.units.entries) {
    const unitKey = nameKey(name);
    if (unitKey.endsWith(key)) ending.push(name);
    else if (unitKey.includes(key)) containing.push(name);
  }
  if (ending.length > 0) return ending.length === 1 ? (ending[0] as string) : null;
  return containing.length === 1 ? (containing[0] as string) : null;
}

/**
 * A 主办单位 not in 承办单位. Two units in the cell (区教育局、区民政局) are no unit to add: staff are
 * asked to keep the leading one. A name a single unit ends with or contains (教育局 for 区教育局) is
 * asked about, never matched silently: the notices would go to that unit.
 */
function reportUnknownLeadUnit(row: Row, name: string, refs: LedgerRefs): void {
  const count = unitCount(name) > 1 ? unitCount(name) : (spacedNames(name, unitPart(refs))?.length ?? 1);
  if (count > 1) {
    row.problems.error(
      "主办单位",
      `主办单位只能填一个单位：“${name}”像是${count === 2 ? "两" : "多"}个单位；请只留主办的一个，其余填到“协办单位”`,
    );
    return;
  }
  const meant = unitMeant(nameKey(name), refs);
  const question = meant ? `是否为“${meant}”？` : "";
  row.problems.error("主办单位", `主办单位“${name}”不在『承办单位』表中：${question}${UNIT_ADVICE}该单位`);
}

/**
 * A suggestion still being handled (not closed as 不予立案, 并案 or 撤回, and awaiting a reply): only
 * such a row is asked to write a renamed unit's current name. A closed row keeps its history as written.
 */
function stillOpen(record: LedgerRecord): boolean {
  const { review } = record;
  return review !== "不予立案" && review !== "并案" && review !== "撤回" && awaitsReply(record);
}

/** `主办单位“区城管局”是“区城市管理局”的原名称…`: the 提醒 of an open row naming a former name. */
function formerNameAdvice(column: "主办单位" | "协办单位", formers: readonly [string, string][]): string {
  const named = formers.map(([former, current]) => `“${former}”是“${current}”的原名称`).join("，");
  const now = formers.map(([, current]) => `“${current}”`).join("、");
  return `${column}${named}（见『承办单位』表的原名称）：本件已计入${now}，通知也发给它；请把${column}改为${now}`;
}

/**
 * 机构改革: the units a row names by a former name (承办单位's 原名称) are its current units from here
 * on, for the figures, the pages, the practice checks and the notices (the record is the sync's parsed
 * copy; the sheet and the history keep the name as typed). An open row gets a 提醒 to write the current
 * name; a closed one none. A co-unit that is the lead unit under a former name is dropped (a merger).
 */
function resolveFormerUnits(row: Row, refs: LedgerRefs): void {
  const { record } = row;
  const open = stillOpen(record);
  const lead = record.leadUnit ? refs.units.renamed(record.leadUnit) : undefined;
  if (lead) {
    if (open) row.problems.warn("主办单位", formerNameAdvice("主办单位", [[record.leadUnit, lead.name]]));
    record.leadUnit = lead.name;
  }
  let formers: [string, string][] | null = null;
  for (const name of record.coUnits) {
    const current = refs.units.renamed(name);
    if (!current) continue;
    if (formers === null) formers = [];
    formers.push([name, current.name]);
  }
  if (formers === null) return;
  if (open) row.problems.warn("协办单位", formerNameAdvice("协办单位", formers));
  const leadKey = nameKey(record.leadUnit);
  const seen = new Set<string>();
  record.coUnits = record.coUnits.flatMap((name) => {
    const current = refs.units.renamed(name)?.name ?? name;
    const key = nameKey(current);
    if (key === leadKey || seen.has(key)) return [];
    seen.add(key);
    return [current];
  });
}

function checkUnits(row: Row, refs: LedgerRefs): void {
  const { leadUnit, coUnits } = row.record;
  if (leadUnit && !unitKnown(leadUnit, refs)) reportUnknownLeadUnit(row, leadUnit, refs);
  if (coUnits.length > 0) checkCoUnits(row, refs);
  resolveFormerUnits(row, refs);
}

function checkCoUnits(row: Row, refs: LedgerRefs): void {
  const { leadUnit, coUnits } = row.record;
  const leadKey = leadUnit ? nameKey(leadUnit) : null;
  let unknown: string[] | null = null;
  for (const name of coUnits) {
    if (nameKey(name) === leadKey) {
      row.problems.warn("协办单位", `协办单位中有主办单位“${name}”本身：请从协办单位中删去`);
      continue;
    }
    if (unitKnown(name, refs)) continue;
    const spaced = spacedNames(name, unitPart(refs));
    if (spaced) {
      row.problems.error("协办单位", spacedListProblem("协办单位", name, spaced));
      continue;
    }
    if (unknown === null) unknown = [name];
    else unknown.push(name);
  }
  if (unknown !== null) reportUnknownUnits(row, "协办单位", unknown);
}

function checkCategory(row: Row, refs: LedgerRefs): void {
  const { category, review } = row.record;
  // The list of choices is only joined for a message (joining it on every row was measurable).
  if (category && !refs.categorySet.has(category)) {
    row.problems.error(
      "类别",
      `类别“${category}”不在『设置』的类别中：请从 ${refs.categories.join("、")} 中选择，或先在『设置』的类别中添加`,
    );
  } else if (!category && review === "立案" && !row.failed.has("category")) {
    row.problems.error("类别", `审查结果为立案，类别必填：请从 ${refs.categories.join("、")} 中选择`);
  }
}

/**
 * A 编号 typed with a Chinese IME (2026－240, ２０２６-240, 2026—240): an 错误, though the sync reads
 * it as 2026-240 wherever it numbers or compares. Notices name it as typed, and a unit's reply or
 * rating form naming 2026-240 (as the form reads any 编号) finds no row holding it. An 错误 on 编号
 * costs the row nothing else: it stays in the figures (编号 is no counted column) and in notices.
 */
function checkIdWidth(row: Row, ownId: string, format: IdFormat): void {
  const typed = imeCharsOf(format, ownId);
  if (!typed) return;
  const chars = typed.chars.map((ch) => `“${ch}”`).join("");
  row.problems.error(
    "编号",
    `编号“${ownId}”中有全角字符${chars}：请改为半角“${typed.ascii}”（编号须与系统发出的通知一致）`,
  );
}

/**
 * A 编号 whose 年 is not its 提出日期's year (2027-010 typed for a suggestion of 2026-12-20, or a
 * 提出日期 corrected after numbering): kept, as any unique 编号 staff typed, but the year report
 * counts the suggestion under its 提出日期's year, so the 2026 report would list a 2027-010 without
 * a word. Only for a 编号 in 设置 编号格式 with a {年} (one regex of the format per row, as the
 * numbering reads it), and only until 交办: after it the unit's notices and records stand under the
 * 编号, which then stays, and a 提醒 nobody may act on would stand for good. Changing a 编号 the
 * sync has recorded leaves the old one “已从本表消失” (plan-history.ts, renumbered.ts): the advice
 * says so.
 */
function checkIdYear(row: Row, ownId: string, format: IdFormat): void {
  const { submittedOn, assignedOn } = row.record;
  if (!format.hasYear || !submittedOn || assignedOn) return;
  const year = format.parse(ownId)?.year;
  const submittedYear = Number(submittedOn.slice(0, 4));
  if (year == null || year === submittedYear) return;
  row.problems.warn(
    "编号",
    `编号“${ownId}”是 ${year} 年的编号，提出日期 ${submittedOn} 却在 ${submittedYear} 年：年度报告按提出日期计入 ${submittedYear} 年。` +
      "如提出日期有误，请改正提出日期；如编号的年份有误，请在交办前改正或清空编号（清空后系统会重新编号），" +
      "原编号随后会列为“已从本表消失”，在看板“校验问题”页对它点“确认已删除”即可。交办后编号不宜再改，本提醒也不再出现",
  );
}

function checkIds(row: Row, ownId: string, refs: LedgerRefs, format: IdFormat): void {
  const { review, mergedInto } = row.record;
  if (ownId) {
    checkIdWidth(row, ownId, format);
    checkIdYear(row, ownId, format);
  }
  // Typed apart but read alike (2026－240 and 2026-240) is a duplicate too: notices, pages and
  // forms would name two suggestions by what reads as one number.
  const rows = ownId
    ? (refs.idRows.alike(ownId) ?? (refs.idRows.count(ownId) > 1 ? refs.idRows.get(ownId) : undefined))
    : undefined;
  if (rows) {
    const others = rows.filter((n) => n !== row.rowNumber).join("、");
    row.problems.error(
      "编号",
      // Clearing the wrong row's 编号 renumbers an old suggestion and parts it from its records
      // (沟通记录, 协办意见, history): so the advice asks which row the 编号 belongs to first. Notice
      // planning skips a duplicated 编号 (plan.ts noticeRows): the original's reminders stop too.
      `编号“${ownId}”与第 ${others} 行重复：编号必须唯一。改正前各行都计入统计，但都不发任何通知（交办通知、提醒、逾期催办），请尽快改正：先核对哪一行原本是 ${ownId}，另一行如是已登记的建议，请改回它原来的编号；如是新增的建议，清空它的编号，系统会重新编号。改正前这些行系统不留存，误删后无法在网页上“恢复”`,
    );
  }
  if (row.failed.has("mergedInto")) return;
  if (review === "并案" && !mergedInto) {
    row.problems.error("并入编号", "审查结果为并案，并入编号必填：请填写所并入建议的编号");
  } else if (mergedInto && review !== "并案") {
    row.problems.warn("并入编号", "审查结果不是并案，并入编号不起作用：请清空并入编号，或把审查结果改为并案");
  }
  if (!mergedInto) return;
  if (mergedInto === ownId) {
    row.problems.error("并入编号", "并入编号不能是本条建议自己的编号：请填写所并入的另一条建议的编号");
    return;
  }
  const target = refs.byId.get(mergedInto);
  if (!target) {
    row.problems.error("并入编号", `并入编号“${mergedInto}”在台账中找不到：请核对编号`);
  } else if (refs.idRows.count(mergedInto) > 1) {
    // Which row is meant is the duplicate's own 错误 to settle: judged by the first of them, a
    // sort of the ledger made and unmade the 提醒 below on a row nobody touched.
    row.problems.warn(
      "并入编号",
      `并入的编号 ${mergedInto} 在『建议台账』中重复（第 ${refs.idRows.get(mergedInto)?.join("、")} 行），暂未核对所并入的建议：请先改正台账中的重复编号，改正后再核对`,
    );
  } else if (target.review === "并案") {
    row.problems.warn("并入编号", `并入的建议“${mergedInto}”本身也已并案：请直接填写最终并入的编号`);
  }
}

const KEY_SUPERVISOR_ONLY =
  "填写了督办领导，但重点建议不是“是”：督办领导收不到本件的逾期催办；如为重点建议，请把 重点建议 改为 是";

/**
 * Reference rules of a 建议台账 row: deputies (and a new suggestion naming a 上届 one), units,
 * category, 编号 (typed with IME characters, of another year than 提出日期, or duplicate, also once
 * read alike) and 并入编号, plus
 * 督办领导 for key suggestions, and the 重点建议 and leaders of suggestions merged into this one.
 * Problems are added to the row.
 */
export function checkLedgerRefs(row: Row, ownId: string, refs: LedgerRefs, idFormat: IdFormat): void {
  checkPeople(row, refs);
  checkUnits(row, refs);
  checkCategory(row, refs);
  checkIds(row, ownId, refs, idFormat);
  checkLeaders(row, refs);
  if (row.record.isKey && !row.record.supervisor) {
    row.problems.warn("督办领导", "重点建议应有督办领导：请填写督办领导");
  } else if (
    row.record.supervisor &&
    !row.record.isKey &&
    !row.failed.has("isKey") &&
    awaitsReply(row.record)
  ) {
    // The 逾期催办 goes to the 督办领导 of key suggestions only (ledger.md), yet the leader's page
    // lists the row with its 催办 button: staff would think the leader is told. Asked only while a
    // reply is awaited: of a replied or closed row there is nothing left to press for.
    row.problems.warn("督办领导", KEY_SUPERVISOR_ONLY);
  }
  // A 编号 typed twice: which row the merged ones went into is the duplicate's 错误 to settle first.
  if (ownId && refs.mergedIn && refs.idRows.count(ownId) === 1) checkMergedLeaders(row, refs.mergedIn(ownId));
}
