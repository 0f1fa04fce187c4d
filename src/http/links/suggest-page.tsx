import type { FC } from "hono/jsx";
import { TITLE_MAX } from "../../../sheets-schema/tabs/ledger";
import { DraftNote, FormErrors, type FormState } from "./action-forms";
import { describedBy, FieldError, FieldHint, FieldLabel } from "./form-fields";
import { type LinkFrame, LinkLayout } from "./link-layout";

/** A 代表 of the 代表 tab, as the co-signer list offers them (grouped by 代表团). */
export interface DeputyChoice {
  readonly name: string;
  readonly delegation: string;
}

/** The form's fields by name as posted: the ids its summary links to. */
const IDS = { 标题: "s-title", 内容: "s-content", 类别: "s-category", 附议代表: "s-co" } as const;

function byDelegation(choices: readonly DeputyChoice[]): [string, DeputyChoice[]][] {
  const groups = new Map<string, DeputyChoice[]>();
  for (const c of choices) {
    const key = c.delegation || "其他";
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups];
}

/** A deputy submits a suggestion: title, content, category, co-signers picked from 代表. */
export const SuggestPage: FC<{
  frame: LinkFrame;
  base: string;
  state: FormState;
  categories: readonly string[];
  deputies: readonly DeputyChoice[];
  coSigners: readonly string[];
}> = (p) => {
  const v = p.state.values;
  const bad = p.state.fieldErrors ?? {};
  return (
    <LinkLayout title="提出新建议" frame={p.frame}>
      <a class="lk-back" href={p.base}>
        ← 返回我的建议
      </a>
      <h1>提出新建议</h1>
      {/* A long suggestion typed in a chat app's browser survives its reload (DraftNote; keyed by the action). */}
      {/* novalidate: a blank 标题 or 内容 is said by the page's own Chinese summary (checkSuggestionForm),
          not the browser's passing bubble; `required` stays for a screen reader's 必填. */}
      <form class="lk-form" method="post" action={`${p.base}/suggest`} data-draft novalidate>
        <DraftNote />
        <FormErrors form="suggestion" state={p.state} ids={IDS} />
        <input type="hidden" name="nonce" value={p.state.nonce} />
        <p class="hint">领衔代表：{p.frame.who}。提交后系统生成建议编号，代表工委审查后交有关单位办理。</p>
        <FieldLabel for={IDS.标题} need="required">
          标题
        </FieldLabel>
        <input
          id={IDS.标题}
          type="text"
          name="标题"
          maxlength={TITLE_MAX}
          required
          value={v.标题 ?? ""}
          {...describedBy(IDS.标题, bad.标题)}
        />
        <FieldError for={IDS.标题} errors={bad.标题} />
        <FieldLabel for={IDS.内容} need="required">
          建议内容
        </FieldLabel>
        <FieldHint for={IDS.内容}>问题、原因和具体建议。</FieldHint>
        <textarea
          id={IDS.内容}
          name="内容"
          maxlength={5000}
          required
          {...describedBy(IDS.内容, bad.内容, true)}
        >
          {v.内容 ?? ""}
        </textarea>
        <FieldError for={IDS.内容} errors={bad.内容} />
        <FieldLabel for={IDS.类别} need="optional">
          类别
        </FieldLabel>
        <select id={IDS.类别} name="类别" {...describedBy(IDS.类别, bad.类别)}>
          <option value="">（由代表工委确定）</option>
          {p.categories.map((c) => (
            <option value={c} selected={v.类别 === c}>
              {c}
            </option>
          ))}
        </select>
        <FieldError for={IDS.类别} errors={bad.类别} />
        <FieldLabel for={IDS.附议代表} need="optional">
          附议代表
        </FieldLabel>
        <FieldHint for={IDS.附议代表}>可多选（手机上点选，电脑上按住 Ctrl 点选）；没有可不选。</FieldHint>
        <select id={IDS.附议代表} name="附议代表" multiple {...describedBy(IDS.附议代表, bad.附议代表, true)}>
          {byDelegation(p.deputies).map(([delegation, list]) => (
            <optgroup label={delegation}>
              {list.map((d) => (
                <option value={d.name} selected={p.coSigners.includes(d.name)}>
                  {d.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <FieldError for={IDS.附议代表} errors={bad.附议代表} />
        <button type="submit">提交建议</button>
      </form>
    </LinkLayout>
  );
};
