import type { AnyCellType, CellValue } from "./cells/cell-type";

/** Who writes a column: staff (and forms), or the sync job on every run. */
export type Owner = "staff" | "system";

/** Where a column's dropdown (data validation) takes its values from. */
export type Dropdown =
  | { readonly source: "values"; readonly values: readonly string[] }
  | { readonly source: "column"; readonly tab: string; readonly header: string }
  | { readonly source: "setting"; readonly item: string };

/** One column of a tab: header text, English key, cell type, rules and provisioning facts. */
export interface ColumnDef<K extends string = string, C extends AnyCellType = AnyCellType> {
  readonly key: K;
  readonly header: string;
  readonly owner: Owner;
  readonly cell: C;
  /** A value is required on every data row. */
  readonly required: boolean;
  /** Human-readable conditional rules ("required when 并案"), for the docs and the dashboard. */
  readonly rules: readonly string[];
  /**
   * The tab cannot be synced without this header. Purely informational columns (届次, 备注) may be
   * deleted by staff; the sync then treats them as blank and says so in a 提醒.
   */
  readonly headerRequired: boolean;
  /**
   * A column added after offices had their sheets (practice.md): a sheet without it works as
   * before, so its absence is not worth a 提醒 on every sync; `sheet:init` offers it.
   */
  readonly quietWhenMissing?: boolean;
  readonly dropdown?: Dropdown;
  /** Column width in pixels for provisioning. */
  readonly width?: number;
  readonly note: string;
}

type ColumnInput<K extends string, C extends AnyCellType> = Omit<
  ColumnDef<K, C>,
  "required" | "rules" | "headerRequired"
> &
  Partial<Pick<ColumnDef<K, C>, "required" | "rules" | "headerRequired">>;

/** Declares a column, keeping its key and cell type as literal types for the row types. */
export function column<const K extends string, C extends AnyCellType>(
  def: ColumnInput<K, C>,
): ColumnDef<K, C> {
  const dropdown: Dropdown | undefined =
    def.dropdown ??
    (def.cell.values && def.cell.kind !== "channels"
      ? { source: "values", values: def.cell.values }
      : undefined);
  return {
    ...def,
    required: def.required ?? false,
    rules: def.rules ?? [],
    headerRequired: def.headerRequired ?? true,
    ...(dropdown ? { dropdown } : {}),
  };
}

/** The parsed record of a tab: one field per column, typed from its cell type. */
export type RecordOf<Cols extends readonly ColumnDef[]> = {
  -readonly [C in Cols[number] as C["key"]]: CellValue<C["cell"]>;
};

/** A tab of the spreadsheet. */
export interface TabDef<N extends string = string, Cols extends readonly ColumnDef[] = readonly ColumnDef[]> {
  readonly name: N;
  readonly owner: Owner;
  readonly columns: Cols;
  readonly note: string;
}

/** Declares a tab. */
export function tab<const N extends string, const Cols extends readonly ColumnDef[]>(
  def: TabDef<N, Cols>,
): TabDef<N, Cols> {
  return def;
}

/** True for a date column: provisioning gives it the date number format and a date validation. */
export function isDateColumn(col: ColumnDef): boolean {
  return col.cell.kind === "date" || col.cell.kind === "dateTime";
}
