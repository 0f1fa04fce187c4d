import { describe, expect, it } from "vitest";
import { comradeOf, withoutTitle } from "../../../src/domain/notices/honorific";

describe("a county's or a city's 县长 and 市长 are titles like 区长", () => {
  it("gets no 同志 after it, nor after 副县长 and 副市长", () => {
    expect(comradeOf("张三县长")).toBe("张三县长");
    expect(comradeOf("李四副县长")).toBe("李四副县长");
    expect(comradeOf("王五市长")).toBe("王五市长");
    expect(comradeOf("王建国副区长")).toBe("王建国副区长");
    expect(comradeOf("张三")).toBe("张三同志");
  });

  it("is still read through for a hint to staff", () => {
    expect(withoutTitle("李四副县长")).toBe("李四");
    expect(withoutTitle("刘振华主任同志")).toBe("刘振华");
  });
});
