import * as z from "zod";
import { MAX_YEAR, MIN_YEAR } from "../../sheets-schema/cells/date-cells";

export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Messages of the form platform's own: zod's, even in its Chinese locale, read
 * “无效输入：期望 string，实际接收 undefined”, which says neither which field the platform left out nor
 * what it should hold.
 */
const ANSWER_TYPES = "答案须为文本、数字、是/否、null 或文本的列表";

/** `missing` when the field was not sent at all, else `wrongType`. */
function typeError(missing: string, wrongType: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? missing : wrongType);
}

/**
 * An answer none of the kinds took: what was wrong with the kind it is (a text too long, a list
 * with a number in it), else the kinds an answer may be. zod reports a union's failure whole, with
 * each kind's own issues inside; a kind of another type fails at its root.
 */
function answerError(issue: z.core.$ZodRawIssue): string {
  if (issue.code !== "invalid_union") return ANSWER_TYPES;
  const ofItsKind = issue.errors.find(
    (issues) => issues.length > 0 && !issues.some((i) => i.code === "invalid_type" && i.path.length === 0),
  );
  return ofItsKind?.[0]?.message ?? ANSWER_TYPES;
}

const answerValue = z.union(
  [
    z.string().max(20_000, "答案不能超过 20000 个字符"),
    z.number(),
    z.boolean(),
    z.null(),
    z
      .array(z.string({ error: "列表里的每一项须为文本" }).max(2_000, "列表里的每一项不能超过 2000 个字符"))
      .max(200, "列表不能超过 200 项"),
  ],
  { error: answerError },
);

/** Submissions are dated in the office's zone (UTC+8, no daylight saving since 1991). */
const OFFICE_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The year of an instant in Beijing time; NaN for text that is not a time. */
export function officeYear(isoDateTime: string): number {
  return new Date(Date.parse(isoDateTime) + OFFICE_OFFSET_MS).getUTCFullYear();
}

/**
 * How far ahead of the Worker's clock a submittedAt may be: a platform's clock a little fast. More is
 * a time mislabelled (Beijing wall-clock time sent with `Z` is eight hours ahead): taken as it is, it
 * would date the submission tomorrow, and on 12-31 number it in next year's sequence.
 */
export const MAX_AHEAD_MS = 10 * 60 * 1000;

const yearInRange = (year: number) => year >= MIN_YEAR && year <= MAX_YEAR;

/**
 * The example a submittedAt ahead of the clock is told: its own wall-clock time with +08:00 (what a
 * platform sending Beijing time as `Z` meant), or, one labelled +08:00 already, the time now.
 */
function beijingExample(value: string, nowMs: number): string {
  const wallClock = value.replace(/(?:Z|[+-]\d{2}(?::?\d{2})?)$/i, "");
  if (wallClock !== value && !value.endsWith("+08:00")) return `${wallClock}+08:00`;
  return `${new Date(nowMs + OFFICE_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** The webhook body every form sends; answers are keyed by 建议台账 headers or known question titles. */
export const submissionSchema = z.object(
  {
    submissionId: z
      .string({ error: typeError("缺少 submissionId（每次提交的唯一编号）", "submissionId 须为文本") })
      .trim()
      .min(1, "submissionId 不能为空")
      .max(200, "submissionId 不能超过 200 个字符"),
    submittedAt: z.iso
      .datetime({
        offset: true,
        error: typeError(
          "缺少 submittedAt（提交时间，如 2026-03-02T09:30:00+08:00）",
          "submittedAt 应为 ISO 时间，如 2026-03-02T09:30:00+08:00",
        ),
      })
      .refine((value) => {
        const year = officeYear(value);
        // NaN: not a time at all, which the format check above already reports.
        return Number.isNaN(year) || yearInRange(year);
      }, `submittedAt 的年份须在 ${MIN_YEAR}–${MAX_YEAR} 年之间（北京时间）：请核对提交时间`)
      // The Worker's clock, read at the edge: one in a year out of range is told that alone.
      .refine((value) => !yearInRange(officeYear(value)) || Date.parse(value) <= Date.now() + MAX_AHEAD_MS, {
        error: (issue) =>
          `submittedAt 晚于当前时间：请用带时区的时间，北京时间写作 …+08:00（如 ${beijingExample(String(issue.input), Date.now())}）`,
      }),
    answers: z
      .record(z.string().max(200), answerValue, {
        error: (issue) =>
          issue.code === "invalid_key"
            ? "题目名称不能超过 200 个字符"
            : typeError(
                "缺少 answers（表单的答案，按题目名称）",
                'answers 须为对象，按题目名称填写答案，如 {"标题": "…"}',
              )(issue),
      })
      .refine((a) => Object.keys(a).length > 0, "answers 不能为空"),
  },
  { error: "提交内容须为 JSON 对象，含 submissionId、submittedAt 和 answers" },
);

export type Submission = z.infer<typeof submissionSchema>;

/** Field-level errors for a 400, e.g. [{ field: "answers.标题", message: "..." }]. */
export function fieldErrors(error: z.ZodError): { field: string; message: string }[] {
  return error.issues.map((i) => ({ field: i.path.join(".") || "(body)", message: i.message }));
}
