import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import type { Problem } from "../problems";
import { cellText } from "../sync/row-identity";

/*
 * Two replies written for one suggestion and round that disagree (explorer BM: its 主办单位 sent 答复类别
 * A and B at the same time, by form or personal link). The ledger keeps the last one received, as
 * ever (README: a later reply overwrites the earlier, the audit trail keeps both); a 提醒 on the row
 * tells staff which came and which the ledger took, while both are recent and staff have not changed
 * the reply in the sheet or on the dashboard since.
 */

/** How long a reply counts against another (days after it was received). */
export const DIFFERING_REPLY_DAYS = 7;

/** A reply written into the sheet lately, as this check reads it. */
export interface RecentReply {
  submissionId: string;
  suggestionId: string;
  cells: Readonly<Record<string, string | number>>;
  /** When it was received (ISO instant), and that day in 设置 时区. */
  receivedAt: string;
  receivedOn: string;
  /** The unit whose personal link sent it; null for a form webhook. */
  linkSender: string | null;
  /** Per ledger column, the last time staff changed it (sheet or dashboard) for this suggestion. */
  staffEdits: Readonly<Record<string, string>>;
}

/** What the check needs of the reply's row as the last sync read it. */
export interface ReplyRow {
  rowNumber: number;
  /** 二次交办日期 (ISO day) or null: a reply received on or after it answers round 2. */
  reassignedOn: string | null;
}

/** The ledger columns a reply of the round fills, which staff change to settle it. */
const ROUND_COLUMNS = {
  1: ["答复类别", "答复内容"],
  // Round 2's text is a 备注 line (二次答复（…）类别 …：…).
  2: ["二次答复类别", "备注"],
} as const;

/** Every column a reply fills in either round (the edits the finish asks the audit trail for). */
export const REPLY_COLUMNS: readonly string[] = [...ROUND_COLUMNS[1], ...ROUND_COLUMNS[2]];

const classOf = (r: RecentReply) => cellText(r.cells.答复类别);
const contentOf = (r: RecentReply) => cellText(r.cells.答复内容);

/** A reply's text, shortened for the message: the first 20 characters. */
function quoted(text: string): string {
  const chars = [...text];
  return `“${chars.length > 20 ? `${chars.slice(0, 20).join("")}…` : text}”`;
}

/** How the message names one reply: its 提交号, and the unit when it came by personal link. */
const named = (r: RecentReply) =>
  r.linkSender ? `${r.submissionId}（${r.linkSender}个人链接）` : r.submissionId;

/**
 * The 提醒s for suggestions whose round holds two or more recent replies differing in 答复类别 or
 * 答复内容, one per suggestion and round, on its row (`rows`, by 编号; a 编号 no row holds is left
 * out). None once staff changed that round's reply columns after the last of them arrived.
 * `replies`: in the order received.
 */
export function differingReplyProblems(
  replies: readonly RecentReply[],
  rows: ReadonlyMap<string, ReplyRow>,
): Problem[] {
  const groups = new Map<string, { id: string; round: 1 | 2; row: ReplyRow; list: RecentReply[] }>();
  for (const r of replies) {
    const row = rows.get(r.suggestionId);
    if (!row) continue;
    const round = row.reassignedOn && r.receivedOn >= row.reassignedOn ? 2 : 1;
    const key = `${r.suggestionId}|${round}`;
    const group = groups.get(key) ?? { id: r.suggestionId, round, row, list: [] };
    group.list.push(r);
    groups.set(key, group);
  }
  const problems: Problem[] = [];
  for (const { id, round, row, list } of groups.values()) {
    if (list.length < 2) continue;
    const classes = new Set(list.map(classOf));
    const contents = new Set(list.map(contentOf));
    if (classes.size < 2 && contents.size < 2) continue;
    const last = list.at(-1) as RecentReply;
    const columns = ROUND_COLUMNS[round];
    const edited = columns.some((c) => {
      const at = last.staffEdits[c];
      return at !== undefined && at > last.receivedAt;
    });
    if (edited) continue;
    const each = list
      .map((r) => {
        const cls = classOf(r);
        const said = cls ? `${cls} 类` : "未填类别";
        return `${named(r)}：${classes.size > 1 ? said : `${said}${quoted(contentOf(r))}`}`;
      })
      .join("；");
    problems.push({
      tab: TAB_NAMES.ledger,
      row: row.rowNumber,
      column: columns[0],
      level: "提醒",
      id,
      message: `${id} 第 ${round} 轮收到 ${list.length} 份不同的答复（提交号 ${each}），台账采用了最后收到的 ${last.submissionId}；如应采用另一份，请在台账中改正${columns.join("和")}（改后不再提醒）；如台账无误，无需处理，本提醒 ${DIFFERING_REPLY_DAYS} 天后不再显示`,
    });
  }
  return problems;
}
