/**
 * 设置 启用日期: the first day the office recorded 沟通记录 and 协办意见 in jianyi. A ledger imported
 * with years of replies holds rounds handled before then, whose contacts and co-units' opinions
 * were never recorded here: those rounds are not checked against the two tabs (no 提醒, no 沟通提醒
 * or 协办提醒) and count in no 沟通率, rather than burying the office's real problems.
 */

/**
 * Whether a round 交办 on `start` (round 1: 交办日期; round 2: 二次交办日期) is checked against
 * 沟通记录 and 协办意见. Empty 启用日期 (the default) checks every round; so does a round without a
 * date, as before. One string comparison: ISO dates order as text.
 */
export function practiceChecked(
  start: string | null | undefined,
  practiceSince: string | undefined,
): boolean {
  return !practiceSince || !start || start >= practiceSince;
}
