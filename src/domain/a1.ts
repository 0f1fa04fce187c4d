import { columnLetter } from "../../sheets-schema/header-map";

export { columnLetter };

/** Quotes a sheet title for A1 notation the way Google's own clients do (always quoted, ' doubled). */
export function quoteSheet(title: string): string {
  return `'${title.replaceAll("'", "''")}'`;
}
