import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitList } from "../../sheets-schema/cells/list-cells";
import { isValidYmd, serialFromIso, serialFromYmd } from "../../src/domain/civil-date";

// For speed, lists and ISO dates are scanned by hand. The regex and Number() versions they replaced
// are kept here as oracles: staff must see exactly the same items and dates as before.

function splitListByRegex(text: string): string[] {
  return text
    .split(/[、，,;；\r\n]+/)
    .map((part) => part.trim())
    .filter((item) => item !== "");
}

function serialFromIsoByNumber(iso: string): number {
  if (iso.length !== 10 || iso[4] !== "-" || iso[7] !== "-") return Number.NaN;
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  return isValidYmd(year, month, day) ? serialFromYmd(year, month, day) : Number.NaN;
}

const listText = fc.oneof(
  fc.string(),
  fc.string({
    unit: fc.constantFrom(
      "王",
      "伟",
      "、",
      "，",
      ",",
      ";",
      "；",
      "\r",
      "\n",
      " ",
      "\u3000",
      "\t",
      "(",
      "（",
      "a",
      "1",
    ),
  }),
  fc.string({ unit: "binary" }),
);

const isoLike = fc.oneof(
  fc.string({
    unit: fc.constantFrom("0", "1", "2", "9", "-", " ", "+", ".", "e", "x", "０", "٣"),
    minLength: 10,
    maxLength: 10,
  }),
  fc
    .tuple(
      fc.string({
        unit: fc.constantFrom("0", "1", "2", "6", " ", "+", "x", "e"),
        minLength: 4,
        maxLength: 4,
      }),
      fc.string({ unit: fc.constantFrom("0", "1", "2", "3", " ", "+", "."), minLength: 2, maxLength: 2 }),
      fc.string({
        unit: fc.constantFrom("0", "1", "2", "3", "9", " ", "+", "."),
        minLength: 2,
        maxLength: 2,
      }),
    )
    .map(([y, m, d]) => `${y}-${m}-${d}`),
  fc
    .date({ min: new Date("1900-01-01"), max: new Date("2200-12-31"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
);

describe("hand-written parsers read what their regex and Number() versions read", () => {
  it("splits list cells into the same trimmed items", () => {
    fc.assert(
      fc.property(listText, (text) => {
        expect(splitList(text)).toEqual(splitListByRegex(text));
      }),
      { numRuns: 2000 },
    );
  });

  it("splits the separators staff type, in runs and with spaces around names", () => {
    const text = " 李华、赵敏，王伟(北关),张明;刘洋；陈静\r\n周敏 、、 \u3000吴芳\u3000";
    expect(splitList(text)).toEqual(["李华", "赵敏", "王伟(北关)", "张明", "刘洋", "陈静", "周敏", "吴芳"]);
  });

  it("gives every ISO-shaped text the same day serial, or NaN for the same texts", () => {
    fc.assert(
      fc.property(isoLike, (iso) => {
        expect(serialFromIso(iso)).toBe(serialFromIsoByNumber(iso));
      }),
      { numRuns: 3000 },
    );
  });

  it("still reads the odd forms Number() accepted, and rejects 2026-02-30", () => {
    expect(serialFromIso("2026-03-02")).toBe(serialFromYmd(2026, 3, 2));
    expect(serialFromIso("+202-01-01")).toBe(serialFromYmd(202, 1, 1));
    expect(serialFromIso("2026- 3- 2")).toBe(serialFromYmd(2026, 3, 2));
    expect(serialFromIso("2026-02-30")).toBeNaN();
    expect(serialFromIso("２０２６-03-02")).toBeNaN();
  });
});
