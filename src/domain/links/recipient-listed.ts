import type { LinkKind } from "./capability";

/**
 * Whether a link's recipient is still in the tab that made it one (承办单位, 代表, 领导) as the last
 * sync read it. A deputy who has left office, or a unit taken off 承办单位, is taken out of its tab by
 * the office; the links it was sent then stop, read-only ones too: the name's pages show other
 * people's suggestions and its forms act in a name the office no longer keeps. After 换届 the office
 * keeps former deputies in 代表 (备注 上届) while their suggestions are answered, so a name missing
 * from the tab was removed on purpose. Pure: the directories come from the context the link page
 * already reads (no query of its own).
 */

/** What is looked up: a directory's readability, whether it lists anyone, and its find(). */
interface Listing {
  readonly available: boolean;
  readonly entries: readonly unknown[];
  find(name: string): unknown;
}

export interface RecipientBooks {
  readonly units: Listing;
  readonly deputies: Listing;
  /** 领导: an older sheet has none (or an empty one), and a leader is then not judged. */
  readonly leaders?: Listing;
}

/** The tab(s) a refused recipient is said to be missing from, as the page names them. */
export type UnlistedFrom = "『承办单位』表" | "『代表』表" | "『领导』表和『代表』表";

/**
 * A tab that can say the name is gone: read, and listing someone (a tab the sync could not read,
 * or one emptied by mistake, stops no link: every link would stop with it).
 */
function missing(listing: Listing | undefined, name: string): boolean {
  return Boolean(listing?.available && listing.entries.length > 0 && !listing.find(name));
}

/**
 * The tab the recipient is no longer in, or null while it is there (or no tab can say). Names match
 * as the tabs' own lookups match them (spaces, full-width brackets; a unit's 原名称 finds the unit it
 * became). A leader counts as listed in 领导 or as a 代表 (as 签发 finds one), and is judged only
 * once the office lists leaders in 领导: before that a 督办领导 is written in the ledger alone.
 */
export function unlistedFrom(kind: LinkKind, recipient: string, books: RecipientBooks): UnlistedFrom | null {
  const name = recipient.trim();
  switch (kind) {
    case "unit":
      return missing(books.units, name) ? "『承办单位』表" : null;
    case "deputy":
      return missing(books.deputies, name) ? "『代表』表" : null;
    case "leader":
      return missing(books.leaders, name) && books.deputies.available && !books.deputies.find(name)
        ? "『领导』表和『代表』表"
        : null;
  }
}

/** What the refused link's page says (the page adds the office's number after 联系代表工委). */
export function unlistedMessage(holder: string, tab: UnlistedFrom): string {
  return `${holder}已不在${tab}中，此链接已停用；如有疑问请联系代表工委。`;
}

/** The 状态 the dashboard's /links shows for a link otherwise 有效 whose recipient is unlisted. */
export const UNLISTED_STATE = "已停用（对象已不在表中）";
