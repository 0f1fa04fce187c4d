import { describe, expect, it } from "vitest";
import { fromHex, toHex } from "../../src/hex";

describe("toHex / fromHex", () => {
  it("turns every byte value into two lowercase digits and back", () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const hex = toHex(bytes.buffer);
    expect(hex).toHaveLength(512);
    expect(hex.slice(0, 8)).toBe("00010203");
    expect(hex.slice(-6)).toBe("fdfeff");
    expect(hex).toBe(hex.toLowerCase());
    expect(fromHex(hex)).toEqual(bytes);
  });

  it("reads uppercase digits as a sealed token written by hand would have them", () => {
    expect(fromHex("0aFf7E")).toEqual(Uint8Array.of(0x0a, 0xff, 0x7e));
    expect(fromHex("")).toEqual(new Uint8Array(0));
  });

  it("refuses text that is not whole bytes of hexadecimal digits", () => {
    expect(fromHex("abc")).toBeNull();
    // The characters just outside each range of digits.
    for (const bad of ["/0", "0:", "@0", "0G", "`0", "0g", " 0", "0x"]) expect(fromHex(bad)).toBeNull();
  });
});
