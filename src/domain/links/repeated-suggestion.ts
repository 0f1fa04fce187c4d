import { nameKey } from "../directory";
import type { EvaluatedRow } from "../summary/evaluated";

/** A title as a repeat is told: spaces and the 《》 around it do not make another suggestion. */
function titleKey(title: string): string {
  return title.replace(/[\s《》「」"“”]/g, "");
}

/**
 * A new suggestion as a repeat is told (its 领衔代表 and 标题, as earlierWithTitle and the lookups
 * compare them), or null for a 标题 that leaves nothing to compare. The inbox keeps it unique among
 * the suggestions waiting for the ledger: two identical submissions at the same instant (a double
 * tap on 提交) both pass a read of what is in, and only the statement that stores one can refuse
 * the other.
 */
export function repeatKey(deputy: string, title: string): string | null {
  const key = titleKey(title);
  return key ? `${nameKey(deputy.trim())}|${key}` : null;
}

/** A suggestion of the deputy's already in, as the new-suggestion form names it. */
export interface EarlierSuggestion {
  /** Its 编号 (or the form's own id while it waits for the ledger). */
  readonly id: string;
  /** When it was submitted (ISO date), or "" when the ledger does not say. */
  readonly on: string;
}

/**
 * The deputy's own suggestion with the same 标题 (the ones the deputy leads in the ledger, and those
 * sent on the link that wait for it): a page reloaded after submitting sends a new form, which would
 * be a second 编号 and a second 受理回执. Null when there is none.
 */
/** A suggestion the deputy leads, as much of it as a repeat is told by. */
export interface LedSuggestion {
  readonly id: string | null;
  readonly record: Pick<EvaluatedRow["record"], "title"> & { readonly submittedOn?: string | null };
}

export function earlierWithTitle(
  title: string,
  led: readonly LedSuggestion[],
  waiting: readonly {
    readonly suggestionId: string;
    readonly cells: Record<string, unknown>;
    readonly receivedAt: string;
    readonly status: string;
  }[],
  localDay: (iso: string) => string,
): EarlierSuggestion | null {
  const key = titleKey(title);
  if (!key) return null;
  for (const row of led)
    if (row.id && titleKey(row.record.title ?? "") === key)
      return { id: row.id, on: row.record.submittedOn ?? "" };
  for (const e of waiting)
    if (e.status !== "discarded" && titleKey(String(e.cells.标题 ?? "")) === key)
      return { id: e.suggestionId, on: localDay(e.receivedAt) };
  return null;
}

/** What the form says when the title is one the deputy already submitted. */
export function repeatedMessage(earlier: EarlierSuggestion): string {
  const when = earlier.on ? `已于 ${earlier.on} ` : "已";
  return `您${when}提交过标题相同的建议（${earlier.id}），不必再次提交；如是另一件建议，请修改标题后再提交`;
}

/**
 * earlierWithTitle over what a deputy's lookups return: the suggestions the ledger has the deputy
 * lead, and what was sent lately (the new suggestions among them the ledger does not hold yet). The
 * link's form and the form webhooks ask the same question this way.
 */
export function earlierOfDeputy(
  title: string,
  led: readonly LedSuggestion[],
  sent: readonly (Parameters<typeof earlierWithTitle>[2][number] & { readonly form: string })[],
  localDay: (iso: string) => string,
): EarlierSuggestion | null {
  const inLedger = new Set(led.map((r) => r.id));
  const waiting = sent.filter((e) => e.form === "suggestion" && !inLedger.has(e.suggestionId));
  const earlier = earlierWithTitle(title, led, waiting, localDay);
  if (!earlier || earlier.on) return earlier;
  // A ledger row read without its 提出日期 (a list entry): the day it was sent, when it was.
  const own = sent.find((e) => e.form === "suggestion" && e.suggestionId === earlier.id);
  return own ? { ...earlier, on: localDay(own.receivedAt) } : earlier;
}
