import type { FC } from "hono/jsx";
import {
  IMPLEMENTATION_STATES,
  RATINGS,
  REPLY_CLASS_MEANINGS,
  REPLY_CLASSES,
} from "../../../sheets-schema/enums";
import { LETTER_MAX_BYTES, LETTER_TYPES_TEXT } from "../../domain/links/letters";
import { UPLOADED_LETTER_FIELD } from "./upload";

/** What a form shows again after a refusal: the values typed and what to fix. */
export interface FormState {
  readonly nonce: string;
  readonly values: Readonly<Record<string, string>>;
  readonly errors: readonly string[];
}

/** A fresh form: a new one-time id, nothing typed. */
export function freshForm(): FormState {
  return { nonce: crypto.randomUUID(), values: {}, errors: [] };
}

/** What to fix, above a form that came back. */
export const FormErrors: FC<{ errors: readonly string[] }> = ({ errors }) =>
  errors.length === 0 ? null : (
    <div class="alert danger" role="alert">
      {errors.map((e) => (
        <p>{e}</p>
      ))}
    </div>
  );

const LETTER_MB = LETTER_MAX_BYTES / 1024 / 1024;

/**
 * The unit's reply: class, text, date, and the 答复函 as a file (checked on the server). Without
 * JavaScript the file goes in the form (multipart); with it, the form's script uploads it first.
 */
/** The reply form's heading: in round 2 the unit answers the 二次交办, not the suggestion afresh. */
export function replyHeading(round: 1 | 2, correcting: boolean): string {
  if (round === 2) return correcting ? "更正二次答复（二次交办后的答复）" : "二次答复（二次交办后的答复）";
  return correcting ? "更正答复" : "在线答复";
}

export const ReplyForm: FC<{
  action: string;
  state: FormState;
  today: string;
  correcting: boolean;
  /** The round the reply answers (2 once the suggestion was assigned again, 二次交办). */
  round?: 1 | 2;
}> = (p) => {
  const v = p.state.values;
  // A 答复函 the form's script uploaded before a refusal (a C 类 without its reason) is kept.
  const uploaded = v[UPLOADED_LETTER_FIELD] ?? "";
  return (
    <form
      class="lk-form"
      method="post"
      action={p.action}
      enctype="multipart/form-data"
      data-letter-upload={p.action.replace(/\/reply$/, "/letter")}
    >
      <h2>{replyHeading(p.round ?? 1, p.correcting)}</h2>
      {p.correcting ? (
        <p class="hint">
          本建议已答复、代表尚未测评：下面已填入原答复，改正有误之处后提交即可；不重新选择答复函则保留原答复函。再次提交将更正答复，原答复保留在办理记录中。
        </p>
      ) : null}
      <FormErrors errors={p.state.errors} />
      <input type="hidden" name="nonce" value={p.state.nonce} />
      <fieldset class="lk-choices">
        <legend class="field">答复类别</legend>
        {REPLY_CLASSES.map((c) => (
          <label>
            <input type="radio" name="答复类别" value={c} required checked={v.答复类别 === c} />
            <span>
              {c} 类：{REPLY_CLASS_MEANINGS[c]}
            </span>
          </label>
        ))}
      </fieldset>
      <label class="field" for="reply-text">
        答复内容
      </label>
      <p class="hint">答复要点；C 类须写明原因。完整答复请见答复函。</p>
      <textarea id="reply-text" name="答复内容" maxlength={5000}>
        {v.答复内容 ?? ""}
      </textarea>
      <label class="field" for="reply-state">
        落实情况（B 类填写）
      </label>
      <select id="reply-state" name="落实情况">
        <option value="">—</option>
        {IMPLEMENTATION_STATES.map((s) => (
          <option value={s} selected={v.落实情况 === s}>
            {s}
          </option>
        ))}
      </select>
      <label class="field" for="reply-date">
        答复日期
      </label>
      <input
        id="reply-date"
        type="date"
        name="答复日期"
        value={v.答复日期 ?? p.today}
        max={p.today}
        required
      />
      <label class="field" for="reply-letter">
        答复函
      </label>
      <p class="hint">
        加盖公章的正式答复函，{LETTER_TYPES_TEXT}，不超过 {LETTER_MB} MB；多页请扫描成一个 PDF。
      </p>
      {/* Before the file: a post over the size limit keeps only the fields ahead of its file (upload.ts). */}
      <input type="hidden" name={UPLOADED_LETTER_FIELD} value={uploaded} />
      <input
        id="reply-letter"
        type="file"
        name="答复函"
        accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
      />
      {uploaded ? <p class="hint">已上传的答复函将随本次答复提交；如需更换，请重新选择文件。</p> : null}
      <p class="lk-upload-status" role="status" hidden />
      <button type="submit">{p.correcting ? "提交更正" : "提交答复"}</button>
      <script src="/assets/letter-upload.js" defer />
    </form>
  );
};

/** The lead deputy's rating of the current round's reply, with an optional comment. */
export const RatingForm: FC<{ action: string; state: FormState }> = (p) => (
  <form class="lk-form" method="post" action={p.action}>
    <h2>测评</h2>
    <FormErrors errors={p.state.errors} />
    <input type="hidden" name="nonce" value={p.state.nonce} />
    <fieldset class="lk-choices">
      <legend class="field">满意度</legend>
      {RATINGS.map((r) => (
        <label>
          <input type="radio" name="满意度" value={r} required checked={p.state.values.满意度 === r} />
          <span>{r}</span>
        </label>
      ))}
    </fieldset>
    <label class="field" for="rating-comment">
      测评意见
    </label>
    <p class="hint">选填；选择“不满意”时请写明意见。</p>
    <textarea id="rating-comment" name="测评意见" maxlength={1000}>
      {p.state.values.测评意见 ?? ""}
    </textarea>
    <button type="submit">提交测评</button>
  </form>
);

/** One press, one reminder to the lead unit (the one-time id makes a double click one notice). */
export const UrgeForm: FC<{ action: string; nonce: string; unit: string }> = (p) => (
  <form class="lk-form" method="post" action={p.action}>
    <h2>催办</h2>
    <p class="hint">向主办单位{p.unit}发送一条催办通知（通过该单位登记的通知渠道），并记入办理记录。</p>
    <input type="hidden" name="nonce" value={p.nonce} />
    <button type="submit" class="danger">
      催办
    </button>
  </form>
);
