import { problemsTab } from "../../../sheets-schema/tabs";
import type { Problem } from "../../domain/problems";
import { problemTabRows } from "../../domain/problems";

/** Problems with the 编号 a row received in this sync instead of the one first proposed. */
export function relabelProblems(
  problems: readonly Problem[],
  renamed: ReadonlyMap<string, string>,
): Problem[] {
  return problems.map((p) => (p.id && renamed.has(p.id) ? { ...p, id: renamed.get(p.id) ?? p.id } : p));
}

/** The 校验问题 tab's full content: header row, then one row per problem. */
export function problemsTabValues(problems: readonly Problem[]): (string | number)[][] {
  return [problemsTab.columns.map((c) => c.header), ...problemTabRows(problems)];
}
