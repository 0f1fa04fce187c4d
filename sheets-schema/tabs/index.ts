import type { ColumnDef, TabDef } from "../columns";
import { holidaysTab, settingsTab, templatesTab } from "./config-tabs";
import { deputiesTab, leadersTab, unitsTab } from "./directory";
import { committeeTab, opinionsTab } from "./evaluation-tabs";
import { ledgerTab } from "./ledger";
import { contactsTab, coOpinionsTab, extensionsTab } from "./practice-tabs";
import { assessmentTab, noticeLogTab, problemsTab, statisticsTab } from "./system-tabs";

export * from "./config-tabs";
export * from "./directory";
export * from "./evaluation-tabs";
export * from "./ledger";
export * from "./practice-tabs";
export * from "./system-tabs";

/** Every tab of the spreadsheet in provisioning order: staff tabs, then system tabs. */
export const ALL_TABS: readonly TabDef<string, readonly ColumnDef[]>[] = [
  ledgerTab,
  unitsTab,
  deputiesTab,
  leadersTab,
  contactsTab,
  extensionsTab,
  coOpinionsTab,
  opinionsTab,
  committeeTab,
  templatesTab,
  holidaysTab,
  settingsTab,
  noticeLogTab,
  problemsTab,
  statisticsTab,
  assessmentTab,
];
