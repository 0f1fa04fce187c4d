import { describe, expect, it } from "vitest";
import {
  channelsCell,
  dateCell,
  emailCell,
  enumCell,
  idCell,
  integerCell,
  integerListCell,
  listCell,
  longTextCell,
  parseCell,
  phoneCell,
  replyClassNormaliser,
  textCell,
  urlCell,
  yesNoCell,
} from "../../sheets-schema/cells";
import { RATINGS, REPLY_CLASSES, REVIEW_RESULTS } from "../../sheets-schema/enums";
import { serial } from "./helpers/make-row";

const date = dateCell();

describe("date cells", () => {
  it.each([
    ["a sheet serial number", serial("2026-03-02"), "2026-03-02"],
    ["a serial with a time of day", serial("2026-03-02") + 0.6, "2026-03-02"],
    ["2026-03-02", "2026-03-02", "2026-03-02"],
    ["2026/3/2", "2026/3/2", "2026-03-02"],
    ["2026.3.2", "2026.3.2", "2026-03-02"],
    ["2026年3月2日", "2026年3月2日", "2026-03-02"],
    ["2026年3月2日 with spaces around", "  2026 年 3 月 2 日 ", "2026-03-02"],
    ["full-width digits", "２０２６年３月２日", "2026-03-02"],
    ["full-width separators", "２０２６－０３－０２", "2026-03-02"],
    ["a leap day", "2024-02-29", "2024-02-29"],
  ])("reads %s", (_name, raw, iso) => {
    expect(parseCell(date, raw)).toMatchObject({ value: iso, error: null, blank: false });
  });

  it.each([
    ["a date without a year", "3月2日"],
    ["a day that does not exist", "2026-02-30"],
    ["month 13", "2026-13-01"],
    ["mixed separators", "2026-03/02"],
    ["a small number", 12],
    ["a huge number", 99999999],
    ["formula text", '=IMPORTXML("https://example.com","//a")'],
    ["a checkbox", true],
    ["emoji", "📅"],
    ["a year out of range", "1900-01-01"],
    ["NaN", Number.NaN],
    ["an object", { year: 2026 }],
    ["a date with a time as text", "2026-03-02 10:00"],
  ])("reports %s as a problem on the cell", (_name, raw) => {
    const result = parseCell(date, raw);
    expect(result.value).toBeNull();
    expect(result.error).toMatch(/日期|勾选框|无法识别/);
  });

  it("says which month is too short", () => {
    expect(parseCell(date, "2026-02-30").error).toContain("2026 年 2 月只有 28 天");
  });

  // The column has the date format: the sheet shows 20260305 as 57370-10-29 and 3.5 as 1900-01-02,
  // so "set the cell to the date format" was no help. The cell stays refused: staff must retype it.
  it("names the date an 8-digit number probably meant, without reading it as that date", () => {
    expect(parseCell(date, 20260305)).toMatchObject({
      value: null,
      error: "“20260305”被表格当成了数字，不是日期：请改写为 2026-03-05",
    });
  });

  it("says a small number is not a whole date and how to write one", () => {
    expect(parseCell(date, 3.5)).toMatchObject({
      value: null,
      error: "“3.5”不是完整日期：请写成 2026-03-05 这样的年月日",
    });
    expect(parseCell(date, 2026).error).toBe("“2026”不是完整日期：请写成 2026-03-05 这样的年月日");
  });

  it.each([
    ["an 8-digit number that is no date", 20261305],
    ["an 8-digit number of another century", 19990305],
    ["a huge number", 123456789],
    ["zero", 0],
    ["a negative number", -3.5],
  ])("keeps the date-format advice for %s", (_name, raw) => {
    expect(parseCell(date, raw).error).toBe(
      `数字“${raw}”不是日期：请把单元格设为日期格式后填写，如 2026-03-02`,
    );
  });

  it("treats whitespace only as blank", () => {
    expect(parseCell(date, "   ")).toMatchObject({ value: null, blank: true, error: null });
  });
});

