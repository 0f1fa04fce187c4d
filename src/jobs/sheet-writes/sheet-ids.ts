import type { sheets_v4 } from "@googleapis/sheets";
import { SCRATCH_TAB } from "../../../sheets-schema/tab-names";
import type { CallOptions, SheetsClient } from "../../sheets/client";
import type { MetaStore } from "../../store/meta";

export const META_SHEET_IDS = "sheet_ids";

export interface ResolvedIds {
  /** sheetId by tab title, the scratch tab included. */
  ids: Record<string, number>;
  /** Requests that create the scratch tab, when it does not exist yet: sent first in the same batch. */
  create: sheets_v4.Schema$Request[];
  /** Remember the ids (call once the batch that used them succeeded). */
  keep(): Promise<void>;
}

/** Tab title → sheetId, as spreadsheets.batchUpdate needs them; kept in D1 so most jobs never ask Google. */
export interface SheetIds {
  resolve(titles: readonly string[]): Promise<ResolvedIds>;
  /** Forget the cached ids (a tab was deleted and re-made, so its id changed). */
  forget(): Promise<void>;
}

export function createSheetIds(
  sheets: SheetsClient,
  meta: MetaStore,
  /**
   * The value of META_SHEET_IDS when the caller read it already (null: not kept), used by the first
   * resolve only. A stale one is harmless: a batch naming a tab's old id fails with 400, and the
   * caller forgets the ids and asks again (write-ledger-cells).
   */
  known?: string | null,
  /** What the read of the tabs' ids does about a refusal (a 恢复 click gives up on the first 429). */
  call: CallOptions = {},
): SheetIds {
  let preloaded = known;
  async function cached(): Promise<Record<string, number>> {
    const raw = preloaded !== undefined ? preloaded : await meta.get(META_SHEET_IDS);
    preloaded = undefined;
    return raw ? (JSON.parse(raw) as Record<string, number>) : {};
  }

  async function fromSheet(): Promise<Record<string, number>> {
    const spreadsheet = await sheets.getSpreadsheet({ ...call, fields: "sheets.properties(sheetId,title)" });
    const ids: Record<string, number> = {};
    for (const s of spreadsheet.sheets ?? []) {
      const { title, sheetId } = s.properties ?? {};
      if (title && typeof sheetId === "number") ids[title] = sheetId;
    }
    return ids;
  }

  return {
    async resolve(titles) {
      let ids = await cached();
      let fresh = false;
      if ([...titles, SCRATCH_TAB].some((t) => ids[t] === undefined)) {
        ids = await fromSheet();
        fresh = true;
      }
      for (const t of titles) if (ids[t] === undefined) throw new Error(`表格中没有工作表『${t}』`);
      const create: sheets_v4.Schema$Request[] = [];
      if (ids[SCRATCH_TAB] === undefined) {
        const sheetId = 100_000_000 + Math.floor(Math.random() * 1_000_000_000);
        ids = { ...ids, [SCRATCH_TAB]: sheetId };
        create.push(...scratchRequests(sheetId));
      }
      const keep = async () => {
        if (fresh || create.length > 0)
          await meta.set(META_SHEET_IDS, JSON.stringify(ids), new Date().toISOString());
      };
      return { ids, create, keep };
    },
    async forget() {
      await meta.set(META_SHEET_IDS, "{}", new Date().toISOString());
    },
  };
}

/**
 * The hidden scratch tab, protected with a warning so a person who opens it is told to leave it.
 * The id is chosen here so that it can be created in the batch that first uses it.
 */
function scratchRequests(sheetId: number): sheets_v4.Schema$Request[] {
  return [
    {
      addSheet: {
        properties: {
          sheetId,
          title: SCRATCH_TAB,
          hidden: true,
          gridProperties: { rowCount: 2, columnCount: 2 },
        },
      },
    },
    {
      addProtectedRange: {
        protectedRange: {
          range: { sheetId },
          description: "系统表：写入台账时的暂存区，请勿编辑",
          warningOnly: true,
        },
      },
    },
  ];
}
