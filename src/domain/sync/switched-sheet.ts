/**
 * The spreadsheet D1's history belongs to. D1 keeps the ledger's history (each suggestion's
 * snapshots, 编号 sequences, notices sent, small tabs read) of one spreadsheet; SPREADSHEET_ID may
 * be changed to another one. A copy of the same ledger (文件 → 创建副本, a move to another Google
 * account) goes on from that history; a different ledger (a new year's sheet) would find every
 * known suggestion "vanished", its 校验问题 would receive the old sheet's problems at rows it does
 * not have, and the emptied-ledger or cleared-编号 holds would fire, worded as an accident. So the
 * sync holds before it reads or writes anything until staff say which it is.
 */

/** SPREADSHEET_ID changed since the sync last read a sheet: from the recorded one to the configured one. */
export interface SheetSwitch {
  readonly from: string;
  readonly to: string;
}

/**
 * What the sync's plan does about the configured spreadsheet: "same" reads it as always; "record"
 * (nothing recorded yet: the first sync, or the first after the build that began recording)
 * records it once the sheet has been read; "switched" holds.
 */
export type SheetCheck =
  | { readonly kind: "same" }
  | { readonly kind: "record" }
  | { readonly kind: "switched"; readonly switched: SheetSwitch };

/** The recorded spreadsheet (null or "": none yet) against the one SPREADSHEET_ID names now. */
export function checkSheet(recorded: string | null | undefined, configured: string): SheetCheck {
  if (!recorded) return { kind: "record" };
  if (recorded === configured) return { kind: "same" };
  return { kind: "switched", switched: { from: recorded, to: configured } };
}

/** IDs up to this many characters are shown whole (a Google spreadsheet's is 44). */
const SHOWN_WHOLE = 16;
/** Characters kept at either end of a longer ID: enough to tell two of them apart at a glance. */
const SHOWN_ENDS = 6;

/** A spreadsheet's ID as staff compare it with the address bar: its start and end when it is long. */
export const shortSheetId = (id: string): string =>
  id.length <= SHOWN_WHOLE ? id : `${id.slice(0, SHOWN_ENDS)}…${id.slice(-SHOWN_ENDS)}`;

/** The dashboard's action for the copy or move case (its button and the words that name it). */
export const CONFIRM_SWITCH_LABEL = "确认改用新表格";

/** What was seen, in the words the run's message, the banner and /healthz begin with. */
export const sheetSwitchSeen = ({ from, to }: SheetSwitch): string =>
  `表格已从 ${shortSheetId(from)} 换成 ${shortSheetId(to)}（SPREADSHEET_ID 改了）`;

/** The two ways on, in one sentence. */
export const SHEET_SWITCH_FIX =
  `如新表格就是原来那份台账（复制了一份，或移到了另一个 Google 账号），请在看板上点“${CONFIRM_SWITCH_LABEL}”，之后照常同步；` +
  "如新表格是另一份台账（例如新年度另起的表格），请不要确认（确认后原表格的建议会全部记为消失），" +
  "而是把 SPREADSHEET_ID 改回原表格，或为新台账另建一个 D1 数据库重新部署（见部署说明）";

/**
 * Why the sync held (the run's message, the dashboard's banner, /healthz): what changed, what it
 * means, what the sync did not do, and the two ways on.
 */
export const sheetSwitchReason = (switched: SheetSwitch): string =>
  `${sheetSwitchSeen(switched)}：系统里的建议历史、编号和提醒记录都来自原表格。` +
  "在确认之前，同步不读取也不写入新表格（不写『校验问题』，不改台账），也不改动这些记录；" +
  `页面、统计和提醒沿用原表格上次同步的数据。${SHEET_SWITCH_FIX}`;
