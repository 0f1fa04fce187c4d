/** Bindings and variables the Worker receives. Secrets are optional here; `loadConfig` says which are missing. */
export interface Env {
  DB: D1Database;
  INTAKE_QUEUE: Queue<unknown>;
  NOTICES_QUEUE: Queue<unknown>;
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
  BUILD_VERSION?: string;
}
