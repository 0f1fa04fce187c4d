import { type ApiRequest, type ApiResponse, handleApiRequest } from "./api-pipeline";
import { AuthRegistry, type ServiceAccountKey, type TokenGrant } from "./auth";
import { OWNER_EMAIL } from "./context";
import { ApiError, errorWithCode } from "./errors";
import type { FaultSpec, HookAction, HookSpec } from "./faults-hooks";
import { Interceptors } from "./faults-hooks";
import { Evaluator } from "./formula-eval";
import { upgradeSheet } from "./grid";
import { applyHumanEdits } from "./human-edits";
import { type QuotaLimits, QuotaTracker } from "./quota";
import { clampToGrid, resolveRange } from "./ranges";
import { type LoggedRequest, RequestLog } from "./request-log";
import { spreadsheetJson } from "./spreadsheet-json";
import { type SeedSpreadsheet, Store } from "./store";
import type { Json, JsonObject, SpreadsheetModel } from "./types";
import { type ReadOptions, rectValues } from "./values-read";

export type { ApiRequest, ApiResponse } from "./api-pipeline";

/** What a change touched: a spreadsheet id, any spreadsheet (undefined), or only credentials (null). */
export type ChangeScope = string | undefined | null;

export interface EmulatorOptions {
  staticToken?: string;
  serviceAccounts?: ServiceAccountKey[];
  readsPerMinute?: number;
  writesPerMinute?: number;
  tokenLifetimeSeconds?: number;
  /** The project number quoted in 429 messages. */
  projectNumber?: string;
  /** Clock, for tests that need =TODAY() or token expiry to be deterministic. */
  now?: () => number;
}

export interface PersistedState {
  version: 1;
  spreadsheets: SpreadsheetModel[];
  tokens: [string, TokenGrant][];
  serviceAccounts: ServiceAccountKey[];
}

/** The emulator's state and every control the admin API offers, callable directly from Node. */
export class Emulator {
  readonly store = new Store();
  readonly auth: AuthRegistry;
  readonly quota: QuotaTracker;
  readonly interceptors = new Interceptors();
  readonly log = new RequestLog();
  /** Base URL once the server listens (e.g. http://127.0.0.1:8790). */
  url = "";
  private readonly defaultLimits: QuotaLimits;
  private readonly clock: () => number;
  private changeListeners: ((scope: ChangeScope) => void)[] = [];
  /** Counts changes to spreadsheet contents, so a page can tell whether it is behind. */
  revision = 0;

  constructor(options: EmulatorOptions = {}) {
    this.clock = options.now ?? Date.now;
    this.auth = new AuthRegistry({
      ...(options.staticToken !== undefined ? { staticToken: options.staticToken } : {}),
      tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3599,
    });
    for (const account of options.serviceAccounts ?? []) this.auth.addServiceAccount(account);
    this.defaultLimits = {
      readsPerMinute: options.readsPerMinute ?? 60,
      writesPerMinute: options.writesPerMinute ?? 60,
    };
    this.quota = new QuotaTracker({ ...this.defaultLimits }, options.projectNumber ?? "000000000000");
  }

  now(): number {
    return this.clock();
  }

  onChange(listener: (scope: ChangeScope) => void): () => void {
    this.changeListeners.push(listener);
    return () => {
      this.changeListeners = this.changeListeners.filter((l) => l !== listener);
    };
  }

  /**
   * Something changed: one spreadsheet (its id), possibly any of them (undefined), or only the
   * credentials (null: saved with the state, but no spreadsheet looks different).
   */
  changed(scope: ChangeScope = undefined): void {
    if (scope !== null) this.revision += 1;
    for (const listener of this.changeListeners) listener(scope);
  }

  /** Handles one /v4 request: route, faults, auth, scopes, quota, hooks, the method, the log. */
  handleApi(request: ApiRequest): ApiResponse {
    return handleApiRequest(this, request);
  }

  /** Applies edits as a person in the UI would: no quota, no log entry, protection does not apply. */
  applyEdits(actions: HookAction[]): void {
    applyHumanEdits(this.store, actions, this.now());
    this.changed();
  }

  /**
   * A person's edit from the spreadsheet page: applied like applyEdits (no quota, owner's rights)
   * and logged as kind "human", so tests can tell it from the Worker's API calls.
   */
  applyPersonEdit(spreadsheetId: string, actions: HookAction[], detail: string): number {
    const time = new Date(this.now()).toISOString();
    const entry = {
      time,
      method: "POST",
      path: `/spreadsheets/d/${spreadsheetId}/edits`,
      query: {},
      kind: "human" as const,
      spreadsheetId,
      detail,
    };
    try {
      const cells = applyHumanEdits(this.store, actions, this.now());
      this.log.add({ ...entry, status: 200, cellsWritten: cells });
      this.changed(spreadsheetId);
      return cells;
    } catch (e) {
      this.log.add({ ...entry, status: e instanceof ApiError ? e.code : 500, cellsWritten: 0 });
      throw e;
    }
  }

