import type { MaskTree } from "./field-mask";
import { DEFAULT_THEME } from "./spreadsheet-defaults";
import type { Json, JsonObject } from "./types";
import { isJsonObject } from "./types";

/**
 * Google keeps every colour twice: the deprecated `xColor` (a Color) and `xColorStyle` (a ColorStyle
 * holding `rgbColor` or `themeColor`). Whichever one a request sets, spreadsheets.get shows both
 * (recorded: gspread WorksheetTest.test_format sets backgroundColor and textFormat.foregroundColor and
 * reads back backgroundColorStyle.rgbColor and foregroundColorStyle.rgbColor). When both are sent, the
 * style wins ("If background_color is also set, this field takes precedence", DISC CellFormat).
 */
const FORMAT_PAIRS: [string, string][] = [["backgroundColor", "backgroundColorStyle"]];
const TEXT_PAIRS: [string, string][] = [["foregroundColor", "foregroundColorStyle"]];
const BORDER_PAIRS: [string, string][] = [["color", "colorStyle"]];
const BORDER_SIDES = ["top", "bottom", "left", "right"];
const CHANNELS = ["red", "green", "blue"] as const;

/** proto3 JSON leaves zero channels out (recorded: {red:1, green:0, blue:0.5} reads back without green). */
export function cleanColor(color: Json | undefined): JsonObject {
  const out: JsonObject = {};
  if (!isJsonObject(color)) return out;
  for (const channel of CHANNELS) {
    const value = color[channel];
    if (typeof value === "number" && value !== 0) out[channel] = value;
  }
  if (typeof color.alpha === "number") out.alpha = color.alpha;
  return out;
}

function themeRgb(themeColor: Json | undefined): JsonObject | undefined {
  const colors = DEFAULT_THEME.themeColors;
  if (!Array.isArray(colors)) return undefined;
  const match = colors.find((c) => isJsonObject(c) && c.colorType === themeColor);
  const style = isJsonObject(match) && isJsonObject(match.color) ? match.color : undefined;
  return style && isJsonObject(style.rgbColor) ? style.rgbColor : undefined;
}

/** A ColorStyle as stored, or undefined when it names no colour (an emptied style clears the colour). */
function cleanStyle(style: Json | undefined): JsonObject | undefined {
  if (!isJsonObject(style)) return undefined;
  if (typeof style.themeColor === "string") return { themeColor: style.themeColor };
  if (isJsonObject(style.rgbColor)) return { rgbColor: cleanColor(style.rgbColor) };
  return undefined;
}

/** Sets both twins from whichever was given (the style first); an empty style clears both. */
export function mirrorPair(
  target: JsonObject,
  plainKey: string,
  styleKey: string,
  quantize?: (c: JsonObject) => JsonObject,
) {
  const q = quantize ?? ((c: JsonObject) => c);
  const hadStyle = target[styleKey] !== undefined;
  const style = cleanStyle(target[styleKey]);
  if (style) {
    const rgb = style.themeColor !== undefined ? themeRgb(style.themeColor) : style.rgbColor;
    if (isJsonObject(style.rgbColor)) style.rgbColor = q(style.rgbColor);
    target[styleKey] = style;
    target[plainKey] = q(cleanColor(rgb));
  } else if (!hadStyle && isJsonObject(target[plainKey])) {
    const plain = q(cleanColor(target[plainKey]));
    target[plainKey] = plain;
    target[styleKey] = { rgbColor: { ...plain } };
  } else {
    delete target[plainKey];
    delete target[styleKey];
  }
}

function mirrorPairs(target: JsonObject, pairs: [string, string][]): void {
  for (const [plain, style] of pairs) {
    if (target[plain] !== undefined || target[style] !== undefined) mirrorPair(target, plain, style);
  }
}

/** A CellFormat with every colour held in both twins, as Google stores it. */
export function canonicalFormat(format: JsonObject): JsonObject {
  const out = structuredClone(format);
  mirrorPairs(out, FORMAT_PAIRS);
  if (isJsonObject(out.textFormat)) mirrorPairs(out.textFormat, TEXT_PAIRS);
  if (isJsonObject(out.borders)) {
    for (const side of BORDER_SIDES) {
      const border = out.borders[side];
      if (isJsonObject(border)) mirrorPairs(border, BORDER_PAIRS);
    }
  }
  return out;
}

function twinMask(tree: MaskTree, pairs: [string, string][]): MaskTree {
  const out: MaskTree = new Map(tree);
  for (const [plain, style] of pairs) {
    if (out.has(plain) || out.has(style)) {
      out.set(plain, true);
      out.set(style, true);
    }
  }
  return out;
}

/**
 * A userEnteredFormat mask widened so that naming one twin writes (or clears) both: they are one
 * colour in Sheets, so `fields: "userEnteredFormat.backgroundColor"` also replaces the style.
 */
export function formatMaskWithTwins(tree: MaskTree): MaskTree {
  const out = twinMask(tree, FORMAT_PAIRS);
  const text = out.get("textFormat");
  if (text !== undefined && text !== true) out.set("textFormat", twinMask(text, TEXT_PAIRS));
  const borders = out.get("borders");
  if (borders !== undefined && borders !== true) {
    const sides: MaskTree = new Map(borders);
    for (const [side, sub] of sides) if (sub !== true) sides.set(side, twinMask(sub, BORDER_PAIRS));
    out.set("borders", sides);
  }
  return out;
}

/** Conditional-format rules carry CellFormats and gradient points with colours too. */
export function canonicalRule(rule: JsonObject): JsonObject {
  const out = structuredClone(rule);
  if (isJsonObject(out.booleanRule) && isJsonObject(out.booleanRule.format)) {
    out.booleanRule.format = canonicalFormat(out.booleanRule.format);
  }
  if (isJsonObject(out.gradientRule)) {
    for (const point of ["minpoint", "midpoint", "maxpoint"]) {
      const p = out.gradientRule[point];
      if (isJsonObject(p)) mirrorPairs(p, BORDER_PAIRS);
    }
  }
  return out;
}

/** The shortest decimal that reads back as the same 32-bit float, as Google prints its floats. */
export function float32Json(value: number): number {
  const f = Math.fround(value);
  for (let digits = 1; digits <= 9; digits++) {
    const candidate = Number(f.toPrecision(digits));
    if (Math.fround(candidate) === f) return candidate;
  }
  return f;
}

/**
 * A tab colour as Sheets stores it: 8 bits per channel, truncated, printed as a 32-bit float
 * (recorded: gspread WorksheetTest.test_update_tab_color sends blue 0.5 and reads back 0.49803922,
 * i.e. 127/255; the theme colours read the same way, e.g. 0.25882354 = 66/255).
 */
export function quantizeColor(color: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const channel of CHANNELS) {
    const value = color[channel];
    if (typeof value !== "number") continue;
    const level = Math.floor(Math.fround(Math.fround(Math.min(Math.max(value, 0), 1)) * 255));
    if (level !== 0) out[channel] = float32Json(level / 255);
  }
  if (typeof color.alpha === "number") out.alpha = color.alpha;
  return out;
}
