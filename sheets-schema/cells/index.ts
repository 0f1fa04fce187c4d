export * from "./cell-type";
export * from "./choice-cells";
export * from "./date-cells";
export * from "./list-cells";
export * from "./setting-cells";
export * from "./text-cells";
export * from "./web-cells";
