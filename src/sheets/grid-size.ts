export interface GridSize {
  rows: number;
  columns: number;
}

/** Letters and row of the end of a returned range such as 'x'!A1:AH1000 → { columns: 34, rows: 1000 }. */
export function gridFromRange(range: string | null | undefined): GridSize | null {
  const m = /!?([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range ?? "");
  if (!m) return null;
  let columns = 0;
  for (const ch of m[3] ?? "") columns = columns * 26 + (ch.charCodeAt(0) - 64);
  return { rows: Number(m[4]), columns };
}
