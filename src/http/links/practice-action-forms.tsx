import type { Child, FC } from "hono/jsx";
import { CONTACT_METHODS, CONTACT_STAGES } from "../../../sheets-schema/enums";
import { CONTACT_FORM_ID, DraftNote, FormErrors, type FormState, submitTo } from "./action-forms";
import { describedBy, FieldError, FieldLabel, FieldLegend, RequiredText } from "./form-fields";

/**
 * Every form here (延期申请, 沟通记录, 协办意见, 异议) carries novalidate: a 必填 field left empty, or a
 * date out of range, is said by the page's own Chinese summary (checkExtensionForm, checkContactForm,
 * checkCoOpinionForm, checkObjectionForm), not the browser's passing bubble; `required` stays for a
 * screen reader's 必填.
 *
 * The unit's forms besides the reply, each folded into a <details> (no script needed) that opens
 * by itself when the form comes back with something to fix. Every form carries its own one-time id,
 * and keeps what is typed across a reload (data-draft, DraftNote: the keeper opens the fold too).
 */
const Fold: FC<{ title: string; state: FormState; children: Child; id?: string }> = (p) => (
  <details class="lk-more" open={p.state.errors.length > 0} id={p.id}>
    <summary>{p.title}</summary>
    {p.children}
  </details>
);

/** 延期申请: 理由 only; the request is dated today and goes to the 延期申请 tab for staff to decide. */
export const ExtensionForm: FC<{ action: string; state: FormState; due: string }> = (p) => (
  <Fold title="申请延期" state={p.state}>
    <form class="lk-form" method="post" action={p.action} data-draft novalidate>
      <DraftNote />
      <FormErrors form="extension" state={p.state} ids={{ 理由: "ext-reason" }} />
      <input type="hidden" name="nonce" value={p.state.nonce} />
      <p class="hint">
        涉及面广、处理难度大的建议，主办单位可以申请延期。目前的办理期限是 {p.due}
        ；批准后首轮办理期限为交办日期起六个月（代表法第五十一条规定最长六个月）。申请日期为今天，由代表工委审批，审批结果会通知本单位。
      </p>
      <RequiredText
        id="ext-reason"
        name="理由"
        label="理由"
        maxlength={5000}
        values={p.state.values}
        errors={p.state.fieldErrors}
      />
      <button type="submit" formaction={submitTo(p.action, "extension")}>
        提交延期申请
      </button>
    </form>
  </Fold>
);

/** The 沟通记录 form's fields by name as posted (the tab's columns): the ids its summary links to. */
const CONTACT_IDS = {
  日期: "contact-date",
  阶段: "contact-stage",
  方式: "contact-method",
  代表参加: "contact-present",
  参加人员: "contact-people",
  内容: "contact-content",
  代表意见: "contact-opinion",
} as const;

/** 沟通记录 (三沟通): one contact with the deputy, as the tab records it. */
export const ContactForm: FC<{ action: string; state: FormState; today: string; assignedOn: string }> = (
  p,
) => {
  const v = p.state.values;
  const bad = p.state.fieldErrors ?? {};
  const id = CONTACT_IDS;
  return (
    <Fold title="记录与代表的沟通（三沟通）" state={p.state} id={CONTACT_FORM_ID}>
      <form class="lk-form" method="post" action={p.action} data-draft novalidate>
        <DraftNote />
        <FormErrors form="contact" state={p.state} ids={id} />
        <input type="hidden" name="nonce" value={p.state.nonce} />
        <p class="hint">办前联系、办中沟通、办后回访，每次联系记一条，写入『沟通记录』表。</p>
        <FieldLabel for={id.日期} need="required">
          日期
        </FieldLabel>
        <input
          id={id.日期}
          type="date"
          name="日期"
          value={v.日期 ?? p.today}
          min={p.assignedOn}
          max={p.today}
          required
          {...describedBy(id.日期, bad.日期)}
        />
        <FieldError for={id.日期} errors={bad.日期} />
        <fieldset class="lk-choices" id={id.阶段} {...describedBy(id.阶段, bad.阶段)}>
          <FieldLegend need="required">阶段</FieldLegend>
          {CONTACT_STAGES.map((s) => (
            <label>
              <input type="radio" name="阶段" value={s} required checked={v.阶段 === s} />
              <span>{s}</span>
            </label>
          ))}
          <FieldError for={id.阶段} errors={bad.阶段} />
        </fieldset>
        <FieldLabel for={id.方式} need="required">
          方式
        </FieldLabel>
        <select id={id.方式} name="方式" required {...describedBy(id.方式, bad.方式)}>
          <option value="">请选择</option>
          {CONTACT_METHODS.map((m) => (
            <option value={m} selected={v.方式 === m}>
              {m}
            </option>
          ))}
        </select>
        <FieldError for={id.方式} errors={bad.方式} />
        <fieldset class="lk-choices" id={id.代表参加} {...describedBy(id.代表参加, bad.代表参加)}>
          {/* One is always chosen (否 by default): nothing to leave blank, so it is marked 必填. */}
          <FieldLegend need="required">代表本人是否参加</FieldLegend>
          {["是", "否"].map((x) => (
            <label>
              <input type="radio" name="代表参加" value={x} required checked={(v.代表参加 ?? "否") === x} />
              <span>{x}</span>
            </label>
          ))}
          <FieldError for={id.代表参加} errors={bad.代表参加} />
        </fieldset>
        <FieldLabel for={id.参加人员} need="optional">
          参加人员
        </FieldLabel>
        <input
          id={id.参加人员}
          type="text"
          name="参加人员"
          maxlength={200}
          value={v.参加人员 ?? ""}
          {...describedBy(id.参加人员, bad.参加人员)}
        />
        <FieldError for={id.参加人员} errors={bad.参加人员} />
        <FieldLabel for={id.内容} need="required">
          内容
        </FieldLabel>
        <textarea id={id.内容} name="内容" maxlength={5000} required {...describedBy(id.内容, bad.内容)}>
          {v.内容 ?? ""}
        </textarea>
        <FieldError for={id.内容} errors={bad.内容} />
        <FieldLabel for={id.代表意见} need="optional">
          代表意见
        </FieldLabel>
        <textarea
          id={id.代表意见}
          name="代表意见"
          maxlength={5000}
          {...describedBy(id.代表意见, bad.代表意见)}
        >
          {v.代表意见 ?? ""}
        </textarea>
        <FieldError for={id.代表意见} errors={bad.代表意见} />
        <button type="submit" formaction={submitTo(p.action, "contact")}>
          保存沟通记录
        </button>
      </form>
    </Fold>
  );
};

