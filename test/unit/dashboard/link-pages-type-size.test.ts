import { describe, expect, it } from "vitest";
import { APP_CSS } from "../../../src/http/dashboard/styles";

/**
 * The personal-link pages (body.lk) are read on phones by unit staff and deputies: their text is
 * 14 px at least (the accessibility pass), badges alone at 13 px (short, bold-coloured labels).
 */
const linkPagesCss = () => {
  const from = APP_CSS.indexOf("body.lk{");
  const to = APP_CSS.indexOf("@media", from);
  expect(from).toBeGreaterThan(0);
  return APP_CSS.slice(from, to);
};

describe("personal-link pages' type size", () => {
  it("sets the footer (办理状态截至…、如有疑问请联系…) at 14 px", () => {
    expect(linkPagesCss()).toMatch(/\.lk-foot\{[^}]*font-size:14px/);
  });

  it("has no text under 14 px but the badges", () => {
    const small = [...linkPagesCss().matchAll(/([^{}]+)\{[^}]*font-size:1[0-3]px/g)].map((m) => m[1]?.trim());
    expect(small).toEqual([".lk .badge"]);
  });
});
