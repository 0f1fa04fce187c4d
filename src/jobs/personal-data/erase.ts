import type { Directory } from "../../domain/directory";
import { nameKey } from "../../domain/directory";
import { SENDER_CELL } from "../../domain/intake/map-answers";
import type { LedgerContext } from "../../domain/ledger-context";
import { KIND_LABELS, type LinkKind } from "../../domain/links/capability";
import { eraseSubmissionsStatement, type SubmissionsOf } from "../../store/inbox";
import { eraseObjectionsStatement } from "../../store/objections";
import { eraseNoticesToStatements } from "../../store/outbox";
import { deleteLinksOfStatement } from "../../store/personal-links";
import { eraseObjectionLinesStatement, NOT_OF_A_SUGGESTION, recordStatements } from "../../store/snapshots";
import type { TabCache } from "../../store/tab-cache";
import { OBJECTED } from "../intake/apply-objections";
import { baseTabsContext } from "../ledger-view";

/**
 * 清除个人信息: what D1 keeps of one person (a deputy, a leader, or a unit and its contact) who left
 * and asked for their information to be deleted (《个人信息保护法》第四十七条), erased in one batch of
 * a constant number of statements, however many rows they touch (docs/deploy.md §15a).
 *
 * Erased: the address, body and error texts of every notice to them; the answers and body of every
 * submission they sent through a link or that a webhook sent in their name (one not yet in the sheet
 * is voided); their personal links; the 理由 of a unit's objections (in `objections` and in the
 * suggestion's history). Kept, as the office's record of the congress's work: the suggestions
 * themselves (a suggestion is a document of the congress, its 标题 and 内容 not the deputy's private
 * data; the names in it are the public record of who led, co-signed or answered it), the history
 * of their cells, each notice's type, date, status and title, each submission's form, 编号 and
 * time, and the 答复函 files (a unit's official letter). Free text (内容摘要, 备注, 答复内容, a
 * removed suggestion's last values) is not searched for phone numbers or addresses: they cannot be
 * found reliably, and staff clear them in the sheet. The erasure itself is recorded in the history
 * (who, when, whose: the name is what proves it was done), as is everything staff do.
 */

/** What stands where erased text stood (a notice's body, an objection's 理由, an error). */
export const ERASED = "（已清除）";

/** The history's column of an erasure (its old_value says whose: 代表 周芳). */
export const ERASURE_COLUMN = "清除个人信息";

/** What one erasure changed, counted. */
export interface Erased {
  /** Notices whose address and body were blanked. */
  readonly notices: number;
  /** Delivery attempts whose error text was blanked. */
  readonly noticeAttempts: number;
  /** Submissions whose answers were blanked (voided when not yet in the sheet). */
  readonly submissions: number;
  /** Personal links deleted. */
  readonly links: number;
  /** Objections whose 理由 was blanked (units only). */
  readonly objections: number;
}

export type EraseOutcome =
  | { ok: true; kind: LinkKind; name: string; at: string; erased: Erased }
  | { ok: false; code: "still_listed"; message: string };

export interface EraseDeps {
  readonly db: D1Database;
  readonly tabCache: TabCache;
}

/** Whose erasure: how the history names it (代表 周芳). */
export function erasureSubject(kind: LinkKind, name: string): string {
  return `${KIND_LABELS[kind]} ${name.trim()}`;
}

/** The contact columns a tab's row may hold of a person (a unit's 联系人 too), by record key. */
const CONTACT_FIELDS = [
  ["contact", "联系人"],
  ["phone", "手机"],
  ["email", "邮箱"],
  ["botUrl", "机器人地址"],
] as const;

type Listed = Pick<LedgerContext, "units" | "deputies" | "leaders">;

/** The contact columns filled on the row a directory lists `name` under (its own name, not a 原名称). */
function filledContacts(
  directory: Directory<object>,
  name: string,
): { row: number; filled: string[] } | null {
  const entry = directory.find(name);
  if (!entry || directory.renamed(name)) return null;
  const record = entry.record as Partial<Record<(typeof CONTACT_FIELDS)[number][0], unknown>>;
  const filled = CONTACT_FIELDS.filter(([key]) => {
    const value = record[key];
    return value !== null && value !== undefined && String(value).trim() !== "";
  }).map(([, header]) => header);
  return filled.length > 0 ? { row: entry.rowNumber, filled } : null;
}

