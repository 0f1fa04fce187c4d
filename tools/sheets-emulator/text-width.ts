import type { JsonObject } from "./types";
import { isJsonObject } from "./types";

/**
 * Arial advance widths in thousandths of an em for printable ASCII (from the font's metrics);
 * anything wider than Latin (CJK, full-width forms) counts as a full em.
 */
const ASCII_WIDTHS =
  "278,278,355,556,556,889,667,191,333,333,389,584,278,333,278,278," +
  "556,556,556,556,556,556,556,556,556,556,278,278,584,584,584,556," +
  "1015,667,667,722,722,667,611,778,722,278,500,667,556,833,722,778," +
  "667,778,722,667,611,722,667,944,667,667,611,278,278,278,469,556," +
  "333,556,556,500,556,556,278,556,556,222,222,500,222,833,556,556," +
  "556,556,333,500,278,556,500,722,500,500,500,334,260,334,584";
const WIDTHS = ASCII_WIDTHS.split(",").map(Number);

/**
 * Pixels per em at font size 10, calibrated on Google's recorded answer: a column holding 1024 "A"
 * auto-resizes to 9483 px (gspread WorksheetTest.test_auto_resize_columns), i.e. 1024 × 0.667 em
 * plus 6 px of cell padding.
 */
const EM_PX_AT_10 = 13.875;
export const CELL_PADDING_PX = 6;
const LINE_PX_AT_10 = 16;
const ROW_CHROME_PX = 5;

function emWidth(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 32 && code < 127) return (WIDTHS[code - 32] ?? 556) / 1000;
  return code < 0x2e80 ? 0.556 : 1;
}

export interface TextStyle {
  fontSize: number;
  bold: boolean;
}

export function textStyleOf(format: JsonObject | undefined): TextStyle {
  const text = isJsonObject(format?.textFormat) ? format.textFormat : {};
  return {
    fontSize: typeof text.fontSize === "number" ? text.fontSize : 10,
    bold: text.bold === true,
  };
}

/** Width in pixels of one line of text (an estimate: the emulator has no font renderer). */
export function lineWidthPx(text: string, style: TextStyle): number {
  let ems = 0;
  for (const ch of text) ems += emWidth(ch);
  return ems * EM_PX_AT_10 * (style.fontSize / 10) * (style.bold ? 1.05 : 1);
}

/** The column width that shows the text without clipping: the widest line plus padding. */
export function fitWidthPx(text: string, style: TextStyle): number {
  const widest = Math.max(0, ...text.split("\n").map((line) => lineWidthPx(line, style)));
  return Math.ceil(widest) + CELL_PADDING_PX;
}

/** The row height that shows the text: 21 px for one line of 10-point text, more per extra line. */
export function fitHeightPx(text: string, style: TextStyle, wrapWidthPx?: number): number {
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    const width = lineWidthPx(paragraph, style);
    const room =
      wrapWidthPx === undefined ? Number.POSITIVE_INFINITY : Math.max(1, wrapWidthPx - CELL_PADDING_PX);
    lines += Math.max(1, Math.ceil(width / room));
  }
  return Math.round(lines * LINE_PX_AT_10 * (style.fontSize / 10)) + ROW_CHROME_PX;
}
