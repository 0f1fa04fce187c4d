import type { FieldProblem } from "../domain/intake/answer-limits";
import {
  type AnswerValue,
  answerText,
  CHOICE_COLUMNS,
  choiceText,
  type FormKind,
  formColumnFor,
} from "../domain/intake/map-answers";

/**
 * Choices the ledger has no place for (满意度 非常满意, 答复类别 E, 落实情况 已完成): refused at the
 * hook, before anything is stored. Taken, such a rating was written and then read by the sync as an
 * 错误 (and it held back the unit's reply as if the round were rated); the sender can fix it at once.
 * Each column's own 建议台账 cell type decides, so the hook takes exactly what the sync would read as
 * a listed value (“a”, “A类”, “满意。” too), or an option label starting with one (`A类（已解决或基本
 * 解决）`, choiceText), which mapAnswers then stores as that value.
 */
export function choiceProblems(
  form: FormKind,
  answers: Readonly<Record<string, AnswerValue>>,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [question, value] of Object.entries(answers)) {
    const header = formColumnFor(form, question);
    const column = header ? CHOICE_COLUMNS.get(header) : undefined;
    const text = answerText(value);
    if (!column || !text || column.cell.schema.safeParse(choiceText(column, text)).success) continue;
    const allowed = column.cell.values ?? [];
    problems.push({
      field: `answers.${question}`,
      message: `${column.header}“${text}”不是可选的值：请从 ${allowed.join("、")} 中选择后重新提交`,
    });
  }
  return problems;
}
