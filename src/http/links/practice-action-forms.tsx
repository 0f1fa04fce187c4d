import type { Child, FC } from "hono/jsx";
import { CONTACT_METHODS, CONTACT_STAGES } from "../../../sheets-schema/enums";
import { FormErrors, type FormState, submitTo } from "./action-forms";

/**
 * The unit's forms besides the reply, each folded into a <details> (no script needed) that opens
 * by itself when the form comes back with something to fix. Every form carries its own one-time id.
 */
const Fold: FC<{ title: string; state: FormState; children: Child }> = (p) => (
  <details class="lk-more" open={p.state.errors.length > 0}>
    <summary>{p.title}</summary>
    {p.children}
  </details>
);

/** 延期申请: 理由 only; the request is dated today and goes to the 延期申请 tab for staff to decide. */
export const ExtensionForm: FC<{ action: string; state: FormState; due: string }> = (p) => (
  <Fold title="申请延期" state={p.state}>
    <form class="lk-form" method="post" action={p.action}>
      <FormErrors form="extension" errors={p.state.errors} />
      <input type="hidden" name="nonce" value={p.state.nonce} />
      <p class="hint">
        涉及面广、处理难度大的建议，主办单位可以申请延期。目前的办理期限是 {p.due}
        ；批准后首轮办理期限为交办日期起六个月（代表法第五十一条规定最长六个月）。申请日期为今天，由代表工委审批，审批结果会通知本单位。
      </p>
      <label class="field" for="ext-reason">
        理由
      </label>
      <textarea id="ext-reason" name="理由" maxlength={5000} required>
        {p.state.values.理由 ?? ""}
      </textarea>
      <button type="submit" formaction={submitTo(p.action, "extension")}>
        提交延期申请
      </button>
    </form>
  </Fold>
);

/** 沟通记录 (三沟通): one contact with the deputy, as the tab records it. */
export const ContactForm: FC<{ action: string; state: FormState; today: string; assignedOn: string }> = (
  p,
) => {
  const v = p.state.values;
  return (
    <Fold title="记录与代表的沟通（三沟通）" state={p.state}>
      <form class="lk-form" method="post" action={p.action}>
        <FormErrors form="contact" errors={p.state.errors} />
        <input type="hidden" name="nonce" value={p.state.nonce} />
        <p class="hint">办前联系、办中沟通、办后回访，每次联系记一条，写入『沟通记录』表。</p>
        <label class="field" for="contact-date">
          日期
        </label>
        <input
          id="contact-date"
          type="date"
          name="日期"
          value={v.日期 ?? p.today}
          min={p.assignedOn}
          max={p.today}
          required
        />
        <fieldset class="lk-choices">
          <legend class="field">阶段</legend>
          {CONTACT_STAGES.map((s) => (
            <label>
              <input type="radio" name="阶段" value={s} required checked={v.阶段 === s} />
              <span>{s}</span>
            </label>
          ))}
        </fieldset>
        <label class="field" for="contact-method">
          方式
        </label>
        <select id="contact-method" name="方式" required>
          <option value="">请选择</option>
          {CONTACT_METHODS.map((m) => (
            <option value={m} selected={v.方式 === m}>
              {m}
            </option>
          ))}
        </select>
        <fieldset class="lk-choices">
          <legend class="field">代表本人是否参加</legend>
          {["是", "否"].map((x) => (
            <label>
              <input type="radio" name="代表参加" value={x} checked={(v.代表参加 ?? "否") === x} />
              <span>{x}</span>
            </label>
          ))}
        </fieldset>
        <label class="field" for="contact-people">
          参加人员
        </label>
        <input id="contact-people" type="text" name="参加人员" maxlength={200} value={v.参加人员 ?? ""} />
        <label class="field" for="contact-content">
          内容
        </label>
        <textarea id="contact-content" name="内容" maxlength={5000} required>
          {v.内容 ?? ""}
        </textarea>
        <label class="field" for="contact-opinion">
          代表意见
        </label>
        <textarea id="contact-opinion" name="代表意见" maxlength={5000}>
          {v.代表意见 ?? ""}
        </textarea>
        <button type="submit" formaction={submitTo(p.action, "contact")}>
          保存沟通记录
        </button>
      </form>
    </Fold>
  );
};

/** 协办意见: the co-unit's written opinion to the lead unit, delivered today. */
export const CoOpinionForm: FC<{ action: string; state: FormState; lead: string }> = (p) => (
  <Fold title="送达协办意见" state={p.state}>
    <form class="lk-form" method="post" action={p.action}>
      <FormErrors form="co-opinion" errors={p.state.errors} />
      <input type="hidden" name="nonce" value={p.state.nonce} />
      <p class="hint">
        协办意见送主办单位{p.lead}
        ，由主办单位统一答复代表。送达日期为今天，写入『协办意见』表，主办单位在其专属页面可以看到。
      </p>
      <label class="field" for="co-summary">
        协办意见
      </label>
      <textarea id="co-summary" name="内容摘要" maxlength={5000} required>
        {p.state.values.内容摘要 ?? ""}
      </textarea>
      <button type="submit" formaction={submitTo(p.action, "co-opinion")}>
        送达协办意见
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
    <form class="lk-form" method="post" action={p.action}>
      <FormErrors form="objection" errors={p.state.errors} />
      <input type="hidden" name="nonce" value={p.state.nonce} />
      <p class="hint">
        认为本建议不属于本单位职责的，请于 {p.deadline}{" "}
        前提出，写明理由；代表工委研究决定（改交或维持交办）。决定之前，请照常办理。
      </p>
      <label class="field" for="obj-reason">
        理由
      </label>
      <textarea id="obj-reason" name="理由" maxlength={1000} required>
        {p.state.values.理由 ?? ""}
      </textarea>
      <label class="field" for="obj-unit">
        建议改由哪个单位承办（选填）
      </label>
      <input
        id="obj-unit"
        type="text"
        name="建议承办单位"
        list="obj-units"
        maxlength={100}
        value={p.state.values.建议承办单位 ?? ""}
      />
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
