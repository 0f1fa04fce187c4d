/** Bindings and variables the Worker receives. Secrets are optional here; `loadConfig` says which are missing. */
export interface Env {
  DB: D1Database;
  INTAKE_QUEUE: Queue<unknown>;
  NOTICES_QUEUE: Queue<unknown>;
  /** Steps of long jobs (a sync run, a daily notices run), one invocation each. */
  JOBS_QUEUE: Queue<unknown>;
  ENVIRONMENT: string;
  SHEETS_API_BASE: string;
  GOOGLE_TOKEN_URL: string;
  SPREADSHEET_ID?: string;
  /** The service account's JSON key file, as one string. */
  GOOGLE_SERVICE_ACCOUNT?: string;
  ADMIN_TOKEN?: string;
  /** Per-form HMAC secrets of the intake webhooks. */
  FORM_SECRET_SUGGESTION?: string;
  FORM_SECRET_REPLY?: string;
  FORM_SECRET_RATING?: string;
  /** The 民意 form (issue 14): optional; /hooks/forms/opinion answers 503 until it is set. */
  FORM_SECRET_OPINION?: string;
  BUILD_VERSION?: string;
  /** The deployed version (wrangler.toml [version_metadata]): a new deploy re-evaluates every row once. */
  CF_VERSION_METADATA?: WorkerVersionMetadata;
  /** Cloudflare Access team, e.g. `my-office` (of my-office.cloudflareaccess.com); unset = Access off. */
  ACCESS_TEAM_DOMAIN?: string;
  /** The Access application's Audience (AUD) tag. */
  ACCESS_AUD?: string;
  /** send_email binding for the e-mail notice channel (wrangler.toml [[send_email]]). */
  EMAIL?: SendEmail;
  /** Sender address of notice e-mails, on a domain with Cloudflare Email Routing. */
  NOTICE_EMAIL_FROM?: string;
  /** Sender name of notice e-mails, e.g. `某某区人大常委会代表工委`; unset: 代表建议办理. */
  NOTICE_EMAIL_FROM_NAME?: string;
  /**
   * Reply-To of notice e-mails: an office mailbox staff read (the Worker receives no mail, so a
   * unit's reply to NOTICE_EMAIL_FROM goes unread). A malformed one is left out, said on /notices.
   */
  NOTICE_EMAIL_REPLY_TO?: string;
  /** Signs generic webhook notices whose 机器人地址 has no `#secret`. */
  NOTICE_WEBHOOK_SECRET?: string;
  /**
   * Signs personal links (the HS256 key, at least 32 characters): `wrangler secret put LINK_SECRET`.
   * Changing it ends every link already sent.
   */
  LINK_SECRET?: string;
  /** The Worker's public address, e.g. `https://jianyi.my-office.workers.dev`: personal links start with it. */
  PUBLIC_URL?: string;
  /** Private R2 bucket of the 答复函 letters units upload (wrangler.toml [[r2_buckets]]). */
  LETTERS?: R2Bucket;
  /** Benchmarks only: count D1's rows read and written (src/d1-meter.ts). */
  D1_METER?: string;
  /** Development and tests only: send every notice to this local sink instead (tools/notice-sink.ts). */
  NOTICE_SINK_URL?: string;
  /**
   * Development only: `off` queues notices to group robots without spacing them (the local stack's
   * sink is no robot). Unset, and always in production, they are paced under each robot's limit.
   */
  NOTICE_ROBOT_PACING?: string;
}
