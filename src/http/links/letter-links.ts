import type { LedgerRecord } from "../../../sheets-schema/tabs/ledger";
import { secondReplyNote } from "../../domain/intake/second-reply-note";
import { letterKeyOfUrl, letterKeySuggestion } from "../../domain/links/letters";
import type { LetterLink } from "./suggestion-view";

/**
 * A 答复函 address in 备注: a round-2 line's (`；答复函 地址`, maybe followed by `；经…提交`) or one a
 * sheet without the 答复函 column holds. It ends at a space or `；`, never taking the words after it.
 */
const NOTE_LETTER = /https?:\/\/[^\s；]+\/files\/letters\/[^\s；]+/g;

/** What a letter the unit replaced in a correction not yet synced says beside its name. */
export const REPLACED_LETTER = "已被更正替换";

/**
 * 答复函 of this suggestion the page can offer: the column's, any in 备注 (round 2), the pending
 * ones (a reply sent since the last sync). `current` is the 答复函 of the reply not yet synced (the
 * unit's own, or the correction a deputy reads), "" when it brings none: it replaces its round's
 * letter on record (round 1's column, round 2's 备注 line) and any pending one before it, which stay
 * listed, marked as replaced, until the sync leaves only the current one on the reply.
 */
export function lettersOf(
  base: string,
  suggestionId: string,
  record: Pick<LedgerRecord, "notes" | "replyLetter" | "reassignedOn">,
  pending: readonly string[],
  current: string,
): LetterLink[] {
  const notes = record.notes ?? "";
  const column = record.replyLetter ?? "";
  const onRecord = record.reassignedOn ? (secondReplyNote(notes)?.letter ?? "") : column;
  const replaced = new Set(current ? [onRecord, ...pending].filter((u) => u && u !== current) : []);
  const urls = [column, ...(notes.match(NOTE_LETTER) ?? []), ...pending].filter(Boolean);
  const links: LetterLink[] = [];
  const seen = new Set<string>();
  for (const url of urls) {
    const key = letterKeyOfUrl(url);
    if (key && letterKeySuggestion(key) !== suggestionId) continue;
    const href = key ? `${base}/files/${key}` : url;
    if (seen.has(href)) continue;
    seen.add(href);
    const kind = key ? key.slice(key.lastIndexOf(".") + 1).toUpperCase() : "外部链接";
    const note = replaced.has(url) ? `，${REPLACED_LETTER}` : "";
    links.push({ href, label: `答复函 ${links.length + 1}（${kind}${note}）`, source: url });
  }
  return links;
}
