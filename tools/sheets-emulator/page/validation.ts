import type { Evaluator } from "../formula-eval";
import { clampToGrid, resolveRange } from "../ranges";
import type { Json, JsonObject, SpreadsheetModel } from "../types";
import { isJsonObject } from "../types";
import { rectValues } from "../values-read";

/** A data-validation rule as the page needs it: the dropdown's items, and whether others are refused. */
export interface PageRule {
  kind: "list" | "date" | "other";
  options: string[];
  strict: boolean;
  dropdown: boolean;
  help: string;
}

function listItems(ss: SpreadsheetModel, ev: Evaluator, condition: JsonObject): string[] {
  const values = Array.isArray(condition.values) ? condition.values : [];
  const texts = values.map((v) =>
    isJsonObject(v) && typeof v.userEnteredValue === "string" ? v.userEnteredValue : "",
  );
  if (condition.type === "ONE_OF_LIST") return texts.filter((t) => t !== "");
  // ONE_OF_RANGE: "='单位名录'!$A$2:$A" — the distinct values the range shows, in order.
  const a1 = (texts[0] ?? "").replace(/^=/, "").replaceAll("$", "");
  try {
    const rect = clampToGrid(resolveRange(ss, a1));
    const rows = rectValues(ev, rect, {
      majorDimension: "ROWS",
      valueRenderOption: "FORMATTED_VALUE",
      dateTimeRenderOption: "SERIAL_NUMBER",
    });
    const seen = new Set<string>();
    for (const row of rows) for (const v of row) if (typeof v === "string" && v !== "") seen.add(v);
    return [...seen];
  } catch {
    return [];
  }
}

/** Reads every distinct rule once per render (a rule shared by 2,000 cells is resolved once). */
export class RuleBook {
  readonly rules: PageRule[] = [];
  private readonly index = new Map<string, number>();

  constructor(
    private readonly ss: SpreadsheetModel,
    private readonly ev: Evaluator,
  ) {}

  /** The rule's number in `rules`, or undefined for a cell without validation. */
  of(validation: Json | undefined): number | undefined {
    if (!isJsonObject(validation) || !isJsonObject(validation.condition)) return undefined;
    const key = JSON.stringify(validation);
    const known = this.index.get(key);
    if (known !== undefined) return known;
    const condition = validation.condition;
    const type = condition.type;
    const list = type === "ONE_OF_LIST" || type === "ONE_OF_RANGE";
    const rule: PageRule = {
      kind: list ? "list" : type === "DATE_IS_VALID" ? "date" : "other",
      options: list ? listItems(this.ss, this.ev, condition) : [],
      strict: validation.strict === true,
      dropdown: list && validation.showCustomUi === true,
      help: typeof validation.inputMessage === "string" ? validation.inputMessage : "",
    };
    this.rules.push(rule);
    this.index.set(key, this.rules.length - 1);
    return this.rules.length - 1;
  }
}

/** Whether a shown value satisfies the rule (a blank always does). */
export function satisfies(rule: PageRule, text: string, isNumber: boolean): boolean {
  if (text === "") return true;
  if (rule.kind === "list") return rule.options.includes(text);
  if (rule.kind === "date") return isNumber;
  return true;
}
