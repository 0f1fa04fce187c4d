import type { ColumnDef, TabDef } from "../columns";
import { holidaysTab, settingsTab, templatesTab } from "./config-tabs";
import { deputiesTab, unitsTab } from "./directory";
import { ledgerTab } from "./ledger";
import { noticeLogTab, problemsTab, statisticsTab } from "./system-tabs";

export * from "./config-tabs";
export * from "./directory";
export * from "./ledger";
export * from "./system-tabs";

/** Every tab of the spreadsheet in provisioning order: staff tabs, then system tabs. */
export const ALL_TABS: readonly TabDef<string, readonly ColumnDef[]>[] = [
  ledgerTab,
  unitsTab,
  deputiesTab,
  templatesTab,
  holidaysTab,
  settingsTab,
  noticeLogTab,
  problemsTab,
  statisticsTab,
];
