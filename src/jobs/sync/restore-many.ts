import { idsMissing, idsMissingRestoreMessage } from "../../domain/sync/cleared-ids";
import {
  type NotWrittenCell,
  notWrittenCells,
  notWrittenManyAdvice,
  restoreNote,
} from "../../domain/sync/extra-columns";
import type { Snapshot } from "../../domain/sync/plan-history";
import { cellText } from "../../domain/sync/row-identity";
import { SheetsError } from "../../sheets/client";
import { insertLedgerRows } from "../sheet-writes/insert-ledger-rows";
import { readLedgerColumns } from "../sheet-writes/ledger-columns";
import {
  AT_ONCE_ON_QUOTA,
  type LedgerHeld,
  ledgerHeld,
  type RestoreDeps,
  type SheetsRefusal,
  sheetsRefusal,
} from "./restore";

/**
 * Vanished suggestions one 恢复 puts back at most. Each costs no Sheets call (two reads, one insert
 * whatever the count) and no D1 query of its own; what grows is the CPU of laying out its row (30
 * cells and their formats) and of the payloads, which 100 rows keep to a few ms of the Free plan's 10.
 */
export const RESTORE_AT_ONCE = 100;

export interface RestoreManyDone {
  ok: true;
  /** Put back now, at these sheet rows. */
  restored: { id: string; row: number }[];
  /** Already in the ledger (staff put it back themselves): nothing added. */
  inSheet: { id: string; row: number }[];
  /** A row holds its 标题 and 领衔代表 under another 编号: not added (it would be there twice). */
  renumbered: { id: string; row: number; as: string }[];
  /** Not vanished, unknown, or restored already (by another click): nothing done. */
  skipped: string[];
  /** Of those restored, the kept values whose column the ledger no longer has: not written. */
  notWritten: { id: string; row: number; cells: NotWrittenCell[] }[];
  /** What staff are told of `notWritten`, in Chinese, naming the values to paste; null when none. */
  message: string | null;
}

export type RestoreManyResult =
  | RestoreManyDone
  | SheetsRefusal
  | LedgerHeld
  | { ok: false; code: "too_many" | "busy" | "ids_missing"; message: string; retryable: boolean };

/** Where the snapshots' 编号, or their 标题 and 领衔代表 under another 编号, are in the ledger now. */
export function placeInLedger(
  rows: readonly (readonly unknown[])[],
  header: readonly string[],
  snapshots: readonly Snapshot[],
): { held: Map<string, number>; renumbered: Map<string, { row: number; as: string }> } {
  const [idAt, titleAt, deputyAt] = ["编号", "标题", "领衔代表"].map((h) => header.indexOf(h));
  const wanted = new Set(snapshots.map((s) => s.id));
  // By 标题 and 领衔代表: one pass over the ledger, not one per snapshot (100 × 2,000 rows).
  const byTitle = new Map<string, Snapshot>();
  for (const s of snapshots) {
    const title = cellText(s.staffValues.标题);
    if (title) byTitle.set(`${title}\u0001${cellText(s.staffValues.领衔代表)}`, s);
  }
  const held = new Map<string, number>();
  const renumbered = new Map<string, { row: number; as: string }>();
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i] ?? [];
    const id = cellText(row[idAt as number]);
    if (wanted.has(id)) {
      if (!held.has(id)) held.set(id, i + 1);
      continue;
    }
    const same = byTitle.get(`${cellText(row[titleAt as number])}\u0001${cellText(row[deputyAt as number])}`);
    if (same && !renumbered.has(same.id)) renumbered.set(same.id, { row: i + 1, as: id });
  }
  for (const id of held.keys()) renumbered.delete(id);
  return { held, renumbered };
}

/**
 * Puts several vanished suggestions back at once, as restoreSuggestion does one (the office's own
 * columns with them; values whose column is gone named in `message`): claimed in D1
 * first (one statement), one read of three ledger columns, one insert of every row still missing
 * (placed on its own read under the write lock),
 * and a constant number of D1 queries whatever the count. Over RESTORE_AT_ONCE it is refused.
 */