describe("text cells", () => {
  it("trims text and keeps a number typed into a text cell as its text", () => {
    expect(parseCell(textCell(), "  关于路灯  ").value).toBe("关于路灯");
    expect(parseCell(textCell(), 16).value).toBe("16");
  });

  it("rejects text over the limit and says how long it is", () => {
    const result = parseCell(textCell(200), "字".repeat(201));
    expect(result.error).toContain("201 个字符，超过 200 字");
    expect(result.value).toBe("");
  });

  it("rejects a 10,000-character string even in a long text cell", () => {
    expect(parseCell(longTextCell(), "x".repeat(10_000)).error).toContain("超过 5000 字");
  });

  it("rejects a checkbox value in a text cell", () => {
    expect(parseCell(textCell(), false).error).toContain("勾选框");
  });

  it("keeps formula text but warns about it", () => {
    const result = parseCell(textCell(), "=IMPORTXML(A1)");
    expect(result).toMatchObject({ value: "=IMPORTXML(A1)", error: null });
    expect(result.warning).toContain("公式");
  });

  it("accepts emoji in free text", () => {
    expect(parseCell(longTextCell(), "群众点赞 👍").error).toBeNull();
  });

  it("reads a numeric 编号 without a decimal point and rejects a line break", () => {
    expect(parseCell(idCell(), 7).value).toBe("7");
    expect(parseCell(idCell(), "2026-\n001").error).toContain("换行");
  });
});

describe("list cells", () => {
  it("splits on 、，,;；and line breaks, trimming and dropping empties", () => {
    expect(parseCell(listCell(), " 李华、赵敏，王伟(北关),张明;刘洋；陈静\n周敏 、、 ").value).toEqual([
      "李华",
      "赵敏",
      "王伟(北关)",
      "张明",
      "刘洋",
      "陈静",
      "周敏",
    ]);
  });

  it("reports a cell pasted full of names as one error, with no names read from it", () => {
    const names = Array.from({ length: 7000 }, (_, i) => `单位${String(i).padStart(4, "0")}`).join("、");
    expect(names.length).toBe(48_999);
    expect(parseCell(listCell(), names)).toMatchObject({
      value: [],
      error:
        "内容有 7000 项、48999 个字符，超过清单的上限（至多 200 项、5000 个字符）：像是误粘贴，请核对后只保留应填的各项",
    });
  });

  it("takes up to 200 items and 5,000 characters, and refuses one more of either", () => {
    const items = (n: number) => Array.from({ length: n }, (_, i) => `李${i}`).join("、");
    expect(parseCell(listCell(), items(200))).toMatchObject({ error: null });
    expect(parseCell(listCell(), items(200)).value).toHaveLength(200);
    expect(parseCell(listCell(), items(201)).error).toContain("内容有 201 项");
    const long = `${"长".repeat(99)}、`.repeat(50);
    expect(parseCell(listCell(), long.slice(0, 5000)).error).toBeNull();
    expect(parseCell(listCell(), `${long}长`).error).toContain("51 项、5001 个字符");
  });

  it("reads channels, their Chinese names, and reports unknown ones", () => {
    expect(parseCell(channelsCell(), "email、企业微信, Feishu").value).toEqual(["email", "wecom", "feishu"]);
    expect(parseCell(channelsCell(), "email、短信").error).toContain("短信");
  });

  it("reads whole-number lists and rejects other items", () => {
    expect(parseCell(integerListCell(1, 365), "15,7,3").value).toEqual([15, 7, 3]);
    expect(parseCell(integerListCell(1, 365), "15,七").error).toContain("不是整数");
  });
});

