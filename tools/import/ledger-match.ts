/**
 * Which rows of an import plan the ledger holds already, by 编号 or (without 编号) by 标题 + 领衔代表 +
 * 提出日期, and which carry a 编号 the ledger gives to another suggestion: neither is imported.
 */
import type { ImportPlan } from "./plan";

export interface AlreadyThere {
  readonly sourceRow: number;
  readonly why: string;
  /**
   * Cells of the row the report listed as unreadable (“导入时按原样写入”): with the row left out,
   * none of them was written, and the report says so.
   */
  readonly unreadCells?: number;
}

export interface LedgerMatch {
  /** The rows already in the ledger: not imported again. */
  readonly alreadyThere: AlreadyThere[];
  /** The rows whose 编号 the ledger gives to another suggestion: not imported, a person decides. */
  readonly conflicts: AlreadyThere[];
}

/**
 * 标题 + 领衔代表 + 提出日期: how a row without 编号 is found in the ledger. A row with a 领衔代表 but
 * no 标题 (a file without the 标题 column) has a key too, or every run would append it again; a row
 * with neither has none (the plan does not import such rows).
 */
function keyOf(values: ReadonlyMap<string, unknown>): string | null {
  const parts = ["标题", "领衔代表", "提出日期"].map((h) => String(values.get(h) ?? "").trim());
  return parts[0] || parts[1] ? parts.join("|") : null;
}

function rowMap(header: readonly string[], row: readonly unknown[]): Map<string, unknown> {
  return new Map(header.map((h, i) => [h, row[i] ?? ""]));
}

/** 标题 and 领衔代表 of a row: what tells one suggestion from another under the same 编号. */
interface Identity {
  readonly title: string;
  readonly lead: string;
}

/** Compared without spaces: a title re-typed with another space is the same suggestion. */
const squeezed = (value: unknown) => String(value ?? "").replace(/\s+/g, "");

function identityOf(values: ReadonlyMap<string, unknown>): Identity {
  return { title: squeezed(values.get("标题")), lead: squeezed(values.get("领衔代表")) };
}

/** A field blank on either side tells nothing (a file without 领衔代表), so only filled ones differ. */
const differs = (a: string, b: string) => a !== "" && b !== "" && a !== b;
const sameSuggestion = (a: Identity, b: Identity) => !differs(a.title, b.title) && !differs(a.lead, b.lead);

const shortTitle = (title: string) => (title.length > 30 ? `${title.slice(0, 30)}…` : title);

function describeOther(values: ReadonlyMap<string, unknown>): string {
  const title = String(values.get("标题") ?? "").trim();
  const lead = String(values.get("领衔代表") ?? "").trim();
  return [title ? `《${shortTitle(title)}》` : "", lead ? `领衔代表 ${lead}` : ""].filter(Boolean).join("，");
}

/** What of `plan` is already in the ledger, and what collides with it (`rows` includes the header row). */
export function findAlreadyThere(plan: ImportPlan, rows: readonly (readonly unknown[])[]): LedgerMatch {
  const header = (rows[0] ?? []).map((h) => String(h ?? "").trim());
  const byId = new Map<string, Map<string, unknown>[]>();
  const keys = new Set<string>();
  for (const row of rows.slice(1)) {
    const values = rowMap(header, row);
    const id = String(values.get("编号") ?? "").trim();
    if (id) byId.set(id, [...(byId.get(id) ?? []), values]);
    const key = keyOf(values);
    if (key) keys.add(key);
  }
  const alreadyThere: AlreadyThere[] = [];
  const conflicts: AlreadyThere[] = [];
  for (const row of plan.rows) {
    const id = String(row.values.get("编号") ?? "").trim();
    const inLedger = id ? byId.get(id) : undefined;
    if (inLedger) {
      const own = identityOf(row.values);
      if (inLedger.some((values) => sameSuggestion(own, identityOf(values)))) {
        alreadyThere.push({ sourceRow: row.sourceRow, why: `编号 ${id} 已在建议台账中` });
      } else {
        const other = describeOther(inLedger[0] as Map<string, unknown>);
        conflicts.push({
          sourceRow: row.sourceRow,
          why: `编号 ${id} 在建议台账中已是另一条建议${other ? `（${other}）` : ""}，请核对后改用新编号或清空编号再导入`,
        });
      }
    } else if (!id && keys.has(keyOf(row.values) ?? "\u0000")) {
      alreadyThere.push({
        sourceRow: row.sourceRow,
        why: "建议台账中已有标题、领衔代表和提出日期都相同的一行",
      });
    }
  }
  return { alreadyThere, conflicts };
}

/** Rows left out, each with how many of its cells the plan's report listed as unreadable. */
export function withUnreadCells(plan: ImportPlan, left: readonly AlreadyThere[]): AlreadyThere[] {
  const unread = new Map<number, number>();
  for (const p of plan.problems) unread.set(p.row, (unread.get(p.row) ?? 0) + 1);
  return left.map((a) => {
    const unreadCells = unread.get(a.sourceRow) ?? 0;
    return unreadCells > 0 ? { ...a, unreadCells } : a;
  });
}
