import { describe, expect, it } from "vitest";
import { markFirstWord } from "../../../src/domain/notices/tidy";

const LINE = "【首次通知】此前未向你单位发送本件的交办通知，现一并告知：…。";
const notice = (body: string) => ({ title: "建议办理到期提醒：2026-001 还剩 7 天", body });

describe("a 【首次通知】 line follows the recipient's 称呼, as an official notice opens", () => {
  it("a unit's {{接收方}}： stays first, the reminder's own text on the next line", () => {
    const got = markFirstWord(notice("区水利局：李晓燕代表领衔提出的建议…"), LINE, { 接收方: "区水利局" });
    expect(got).toEqual({
      title: "【首次通知】建议办理到期提醒：2026-001 还剩 7 天",
      body: `区水利局：${LINE}\n李晓燕代表领衔提出的建议…`,
    });
  });

  it("a leader's {{接收方}}同志： and a deputy's {{接收方}}代表： stay first too", () => {
    expect(markFirstWord(notice("王建国同志：建议…由您领办。"), LINE, { 接收方: "王建国" }).body).toBe(
      `王建国同志：${LINE}\n建议…由您领办。`,
    );
    // A name that ends with a title is written without 同志 (comradeOf).
    expect(markFirstWord(notice("刘振华主任：建议…由您领办。"), LINE, { 接收方: "刘振华主任" }).body).toBe(
      `刘振华主任：${LINE}\n建议…由您领办。`,
    );
    expect(markFirstWord(notice("张明代表：您领衔提出的建议…"), LINE, { 接收方: "张明" }).body).toBe(
      `张明代表：${LINE}\n您领衔提出的建议…`,
    );
  });

  it("a staff text that opens otherwise keeps the 【首次通知】 line first", () => {
    expect(markFirstWord(notice("请尽快办理建议《…》。"), LINE, { 接收方: "区水利局" }).body).toBe(
      `${LINE}\n请尽快办理建议《…》。`,
    );
    // Another unit's name first is not this recipient's 称呼.
    expect(markFirstWord(notice("区水利局局长：请尽快办理。"), LINE, { 接收方: "区水利局" }).body).toBe(
      `${LINE}\n区水利局局长：请尽快办理。`,
    );
  });

  it("a reminder that is not a first word is left as it is", () => {
    expect(markFirstWord(notice("区水利局：正文"), null, { 接收方: "区水利局" })).toEqual(
      notice("区水利局：正文"),
    );
  });
});