/**
 * Why the person cannot be erased yet, or null: a tab the last sync read still lists them with a
 * contact (手机, 邮箱, 机器人地址, a unit's 联系人), which the next sync would store again and the next
 * notice would be sent to. A row kept with the name alone is no obstacle: the office keeps a former
 * deputy in 代表 (备注 上届) while the suggestions they led are answered, and the ledger check wants
 * them there. A deputy and a leader are one person by name (a leader may be listed as a 代表 only):
 * both tabs are asked. A unit listed only as another's 原名称 is not listed. Pure.
 */
export function stillListedMessage(kind: LinkKind, name: string, tabs: Listed): string | null {
  const person = name.trim();
  const books: [Directory<object>, string][] =
    kind === "unit"
      ? [[tabs.units, "承办单位"]]
      : [
          [tabs.deputies, "代表"],
          [tabs.leaders, "领导"],
        ];
  for (const [directory, tab] of books) {
    if (!directory.available)
      return `还没有读到『${tab}』表（尚未同步，或表头无法识别）：请等同步读到它、确认${KIND_LABELS[kind]}“${person}”已不在表中后再清除`;
    const listed = filledContacts(directory, person);
    if (!listed) continue;
    const columns = kind === "unit" ? "联系人、手机、邮箱和机器人地址" : "手机、邮箱和机器人地址";
    const keep =
      kind === "unit"
        ? ""
        : "（仍是台账中建议的领衔代表、附议代表或领导时，可保留姓名，在备注中写“上届”或“已离任”）";
    return `${KIND_LABELS[kind]}“${person}”仍在『${tab}』表第 ${listed.row} 行，填有${listed.filled.join("、")}：请先在表格中删除这一行，或清空这一行的${columns}${keep}，等下一次同步（最多 10 分钟）后再清除。否则同步会把这些信息重新存入系统，并继续向其发送通知`;
  }
  return null;
}

/** The names a person's rows may be under: as given, and as the tabs match names (nameKey). */
function namesOf(name: string): string[] {
  const trimmed = name.trim();
  return [...new Set([trimmed, nameKey(trimmed)])];
}

/** Whose submissions: a unit's through unit links and as a reply's 答复单位; a person's as deputy or leader. */
function submissionsOf(kind: LinkKind, names: readonly string[]): SubmissionsOf {
  return kind === "unit"
    ? { actorKinds: ["unit"], names, senders: [["reply", SENDER_CELL.reply]] }
    : {
        actorKinds: ["deputy", "leader"],
        names,
        senders: [
          ["suggestion", "领衔代表"],
          ["rating", SENDER_CELL.rating],
        ],
      };
}

/**
 * Erases the person's information (see the file's comment) once no tab lists them with a contact;
 * `by` is who asked (the signed-in staff member), recorded with it. Reads the small tabs (D1, as the
 * last sync stored them), then writes one batch: refused (nothing written) while still listed.
 */
export async function erasePersonalData(
  deps: EraseDeps,
  kind: LinkKind,
  name: string,
  by: string,
  nowMs: number,
): Promise<EraseOutcome> {
  const person = name.trim();
  const refusal = stillListedMessage(kind, person, await baseTabsContext(deps.tabCache));
  if (refusal) return { ok: false, code: "still_listed", message: refusal };
  const at = new Date(nowMs).toISOString();
  const names = namesOf(person);
  const units = kind === "unit" ? names : [];
  const { db } = deps;
  // Their order is the counts' below: the notices' attempts (0), the notices (1), … the objections (5).
  const statements = [
    ...eraseNoticesToStatements(db, names, ERASED, "个人信息已清除，未发送", at),
    eraseSubmissionsStatement(db, submissionsOf(kind, names), `个人信息已于 ${at} 清除，不再写入表格`, at),
    deleteLinksOfStatement(db, kind === "unit" ? ["unit"] : ["deputy", "leader"], names),
    // The history's lines first: they find the suggestions through the objections' unit.
    eraseObjectionLinesStatement(db, units, OBJECTED, ERASED),
    eraseObjectionsStatement(db, units, ERASED),
    ...recordStatements(
      db,
      [
        {
          suggestionId: NOT_OF_A_SUGGESTION,
          column: ERASURE_COLUMN,
          oldValue: erasureSubject(kind, person),
          newValue: null,
          source: "dashboard",
          actor: by,
          note: "已清除：发给其通知的地址、正文和错误信息，其通过个人链接或表单提交的原文，其个人链接，其交办异议的理由",
        },
      ],
      at,
    ),
  ];
  const results = await db.batch(statements);
  const changed = (i: number) => results[i]?.meta.changes ?? 0;
  return {
    ok: true,
    kind,
    name: person,
    at,
    erased: {
      noticeAttempts: changed(0),
      notices: changed(1),
      submissions: changed(2),
      links: changed(3),
      objections: changed(5),
    },
  };
}
