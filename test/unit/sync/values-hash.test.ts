import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { valuesHash } from "../../../src/domain/sync/plan-history";

const cells = fc.dictionary(
  fc.constantFrom("标题", "主办单位", "答复日期", "满意度"),
  fc.oneof(fc.string(), fc.integer()),
);

describe("valuesHash", () => {
  it("gives equal values the same digest and tells apart values that differ", () => {
    fc.assert(
      fc.property(cells, cells, cells, (staff, system, other) => {
        const a = valuesHash({ staffValues: staff, systemValues: system });
        expect(valuesHash({ staffValues: { ...staff }, systemValues: { ...system } })).toBe(a);
        if (JSON.stringify(other) !== JSON.stringify(staff))
          expect(valuesHash({ staffValues: other, systemValues: system })).not.toBe(a);
      }),
    );
  });

  it("tells staff values from system values with the same text", () => {
    expect(valuesHash({ staffValues: { 标题: "甲" }, systemValues: {} })).not.toBe(
      valuesHash({ staffValues: {}, systemValues: { 标题: "甲" } }),
    );
  });
});
