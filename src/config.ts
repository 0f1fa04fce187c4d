import * as z from "zod";
import type { Env } from "./env";

const serviceAccountSchema = z.object({
  client_email: z.string().min(1),
  private_key: z.string().includes("PRIVATE KEY"),
  private_key_id: z.string().optional(),
  token_uri: z.string().url().optional(),
});

export type ServiceAccount = z.infer<typeof serviceAccountSchema>;

const configSchema = z.object({
  environment: z.enum(["production", "development", "test"]),
  sheetsApiBase: z.string().url(),
  tokenUrl: z.string().url(),
  spreadsheetId: z.string().min(1, "SPREADSHEET_ID is not set: `wrangler secret put SPREADSHEET_ID`"),
  serviceAccount: serviceAccountSchema,
  adminToken: z.string().optional(),
  version: z.string(),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

function parseServiceAccount(raw: string | undefined): unknown {
  if (!raw)
    throw new ConfigError(
      "GOOGLE_SERVICE_ACCOUNT is not set: `wrangler secret put GOOGLE_SERVICE_ACCOUNT < key.json`",
    );
  try {
    return JSON.parse(raw);
  } catch {
    throw new ConfigError(
      "GOOGLE_SERVICE_ACCOUNT is not valid JSON: paste the whole key file downloaded from Google Cloud",
    );
  }
}

/**
 * Validates a made-up configuration of the right shape, for src/warm-up.tsx: zod's first parse of a
 * schema in a fresh isolate cost the first invocation 7.6 ms (profiled in workerd); done while the
 * Worker starts, it is start-up time instead. Nothing is kept.
 */
export function warmUpConfigSchema(): boolean {
  return configSchema.safeParse({
    environment: "production",
    sheetsApiBase: "https://sheets.googleapis.com",
    tokenUrl: "https://oauth2.googleapis.com/token",
    spreadsheetId: "warm-up",
    serviceAccount: {
      client_email: "warm-up@example.iam.gserviceaccount.com",
      private_key: "-----BEGIN PRIVATE KEY-----",
    },
    adminToken: "warm-up",
    version: "warm-up",
  }).success;
}

/**
 * The last configuration validated, by the values it was read from: an isolate serves many
 * invocations with the same environment, and validating it again (the URLs, the key file's JSON)
 * cost each page about 1.4 ms of its CPU.
 */
let lastValid: { from: string; config: Config } | null = null;

/** Validates the environment (once per isolate while it stays the same); throws ConfigError naming what to set. */
export function loadConfig(env: Env): Config {
  const from = JSON.stringify([
    env.ENVIRONMENT,
    env.SHEETS_API_BASE,
    env.GOOGLE_TOKEN_URL,
    env.SPREADSHEET_ID,
    env.GOOGLE_SERVICE_ACCOUNT,
    env.ADMIN_TOKEN,
    env.BUILD_VERSION,
  ]);
  if (lastValid?.from === from) return lastValid.config;
  const result = configSchema.safeParse({
    environment: env.ENVIRONMENT,
    sheetsApiBase: env.SHEETS_API_BASE,
    tokenUrl: env.GOOGLE_TOKEN_URL,
    spreadsheetId: env.SPREADSHEET_ID ?? "",
    serviceAccount: parseServiceAccount(env.GOOGLE_SERVICE_ACCOUNT),
    adminToken: env.ADMIN_TOKEN || undefined,
    version: env.BUILD_VERSION ?? "dev",
  });
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new ConfigError(`invalid configuration: ${issues}`);
  }
  lastValid = { from, config: result.data };
  return result.data;
}
