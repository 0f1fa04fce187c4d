import { LOCAL, localStatePaths, recordedEmulatorUrl } from "../local-paths";

export const GOOGLE_API_BASE = "https://sheets.googleapis.com/";
export const GOOGLE_TOKEN_URL = "https://oauth2.googleapis.com/token";

/** Where the Node tools talk to: API root, token endpoint and service-account key file. */
export interface Connection {
  readonly apiBase: string;
  readonly tokenUrl: string;
  readonly keyFile: string;
  /** True when no key was named: the local emulator's key and the local emulator are used. */
  readonly local: boolean;
  /** --spreadsheet, else SPREADSHEET_ID, else "demo" for the local emulator. */
  readonly spreadsheetId: string | undefined;
  /** npm start's --state the local key and emulator came from, for the advice "run npm start -- --state …". */
  readonly stateDir?: string | undefined;
}

export interface ConnectionFlags {
  readonly url?: string | undefined;
  readonly key?: string | undefined;
  readonly spreadsheet?: string | undefined;
  /** `npm start -- --state <dir>`'s directory: the local key and emulator of that run. */
  readonly state?: string | undefined;
}

type Env = Readonly<Record<string, string | undefined>>;

function withSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}

/**
 * Resolves flags and environment: the key from --key or GOOGLE_APPLICATION_CREDENTIALS (else the
 * local emulator's key, .local/service-account.json or the one in --state); the API root from --url
 * or SHEETS_API_BASE (else Google, or when the local key is used the emulator npm start runs with it,
 * on whatever --emulator-port it was given); the token URL from GOOGLE_TOKEN_URL, else Google's for
 * Google's API and `<api root>/token` for anything else (an emulator).
 */
export function resolveConnection(rawEnv: Env, flags: ConnectionFlags = {}): Connection {
  // An empty variable (GOOGLE_TOKEN_URL= in a shell or .env) means "not set".
  const env = Object.fromEntries(Object.entries(rawEnv).filter(([, value]) => value !== ""));
  const named = flags.key ?? env.GOOGLE_APPLICATION_CREDENTIALS;
  const local = !named;
  const paths = localStatePaths(flags.state);
  const keyFile = named ?? paths.serviceAccountFile;
  const apiBase = withSlash(
    flags.url ?? env.SHEETS_API_BASE ?? (local ? recordedEmulatorUrl(paths) : GOOGLE_API_BASE),
  );
  const tokenUrl =
    env.GOOGLE_TOKEN_URL ?? (apiBase === GOOGLE_API_BASE ? GOOGLE_TOKEN_URL : new URL("token", apiBase).href);
  const spreadsheetId = flags.spreadsheet ?? env.SPREADSHEET_ID ?? (local ? LOCAL.spreadsheetId : undefined);
  return { apiBase, tokenUrl, keyFile, local, spreadsheetId, stateDir: flags.state };
}
