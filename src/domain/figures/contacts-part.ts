import type { ContactGroup } from "../dashboard/report-practice";

/*
 * The year reports' 三沟通 counted part by part: a sync chunk reads the 沟通记录 rows of its own
 * suggestions anyway (D1 picks them by 编号), so it counts them for its share, and the finish adds
 * the shares up instead of having D1 go over the whole tab for every year's 编号.
 */

/** A suggestion's 沟通记录 rows by group (阶段, 方式, 代表参加), by the 编号 they are about. */
export type ContactsById = ReadonlyMap<string, readonly ContactGroup[]>;

/** A cell as D1's count read it: trimmed text, "" for a blank cell. */
const text = (cell: unknown) => (cell === null || cell === undefined ? "" : String(cell).trim());

const GROUP_HEADERS = ["阶段", "方式", "代表参加"] as const;

/**
 * The 沟通记录 rows given (the header at index 0, a sparse matrix as the tab cache picks rows), by
 * trimmed 编号 and group; null when the tab is not kept (not cached). A missing 编号 column matches
 * no suggestion; a missing group column reads as blank, as D1's count did.
 */
export function contactsById(
  tab: readonly (readonly unknown[] | undefined)[] | undefined,
): ContactsById | null {
  if (!tab) return null;
  const header = tab[0] ?? [];
  const columnOf = (name: string) => header.findIndex((cell) => text(cell) === name);
  const key = columnOf("编号");
  if (key < 0) return new Map();
  const columns = GROUP_HEADERS.map(columnOf);
  const byId = new Map<string, ContactTally>();
  tab.forEach((row, i) => {
    if (i === 0 || !row) return;
    const id = text(row[key]);
    if (!id) return;
    const [stage = "", method = "", joined = ""] = columns.map((c) => (c < 0 ? "" : text(row[c])));
    const tally = byId.get(id) ?? new ContactTally();
    byId.set(id, tally);
    tally.add([{ stage, method, joined, count: 1 }]);
  });
  return new Map([...byId].map(([id, tally]) => [id, tally.groups()]));
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

  groups(): ContactGroup[] {
    return [...this.byKey].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, g]) => g);
  }
}

/**
 * The 沟通记录 of these suggestions (their 编号, one per row: a 编号 on two rows counts its
 * records twice, as D1's count of the year's 编号 did), added up by group.
 */
export function contactsOf(ids: readonly string[], contacts: ContactsById): ContactGroup[] {
  const tally = new ContactTally();
  for (const id of ids) tally.add(contacts.get(id) ?? []);
  return tally.groups();
}
