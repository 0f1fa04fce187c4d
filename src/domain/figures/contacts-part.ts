import { contactsTab } from "../../../sheets-schema/tabs/practice-tabs";
import type { ContactGroup } from "../dashboard/report-practice";
import { isCountingContact } from "../practice/counting-request";
import { readTab } from "../read-tab";
import type { EvaluatedRow } from "../summary/evaluated";

/*
 * The year reports' 三沟通 counted part by part: a sync chunk reads the 沟通记录 rows of its own
 * suggestions anyway (D1 picks them by 编号), so it counts them for its share, and the finish adds
 * the shares up. A page that works a report out from the stored rows counts them the same way.
 */

/** A 沟通记录 row whose own cells read without an 错误: what counting it needs. */
export interface ContactEntry {
  readonly date: string;
  readonly unit: string;
  readonly stage: string;
  readonly method: string;
  readonly joined: boolean;
}

/** A suggestion's readable 沟通记录 rows, by the 编号 they are about. */
export type ContactsById = ReadonlyMap<string, readonly ContactEntry[]>;

/** The ledger row a suggestion's contacts are judged against (its units and 交办日期). */
export type ContactHolder = Pick<EvaluatedRow, "id" | "record">;

/**
 * The 沟通记录 rows given (the header at index 0, a sparse matrix as the tab cache picks rows), read
 * as the sync reads the tab (readTab), by 编号; null when the tab is not kept (not cached). A row with
 * an 错误 in its own cells (a blank required cell, a 阶段 or 日期 that cannot be read, …) is left
 * out, as is every row of a tab whose header cannot be matched (its 错误 is in 校验问题).
 */
export function contactsById(
  tab: readonly (readonly unknown[] | undefined)[] | undefined,
): ContactsById | null {
  if (!tab) return null;
  const byId = new Map<string, ContactEntry[]>();
  const read = readTab(contactsTab, tab);
  for (const row of read.rows) {
    const r = row.record;
    if (row.blank || !r.id || r.date === null || row.problems.list.some((p) => p.level === "错误")) continue;
    const entry = {
      date: r.date,
      unit: r.unit,
      stage: r.stage ?? "",
      method: r.method ?? "",
      joined: r.deputyJoined === true,
    };
    const list = byId.get(r.id);
    if (list) list.push(entry);
    else byId.set(r.id, [entry]);
  }
  return byId;
}

/** Groups of 沟通记录 added up: the same group's counts summed, in a fixed order (by group). */
export class ContactTally {
  private readonly byKey = new Map<string, ContactGroup>();

  add(groups: readonly ContactGroup[]): void {
    for (const g of groups) {
      const key = `${g.stage}\u0000${g.method}\u0000${g.joined}`;
      const before = this.byKey.get(key);
      this.byKey.set(key, { ...g, count: (before?.count ?? 0) + g.count });
    }
  }

  /** The contacts of `holder` that count (isCountingContact) as of `today`. */
  addCounting(holder: ContactHolder, contacts: ContactsById, today: string): void {
    if (!holder.id) return;
    for (const c of contacts.get(holder.id) ?? [])
      if (isCountingContact(holder.record, c, today))
        this.add([{ stage: c.stage, method: c.method, joined: c.joined ? "是" : "否", count: 1 }]);
  }

  groups(): ContactGroup[] {
    return [...this.byKey].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, g]) => g);
  }
}

/**
 * The ledger rows whose contacts a report counts: of a 编号 on several rows (a duplicate to fix),
 * the first in sheet order only, so its contacts count once, judged against that row.
 */
export function contactHolders<R extends ContactHolder>(rows: readonly R[]): R[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    if (!r.id || seen.has(r.id)) return false;
    seen.add(r.id);
    return true;
  });
}

/**
 * The 沟通记录 of these suggestions that count (isCountingContact: no 错误, each once), by group;
 * `holders` as contactHolders gives them.
 */
export function contactsOf(
  holders: readonly ContactHolder[],
  contacts: ContactsById,
  today: string,
): ContactGroup[] {
  const tally = new ContactTally();
  for (const holder of holders) tally.addCounting(holder, contacts, today);
  return tally.groups();
}