  // ---- controls shared with the admin API ----

  requests(since = 0): LoggedRequest[] {
    return this.log.since(since);
  }

  clearRequests(): void {
    this.log.clear();
  }

  /** Drops spreadsheets, the log, hooks, faults and quota counters; limits go back to the start-up ones. */
  reset(): void {
    this.store.clear();
    this.log.clear();
    this.interceptors.clear();
    this.quota.setLimits(this.defaultLimits);
    this.changed();
  }

  setQuota(limits: Partial<QuotaLimits>): QuotaLimits {
    this.quota.setLimits(limits);
    return this.quota.limits;
  }

  resetQuota(): void {
    this.quota.reset();
  }

  addFault(spec: FaultSpec) {
    return this.interceptors.addFault(spec);
  }

  addHook(spec: HookSpec) {
    return this.interceptors.addHook(spec);
  }

  createSpreadsheet(seed: SeedSpreadsheet = {}): JsonObject {
    const ss = this.store.create(seed);
    this.changed();
    return this.spreadsheetResource(ss.spreadsheetId);
  }

  deleteSpreadsheet(spreadsheetId: string): boolean {
    const existed = this.store.delete(spreadsheetId);
    if (existed) this.changed();
    return existed;
  }

  listSpreadsheets(): { spreadsheetId: string; title: string }[] {
    return [...this.store.spreadsheets.values()].map((ss) => ({
      spreadsheetId: ss.spreadsheetId,
      title: ss.title,
    }));
  }

  setPrivate(spreadsheetId: string, isPrivate: boolean): void {
    const ss = this.store.spreadsheets.get(spreadsheetId);
    if (!ss) throw errorWithCode(404);
    ss.private = isPrivate;
    this.changed(spreadsheetId);
  }

  addServiceAccount(account: ServiceAccountKey): void {
    this.auth.addServiceAccount(account);
    this.changed(null);
  }

  /** Mints an access token without the JWT exchange (for tools and tests that do not test auth). */
  issueToken(
    user: string,
    scopes = ["https://www.googleapis.com/auth/spreadsheets"],
    lifetimeSeconds?: number,
  ) {
    const token = this.auth.issueToken(user, scopes, this.now(), lifetimeSeconds);
    this.changed(null);
    return token;
  }

  /** The trimmed values of a range, as values.get would return them (default FORMATTED_VALUE). */
  getValues(spreadsheetId: string, range: string, options: Partial<ReadOptions> = {}): Json[][] {
    const ss = this.mustGet(spreadsheetId);
    const rect = clampToGrid(resolveRange(ss, range));
    return rectValues(new Evaluator(ss, this.now()), rect, {
      majorDimension: "ROWS",
      valueRenderOption: "FORMATTED_VALUE",
      dateTimeRenderOption: "SERIAL_NUMBER",
      ...options,
    });
  }

  /** The Spreadsheet resource as spreadsheets.get returns it, bypassing auth, quota and privacy. */
  spreadsheetResource(spreadsheetId: string, options: { includeGridData?: boolean; ranges?: string[] } = {}) {
    return spreadsheetJson(this.mustGet(spreadsheetId), {
      includeGridData: options.includeGridData ?? false,
      ranges: options.ranges ?? [],
      user: OWNER_EMAIL,
      isOwner: true,
      nowMs: this.now(),
    });
  }

  private mustGet(spreadsheetId: string): SpreadsheetModel {
    const ss = this.store.spreadsheets.get(spreadsheetId);
    if (!ss) throw new Error(`No spreadsheet with id ${spreadsheetId}`);
    return ss;
  }

  snapshot(): PersistedState {
    return {
      version: 1,
      spreadsheets: [...this.store.spreadsheets.values()],
      tokens: [...this.auth.tokens.entries()],
      serviceAccounts: [...this.auth.accounts.entries()].map(([client_email, public_key_pem]) => ({
        client_email,
        public_key_pem,
      })),
    };
  }

  restore(state: PersistedState): void {
    this.store.clear();
    for (const ss of state.spreadsheets) {
      ss.namedRanges ??= [];
      ss.sheets.forEach(upgradeSheet);
      this.store.replace(ss);
    }
    for (const [token, grant] of state.tokens) this.auth.tokens.set(token, grant);
    for (const account of state.serviceAccounts) this.auth.addServiceAccount(account);
  }
}
