import type { Json, JsonObject } from "../types";
import { isJsonObject } from "../types";

const channel = (value: Json | undefined): number =>
  typeof value === "number" ? Math.round(Math.min(Math.max(value, 0), 1) * 255) : 0;

/** A Color (missing channels are 0, as proto3 leaves them out) as a CSS colour. */
export function cssColor(color: Json | undefined): string | undefined {
  if (!isJsonObject(color)) return undefined;
  const alpha = typeof color.alpha === "number" ? color.alpha : 1;
  const rgb = `${channel(color.red)}, ${channel(color.green)}, ${channel(color.blue)}`;
  return alpha < 1 ? `rgba(${rgb}, ${alpha})` : `rgb(${rgb})`;
}

/** The plain twin is always filled in by the emulator, so it is enough to read. */
function colorOf(format: JsonObject, key: string): string | undefined {
  return cssColor(format[key]);
}

export interface CellLook {
  background?: string;
  color?: string;
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  underline?: boolean;
  fontSizePt?: number;
  align?: string;
  valign?: string;
  wrap?: boolean;
}

/** What a CellFormat means on screen; `over` (a conditional format) wins where it says something. */
export function lookOf(format: JsonObject | undefined, over?: JsonObject): CellLook {
  const look: CellLook = {};
  for (const f of [format, over]) {
    if (!f) continue;
    const background = colorOf(f, "backgroundColor");
    if (background) look.background = background;
    const text = isJsonObject(f.textFormat) ? f.textFormat : {};
    const color = colorOf(text, "foregroundColor");
    if (color) look.color = color;
    if (typeof text.bold === "boolean") look.bold = text.bold;
    if (typeof text.italic === "boolean") look.italic = text.italic;
    if (typeof text.strikethrough === "boolean") look.strike = text.strikethrough;
    if (typeof text.underline === "boolean") look.underline = text.underline;
    if (typeof text.fontSize === "number") look.fontSizePt = text.fontSize;
    if (typeof f.horizontalAlignment === "string") look.align = f.horizontalAlignment.toLowerCase();
    if (typeof f.verticalAlignment === "string") look.valign = f.verticalAlignment.toLowerCase();
    if (f.wrapStrategy === "WRAP") look.wrap = true;
  }
  return look;
}

/** Inline CSS for a cell; classes carry the common cases so the HTML stays small. */
export function cssOf(look: CellLook): string {
  const css: string[] = [];
  if (look.background) css.push(`background:${look.background}`);
  if (look.color) css.push(`color:${look.color}`);
  if (look.fontSizePt !== undefined && look.fontSizePt !== 10) css.push(`font-size:${look.fontSizePt}pt`);
  if (look.valign === "top") css.push("vertical-align:top");
  if (look.valign === "middle") css.push("vertical-align:middle");
  return css.join(";");
}

export function classesOf(look: CellLook, kind: "number" | "bool" | "text" | "empty"): string[] {
  const classes: string[] = [];
  if (look.bold) classes.push("b");
  if (look.italic) classes.push("i");
  if (look.strike) classes.push("s");
  if (look.underline) classes.push("u");
  if (look.wrap) classes.push("wrap");
  const align = look.align ?? (kind === "number" ? "right" : kind === "bool" ? "center" : undefined);
  if (align === "right") classes.push("ar");
  if (align === "center") classes.push("ac");
  return classes;
}
