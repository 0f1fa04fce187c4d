import { channelsFromEnv } from "./channels/from-env";
import type { ChannelSet } from "./channels/types";
import { type Config, loadConfig } from "./config";
import type { Env } from "./env";
import type { JobStep } from "./jobs/consume-jobs";
import { type LinkSettings, linkSettingsFrom, publicOriginFrom } from "./links/link-settings";
import { createSheetsClient, type SheetsClient } from "./sheets/client";
import type { RetryPolicy } from "./sheets/retry";
import { type AccessTokenSource, createTokenSource } from "./sheets/token";
import { createExportFiles } from "./store/export-files";
import { createIdAllocator, type IdAllocator } from "./store/id-allocator";
import { createInbox, type Inbox } from "./store/inbox";
import { createLease, type Lease } from "./store/lease";
import { createLetterStore, type LetterStore } from "./store/letters";
import { createMetaStore, type MetaStore } from "./store/meta";
import { createNoticeArrivals, type NoticeArrivals } from "./store/notice-arrivals";
import { createNoticeOutboxView, type NoticeOutboxView } from "./store/notice-outbox-view";
import { createObjections, type Objections } from "./store/objections";
import { createNoticeOutbox, type NoticeOutbox } from "./store/outbox";
import { createPersonalLinks, type PersonalLinks } from "./store/personal-links";
import { createReplacedLinks, type ReplacedLinks } from "./store/replaced-links";
import { robotPacingOn } from "./store/robot-pacing";
import { createSampleStore, type SampleStore } from "./store/samples";
import { createSessionStore, type SessionStore } from "./store/sessions";
import { createSignInFailures, type SignInFailures } from "./store/sign-in-failures";
import { createSnapshotStore, type SnapshotStore } from "./store/snapshots";
import { createSummaryStore, type SummaryStore } from "./store/summary-store";
import { createSyncRunLog, type SyncRunLog } from "./store/sync-runs";
import { createTabCache, type TabCache } from "./store/tab-cache";

/** The adapters one invocation works with, built once from validated config and passed to jobs. */
export interface Deps {
  config: Config;
  sheets: SheetsClient;
  /** Google's access token for the sheet (the client's; renewed ahead by a job step of its own). */
  sheetsAuth: AccessTokenSource;
  lease: Lease;
  ids: IdAllocator;
  snapshots: SnapshotStore;
  runs: SyncRunLog;
  inbox: Inbox;
  meta: MetaStore;
  intakeQueue: Queue<unknown>;
  noticesQueue: Queue<unknown>;
  jobsQueue: Queue<JobStep>;
  /** This build of the Worker: stored evaluations of another build are not reused (the rules may differ). */
  buildId: string;
  tabCache: TabCache;
  /** The notices outbox (read and written by the notice jobs). */
  noticeOutbox: NoticeOutbox;
  noticeArrivals: NoticeArrivals;
  channels: ChannelSet;
  /** Follow-up samples (dashboard). */
  samples: SampleStore;
  /** The notices outbox, read-only (dashboard). */
  outboxView: NoticeOutboxView;
  /** The ledger as the last sync evaluated it (dashboard, notices). */
  summaries: SummaryStore;
  /** Personal links signed for units, deputies and leaders (D1). */
  personalLinks: PersonalLinks;
  /** The key and address of personal links; null while LINK_SECRET or PUBLIC_URL is unusable. */
  linkSettings: LinkSettings | null;
  /** PUBLIC_URL's origin (the dashboard's address), null while it is not usable. */
  publicOrigin: string | null;
  /** 答复函 files (R2); null when the Worker has no LETTERS bucket. */
  letters: LetterStore | null;
  /** Units' objections to their assignments (D1), for staff to decide. */
  objections: Objections;
  /** Holders of links stopped by a new LINK_SECRET, for 通过通知渠道发送新链接 on /links. */
  replacedLinks: ReplacedLinks;
}

export interface DepsOptions {
  /** Health checks want no retries; jobs keep the default budget. */
  retry?: RetryPolicy;
}

/**
 * The adapters of one invocation, each built when the invocation first uses it: a sync's plan or a
 * page uses a few of the 24. In a fresh isolate every adapter built is code compiled first, and
 * building all of them read 1.5–2 ms of a quiet sync's plan there (profiled, bench/cold-start.ts
 * quiet). The configuration is still checked at once, so a missing secret fails the invocation
 * where it starts. Assigning a property (tests put fakes in) replaces the adapter.
 */
export function createDeps(env: Env, options: DepsOptions = {}): Deps {
  const config = loadConfig(env);
  const deps: Deps = builtOnUse<Deps>({
    config: () => config,
    sheets: () =>
      createSheetsClient({
        baseUrl: config.sheetsApiBase,
        spreadsheetId: config.spreadsheetId,
        auth: deps.sheetsAuth,
        serviceAccountEmail: config.serviceAccount.client_email,
        retry: options.retry,
      }),
    sheetsAuth: () =>
      createTokenSource({
        serviceAccount: config.serviceAccount,
        tokenUrl: config.tokenUrl,
        store: deps.meta,
      }),
    lease: () => createLease(env.DB),
    ids: () => createIdAllocator(env.DB),
    snapshots: () => createSnapshotStore(env.DB),
    runs: () => createSyncRunLog(env.DB),
    inbox: () => createInbox(env.DB),
    meta: () => createMetaStore(env.DB),
    intakeQueue: () => env.INTAKE_QUEUE,
    noticesQueue: () => env.NOTICES_QUEUE,
    jobsQueue: () => env.JOBS_QUEUE as Deps["jobsQueue"],
    tabCache: () => createTabCache(env.DB),
    noticeOutbox: () =>
      createNoticeOutbox(env.DB, robotPacingOn(env.NOTICE_ROBOT_PACING, config.environment)),
    noticeArrivals: () => createNoticeArrivals(env.DB),
    channels: () => channelsFromEnv(env, config.environment),
    samples: () => createSampleStore(env.DB),
    outboxView: () => createNoticeOutboxView(env.DB),
    summaries: () => createSummaryStore(env.DB, env.LETTERS ? createExportFiles(env.LETTERS) : null),
    buildId: () => env.CF_VERSION_METADATA?.id ?? config.version,
    personalLinks: () => createPersonalLinks(env.DB),
    linkSettings: () => linkSettingsFrom(env),
    publicOrigin: () => publicOriginFrom(env),
    letters: () => (env.LETTERS ? createLetterStore(env.LETTERS) : null),
    objections: () => createObjections(env.DB),
    replacedLinks: () => createReplacedLinks(env.DB),
  });
  return deps;
}

/** An object whose every property is built by its function on first read, then kept (or replaced when assigned). */
function builtOnUse<T extends object>(builders: { [K in keyof T]: () => T[K] }): T {
  const target = {} as T;
  const keep = (key: keyof T, value: unknown) =>
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  for (const key of Object.keys(builders) as (keyof T)[]) {
    Object.defineProperty(target, key, {
      enumerable: true,
      configurable: true,
      get() {
        const value = builders[key]();
        keep(key, value);
        return value;
      },
      set(value) {
        keep(key, value);
      },
    });
  }
  return target;
}

/** What signing in needs: D1 only, so the dashboard's sign-in works even while a secret is missing. */
export interface AuthDeps {
  sessions: SessionStore;
  signInFailures: SignInFailures;
}

export function createAuthDeps(env: Pick<Env, "DB">): AuthDeps {
  return { sessions: createSessionStore(env.DB), signInFailures: createSignInFailures(env.DB) };
}
