import * as z from "zod";
import { MAX_YEAR, MIN_YEAR } from "../../sheets-schema/cells/date-cells";
import { LONG_TEXT_MAX } from "../../sheets-schema/cells/text-cells";

/**
 * The largest form submission taken. It must let a few answers at MAX_ANSWER_CHARS through in
 * Chinese (3 bytes a character in UTF-8: 60,000 bytes each; four are 240,000): the README promises
 * long text is cut, not refused, and at 64 KiB not even 22,000 Chinese characters fitted, so the
 * answer limit could never be reached. The body is kept whole in the D1 inbox (its `raw`, beside the
 * cells already cut to the sheet's limits), well within D1's 2,000,000-byte row; the intake queue's
 * message carries only the form and submissionId (Queues' limit is 128 KB), so it never grows with it.
 */
export const MAX_BODY_BYTES = 256 * 1024;

/** The longest answer taken, in characters (UTF-16 code units, as zod counts). */
export const MAX_ANSWER_CHARS = 20_000;

/** About how many Chinese characters MAX_BODY_BYTES holds, for a message to staff: 87000. */
const MAX_BODY_HANZI = Math.floor(MAX_BODY_BYTES / 3 / 1000) * 1000;

/** How many answers a 413 names at most. */
const NAMED_ANSWERS = 3;

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
    z.string().max(MAX_ANSWER_CHARS, `答案不能超过 ${MAX_ANSWER_CHARS} 个字符`),
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

/** What submittedAt may be, as a refusal tells it. */
const TIME_FORMS =
  "应为提交时间：ISO 时间（如 2026-03-02T09:30:00+08:00）、北京时间（如 2026-03-02 09:30:00）或毫秒时间戳（如 1772415000000）";

const ISO_WITH_OFFSET = z.iso.datetime({ offset: true });

/** 问卷星's and 腾讯问卷's time: Beijing wall-clock time, `-` or `/` between the date's parts. */
const WALL_CLOCK = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** 飞书's time: milliseconds since 1970 (13 digits from 2001 to 2286). */
const EPOCH_MS = /^\d{13}$/;

const pad2 = (n: number) => String(n).padStart(2, "0");

/**
 * A submittedAt as sent by the platforms in use, as an instant: ISO with its offset (kept as sent),
 * Beijing wall-clock time without one (问卷星, 腾讯问卷: `2026-12-07 19:08:46`, read as +08:00 whatever
 * 设置 时区 says, since the platform's servers keep Beijing time), or epoch milliseconds, a number or
 * its digits (飞书). Null for anything else, a day or hour that does not exist among them.
 */
export function instantOf(sent: string | number): string | null {
  if (typeof sent === "number")
    return Number.isInteger(sent) && EPOCH_MS.test(String(sent)) ? new Date(sent).toISOString() : null;
  const text = sent.trim();
  if (EPOCH_MS.test(text)) return new Date(Number(text)).toISOString();
  if (ISO_WITH_OFFSET.safeParse(text).success) return text;
  const m = WALL_CLOCK.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [1, 3, 4, 5, 6, 7].map((i) => Number(m[i] ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const utc = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC rolls 02-30 over into March: such a day, or hour 24, is not a time.
  if (utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59)
    return null;
  return `${year}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}+08:00`;
}

/** The webhook body every form sends; answers are keyed by 建议台账 headers or known question titles. */
export const submissionSchema = z.object(
  {
    submissionId: z
      .string({ error: typeError("缺少 submissionId（每次提交的唯一编号）", "submissionId 须为文本") })
      .trim()
      .min(1, "submissionId 不能为空")
      .max(200, "submissionId 不能超过 200 个字符"),
    submittedAt: z
      .union([z.string(), z.number()], {
        error: typeError(
          "缺少 submittedAt（提交时间，如 2026-03-02T09:30:00+08:00）",
          `submittedAt ${TIME_FORMS}`,
        ),
      })
      // One message a time: checked as separate refinements, a time no format took was also told
      // 晚于当前时间 (Date.parse reads more than the format check does).
      .transform((sent, ctx) => {
        const instant = instantOf(sent);
        if (instant === null) {
          ctx.addIssue({ code: "custom", message: `submittedAt ${TIME_FORMS}` });
          return z.NEVER;
        }
        if (!yearInRange(officeYear(instant))) {
          ctx.addIssue({
            code: "custom",
            message: `submittedAt 的年份须在 ${MIN_YEAR}–${MAX_YEAR} 年之间（北京时间）：请核对提交时间`,
          });
          return z.NEVER;
        }
        // The Worker's clock, read at the edge.
        if (Date.parse(instant) > Date.now() + MAX_AHEAD_MS) {
          ctx.addIssue({
            code: "custom",
            message: `submittedAt 晚于当前时间：请用带时区的时间，北京时间写作 …+08:00（如 ${beijingExample(instant, Date.now())}）`,
          });
          return z.NEVER;
        }
        return instant;
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

/** The text of an answer as sent (a list's items joined), for counting its characters. */
function sentText(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(String).join("、");
  return value === null || value === undefined ? "" : String(value);
}

/**
 * The 413 of a submission over MAX_BODY_BYTES, in characters (staff do not count KiB): from `json`,
 * the body parsed when it could be (signed, small enough to be read whole), its answers' total and
 * the longest of them over what the sheet keeps of long text (LONG_TEXT_MAX), each named as sent;
 * without it, the limit alone.
 */
export function tooLargeError(json: unknown): {
  message: string;
  details?: { field: string; message: string }[];
} {
  const head = `提交内容过长：一次提交的全部答案合计不能超过约 ${MAX_BODY_HANZI} 个汉字`;
  const tail = `：请删减后重新提交（长文本写入台账时每格只保留 ${LONG_TEXT_MAX} 字）`;
  const answers =
    json !== null && typeof json === "object" && !Array.isArray(json)
      ? (json as { answers?: unknown }).answers
      : undefined;
  if (answers === null || typeof answers !== "object" || Array.isArray(answers))
    return { message: head + tail };
  const lengths = Object.entries(answers as Record<string, unknown>).map(([question, value]) => ({
    question,
    chars: sentText(value).length,
  }));
  const total = lengths.reduce((sum, a) => sum + a.chars, 0);
  // Stable: answers of one length keep the form's order.
  const longest = lengths.sort((a, b) => b.chars - a.chars);
  const long = longest.filter((a) => a.chars > LONG_TEXT_MAX);
  const named = (long.length > 0 ? long : longest).slice(0, NAMED_ANSWERS);
  const details = named.map(({ question, chars }) => ({
    field: `answers.${question}`,
    message: `“${question}”（${chars} 字${chars > MAX_ANSWER_CHARS ? `，每项不能超过 ${MAX_ANSWER_CHARS} 字` : ""}）`,
  }));
  const which = details.map((d) => d.message).join("、");
  const more = long.length > named.length ? `等 ${long.length} 项` : "";
  const among = long.length > 0 ? `其中超过 ${LONG_TEXT_MAX} 字的有${which}${more}` : `其中最长的是${which}`;
  return { message: `${head}，这次共 ${total} 字，${among}${tail}`, details };
}
