import type { FC } from "hono/jsx";
import {
  IMPLEMENTATION_STATES,
  RATINGS,
  REPLY_CLASS_MEANINGS,
  REPLY_CLASSES,
} from "../../../sheets-schema/enums";
import { FORM_NAMES, type InboxForm } from "../../domain/intake/inbox-forms";
import { LETTER_MAX_BYTES, LETTER_TYPES_TEXT } from "../../domain/links/letters";
import { describedBy, FieldError, FieldHint, FieldLabel, FieldLegend } from "./form-fields";
import { UPLOAD_STALL_MS } from "./letter-upload-script";
import { Note } from "./link-layout";
import { UPLOADED_LETTER_FIELD } from "./upload";

/** What a form shows again after a refusal: the values typed and what to fix. */
export interface FormState {
  readonly nonce: string;
  readonly values: Readonly<Record<string, string>>;
  /** Every problem, in the order found: the summary at the form's top lists them. */
  readonly errors: readonly string[];
  /**
   * The problems about one field, by the field's name as posted (FormRefusal.fields): said under
   * the field, which the summary links to. A problem of the form as a whole is in `errors` only.
   */
  readonly fieldErrors?: Readonly<Record<string, readonly string[]>>;
}

/** The id of a suggestion page's 已提交 (what the recipient sent, not in the synced ledger yet). */
export const SENT_ID = "sent";

/** A fresh form: a new one-time id, nothing typed. */
export function freshForm(): FormState {
  return { nonce: crypto.randomUUID(), values: {}, errors: [] };
}

/**
 * The id of a refused form's red text. Each form's button posts to the form's address with it as
 * the #fragment, so the page that comes back opens at what to fix instead of at its top, a screen
 * or two above it, looking as before. Only a refused form has the element: a form that went
 * through is redirected, the browser carries the fragment over to the redirect's address where it
 * names nothing, and that page opens at its top, at the note saying it was sent.
 */
export function errorsId(form: InboxForm): string {
  return `${form}-errors`;
}

/**
 * Ends the address a form that went through is sent back to: a redirect without a fragment of its
 * own keeps the one the form posted to (`#reply-errors`), naming nothing on that page; `#top` is the
 * page's top by the HTML standard, where the note saying it was sent is.
 */
export function sentBackTo(address: string): string {
  return `${address}#top`;
}

/** The form's submit button, posting to its address with the fragment of its red text (errorsId). */
export function submitTo(action: string, form: InboxForm): string {
  return `${action}#${errorsId(form)}`;
}

/** The field (its name as posted) a problem of the state is about, or null. */
function fieldOf(state: FormState, message: string): string | null {
  for (const [field, messages] of Object.entries(state.fieldErrors ?? {}))
    if (messages.includes(message)) return field;
  return null;
}

/**
 * What to fix, at the top of a form that came back: each problem about a field the form shows
 * (`ids`: its element's id by its name as posted) links to it, where the field says it again. The
 * page opens focused here: the address's #fragment names it (submitTo), and a focusable target of
 * the fragment takes the focus (autofocus does the same where the fragment was lost); a screen
 * reader then reads what to fix first. No script.
 */
export const FormErrors: FC<{
  form: InboxForm;
  state: FormState;
  ids: Readonly<Record<string, string>>;
}> = ({ form, state, ids }) =>
  state.errors.length === 0 ? null : (
    <div class="alert danger lk-summary" role="alert" id={errorsId(form)} tabindex={-1} autofocus>
      <p>
        <strong>请修改以下内容后再提交：</strong>
      </p>
      <ul>
        {state.errors.map((e) => {
          const id = ids[fieldOf(state, e) ?? ""];
          return <li>{id ? <a href={`#${id}`}>{e}</a> : e}</li>;
        })}
      </ul>
    </div>
  );

