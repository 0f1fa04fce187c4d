import * as z from "zod";

const matcher = {
  method: z.string().optional(),
  pathIncludes: z.string().optional(),
};

export const faultSchema = z.object({
  ...matcher,
  status: z.number().int().min(400).max(599),
  times: z.number().int().min(1).default(1),
  message: z.string().optional(),
  /**
   * "before" (default): the request fails and changes nothing. "after": the method runs and its
   * changes stay, then the caller gets the error anyway, as when Google applied a write but the
   * answer was lost (a 503 or a dropped connection after the write).
   */
  when: z.enum(["before", "after"]).default("before"),
});
export type FaultSpec = z.input<typeof faultSchema>;

const valuesArray = z.array(z.array(z.unknown()));
export const hookActionSchema = z.discriminatedUnion("op", [
  z.object({
    op: z.literal("batchUpdate"),
    spreadsheetId: z.string(),
    body: z.record(z.string(), z.unknown()),
  }),
  z.object({
    op: z.literal("valuesUpdate"),
    spreadsheetId: z.string(),
    range: z.string(),
    values: valuesArray,
    valueInputOption: z.enum(["RAW", "USER_ENTERED"]).optional(),
  }),
  z.object({
    op: z.literal("valuesAppend"),
    spreadsheetId: z.string(),
    range: z.string(),
    values: valuesArray,
    valueInputOption: z.enum(["RAW", "USER_ENTERED"]).optional(),
  }),
  z.object({ op: z.literal("valuesClear"), spreadsheetId: z.string(), range: z.string() }),
]);
export type HookAction = z.infer<typeof hookActionSchema>;

export const hookSchema = z.object({
  ...matcher,
  skip: z.number().int().min(0).default(0),
  times: z.number().int().min(1).default(1),
  actions: z.array(hookActionSchema).min(1),
});
export type HookSpec = z.input<typeof hookSchema>;

interface Matcher {
  method?: string | undefined;
  pathIncludes?: string | undefined;
}

/** A request matches when the method agrees and the decoded (or raw) path contains the fragment. */
export function matches(m: Matcher, method: string, path: string, rawPath: string): boolean {
  if (m.method && m.method.toUpperCase() !== method.toUpperCase()) return false;
  return !m.pathIncludes || path.includes(m.pathIncludes) || rawPath.includes(m.pathIncludes);
}

export interface FaultState {
  id: number;
  spec: z.output<typeof faultSchema>;
  remaining: number;
}

export interface HookState {
  id: number;
  spec: z.output<typeof hookSchema>;
  seen: number;
  fired: number;
  errors: string[];
}

/** Injected failures and scripted human edits, consumed as matching requests arrive. */
export class Interceptors {
  faults: FaultState[] = [];
  hooks: HookState[] = [];
  private nextId = 1;

  addFault(input: unknown): FaultState {
    const spec = faultSchema.parse(input);
    const state = { id: this.nextId++, spec, remaining: spec.times };
    this.faults.push(state);
    return state;
  }

  addHook(input: unknown): HookState {
    const spec = hookSchema.parse(input);
    const state = { id: this.nextId++, spec, seen: 0, fired: 0, errors: [] };
    this.hooks.push(state);
    return state;
  }

  /** The first fault matching this request, with one use consumed. */
  takeFault(method: string, path: string, rawPath: string): FaultState | undefined {
    const fault = this.faults.find((f) => f.remaining > 0 && matches(f.spec, method, path, rawPath));
    if (fault) fault.remaining -= 1;
    return fault;
  }

  /** Hooks due for this request: each counts matching requests and fires after `skip` of them. */
  dueHooks(method: string, path: string, rawPath: string): HookState[] {
    const due: HookState[] = [];
    for (const hook of this.hooks) {
      if (hook.fired >= hook.spec.times || !matches(hook.spec, method, path, rawPath)) continue;
      hook.seen += 1;
      if (hook.seen > hook.spec.skip) {
        hook.fired += 1;
        due.push(hook);
      }
    }
    return due;
  }

  clear(): void {
    this.faults = [];
    this.hooks = [];
  }
}