/**
 * 协办意见: the co-unit's written opinion to the lead unit, delivered today. `sentOn`: the day its
 * first opinion was delivered (CoOpinionState.sentOn): what it sends now is a 补充协办意见, and the
 * same text again is refused (repeatedCoOpinion).
 */
export const CoOpinionForm: FC<{ action: string; state: FormState; lead: string; sentOn?: string | null }> = (
  p,
) => (
  <Fold
    title={p.sentOn ? `补充协办意见（本单位已于 ${p.sentOn} 送达协办意见）` : "送达协办意见"}
    state={p.state}
  >
    <form class="lk-form" method="post" action={p.action} data-draft novalidate>
      <DraftNote />
      <FormErrors form="co-opinion" state={p.state} ids={{ 内容摘要: "co-summary" }} />
      <input type="hidden" name="nonce" value={p.state.nonce} />
      {p.sentOn ? (
        <p class="hint">
          本单位已于 {p.sentOn} 向主办单位{p.lead}
          送达协办意见，无需重复送达；有新的意见需要补充时，在此写明补充的内容，送达日期为今天，写入『协办意见』表。
        </p>
      ) : (
        <p class="hint">
          协办意见送主办单位{p.lead}
          ，由主办单位统一答复代表。送达日期为今天，写入『协办意见』表，主办单位在其专属页面可以看到。
        </p>
      )}
      <RequiredText
        id="co-summary"
        name="内容摘要"
        label={p.sentOn ? "补充协办意见" : "协办意见"}
        maxlength={5000}
        values={p.state.values}
        errors={p.state.fieldErrors}
      />
      <button type="submit" formaction={submitTo(p.action, "co-opinion")}>
        {p.sentOn ? "送达补充协办意见" : "送达协办意见"}
      </button>
    </form>
  </Fold>
);

/** 异议: within 异议期限, why the unit should not handle it, and who should. */
export const ObjectionForm: FC<{
  action: string;
  state: FormState;
  deadline: string;
  units: readonly string[];
}> = (p) => (
  <Fold title="对交办提出异议" state={p.state}>
    <form class="lk-form" method="post" action={p.action} data-draft novalidate>
      <DraftNote />
      <FormErrors form="objection" state={p.state} ids={{ 理由: "obj-reason", 建议承办单位: "obj-unit" }} />
      <input type="hidden" name="nonce" value={p.state.nonce} />
      <p class="hint">
        认为本建议不属于本单位职责的，请于 {p.deadline}{" "}
        前提出，写明理由；代表工委研究决定（改交或维持交办）。决定之前，请照常办理。
      </p>
      <RequiredText
        id="obj-reason"
        name="理由"
        label="理由"
        maxlength={1000}
        values={p.state.values}
        errors={p.state.fieldErrors}
      />
      <FieldLabel for="obj-unit" need="optional">
        建议改由哪个单位承办
      </FieldLabel>
      <input
        id="obj-unit"
        type="text"
        name="建议承办单位"
        list="obj-units"
        maxlength={100}
        value={p.state.values.建议承办单位 ?? ""}
        {...describedBy("obj-unit", p.state.fieldErrors?.建议承办单位)}
      />
      <FieldError for="obj-unit" errors={p.state.fieldErrors?.建议承办单位} />
      <datalist id="obj-units">
        {p.units.map((u) => (
          <option value={u} />
        ))}
      </datalist>
      <button type="submit" class="danger" formaction={submitTo(p.action, "objection")}>
        提出异议
      </button>
    </form>
  </Fold>
);
