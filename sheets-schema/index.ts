/**
 * The single source of truth for the shared spreadsheet: tabs, headers, cell types, enums,
 * default settings and notice templates. Provisioning, docs, the sync and the forms intake read it.
 */
export * from "./cells";
export * from "./columns";
export * from "./enums";
export * from "./formats";
export * from "./forms/question-aliases";
export * from "./header-map";
export * from "./look-alikes";
export * from "./notice-templates";
export * from "./settings";
export * from "./tab-names";
export * from "./tabs";
