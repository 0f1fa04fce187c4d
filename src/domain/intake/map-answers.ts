import { parseDateValue } from "../../../sheets-schema/cells/date-cells";
import { headerForQuestion } from "../../../sheets-schema/forms/question-aliases";
import { serialFromIso } from "../civil-date";

export const FORM_KINDS = ["suggestion", "reply", "rating"] as const;
export type FormKind = (typeof FORM_KINDS)[number];

export type AnswerValue = string | number | boolean | null | readonly string[];
export type CellWrite = string | number;

/** The 建议台账 columns each form may fill; anything else a form sends is kept in 备注. */
export const FORM_COLUMNS: Record<FormKind, readonly string[]> = {
  suggestion: ["届次", "标题", "内容摘要", "领衔代表", "附议代表", "类别", "提出日期", "备注"],
  reply: ["编号", "答复日期", "答复类别", "答复内容", "落实情况"],
  rating: ["编号", "满意度", "测评日期"],
};

const DATE_HEADERS = new Set(["提出日期", "答复日期", "测评日期"]);
/** The date a form fills by itself when the sender left it out: the day of submission. */
const DEFAULT_DATE: Partial<Record<FormKind, string>> = {
  suggestion: "提出日期",
  reply: "答复日期",
  rating: "测评日期",
};

export interface MappedAnswers {
  cells: Record<string, CellWrite>;
  /** Answers to questions without a column of this form, as "问题：答案" lines. */
  extras: string[];
}

function answerText(value: AnswerValue): string {
  if (value === null) return "";
  if (Array.isArray(value))
    return value
      .map((v) => String(v).trim())
      .filter(Boolean)
      .join("、");
  return String(value).trim();
}

/** A date the sheet can show as a date (serial number), or the text as typed when it is not one. */
function dateCell(text: string): CellWrite {
  const parsed = parseDateValue(text);
  return parsed.ok ? serialFromIso(parsed.iso) : text;
}

/**
 * Maps a form's answers (keyed by ledger header or a known question title) onto the columns that
 * form may fill. Nothing is dropped: unknown questions go to `extras`. Values stay text (written
 * RAW later), except recognised dates, which become serial numbers.
 */
export function mapAnswers(
  form: FormKind,
  answers: Readonly<Record<string, AnswerValue>>,
  submittedOn: string,
): MappedAnswers {
  const allowed = new Set(FORM_COLUMNS[form]);
  const cells: Record<string, CellWrite> = {};
  const extras: string[] = [];
  for (const [question, value] of Object.entries(answers)) {
    const text = answerText(value);
    if (!text) continue;
    const header = headerForQuestion(question) ?? (allowed.has(question.trim()) ? question.trim() : null);
    if (header && allowed.has(header)) cells[header] = DATE_HEADERS.has(header) ? dateCell(text) : text;
    else extras.push(`${question.trim()}：${text}`);
  }
  const dateHeader = DEFAULT_DATE[form];
  if (dateHeader && cells[dateHeader] === undefined) cells[dateHeader] = serialFromIso(submittedOn);
  if (form === "suggestion" && extras.length > 0) {
    cells.备注 = [cells.备注, ...extras].filter(Boolean).join("\n");
    return { cells, extras: [] };
  }
  return { cells, extras };
}
