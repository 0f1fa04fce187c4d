/** Pure domain logic: no I/O, no clock. `today` is always an argument. */
export * from "./calendar";
export * from "./civil-date";
export * from "./deadlines";
export * from "./directory";
export * from "./evaluate-ledger";
export * from "./numbering";
export * from "./problems";
export * from "./read-templates";
export * from "./statistics";
export * from "./status";
