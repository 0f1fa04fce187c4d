import { describe, expect, it } from "vitest";
import {
  beijingIso,
  parseWjqqMap,
  translateWjqq,
  unnamedMessage,
  wjqqKey,
  wjqqKeyMatches,
} from "../../src/intake/platforms/wjqq";

const push = (questions: unknown[], extra: Record<string, unknown> = {}) => ({
  id: "33cc555f-056f-4242-a97c-46f3e7d2016f",
  object: "Answer",
  action: "answer.create",
  payload: {
    survey_id: 5356056,
    answer_id: 7,
    ended_at: "2026-11-26 12:01:39",
    answer: [{ id: "p-1", questions }],
    ...extra,
  },
});

describe("腾讯问卷 push → jianyi's body", () => {
  it("reads ended_at as Beijing time and names the submission by survey and answer", () => {
    expect(beijingIso("2020-02-09 12:01:39")).toBe("2020-02-09T12:01:39+08:00");
    const event = translateWjqq(push([{ id: "q-1", type: "text", title: "标题", text: "关于路灯的建议" }]));
    expect(event).toEqual({
      kind: "answer",
      action: "answer.create",
      submission: {
        submissionId: "wjqq-5356056-7",
        submittedAt: "2026-11-26T12:01:39+08:00",
        answers: { 标题: "关于路灯的建议" },
      },
      unnamed: [],
    });
  });

  it("takes a multi-choice as the list of its checked options, blanks as their text, a repeated title apart", () => {
    const event = translateWjqq(
      push([
        {
          id: "q-1",
          type: "checkbox",
          title: "附议代表",
          options: [
            { id: "o-1", checked: 1, text: "王建国0" },
            { id: "o-2", checked: 0, text: "李秀英1" },
            { id: "o-3", checked: 1, text: "张志强2" },
          ],
        },
        { id: "q-2", type: "blanks", title: "<p>联系人</p>", blanks: [{ id: "b-1", text: "刘海燕" }] },
        { id: "q-3", type: "text", title: "联系人", text: "13800000000" },
        { id: "q-4", type: "radio", options: [{ id: "o-9", checked: 1, text: "选项" }], blanks: [] },
      ]),
    );
    expect(event.kind === "answer" && event.submission.answers).toEqual({
      附议代表: ["王建国0", "张志强2"],
      联系人: "刘海燕",
      "联系人（q-3）": "13800000000",
      "未命名题（q-4）": "选项",
    });
  });

  it("tells the test request, a deletion and a push without its time apart", () => {
    expect(translateWjqq({})).toEqual({ kind: "test" });
    expect(translateWjqq({ action: "answer.delete", payload: { answer_id: 7 } })).toMatchObject({
      kind: "delete",
      answerId: "7",
    });
    expect(translateWjqq(push([], { ended_at: "2026/11/26" }))).toMatchObject({
      kind: "invalid",
      field: "payload.ended_at",
    });
  });

  it("derives the key from the form's secret and checks it whole", async () => {
    const key = await wjqqKey("test-suggestion-secret");
    // What the deploy guide's command prints for this secret:
    // node -e "console.log(require('crypto').createHmac('sha256',process.argv[1]).update('wjqq').digest('hex').slice(0,32))" <secret>
    expect(key).toBe("3392ae0de63bc6ef5caf3cc5883efa2f");
    expect(await wjqqKeyMatches("test-suggestion-secret", key)).toBe(true);
    expect(await wjqqKeyMatches("test-suggestion-secret", `${key.slice(0, 31)}0`)).toBe(key.endsWith("0"));
    expect(await wjqqKeyMatches("test-reply-secret", key)).toBe(false);
    expect(await wjqqKeyMatches("test-suggestion-secret", undefined)).toBe(false);
  });
});

/**
 * The push as https://wj.qq.com/docs/webhook/ and the answer API (get_answer) document a question:
 * id, type, text (the typed answer), options, groups; no title.
 */
const documented = (questions: unknown[]) =>
  push([
    { id: "q-1-abcd", type: "radio", options: [{ id: "o-100-ABCD", checked: 1, text: "选项" }], blanks: [] },
    ...questions,
  ]);
const LONG = "关于加快推进城乡供水一体化建设切实保障农村饮水安全的建议";
const UNTITLED = [
  { id: "q-2-efgh", type: "text", text: "关于路灯的建议" },
  { id: "q-3-ijkl", type: "text", text: "王建国0" },
  { id: "q-4-mnop", type: "textarea", text: LONG },
];

describe("腾讯问卷 questions without titles, named by the URL's map", () => {
  it("names each mapped question by the map (an alias too), else by its title, else leaves it unnamed", () => {
    const map = parseWjqqMap("suggestion", "q-2-efgh:标题,q-3-ijkl：领衔代表，q-4-mnop:建议内容");
    expect(map.ok).toBe(true);
    if (!map.ok) return;
    const event = translateWjqq(
      documented([...UNTITLED, { id: "q-5", type: "text", title: "类别", text: "城建" }]),
      map.map,
    );
    expect(event.kind === "answer" && event.submission.answers).toEqual({
      "未命名题（q-1-abcd）": "选项",
      标题: "关于路灯的建议",
      领衔代表: "王建国0",
      建议内容: LONG,
      类别: "城建",
    });
    expect(event.kind === "answer" && event.unnamed).toEqual([
      { id: "q-1-abcd", type: "radio", answerStart: "选项", cut: false },
    ]);
  });

  it("lists the unnamed questions by id beside the start of their answer", () => {
    const event = translateWjqq(documented(UNTITLED));
    expect(event.kind === "answer" && event.unnamed.map((q) => q.id)).toEqual([
      "q-1-abcd",
      "q-2-efgh",
      "q-3-ijkl",
      "q-4-mnop",
    ]);
    const message = event.kind === "answer" ? unnamedMessage("suggestion", event.unnamed) : "";
    expect(message).toContain("q-2-efgh（答：“关于路灯的建议”）");
    expect(message).toContain(`q-4-mnop（答：“${LONG.slice(0, 20)}…”，前 20 字）`);
    expect(message).toContain("&map=q-1-abcd:名称,q-2-efgh:名称,q-3-ijkl:名称,q-4-mnop:名称");
    expect(message).toContain("标题、内容摘要、领衔代表");
  });

  it("refuses a map it cannot read, saying in Chinese what is wrong", () => {
    const wrong = (raw: string, form: "suggestion" | "reply" | "rating" = "suggestion") => {
      const parsed = parseWjqqMap(form, raw);
      return parsed.ok ? "" : parsed.message;
    };
    expect(wrong("q-2-efgh标题")).toContain("“q-2-efgh标题”缺少冒号");
    expect(wrong("q-2-efgh:标体")).toContain("“标体”不是建议表单的题目");
    expect(wrong("q-2-efgh:名称")).toContain("“名称”不是建议表单的题目");
    expect(wrong("q-2-efgh:标题,q-2-efgh:领衔代表")).toContain("题目ID“q-2-efgh”出现了两次");
    expect(wrong("q-2-efgh:标题,q-3-ijkl:建议标题")).toContain("都对应“标题”");
    expect(wrong("题目2:标题")).toContain("题目ID“题目2”不对");
    expect(wrong("q-2:满意度")).toContain("“满意度”不是建议表单的题目");
    expect(parseWjqqMap("rating", "q-2:建议编号,q-3:满意度,q-4:姓名").ok).toBe(true);
    expect(parseWjqqMap("reply", "q-2:编号,q-3:答复单位").ok).toBe(true);
    expect(parseWjqqMap("suggestion", undefined)).toEqual({ ok: true, map: new Map() });
  });
});
