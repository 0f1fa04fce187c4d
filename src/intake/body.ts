import * as z from "zod";
import { MAX_YEAR, MIN_YEAR } from "../../sheets-schema/cells/date-cells";

export const MAX_BODY_BYTES = 64 * 1024;

const answerValue = z.union([
  z.string().max(20_000),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.string().max(2_000)).max(200),
]);

/** Submissions are dated in the office's zone (UTC+8, no daylight saving since 1991). */
const OFFICE_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The year of an instant in Beijing time; NaN for text that is not a time. */
export function officeYear(isoDateTime: string): number {
  return new Date(Date.parse(isoDateTime) + OFFICE_OFFSET_MS).getUTCFullYear();
}

/** The webhook body every form sends; answers are keyed by 建议台账 headers or known question titles. */
export const submissionSchema = z.object({
  submissionId: z.string().trim().min(1, "submissionId 不能为空").max(200),
  submittedAt: z.iso
    .datetime({
      offset: true,
      message: "submittedAt 应为 ISO 时间，如 2026-03-02T09:30:00+08:00",
    })
    .refine((value) => {
      const year = officeYear(value);
      // NaN: not a time at all, which the format check above already reports.
      return Number.isNaN(year) || (year >= MIN_YEAR && year <= MAX_YEAR);
    }, `submittedAt 的年份须在 ${MIN_YEAR}–${MAX_YEAR} 年之间（北京时间）：请核对提交时间`),
  answers: z
    .record(z.string().max(200), answerValue)
    .refine((a) => Object.keys(a).length > 0, "answers 不能为空"),
});

export type Submission = z.infer<typeof submissionSchema>;

/** Field-level errors for a 400, e.g. [{ field: "answers.标题", message: "..." }]. */
export function fieldErrors(error: z.ZodError): { field: string; message: string }[] {
  return error.issues.map((i) => ({ field: i.path.join(".") || "(body)", message: i.message }));
}
