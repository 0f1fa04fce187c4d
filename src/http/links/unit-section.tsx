import type { FC } from "hono/jsx";
import { nameKey } from "../../domain/directory";
import { repliedStatus } from "../../domain/links/objection-settling";
import { localDate } from "../../jobs/local-time";
import type { Objection } from "../../store/objections";
import { type FormState, freshForm, SENT_ID } from "./action-forms";
import { Note } from "./link-layout";
import { RecordItem } from "./link-ui";
import { withOfficePhone } from "./office-contact";
import { ContactForm, CoOpinionForm, ExtensionForm, ObjectionForm } from "./practice-action-forms";
import type { UnitAction, UnitExtras } from "./unit-actions";

export interface UnitSectionProps {
  readonly extras: UnitExtras;
  /** Where each form posts (`…/s/<编号>/extension` …). */
  readonly paths: Readonly<Record<UnitAction, string>>;
  /** A form that came back (values typed and what to fix); the others start fresh. */
  readonly states: Partial<Record<UnitAction, FormState>>;
  readonly today: string;
  readonly due: string;
  /** 承办单位 names, offered for 建议承办单位 of an objection. */
  readonly units: readonly string[];
}

const DECISIONS: Record<"upheld" | "reassigned", string> = {
  upheld: "代表工委决定维持交办",
  reassigned: "已改交",
};

/**
 * Where an objection stands: waiting, staff's decision with its day and note, or closed by round 1's
 * reply (`repliedOn`: the row's 答复日期 the page already holds, null when unreadable or not at hand).
 * The decision's day is the office's (`timeZone`: 设置 时区): D1 holds the instant in UTC, which
 * before 08:00 in Beijing is still the day before.
 */
export function objectionStatus(o: Objection, repliedOn: string | null, timeZone: string): string {
  if (!o.decision) return "等待代表工委决定";
  if (o.decision === "replied") return repliedStatus(o, repliedOn);
  const decidedMs = o.decidedAt ? Date.parse(o.decidedAt) : Number.NaN;
  const when = Number.isNaN(decidedMs) ? "" : localDate(decidedMs, timeZone);
  return `${DECISIONS[o.decision]}${when ? `（${when}）` : ""}${o.note ? `：${o.note}` : ""}`;
}

/**
 * The objections a unit's page lists: its own only. Another unit's 理由 and 建议改由 (which may name
 * this very unit) are between that unit and the office; staff see them all on the dashboard.
 */
export function ownObjections(objections: readonly Objection[], unit: string): Objection[] {
  const key = nameKey(unit);
  return objections.filter((o) => nameKey(o.unit) === key);
}

/**
 * A unit's part of a suggestion's page besides the reply: the suggestion's 办理记录 (contacts,
 * extensions, co-units' opinions, objections) and the forms open to this unit now. A note that
 * tells the unit to contact the office gives its number (`officePhone`: 设置 代表工委联系电话, the
 * page's frame already holds it; "" writes the note as it is), as every other link page does.
 */
export const UnitSection: FC<
  UnitSectionProps & { readonly timeZone: string; readonly officePhone: string }
> = (p) => {
  const { extras } = p;
  const state = (action: UnitAction) => p.states[action] ?? freshForm();
  const record = extras.formContext.record;
  const objections = ownObjections(extras.objections, extras.formContext.unit);
  return (
    <>
      {extras.records.length > 0 || objections.length > 0 ? (
        <section class="card">
          <h2>办理记录</h2>
          <ul class="lk-list">
            {extras.records.map((e) => (
              <RecordItem entry={e} />
            ))}
            {objections.map((o) => (
              <li class="lk-item small">
                <div class="lk-meta">
                  <span>{o.objectedOn}</span>
                  <span>
                    交办异议 · {o.unit}（{o.relation === "lead" ? "主办" : "协办"}）
                  </span>
                </div>
                <p class="pre">理由：{o.reason}</p>
                {o.proposal ? <p>建议改由：{o.proposal}</p> : null}
                <p>处理：{objectionStatus(o, record.repliedOn, p.timeZone)}</p>
              </li>
            ))}
          </ul>
          {/* A link, not 上方/下方: where 已提交 sits is the page's layout, not this card's to know. */}
          <p class="hint">
            表格中的记录每 10 分钟同步一次；刚提交的内容在同步前列在本页的<a href={`#${SENT_ID}`}>“已提交”</a>
            中。
          </p>
        </section>
      ) : null}
      {extras.notes.map((n) => (
        <Note tone="info">{withOfficePhone(n, p.officePhone)}</Note>
      ))}
      {extras.checks.extension.ok ? (
        <ExtensionForm action={p.paths.extension} state={state("extension")} due={p.due} />
      ) : null}
      {extras.checks.contact.ok ? (
        <ContactForm
          action={p.paths.contact}
          state={state("contact")}
          today={p.today}
          assignedOn={record.assignedOn ?? ""}
        />
      ) : null}
      {extras.checks["co-opinion"].ok ? (
        <CoOpinionForm
          action={p.paths["co-opinion"]}
          state={state("co-opinion")}
          lead={record.leadUnit}
          sentOn={extras.coOpinion?.sentOn ?? null}
        />
      ) : null}
      {extras.checks.objection.ok && extras.objectionDeadline ? (
        <ObjectionForm
          action={p.paths.objection}
          state={state("objection")}
          deadline={extras.objectionDeadline}
          units={p.units.filter((u) => u !== extras.formContext.unit)}
        />
      ) : null}
    </>
  );
};