describe("choice cells", () => {
  const review = enumCell(REVIEW_RESULTS);

  it("accepts the listed values only and lists them in the message", () => {
    expect(parseCell(review, " 立案 ").value).toBe("立案");
    expect(parseCell(review, "同意").error).toBe(
      "“同意”不是可选的值：请从 立案 / 不予立案 / 并案 / 退回修改 / 撤回 中选择",
    );
  });

  it("reads reply classes typed as a, Ａ, B类 or B 类", () => {
    const cls = enumCell(REPLY_CLASSES, replyClassNormaliser);
    expect(["a", "Ａ", "B类", "c", "B 类"].map((v) => parseCell(cls, v).value)).toEqual([
      "A",
      "A",
      "B",
      "C",
      "B",
    ]);
    expect(parseCell(cls, "E").error).not.toBeNull();
  });

  it("reads a choice typed with a space inside or a full stop after it, and shows any other as typed", () => {
    const rating = enumCell(RATINGS);
    expect(["基本 满意", "满意。", "不　满意"].map((v) => parseCell(rating, v).value)).toEqual([
      "基本满意",
      "满意",
      "不满意",
    ]);
    expect(parseCell(rating, "很 满意").error).toBe(
      "“很 满意”不是可选的值：请从 满意 / 基本满意 / 不满意 中选择",
    );
  });

  it("reads 是/否, checkboxes, and blank as the default", () => {
    const keyFlag = yesNoCell(false);
    expect(parseCell(keyFlag, "是").value).toBe(true);
    expect(parseCell(keyFlag, "否").value).toBe(false);
    expect(parseCell(keyFlag, true).value).toBe(true);
    expect(parseCell(keyFlag, "").value).toBe(false);
    expect(parseCell(yesNoCell(true), undefined).value).toBe(true);
    expect(parseCell(keyFlag, "好").error).toContain("是 或 否");
  });
});

describe("contact cells", () => {
  it("accepts http(s) addresses and rejects others", () => {
    expect(parseCell(urlCell(), "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=1").error).toBeNull();
    expect(parseCell(urlCell(), "qyapi.weixin.qq.com").error).toContain("https://");
    expect(parseCell(urlCell(), "javascript:alert(1)").error).not.toBeNull();
  });

  it("accepts e-mail addresses and rejects others", () => {
    expect(parseCell(emailCell(), "jyj@example.gov.cn").error).toBeNull();
    expect(parseCell(emailCell(), "jyj.example.gov.cn").error).toContain("邮箱");
  });

  it("reads the address inside 姓名 <地址> or 地址（姓名）, and refuses two addresses in one cell", () => {
    expect(parseCell(emailCell(), "何书芳 <swj@beicheng.example>")).toMatchObject({
      value: "swj@beicheng.example",
      error: null,
    });
    expect(parseCell(emailCell(), "swj@beicheng.example（何书芳）").value).toBe("swj@beicheng.example");
    expect(parseCell(emailCell(), "何书芳 <swj@beicheng>").error).toBe(
      "邮箱“swj@beicheng”格式不对：应形如 name@example.gov.cn",
    );
    expect(parseCell(emailCell(), "a@beicheng.example b@beicheng.example")).toMatchObject({
      value: "",
      error:
        "一格只填一个邮箱：这里有 2 个（a@beicheng.example、b@beicheng.example），请只留接收通知的那一个，其余可写在备注",
    });
  });

  it("accepts a phone typed as a number and rejects words", () => {
    expect(parseCell(phoneCell(), 13800138000).value).toBe("13800138000");
    expect(parseCell(phoneCell(), "0372-1234567转8001").error).toBeNull();
    expect(parseCell(phoneCell(), "找办公室").error).toContain("电话号码");
  });

  it("reads whole numbers with bounds, full-width digits included", () => {
    const days = integerCell(0, 365);
    expect(parseCell(days, "１５").value).toBe(15);
    expect(parseCell(days, 15).value).toBe(15);
    expect(parseCell(days, 1.5).error).toContain("不是整数");
    expect(parseCell(days, 400).error).toContain("大于 365");
    expect(parseCell(days, "十五").error).toContain("不是整数");
  });
});