/** At the top of a page whose form came back: the first screen says so, and where to look. */
export const RefusedNote: FC<{ form: InboxForm }> = ({ form }) => (
  <Note tone="danger">
    提交未成功：请看下方红字说明，已填写的内容都已保留。
    <a href={`#${errorsId(form)}`}>转到{FORM_NAMES[form]}表单</a>
  </Note>
);

const LETTER_MB = LETTER_MAX_BYTES / 1024 / 1024;

/**
 * Where a form with free text keeps it across a reload (a chat app's browser reloads the page when
 * the clerk switches to a chat to copy something): the form carries `data-draft` and this note, and
 * the draft keeper (/assets/form-draft.js, form-draft-script.ts) fills the form back and shows the
 * note. The script is the page's own (no inline script: the CSP allows none); a form works without.
 */
export const DraftNote: FC<{ extra?: string }> = (p) => (
  <>
    <p class="lk-draft-note alert info" role="status" hidden>
      已恢复上次未提交的内容，请核对后提交{p.extra ? `；${p.extra}` : "。"}
    </p>
    <script src="/assets/form-draft.js" defer />
  </>
);

/** The id of the unit's 三沟通 form on its suggestion's page (the reply form's 办前 note links to it). */
export const CONTACT_FORM_ID = "contact-form";

/**
 * Above the reply's button while the lead unit recorded no 办前 contact (priorContactMissing): a
 * reply without one gets 答复前未记录办前联系 and counts 未沟通 in 沟通率 (单位测评). `linked`: the
 * 三沟通 form is on the page below.
 */
const PriorContactNote: FC<{ linked: boolean }> = (p) => (
  <div class="alert warn" id="reply-prior-contact">
    <p>
      本件尚未记录办前联系（三沟通）：答复前请先与领衔代表联系（面商、座谈、电话等），并在
      {p.linked ? <a href={`#${CONTACT_FORM_ID}`}>下方“记录与代表的沟通（三沟通）”</a> : "“三沟通”"}
      中记为“办前”；没有办前联系就答复的，计算本单位沟通率时按未沟通计，校验问题中也会提示“答复前未记录办前联系”。
    </p>
  </div>
);

/**
 * The unit's reply: class, text, date, and the 答复函 as a file (checked on the server). Without
 * JavaScript the file goes in the form (multipart); with it, the form's script uploads it first.
 */
/** The reply form's heading: in round 2 the unit answers the 二次交办, not the suggestion afresh. */
export function replyHeading(round: 1 | 2, correcting: boolean): string {
  if (round === 2) return correcting ? "更正二次答复（二次交办后的答复）" : "二次答复（二次交办后的答复）";
  return correcting ? "更正答复" : "在线答复";
}

/** The reply form's fields by name as posted: the ids its summary links to. */
const REPLY_IDS = {
  答复类别: "reply-class",
  答复内容: "reply-text",
  落实情况: "reply-state",
  答复日期: "reply-date",
  答复函: "reply-letter",
} as const;

