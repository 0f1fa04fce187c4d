import { parseDateValue } from "../../../sheets-schema/cells/date-cells";
import { splitList } from "../../../sheets-schema/cells/list-cells";
import { opinionColumns } from "../../../sheets-schema/tabs/evaluation-tabs";
import { fieldLimit } from "./field-limits";
import {
  type AnswerValue,
  answerText,
  DATE_HEADERS,
  DEFAULT_DATE,
  type FormKind,
  formColumnFor,
} from "./map-answers";

/** One refused answer, named as the sender sent it: `answers.<question>`. */
export interface FieldProblem {
  field: string;
  message: string;
}

function problemOf(header: string, text: string): string | null {
  if (DATE_HEADERS.has(header)) {
    const parsed = parseDateValue(text);
    // Only a date in a known form with an impossible year is refused; other odd dates are accepted
    // and reported in 校验问题 like any other domain problem.
    return !parsed.ok && parsed.yearOutOfRange ? `${header}：${parsed.message}` : null;
  }
  const limit = fieldLimit(header);
  if (limit.kind === "long") return null;
  if (limit.kind === "list") {
    const items = splitList(text) as string[];
    const long = items.find((item) => item.length > limit.itemMax);
    return long === undefined
      ? null
      : `${header}中的“${long.slice(0, 20)}…”有 ${long.length} 个字，每项不能超过 ${limit.itemMax} 字：请核对`;
  }
  return text.length <= limit.max
    ? null
    : `${header}有 ${text.length} 个字，超过台账 ${limit.max} 字的上限：请精简后重新提交`;
}

/**
 * The columns of 民意 an opinion cannot be without (联络站, 内容, 接待代表): the sync reads a row
 * lacking one as an 错误, but only after the form had answered 成功 and the row was written. Taken
 * from the tab's own `required`, so the form refuses exactly what the sync would flag; 日期 is left
 * out, the form filling in the day of submission when it is not answered.
 */
const OPINION_REQUIRED: readonly string[] = opinionColumns
  .filter((col) => col.required && col.header !== DEFAULT_DATE.opinion)
  .map((col) => col.header);

/** The required answers of an opinion left out or blank, each named by its 民意 header. */
function missingOpinionAnswers(answers: Readonly<Record<string, AnswerValue>>): FieldProblem[] {
  const filled = new Set<string>();
  for (const [question, value] of Object.entries(answers)) {
    const header = formColumnFor("opinion", question);
    if (header && answerText(value)) filled.add(header);
  }
  return OPINION_REQUIRED.filter((header) => !filled.has(header)).map((header) => ({
    field: `answers.${header}`,
    message: `民意须填写${header}：请补上后重新提交`,
  }));
}

/**
 * What a form cannot be taken with: an opinion without 联络站, 内容 or 接待代表 (OPINION_REQUIRED;
 * a suggestion's, reply's and rating's own are checked by acceptSubmission), and answers the ledger
 * cannot hold as sent: a date whose year is outside 2000–2100, or a short field (标题, a name, 编号,
 * a choice) over its column's limit. Long text is never refused here: it is cut
 * with a marker when mapped, and kept whole in the D1 inbox.
 */
export function answerProblems(
  form: FormKind,
  answers: Readonly<Record<string, AnswerValue>>,
): FieldProblem[] {
  const problems: FieldProblem[] = form === "opinion" ? missingOpinionAnswers(answers) : [];
  for (const [question, value] of Object.entries(answers)) {
    const header = formColumnFor(form, question);
    const text = answerText(value);
    if (!header || !text) continue;
    const message = problemOf(header, text);
    if (message) problems.push({ field: `answers.${question}`, message });
  }
  return problems;
}
