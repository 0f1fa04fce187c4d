/**
 * 腾讯问卷 (wj.qq.com): its Webhook (https://wj.qq.com/docs/webhook/, 「Webhook 答卷数据推送」) POSTs
 * JSON on each answer event, unsigned (the page says 「后续会增加可选的密钥项目用于校验」):
 *
 *   { "id": "<uuid>", "object": "Answer", "action": "answer.create" | "answer.update" | "answer.delete",
 *     "created_at": "2021-01-26 14:00:00",
 *     "payload": { "survey_id": 5356056, "answer_id": 7, "started_at": "…", "ended_at": "2020-02-09 12:01:39",
 *                  "answer": [ { "id": "p-1-abcd", "questions": [
 *                     { "id": "q-1-abcd", "type": "radio", "options": [{ "id": "o-100-ABCD", "checked": 1, "text": "选项" }], "blanks": [] },
 *                     … ] } ] } }
 *
 * and, when the Webhook is switched on, a test request whose body the page does not show. A
 * question's answer is `text` (文本输入: single- and multi-line text, scales), the `text` of its
 * checked `options` (选择输入; `checked` defaults to 1), its `blanks` (填空) or its matrix `groups`
 * (https://wj.qq.com/docs/openapi/survey/get_answer lists these fields). A pushed question carries
 * no title, only its id (题目ID, `q-1-abcd`): the office names the ones the form needs in the push
 * URL, `&map=q-1-abcd:标题,q-2-efgh:领衔代表` (parseWjqqMap; a name is a 建议台账 header or a title
 * the forms already accept, 建议内容 too). A question the map leaves out is named by its `title` if a
 * push ever carries one, else keyed `未命名题（<id>）` and, like any question no column takes, kept
 * in 备注 where staff see it. A push lacking what the form needs for want of names is refused listing
 * those questions beside the start of their answers (unnamedMessage), and the latest such refusal
 * is kept for /problems (WjqqRefusal), so that the office can read the ids there and write the map.
 *
 * Here it becomes jianyi's own body, `{ submissionId, submittedAt, answers }` (submissionId
 * `wjqq-<survey_id>-<answer_id>`, submittedAt ended_at read as Beijing time), for the checks and
 * the store the signed route uses (src/http/hooks-routes.ts). The platform cannot sign, so the
 * route's URL carries a key instead: the first 32 hex digits of HMAC-SHA256(FORM_SECRET_<form>, "wjqq"),
 * no secret of its own to manage.
 */
import { namesSender } from "../../../sheets-schema/forms/question-aliases";
import { hmacSha256 } from "../../channels/hmac";
import { answerText, type FormKind, formColumnFor, SENDER_CELL } from "../../domain/intake/map-answers";
import { toHex } from "../../hex";
import { META_WJQQ_REFUSED } from "../../store/meta";

/** The message the key is the HMAC of (under the form's FORM_SECRET_*). */
const KEY_MESSAGE = "wjqq";

/** How many hex digits of the HMAC the URL carries: 128 bits. */
const KEY_HEX_DIGITS = 32;

/** The `?key=` of a form's 腾讯问卷 address, from the form's FORM_SECRET_*. */
export async function wjqqKey(secret: string): Promise<string> {
  return toHex(await hmacSha256(secret, KEY_MESSAGE)).slice(0, KEY_HEX_DIGITS);
}

/**
 * Whether `given` is the form's key. Compared in constant time (every character, whatever the first
 * difference), so that a guesser learns nothing from how long a refusal takes; the length is public.
 */
export async function wjqqKeyMatches(secret: string, given: string | undefined): Promise<boolean> {
  const expected = await wjqqKey(secret);
  const sent = (given ?? "").trim().toLowerCase();
  if (sent.length !== expected.length) return false;
  let diff = 0;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ sent.charCodeAt(i);
  return diff === 0;
}

/** jianyi's own body, as src/intake/body.ts's submissionSchema reads it. */
export interface TranslatedSubmission {
  submissionId: string;
  submittedAt: string;
  answers: Record<string, string | readonly string[] | null>;
}

/** A pushed question neither the map nor a title names: what staff need to name it. */
export interface UnnamedQuestion {
  id: string;
  type: string;
  /** The first ANSWER_START characters of its answer ("" when unanswered). */
  answerStart: string;
  /** Whether the answer is longer than answerStart. */
  cut: boolean;
}