export const ReplyForm: FC<{
  action: string;
  state: FormState;
  today: string;
  correcting: boolean;
  /** The round the reply answers (2 once the suggestion was assigned again, 二次交办). */
  round?: 1 | 2;
  /** The round's 交办日期 (二次交办日期 in round 2): a reply is not dated before it (checkReplyForm). */
  assignedOn?: string;
  /** No 办前 contact recorded yet (priorContactMissing): the note above the button says what it costs. */
  priorContactMissing?: boolean;
  /** The page has the 三沟通 form (CONTACT_FORM_ID), which the note links to. */
  contactFormShown?: boolean;
}> = (p) => {
  const v = p.state.values;
  const bad = p.state.fieldErrors ?? {};
  const id = REPLY_IDS;
  // A 答复函 the form's script uploaded before a refusal (a C 类 without its reason) is kept.
  const uploaded = v[UPLOADED_LETTER_FIELD] ?? "";
  return (
    // novalidate: a reply without 答复类别 or 答复日期, or dated out of range, is said by the page's
    // own Chinese summary (checkReplyForm), not the browser's passing bubble; `required` stays for a
    // screen reader's 必填.
    <form
      class="lk-form"
      method="post"
      action={p.action}
      enctype="multipart/form-data"
      data-letter-upload={p.action.replace(/\/reply$/, "/letter")}
      data-stall-ms={UPLOAD_STALL_MS}
      data-draft
      novalidate
    >
      <h2>{replyHeading(p.round ?? 1, p.correcting)}</h2>
      <DraftNote extra="答复函文件不会保留，如需上传请重新选择。" />
      {p.correcting ? (
        <p class="hint">
          本建议已答复、代表尚未测评：下面已填入原答复，改正有误之处后提交即可；不重新选择答复函则保留原答复函。再次提交将更正答复，原答复保留在办理记录中。
        </p>
      ) : null}
      <FormErrors form="reply" state={p.state} ids={id} />
      <input type="hidden" name="nonce" value={p.state.nonce} />
      <fieldset class="lk-choices" id={id.答复类别} {...describedBy(id.答复类别, bad.答复类别)}>
        <FieldLegend need="required">答复类别</FieldLegend>
        {REPLY_CLASSES.map((c) => (
          <label>
            <input type="radio" name="答复类别" value={c} required checked={v.答复类别 === c} />
            <span>
              {c} 类：{REPLY_CLASS_MEANINGS[c]}
            </span>
          </label>
        ))}
        <FieldError for={id.答复类别} errors={bad.答复类别} />
      </fieldset>
      <FieldLabel for={id.答复内容} need={{ when: "C 类必填" }}>
        答复内容
      </FieldLabel>
      <FieldHint for={id.答复内容}>答复要点；C 类须写明原因。完整答复请见答复函。</FieldHint>
      <textarea
        id={id.答复内容}
        name="答复内容"
        maxlength={5000}
        {...describedBy(id.答复内容, bad.答复内容, true)}
      >
        {v.答复内容 ?? ""}
      </textarea>
      <FieldError for={id.答复内容} errors={bad.答复内容} />
      <FieldLabel for={id.落实情况} need={{ when: "B 类填写" }}>
        落实情况
      </FieldLabel>
      <select id={id.落实情况} name="落实情况" {...describedBy(id.落实情况, bad.落实情况)}>
        <option value="">—</option>
        {IMPLEMENTATION_STATES.map((s) => (
          <option value={s} selected={v.落实情况 === s}>
            {s}
          </option>
        ))}
      </select>
      <FieldError for={id.落实情况} errors={bad.落实情况} />
      <FieldLabel for={id.答复日期} need="required">
        答复日期
      </FieldLabel>
      <input
        id={id.答复日期}
        type="date"
        name="答复日期"
        value={v.答复日期 ?? p.today}
        min={p.assignedOn || undefined}
        max={p.today}
        required
        {...describedBy(id.答复日期, bad.答复日期)}
      />
      <FieldError for={id.答复日期} errors={bad.答复日期} />
      <FieldLabel for={id.答复函} need="optional">
        答复函
      </FieldLabel>
      <FieldHint for={id.答复函}>
        加盖公章的正式答复函，{LETTER_TYPES_TEXT}，不超过 {LETTER_MB} MB；多页请扫描成一个 PDF。
      </FieldHint>
      {/* Before the file: a post over the size limit keeps only the fields ahead of its file (upload.ts). */}
      <input type="hidden" name={UPLOADED_LETTER_FIELD} value={uploaded} />
      <input
        id={id.答复函}
        type="file"
        name="答复函"
        accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
        {...describedBy(id.答复函, bad.答复函, true)}
      />
      <FieldError for={id.答复函} errors={bad.答复函} />
      {uploaded ? <p class="hint">已上传的答复函将随本次答复提交；如需更换，请重新选择文件。</p> : null}
      <p class="lk-upload-status" role="status" hidden />
      {p.priorContactMissing && !p.correcting ? <PriorContactNote linked={!!p.contactFormShown} /> : null}
      <button type="submit" formaction={submitTo(p.action, "reply")}>
        {p.correcting ? "提交更正" : "提交答复"}
      </button>
      <script src="/assets/letter-upload.js" defer />
    </form>
  );
};

