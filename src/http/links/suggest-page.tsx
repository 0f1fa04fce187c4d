import type { FC } from "hono/jsx";
import { TITLE_MAX } from "../../../sheets-schema/tabs/ledger";
import type { FormState } from "./action-forms";
import { type LinkFrame, LinkLayout } from "./link-layout";

/** A 代表 of the 代表 tab, as the co-signer list offers them (grouped by 代表团). */
export interface DeputyChoice {
  readonly name: string;
  readonly delegation: string;
}

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
  return (
    <LinkLayout title="提出新建议" frame={p.frame}>
      <a class="lk-back" href={p.base}>
        ← 返回我的建议
      </a>
      <h1>提出新建议</h1>
      <form class="lk-form" method="post" action={`${p.base}/suggest`}>
        {p.state.errors.length > 0 ? (
          <div class="alert danger" role="alert">
            {p.state.errors.map((e) => (
              <p>{e}</p>
            ))}
          </div>
        ) : null}
        <input type="hidden" name="nonce" value={p.state.nonce} />
        <p class="hint">领衔代表：{p.frame.who}。提交后系统生成建议编号，代表工委审查后交有关单位办理。</p>
        <label class="field" for="s-title">
          标题
        </label>
        <input id="s-title" type="text" name="标题" maxlength={TITLE_MAX} required value={v.标题 ?? ""} />
        <label class="field" for="s-content">
          建议内容
        </label>
        <p class="hint">问题、原因和具体建议。</p>
        <textarea id="s-content" name="内容" maxlength={5000} required>
          {v.内容 ?? ""}
        </textarea>
        <label class="field" for="s-category">
          类别
        </label>
        <select id="s-category" name="类别">
          <option value="">（由代表工委确定）</option>
          {p.categories.map((c) => (
            <option value={c} selected={v.类别 === c}>
              {c}
            </option>
          ))}
        </select>
        <label class="field" for="s-co">
          附议代表
        </label>
        <p class="hint">可多选（手机上点选，电脑上按住 Ctrl 点选）；没有可不选。</p>
        <select id="s-co" name="附议代表" multiple>
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
        <button type="submit">提交建议</button>
      </form>
    </LinkLayout>
  );
};
