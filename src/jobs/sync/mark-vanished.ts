import { DEFAULT_TIME_ZONE } from "../../../sheets-schema/settings";
import { hash53 } from "../../domain/hash";
import type { Snapshot } from "../../domain/sync/plan-history";
import { renumberedAdvice, renumberedAs, vanishedTitles } from "../../domain/sync/renumbered";
import type { MetaStore } from "../../store/meta";
import type { SnapshotStore } from "../../store/snapshots";
import { localDate } from "../local-time";
import type { FinishMeta } from "./finish-meta";
import { META_PRESENT } from "./present-snapshots";

/*
 * Only a finish, which has every chunk's 编号, can tell that a suggestion left the sheet; this is
 * that step, and the count that lets most syncs skip comparing 2,000 编号 in D1.
 */

/**
 * Marks the suggestions whose snapshot has not vanished but whose 编号 the sheet no longer holds,
 * and gives what to store under META_PRESENT. Only a finish marks snapshots vanished, and only
 * the chunks add or bring one back (for rows they read). So when the sheet holds the 编号 the
 * last such comparison left every present snapshot among, and as many snapshots are present as it
 * left, none was added since and none can be missing from the sheet: a count spares D1 comparing
 * 2,000 编号 on most syncs. The entry is emptied before marking, so a finish that stops halfway
 * leaves no stale one. Null when it stored the entry itself (it marked some), else the entry for
 * the finish's last write (stored there when it changed).
 */
export async function markVanished(
  deps: { meta: MetaStore; snapshots: SnapshotStore },
  stored: FinishMeta,
  inSheet: readonly string[],
  at: string,
): Promise<string | null> {
  const digest = hash53(JSON.stringify(inSheet));
  const count = await deps.snapshots.presentCount();
  if (stored.get(META_PRESENT) === `${digest}:${count}`) return `${digest}:${count}`;
  const vanished = await deps.snapshots.presentIdsNotIn(inSheet);
  if (vanished.length === 0) return `${digest}:${count}`;
  await deps.meta.set(META_PRESENT, "", at);
  await deps.snapshots.apply({
    upserts: [],
    seen: [],
    audits: [],
    removedIds: vanished,
    seenAt: at,
    syncId: null,
  });
  await deps.meta.set(META_PRESENT, `${digest}:${count - vanished.length}`, at);
  return null;
}

/**
 * The local date in 设置 时区 (Asia/Shanghai when blank, as the dashboard's frame) of a stored
 * instant, for the days renumberedAdvice names: the finish, the dashboard and restore all date them
 * so, and say the same.
 */
export function localDayIn(timeZone: string): (iso: string) => string {
  const zone = timeZone || DEFAULT_TIME_ZONE;
  return (iso) => {
    const ms = Date.parse(iso);
    return Number.isNaN(ms) ? iso.slice(0, 10) : localDate(ms, zone);
  };
}

/**
 * The advice for each vanished suggestion (not confirmed deleted) that a row of this sync holds
 * under another 编号, by its 编号 (renumbered.ts): its 校验问题 then says to number the row back, not
 * to 恢复 it. One D1 query, and only when some vanished suggestion awaits staff. `timeZone`: 设置 时区.
 */
export async function renumberedAdvices(
  snapshots: Pick<SnapshotStore, "presentWithTitlesLike">,
  removed: readonly Snapshot[],
  timeZone: string,
): Promise<Map<string, string>> {
  const awaiting = removed.filter((s) => !s.removalConfirmed);
  const titles = vanishedTitles(awaiting);
  const advices = new Map<string, string>();
  if (titles.length === 0) return advices;
  const present = await snapshots.presentWithTitlesLike(titles);
  const localDay = localDayIn(timeZone);
  for (const vanished of awaiting) {
    const same = renumberedAs(vanished, present);
    if (same) advices.set(vanished.id, renumberedAdvice(vanished, same, same.firstSeenAt, localDay));
  }
  return advices;
}