/** The rating form's field naming the reply it was shown (reply-fingerprint.ts). */
export const REPLY_VERSION_FIELD = "答复版本";

/**
 * The lead deputy's rating of the current round's reply, with an optional comment. `replyVersion`:
 * the fingerprint of the reply the page shows, always the current one (a refused form shown again
 * carries the reply as it now stands, not the one it was posted against).
 */
/** The rating form's fields by name as posted: the ids its summary links to. */
const RATING_IDS = { 满意度: "rating-choice", 测评意见: "rating-comment" } as const;

export const RatingForm: FC<{ action: string; state: FormState; replyVersion: string }> = (p) => {
  const bad = p.state.fieldErrors ?? {};
  const id = RATING_IDS;
  return (
    // novalidate: a rating without 满意度 is said by the page's own summary (Chinese, role=alert, the
    // focus on it), not the browser's passing bubble; `required` stays for a screen reader's 必填.
    <form class="lk-form" method="post" action={p.action} data-draft novalidate>
      <h2>测评</h2>
      <DraftNote />
      <FormErrors form="rating" state={p.state} ids={id} />
      <input type="hidden" name="nonce" value={p.state.nonce} />
      <input type="hidden" name={REPLY_VERSION_FIELD} value={p.replyVersion} />
      <fieldset class="lk-choices" id={id.满意度} {...describedBy(id.满意度, bad.满意度)}>
        <FieldLegend need="required">满意度</FieldLegend>
        {RATINGS.map((r) => (
          <label>
            <input type="radio" name="满意度" value={r} required checked={p.state.values.满意度 === r} />
            <span>{r}</span>
          </label>
        ))}
        <FieldError for={id.满意度} errors={bad.满意度} />
      </fieldset>
      {/* 不满意 without a reason is refused (checkRatingForm): not 选填. */}
      <FieldLabel for={id.测评意见} need={{ when: "选“不满意”时必填" }}>
        测评意见
      </FieldLabel>
      <FieldHint for={id.测评意见}>选择“不满意”时请写明意见。</FieldHint>
      <textarea
        id={id.测评意见}
        name="测评意见"
        maxlength={1000}
        {...describedBy(id.测评意见, bad.测评意见, true)}
      >
        {p.state.values.测评意见 ?? ""}
      </textarea>
      <FieldError for={id.测评意见} errors={bad.测评意见} />
      <button type="submit" formaction={submitTo(p.action, "rating")}>
        提交测评
      </button>
    </form>
  );
};

/**
 * One press, one reminder to the lead unit (the one-time id makes a double click one notice).
 * `urgedAt`: the time today this leader pressed it already (urgedToday); a second press today sends
 * nothing (urgeFromLink), so the page says so and the button waits for tomorrow.
 */
export const UrgeForm: FC<{ action: string; nonce: string; unit: string; urgedAt?: string | null }> = (p) => (
  <form class="lk-form" method="post" action={p.action}>
    <h2>催办</h2>
    {p.urgedAt ? (
      <Note tone="info">
        您今天 {p.urgedAt} 已催办过这条建议，催办通知已发给主办单位{p.unit}
        ；今天不会重复发送，如仍未答复，明天可以再次催办。
      </Note>
    ) : (
      <p class="hint">向主办单位{p.unit}发送一条催办通知（通过该单位登记的通知渠道），并记入办理记录。</p>
    )}
    <input type="hidden" name="nonce" value={p.nonce} />
    <button type="submit" class="danger" disabled={!!p.urgedAt}>
      {p.urgedAt ? "今天已催办" : "催办"}
    </button>
  </form>
);
