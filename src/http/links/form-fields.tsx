import type { Child, FC } from "hono/jsx";

/**
 * The parts every link form builds its fields from, so that each says the same way whether it must
 * be filled, what its hint is, and — on a form that came back refused — what to fix, under the field
 * and to a screen reader (aria-invalid, aria-describedby naming the red text). A form's fields are
 * named as posted (答复内容, 理由…): the refusal's problems come by those names (FormRefusal.fields).
 */

/** Whether a field must be filled: 必填 (the post is refused without it), 选填, or when, in words. */
export type Need = "required" | "optional" | { readonly when: string };

function needText(need: Need): string {
  if (need === "required") return "（必填）";
  if (need === "optional") return "（选填）";
  return `（${need.when}）`;
}

/** A field's mark after its name, the same on every link form. */
const NeedMark: FC<{ need: Need }> = (p) => (
  <span class={p.need === "required" ? "lk-need req" : "lk-need"}>{needText(p.need)}</span>
);

/** A field's name over it, with its mark. */
export const FieldLabel: FC<{ for: string; need: Need; children: Child }> = (p) => (
  <label class="field" for={p.for}>
    {p.children}
    <NeedMark need={p.need} />
  </label>
);

/** A group of choices' name (its <legend>), with its mark. */
export const FieldLegend: FC<{ need: Need; children: Child }> = (p) => (
  <legend class="field">
    {p.children}
    <NeedMark need={p.need} />
  </legend>
);

/** The id of a field's red text, under the field. */
export function errorIdOf(fieldId: string): string {
  return `${fieldId}-error`;
}

/** The id of a field's hint. */
export function hintIdOf(fieldId: string): string {
  return `${fieldId}-hint`;
}

/**
 * What a field carries to a screen reader: refused, aria-invalid and its red text first among what
 * describes it (what to fix before the hint); always its hint, when it has one.
 */
export function describedBy(
  fieldId: string,
  errors: readonly string[] | undefined,
  hint = false,
): { "aria-invalid"?: "true"; "aria-describedby"?: string } {
  const invalid = !!errors && errors.length > 0;
  const ids = [invalid ? errorIdOf(fieldId) : "", hint ? hintIdOf(fieldId) : ""].filter(Boolean);
  return {
    ...(invalid ? { "aria-invalid": "true" as const } : {}),
    ...(ids.length > 0 ? { "aria-describedby": ids.join(" ") } : {}),
  };
}

/** A field's hint, tied to it by id (describedBy with `hint`). */
export const FieldHint: FC<{ for: string; children: Child }> = (p) => (
  <p class="hint" id={hintIdOf(p.for)}>
    {p.children}
  </p>
);

/** What to fix in one field, right under it (nothing when it is fine). */
export const FieldError: FC<{ for: string; errors: readonly string[] | undefined }> = (p) =>
  p.errors && p.errors.length > 0 ? (
    <p class="lk-field-error" id={errorIdOf(p.for)}>
      {p.errors.join("；")}
    </p>
  ) : null;

/**
 * A required text box as the link forms write one: its name with （必填）, the text kept from a
 * refused post, and what to fix under it. `name` is the posted field (the refusal's key).
 */
export const RequiredText: FC<{
  id: string;
  name: string;
  label: Child;
  maxlength: number;
  values: Readonly<Record<string, string | undefined>>;
  errors: Readonly<Record<string, readonly string[] | undefined>> | undefined;
}> = (p) => (
  <>
    <FieldLabel for={p.id} need="required">
      {p.label}
    </FieldLabel>
    <textarea
      id={p.id}
      name={p.name}
      maxlength={p.maxlength}
      required
      {...describedBy(p.id, p.errors?.[p.name])}
    >
      {p.values[p.name] ?? ""}
    </textarea>
    <FieldError for={p.id} errors={p.errors?.[p.name]} />
  </>
);
