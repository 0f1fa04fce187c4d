import type { FC } from "hono/jsx";
import { IMPLEMENTATION_STATES } from "../../../sheets-schema/enums";
import { PROGRESS_NOTE_MAX } from "../../domain/links/progress-report";
import { DraftNote, FormErrors, type FormState, submitTo } from "./action-forms";
import { describedBy, FieldError, FieldLabel, FieldLegend } from "./form-fields";

const IDS = { 落实情况: "progress-state", 说明: "progress-note" } as const;

/**
 * 报送落实情况: the lead unit answers the 跟踪提醒 of a rated B reply. Open (not folded) while the
 * suggestion is 跟踪落实: it is the one thing the page asks of the unit then. `current`: 落实情况 as
 * the ledger holds it, checked by default so a report of unchanged progress needs only its 说明.
 */
export const ProgressForm: FC<{ action: string; state: FormState; current: string }> = (p) => {
  const chosen = p.state.values.落实情况 ?? p.current;
  const bad = p.state.fieldErrors ?? {};
  return (
    <section class="card">
      <h2>报送落实情况</h2>
      {/* novalidate: a blank 说明 (or no 落实情况) is said by the page's own Chinese summary
          (checkProgressForm), not the browser's bubble; `required` stays for a screen reader's 必填. */}
      <form class="lk-form" method="post" action={p.action} data-draft novalidate>
        <DraftNote />
        <FormErrors form="progress" state={p.state} ids={IDS} />
        <input type="hidden" name="nonce" value={p.state.nonce} />
        <p class="hint">
          代表已对本建议的答复（B
          类：正在解决或列入计划）作出测评，代表工委跟踪落实情况。请报送最新进展；已落实的，请选“已落实”。报送后写入台账的落实情况和备注，选“已落实”的，该建议即办结，不再发送跟踪提醒。
        </p>
        <fieldset class="lk-choices" id={IDS.落实情况} {...describedBy(IDS.落实情况, bad.落实情况)}>
          <FieldLegend need="required">落实情况</FieldLegend>
          {IMPLEMENTATION_STATES.map((s) => (
            <label>
              <input type="radio" name="落实情况" value={s} required checked={chosen === s} />
              <span>{s}</span>
            </label>
          ))}
          <FieldError for={IDS.落实情况} errors={bad.落实情况} />
        </fieldset>
        <FieldLabel for={IDS.说明} need="required">
          说明
        </FieldLabel>
        <textarea
          id={IDS.说明}
          name="说明"
          maxlength={PROGRESS_NOTE_MAX}
          required
          {...describedBy(IDS.说明, bad.说明)}
        >
          {p.state.values.说明 ?? ""}
        </textarea>
        <FieldError for={IDS.说明} errors={bad.说明} />
        <button type="submit" formaction={submitTo(p.action, "progress")}>
          报送落实情况
        </button>
      </form>
    </section>
  );
};
