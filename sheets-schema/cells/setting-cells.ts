import * as z from "zod";
import { type CellType, describeRaw, textOf, toHalfWidth, wrongShapeMessage } from "./cell-type";
import { parseDateValue } from "./date-cells";
import { splitList } from "./list-cells";

/**
 * Cells of the 设置 rows practice.md added: a period in days or months, session periods, and the
 * unit assessment's weights and grades. Each refusal says what to write instead.
 */

/** A period in days or calendar months (民法典 Arts. 201–203 either way). */
export interface Period {
  readonly amount: number;
  readonly unit: "天" | "个月";
}

const PERIOD = /^(\d{1,3})\s*(天|日|个月|月)$/;
const PERIOD_FORMS = "写成 30天 或 1个月";

/** `N天` or `N个月` (`N日`, `N月` and a plain number of days are read too). */
export function periodCell(): CellType<Period, null> {
  const schema = z.unknown().transform((raw, ctx): Period => {
    const text =
      typeof raw === "number" ? `${raw}天` : typeof raw === "string" ? toHalfWidth(raw.trim()) : "";
    const match = PERIOD.exec(text);
    if (!match) {
      ctx.addIssue({ code: "custom", message: `${describeRaw(raw)}不是期限：请${PERIOD_FORMS}` });
      return z.NEVER;
    }
    const amount = Number(match[1]);
    const unit = match[2] === "天" || match[2] === "日" ? "天" : "个月";
    const max = unit === "天" ? 365 : 12;
    if (amount < 1 || amount > max) {
      ctx.addIssue({ code: "custom", message: `期限${describeRaw(raw)}应在 1–${max}${unit} 之间` });
      return z.NEVER;
    }
    return { amount, unit };
  });
  return { kind: "text", schema, blank: null };
}

/** A span of days, both ends included (a session of the congress). */
export interface DateRange {
  readonly from: string;
  readonly to: string;
}

const RANGE_SEPARATOR = /\s*(?:~|～|至|—|－－|--)\s*/;

/** Session periods: `2026-01-08~2026-01-11`, several separated by `,` (a single day is one date). */
export function dateRangesCell(): CellType<DateRange[], DateRange[]> {
  const schema = z.unknown().transform((raw, ctx): DateRange[] => {
    const items = splitList(textOf(raw));
    if (!Array.isArray(items)) {
      ctx.addIssue({ code: "custom", message: wrongShapeMessage(raw, "会议期间，如 2026-01-08~2026-01-11") });
      return z.NEVER;
    }
    const ranges: DateRange[] = [];
    for (const item of items as string[]) {
      const ends = item.split(RANGE_SEPARATOR);
      const parsed = ends.map((end) => parseDateValue(end));
      const bad = parsed.find((p) => !p.ok);
      if (ends.length > 2 || bad) {
        const why = bad && !bad.ok ? `（${bad.message}）` : "";
        ctx.addIssue({
          code: "custom",
          message: `会议期间${describeRaw(item)}无法识别${why}：请写成 2026-01-08~2026-01-11，多个以逗号分隔`,
        });
        return z.NEVER;
      }
      const [from, to] = parsed.map((p) => (p.ok ? p.iso : "")) as [string, string | undefined];
      const end = to ?? from;
      if (end < from) {
        ctx.addIssue({
          code: "custom",
          message: `会议期间${describeRaw(item)}的结束日期早于开始日期：请核对`,
        });
        return z.NEVER;
      }
      ranges.push({ from, to: end });
    }
    return ranges;
  });
  return { kind: "text", schema, blank: [] };
}

/** The figures the unit assessment may weigh (practice.md, 单位测评). */
export const ASSESSMENT_FIGURES = ["按期答复率", "满意率", "沟通率", "落实率", "常委会测评"] as const;
export type AssessmentFigure = (typeof ASSESSMENT_FIGURES)[number];

/** `名称:数字` pairs separated by `,`; `:` or `：` between them. */
function pairs(raw: unknown, ctx: z.RefinementCtx, what: string): [string, number][] | null {
  const items = splitList(textOf(raw));
  if (!Array.isArray(items) || items.length === 0) {
    ctx.addIssue({ code: "custom", message: wrongShapeMessage(raw, what) });
    return null;
  }
  const out: [string, number][] = [];
  for (const item of items as string[]) {
    const match = /^(.+?)\s*[:：]\s*(\d{1,3})$/.exec(toHalfWidth(item));
    if (!match) {
      ctx.addIssue({ code: "custom", message: `${describeRaw(item)}无法识别：请写成 ${what}` });
      return null;
    }
    out.push([(match[1] as string).trim(), Number(match[2])]);
  }
  return out;
}

/** 测评权重: each figure's weight, summing to 100. */
export function weightsCell(): CellType<Partial<Record<AssessmentFigure, number>>, null> {
  const example = "按期答复率:30,满意率:40,沟通率:15,落实率:15";
  const schema = z.unknown().transform((raw, ctx) => {
    const list = pairs(raw, ctx, example);
    if (!list) return z.NEVER;
    const weights: Partial<Record<AssessmentFigure, number>> = {};
    for (const [name, weight] of list) {
      if (!(ASSESSMENT_FIGURES as readonly string[]).includes(name)) {
        ctx.addIssue({
          code: "custom",
          message: `“${name}”不是测评指标：可用 ${ASSESSMENT_FIGURES.join("、")}`,
        });
        return z.NEVER;
      }
      weights[name as AssessmentFigure] = weight;
    }
    const sum = list.reduce((n, [, w]) => n + w, 0);
    if (sum !== 100) {
      ctx.addIssue({ code: "custom", message: `各项权重之和为 ${sum}，应为 100：请调整` });
      return z.NEVER;
    }
    return weights;
  });
  return { kind: "text", schema, blank: null };
}

/** 测评等次: each grade's lowest 综合得分, highest first; below the last is 差. */
export function gradesCell(): CellType<[string, number][], null> {
  const example = "好:90,较好:80,一般:60";
  const schema = z.unknown().transform((raw, ctx) => {
    const list = pairs(raw, ctx, example);
    if (!list) return z.NEVER;
    for (let i = 1; i < list.length; i += 1) {
      if ((list[i] as [string, number])[1] >= (list[i - 1] as [string, number])[1]) {
        ctx.addIssue({ code: "custom", message: `等次须按分数从高到低排列，如 ${example}` });
        return z.NEVER;
      }
    }
    if (list.some(([, score]) => score > 100)) {
      ctx.addIssue({ code: "custom", message: "等次分数应在 0–100 之间" });
      return z.NEVER;
    }
    return list;
  });
  return { kind: "text", schema, blank: null };
}
