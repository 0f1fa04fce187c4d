// A1 helpers are pure; the adapters import them from here.
export { columnLetter, quoteSheet } from "../domain/a1";