export async function restoreSuggestions(
  deps: RestoreDeps,
  asked: readonly string[],
  nowMs: number,
  by: string | null,
): Promise<RestoreManyResult> {
  const ids = [...new Set(asked.map((id) => id.trim()).filter(Boolean))];
  if (ids.length > RESTORE_AT_ONCE)
    return {
      ok: false,
      code: "too_many",
      retryable: false,
      message: `一次最多恢复 ${RESTORE_AT_ONCE} 条建议，这次选了 ${ids.length} 条：请分批恢复（每批不超过 ${RESTORE_AT_ONCE} 条）`,
    };
  const held = await ledgerHeld(deps.meta);
  if (held) return held;
  const at = new Date(nowMs).toISOString();
  const claimed = await deps.snapshots.claimRestores(ids, at, by);
  const done: RestoreManyDone = {
    ok: true,
    restored: [],
    inSheet: [],
    renumbered: [],
    skipped: [],
    notWritten: [],
    message: null,
  };
  const won = new Set(claimed);
  done.skipped = ids.filter((id) => !won.has(id));
  if (claimed.length === 0) return done;
  try {
    const snapshots = [...(await deps.snapshots.loadMany(claimed)).values()];
    const read = await readLedgerColumns(deps, ["编号", "标题", "领衔代表"], [], "data", AT_ONCE_ON_QUOTA);
    // The 编号 column cleared: no row is put back while the 编号 are missing (see restoreSuggestion).
    const missingIds = idsMissing(read.rows, read.header);
    if (missingIds) {
      await deps.snapshots.releaseRestores(claimed);
      const what = `这 ${claimed.length} 条建议`;
      return {
        ok: false,
        code: "ids_missing",
        retryable: false,
        message: idsMissingRestoreMessage(missingIds, what),
      };
    }
    const { held, renumbered } = placeInLedger(read.rows, read.header, snapshots);
    done.inSheet = [...held].map(([id, row]) => ({ id, row }));
    done.renumbered = [...renumbered].map(([id, place]) => ({ id, ...place }));
    await deps.snapshots.releaseRestores([...renumbered.keys()]);
    const missing = snapshots.filter((s) => !held.has(s.id) && !renumbered.has(s.id));
    // With the office's own columns (附加列), by header; a contract column of the same name wins.
    const cellsOf = (s: Snapshot) => ({ ...s.extraValues, ...s.staffValues });
    const result = await insertLedgerRows(
      deps,
      missing.map((s) => ({ id: s.id, title: cellText(s.staffValues.标题), cells: cellsOf(s) })),
      undefined,
      AT_ONCE_ON_QUOTA,
    );
    if (result.outcome === "busy") {
      await deps.snapshots.releaseRestores(claimed);
      return { ok: false, code: "busy", retryable: true, message: "表格正在写入，请稍后再点“恢复”" };
    }
    done.restored = missing.map((s) => ({
      id: s.id,
      row: result.inserted.get(s.id) ?? result.alreadyThere.get(s.id) ?? 0,
    }));
    const byId = new Map(missing.map((s) => [s.id, s]));
    done.notWritten = done.restored.flatMap(({ id, row }) => {
      const snapshot = byId.get(id);
      const cells = snapshot ? notWrittenCells(cellsOf(snapshot), result.header) : [];
      return cells.length > 0 ? [{ id, row, cells }] : [];
    });
    done.message = notWrittenManyAdvice(done.notWritten);
    const notWrittenOf = new Map(done.notWritten.map((n) => [n.id, n.cells]));
    await deps.snapshots.restoredMany([...done.inSheet, ...done.restored]);
    await deps.snapshots.record(
      done.restored.map(({ id, row }) => ({
        suggestionId: id,
        column: "编号",
        oldValue: null,
        newValue: id,
        source: "dashboard" as const,
        actor: by,
        note: restoreNote(row, notWrittenOf.get(id) ?? [], true),
      })),
      at,
    );
    return done;
  } catch (error) {
    await deps.snapshots.releaseRestores(claimed);
    // Nothing of it is left claimed; the next click reads the sheet first.
    if (error instanceof SheetsError) return sheetsRefusal(`这 ${claimed.length} 条建议`, error);
    throw error;
  }
}
