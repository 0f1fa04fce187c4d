import type { Snapshot } from "./plan-history";
import { cellText } from "./row-identity";

/*
 * A suggestion that vanished from the sheet while a row holds its 标题 and 领衔代表 under another 编号:
 * staff renamed its 编号 (2026-01 → 2026-001) or typed over it. Restore refuses it (reading the
 * sheet); the 校验问题 of the vanished 编号 and its pages say the same from the present snapshots, so
 * staff are not sent to 恢复 a suggestion that is still there.
 */

/**
 * Whether a row's 标题 and 领衔代表 (raw cells) are the vanished suggestion's: the same suggestion
 * under another 编号. A suggestion without a 标题 matches nothing (blank rows would all match).
 */
export function sameTitleAndDeputy(vanished: Snapshot, title: unknown, deputy: unknown): boolean {
  const own = cellText(vanished.staffValues.标题);
  return (
    own !== "" && cellText(title) === own && cellText(deputy) === cellText(vanished.staffValues.领衔代表)
  );
}

/**
 * What to do when a row holds the vanished suggestion's 标题 and 领衔代表 under another 编号. Which
 * 编号 is the suggestion's own is told by which the sync saw first: a row's 编号 typed over by
 * mistake and then put right leaves the mistyped one vanished, and numbering the row back to it
 * would move the suggestion off the 编号 its history is under. Which came first is told by the
 * instants; the days staff read are the office's (`localDay`, 设置 时区), not UTC's: an 编号 first
 * seen before 08:00 in Beijing is dated that day, not the day before.
 */
export function renumberedAdvice(
  vanished: Snapshot,
  same: { row: number; id: string },
  /** When the sync first saw `same.id` (its snapshot's firstSeenAt); null for a blank 编号. */
  presentSince: string | null,
  /** The office's local date ("YYYY-MM-DD") of a stored instant. */
  localDay: (iso: string) => string,
): string {
  const { id } = vanished;
  const as = same.id ? `编号 ${same.id}` : "空白编号";
  const head = `『建议台账』第 ${same.row} 行（${as}）的标题和领衔代表与 ${id} 相同，这条建议可能被改了编号：`;
  const vanishedSince = vanished.firstSeenAt ?? null;
  if (vanishedSince && presentSince && presentSince < vanishedSince)
    return (
      `${head}${same.id} 是更早登记的编号（${localDay(presentSince)} 起），${id} 是 ${localDay(vanishedSince)} 才出现的，` +
      `可能是一时改错又改回来了。如是这样，这条建议仍在第 ${same.row} 行，不要恢复，请点“确认已删除”去掉 ${id} 的提示；` +
      "如是两条不同的建议，请先改动其中一条的标题，再恢复"
    );
  return (
    `${head}如是同一条，请把第 ${same.row} 行的编号改回 ${id}（它的办理记录都记在 ${id} 下），不要恢复；` +
    "如是两条不同的建议，请先改动其中一条的标题，再恢复"
  );
}

/** A row of the last sync that holds a vanished suggestion under another 编号. */
export interface Renumbered {
  readonly row: number;
  readonly id: string;
  /** When the sync first saw that row's 编号 (renumberedAdvice tells which 编号 came first). */
  readonly firstSeenAt: string | null;
}

/** The first of `present` (the snapshots of suggestions still in the sheet) holding `vanished`. */
export function renumberedAs(vanished: Snapshot, present: readonly Snapshot[]): Renumbered | null {
  if (!vanished.removedAt || vanished.restore) return null;
  for (const s of present)
    if (
      s.id !== vanished.id &&
      s.rowNumber !== null &&
      sameTitleAndDeputy(vanished, s.staffValues.标题, s.staffValues.领衔代表)
    )
      return { row: s.rowNumber, id: s.id, firstSeenAt: s.firstSeenAt ?? null };
  return null;
}

/** The 标题 D1 is asked for (presentWithTitlesLike) to find these suggestions' rows under another 编号. */
export function vanishedTitles(vanished: readonly Snapshot[]): string[] {
  return [
    ...new Set(vanished.flatMap((s) => (s.restore ? [] : [cellText(s.staffValues.标题)]).filter(Boolean))),
  ];
}
