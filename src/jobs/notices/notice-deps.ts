import type { ChannelSet } from "../../channels/types";
import type { LinkSettings } from "../../links/link-settings";
import type { SheetsClient } from "../../sheets/client";
import type { Inbox } from "../../store/inbox";
import type { Lease } from "../../store/lease";
import type { MetaStore } from "../../store/meta";
import type { NoticeArrivals } from "../../store/notice-arrivals";
import type { Objections } from "../../store/objections";
import type { NoticeOutbox } from "../../store/outbox";
import type { PersonalLinks } from "../../store/personal-links";
import type { SnapshotStore } from "../../store/snapshots";
import type { SummaryStore } from "../../store/summary-store";
import type { TabCache } from "../../store/tab-cache";

/** The adapters the notice jobs use (a subset of Deps, so tests can swap one). */
export interface NoticeDeps {
  lease: Lease;
  meta: MetaStore;
  snapshots: SnapshotStore;
  summaries: SummaryStore;
  tabCache: TabCache;
  sheets: SheetsClient;
  noticeOutbox: NoticeOutbox;
  noticeArrivals: NoticeArrivals;
  noticesQueue: Queue<unknown>;
  channels: ChannelSet;
  personalLinks: PersonalLinks;
  linkSettings: LinkSettings | null;
  publicOrigin: string | null;
  /** Units' 交办异议 staff decided (D1): each unit not agreed with is told. Left out, none is. */
  objections?: Pick<Objections, "decidedSince">;
  /** Ratings sent that the last sync's ledger does not hold yet: their round's 答复告知 and 测评提醒 wait. */
  inbox: Pick<Inbox, "latestAboutEach">;
}

/** The notice jobs' adapters with the job queue their next steps go on (a daily run's parts, the log). */
export type QueuingNoticeDeps = NoticeDeps & { jobsQueue: Queue<unknown> };

/** meta key: the local date of the last completed daily run. */
export const META_NOTICES_LAST_RUN = "notices_last_run";
