/**
 * What the figures need to know of a suggestion's practice rows, worked out by the sync (which
 * reads 沟通记录 and 延期申请) and stored with the row as one small number, so the scoreboard and
 * the unit pages count 沟通率 and 延期件数 without reading those tabs.
 */
export const PRACTICE_FACTS = {
  /** Round 1 replied after a 办前 contact by the lead unit (沟通率's numerator). */
  contacted: 1,
  /**
   * The row counts in 沟通率: 沟通记录 was kept when it was evaluated (a sheet without the tab has
   * no 沟通率) and it was 交办 on or after 设置 启用日期 (practice-since.ts).
   */
  contactsKept: 2,
  /** An approved 延期申请 of the lead unit that made round 1 six months (延期件数; approvalExtends). */
  extended: 4,
  /** A decided 延期申请 of the lead unit (a 延期审批结果 may be due): notice planning reads its rows. */
  extensionDecided: 8,
  /**
   * Not a practice fact but kept with them: the row has an 错误 in a column the figures read
   * (statistics-items.ts), so every figure leaves it out. Stored facts carry no problem messages.
   */
  countedError: 16,
  /**
   * A 延期申请 of the lead unit without 审批结果 whose decision still matters (extensionStillMatters:
   * not one round 1's reply made moot): staff see it on the dashboard's 待决定 list.
   */
  extensionPending: 32,
  /**
   * Not practice facts either, set by the sync's chunk (which asks the audit trail): a round's reply
   * (replyCleared) or, the reply kept, its rating alone (ratingCleared) was seen cleared within the
   * grace that holds its reminders (reply-cleared.ts) and is still blank. The 督办周报 marks the
   * suggestion in its lists, for leaders not to read a reply deleted by mistake as overdue.
   */
  replyCleared: 64,
  ratingCleared: 128,
} as const;

export function hasFact(flags: number | undefined, fact: keyof typeof PRACTICE_FACTS): boolean {
  return ((flags ?? 0) & PRACTICE_FACTS[fact]) !== 0;
}