/** What a push from 腾讯问卷 is to jianyi. */
export type WjqqEvent =
  | {
      kind: "answer";
      action: "answer.create" | "answer.update";
      submission: TranslatedSubmission;
      unnamed: UnnamedQuestion[];
    }
  | { kind: "delete"; answerId: string; surveyId: string }
  /** The request sent when the Webhook is switched on (or anything else without an answer). */
  | { kind: "test" }
  | { kind: "invalid"; field: string; message: string };

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** "2020-02-09 12:01:39", Beijing wall-clock time as 腾讯问卷 writes it. */
const WJQQ_TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})$/;

/** A 腾讯问卷 time as ISO with +08:00, or null when it is not one. */
export function beijingIso(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const match = WJQQ_TIME.exec(value.trim());
  return match ? `${match[1]}T${match[2]}+08:00` : null;
}

/** An answer's id as text (the page shows a number), or null. */
function answerIdOf(value: unknown): string | null {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  return null;
}

function textOf(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

/** The texts of a list's checked options (`checked` left out counts as checked: its default is 1). */
function checkedTexts(options: unknown): string[] {
  if (!Array.isArray(options)) return [];
  const texts: string[] = [];
  for (const option of options) {
    if (!isObject(option)) continue;
    const checked = option.checked === undefined || option.checked === 1 || option.checked === true;
    const text = textOf(option.text);
    if (checked && text !== null && text.trim() !== "") texts.push(text);
  }
  return texts;
}

/** One question's answer: text, a choice, choices (多选), blanks or matrix rows; undefined when unanswered. */
function answerOf(question: Json): string | string[] | null | undefined {
  if (Array.isArray(question.options) && question.options.length > 0) {
    const texts = checkedTexts(question.options);
    if (question.type === "checkbox" || texts.length > 1) return texts;
    return texts[0] ?? null;
  }
  const text = textOf(question.text);
  if (text !== null) return text;
  if (Array.isArray(question.blanks) && question.blanks.length > 0) {
    const blanks = question.blanks
      .map((blank) => (isObject(blank) ? textOf(blank.text ?? blank.value) : textOf(blank)))
      .filter((t): t is string => t !== null && t.trim() !== "");
    return blanks.length === 1 ? (blanks[0] as string) : blanks;
  }
  if (Array.isArray(question.groups) && question.groups.length > 0) {
    return question.groups.flatMap((group) =>
      isObject(group)
        ? [...checkedTexts(group.options), ...[textOf(group.text)].filter((t) => t !== null)]
        : [],
    ) as string[];
  }
  return undefined;
}

/** A question's label: its name in the map, else its `title` without markup, else null. */
function labelOf(question: Json, map: WjqqMap): string | null {
  const id = textOf(question.id);
  const mapped = id === null ? undefined : map.get(id);
  if (mapped !== undefined) return mapped;
  const title = typeof question.title === "string" ? question.title.replace(/<[^>]*>/g, "").trim() : "";
  return title === "" ? null : title;
}

/** How many characters of an unnamed question's answer are shown (and kept for /problems). */
const ANSWER_START = 20;

function unnamedOf(question: Json, id: string, value: ReturnType<typeof answerOf>): UnnamedQuestion {
  const chars = [...(value === undefined ? "" : answerText(value))];
  return {
    id,
    type: textOf(question.type) ?? "",
    answerStart: chars.slice(0, ANSWER_START).join(""),
    cut: chars.length > ANSWER_START,
  };
}

/**
 * Every question of every page, by label (an unnamed one as `未命名题（<id>）`, see the head of this
 * file), a label seen before told apart by its question's id; and the questions left unnamed.
 */
function answersOf(
  pages: readonly unknown[],
  map: WjqqMap,
): { answers: TranslatedSubmission["answers"]; unnamed: UnnamedQuestion[] } {
  const answers: TranslatedSubmission["answers"] = {};
  const unnamed: UnnamedQuestion[] = [];
  let index = 0;
  for (const page of pages) {
    if (!isObject(page) || !Array.isArray(page.questions)) continue;
    for (const question of page.questions) {
      if (!isObject(question)) continue;
      index++;
      const value = answerOf(question);
      const id = textOf(question.id) ?? String(index);
      const named = labelOf(question, map);
      if (named === null) unnamed.push(unnamedOf(question, id, value));
      if (value === undefined) continue;
      const label = named ?? `未命名题（${id}）`;
      const key = label in answers ? `${label}（${id}）` : label;
      answers[key] = value;
    }
  }
  return { answers, unnamed };
}

/**
 * A 腾讯问卷 push as jianyi reads it, its questions named by `map` (parseWjqqMap) or their titles: an
 * answer (created or changed) as jianyi's own body with its questions left unnamed, a deletion,
 * or the test request (any body without `payload.answer`).
 */
export function translateWjqq(json: unknown, map: WjqqMap = new Map()): WjqqEvent {
  const body = isObject(json) ? json : {};
  const payload = isObject(body.payload) ? body.payload : {};
  if (body.action === "answer.delete")
    return {
      kind: "delete",
      answerId: answerIdOf(payload.answer_id) ?? "",
      surveyId: answerIdOf(payload.survey_id) ?? "",
    };
  if (!Array.isArray(payload.answer)) return { kind: "test" };
  const answerId = answerIdOf(payload.answer_id);
  if (answerId === null)
    return {
      kind: "invalid",
      field: "payload.answer_id",
      message: "腾讯问卷的推送缺少 payload.answer_id（回答编号）：请确认 Webhook 推送的是答卷数据",
    };
  const submittedAt = beijingIso(payload.ended_at);
  if (submittedAt === null)
    return {
      kind: "invalid",
      field: "payload.ended_at",
      message: "腾讯问卷的推送中 payload.ended_at（提交时间）应为“2020-02-09 12:01:39”这样的北京时间",
    };
  const action = body.action === "answer.update" ? "answer.update" : "answer.create";
  // answer_id counts a survey's answers from 1: a survey made anew (next year's copy) would repeat
  // the last one's ids, and its answers would read as already received.
  const surveyId = answerIdOf(payload.survey_id);
  const submissionId = surveyId ? `wjqq-${surveyId}-${answerId}` : `wjqq-${answerId}`;
  const { answers, unnamed } = answersOf(payload.answer, map);
  return { kind: "answer", action, submission: { submissionId, submittedAt, answers }, unnamed };
}

/** The address's question names: 题目ID → the name it stands for. */
export type WjqqMap = ReadonlyMap<string, string>;

/** The forms 腾讯问卷 may push to (an opinion comes from a liaison station's own system). */
export type WjqqForm = Exclude<FormKind, "opinion">;
export const WJQQ_FORMS: readonly WjqqForm[] = ["suggestion", "reply", "rating"];

export const WJQQ_FORM_NAMES: Record<WjqqForm, string> = {
  suggestion: "建议",
  reply: "答复",
  rating: "测评",
};

/** The names a form's map may use, the most needed first (titles the forms accept work too). */
export const WJQQ_MAP_NAMES: Record<WjqqForm, readonly string[]> = {
  suggestion: ["标题", "内容摘要", "领衔代表", "附议代表", "类别", "提出日期", "届次", "备注"],
  reply: ["编号", "答复类别", "答复内容", "答复日期", "落实情况", SENDER_CELL.reply],
  rating: ["编号", "满意度", "测评日期", "测评意见", SENDER_CELL.rating],
};

/** What a map's name fills in the form (its column, or the sender's name), or null when nothing. */
function mapTarget(form: WjqqForm, name: string): string | null {
  const column = formColumnFor(form, name);
  if (column !== null) return column;
  if (form === "reply" && namesSender("unit", name)) return SENDER_CELL.reply;
  if (form === "rating" && namesSender("rater", name)) return SENDER_CELL.rating;
  return null;
}

/** A 腾讯问卷 question id as the map takes it: ASCII letters, digits, `-` and `_` (`q-1-abcd`). */
const QUESTION_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/**
 * The push URL's `map` (`q-1-abcd:标题,q-2-efgh:领衔代表`; full-width ：and ，read alike), read
 * strictly: a pair without its colon, an id that is not one, a name the form does not take, an id
 * or a name given twice is refused saying so, so that a slip shows when the first answer is pushed,
 * not as answers filed under the wrong column. Absent or empty, it names no question.
 */
export function parseWjqqMap(
  form: WjqqForm,
  raw: string | undefined,
): { ok: true; map: WjqqMap } | { ok: false; message: string } {
  const map = new Map<string, string>();
  const byTarget = new Map<string, string>();
  const refuse = (what: string) => ({
    ok: false as const,
    message: `腾讯问卷 Webhook 地址中的 map 有误：${what}。格式为 &map=题目ID:名称,题目ID:名称，如 &map=q-1-abcd:${WJQQ_MAP_NAMES[form][0]}`,
  });
  const entries = (raw ?? "")
    .split(/[,，]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  for (const [i, entry] of entries.entries()) {
    const at = `第 ${i + 1} 项“${entry}”`;
    const colon = entry.search(/[:：]/);
    if (colon < 0) return refuse(`${at}缺少冒号（题目ID 与名称之间用英文冒号隔开）`);
    const id = entry.slice(0, colon).trim();
    const name = entry.slice(colon + 1).trim();
    if (!QUESTION_ID.test(id))
      return refuse(`${at}中的题目ID“${id}”不对：题目ID 形如 q-1-abcd，见看板『校验问题』中列出的题目`);
    if (name === "") return refuse(`${at}缺少名称`);
    const target = mapTarget(form, name);
    if (target === null)
      return refuse(
        `${at}中的“${name}”不是${WJQQ_FORM_NAMES[form]}表单的题目：可用 ${WJQQ_MAP_NAMES[form].join("、")}`,
      );
    if (map.has(id)) return refuse(`题目ID“${id}”出现了两次：每个题目只能对应一个名称`);
    const earlier = byTarget.get(target);
    if (earlier !== undefined)
      return refuse(`“${earlier}”和“${id}”都对应“${target}”：每个名称只能对应一个题目`);
    map.set(id, name);
    byTarget.set(target, id);
  }
  return { ok: true, map };
}

/** An unnamed question as the office reads it: `q-1-abcd（答：“关于加快…”，前 20 字）`. */
export function unnamedLine(question: UnnamedQuestion): string {
  if (question.answerStart === "") return `${question.id}（未作答）`;
  return question.cut
    ? `${question.id}（答：“${question.answerStart}…”，前 ${ANSWER_START} 字）`
    : `${question.id}（答：“${question.answerStart}”）`;
}

/** The map to add, its names left for the office to fill in (copied unchanged, it is refused). */
export function mapTemplate(questions: readonly UnnamedQuestion[]): string {
  return `&map=${questions.map((q) => `${q.id}:名称`).join(",")}`;
}

/** How to name the questions: where the map goes and the names the form takes. */
export function mapAdvice(form: WjqqForm, questions: readonly UnnamedQuestion[]): string {
  return `请对照答案认出各题，在腾讯问卷该问卷 Webhook 的 URL 末尾加上 ${mapTemplate(questions)}，把“名称”换成该题对应的${WJQQ_FORM_NAMES[form]}表单题目（${WJQQ_MAP_NAMES[form].join("、")}），用不到的题目删去，保存后再提交一份测试答卷`;
}

/**
 * What a push refused for want of named questions is told: why it was refused (`refusal`, the
 * form's own message, less its advice to retitle the questions, which a push cannot carry), each
 * unnamed question beside the start of its answer, and the map to add.
 */
export function unnamedMessage(
  form: WjqqForm,
  questions: readonly UnnamedQuestion[],
  refusal?: string,
): string {
  const need = refusal?.split("：未识别的题目：")[0];
  const head = need ? `${need}。` : "";
  return `${head}腾讯问卷推送的题目不带标题，以下题目未能识别：${questions.map(unnamedLine).join("、")}。${mapAdvice(form, questions)}`;
}

/**
 * The latest push of a form refused for want of named questions, as kept for /problems
 * (META_WJQQ_REFUSED): when, and each unnamed question with the start of its answer, never the body.
 */
export interface WjqqRefusal {
  at: string;
  questions: UnnamedQuestion[];
}

/** The meta key of a form's latest refused push. */
export const wjqqRefusedKey = (form: WjqqForm): string => `${META_WJQQ_REFUSED}:${form}`;

/** Every form's key, for /problems to read them in one query. */
export const WJQQ_REFUSED_KEYS: readonly string[] = WJQQ_FORMS.map(wjqqRefusedKey);

/** The refusals kept under WJQQ_REFUSED_KEYS (read with getMany), form by form. */
export function wjqqRefusals(
  stored: ReadonlyMap<string, string>,
): { form: WjqqForm; refusal: WjqqRefusal }[] {
  return WJQQ_FORMS.flatMap((form) => {
    const refusal = readWjqqRefusal(stored.get(wjqqRefusedKey(form)));
    return refusal ? [{ form, refusal }] : [];
  });
}

/** A kept refusal, or null when there is none (cleared to "") or it cannot be read. */
export function readWjqqRefusal(value: string | undefined | null): WjqqRefusal | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(value) as Partial<WjqqRefusal>;
    if (typeof parsed.at !== "string" || !Array.isArray(parsed.questions)) return null;
    return { at: parsed.at, questions: parsed.questions };
  } catch {
    return null;
  }
}
