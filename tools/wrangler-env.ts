/** wrangler as every tool here runs it: no banner, no telemetry, no look-up of Request.cf over the network. */
export const QUIET_WRANGLER = {
  WRANGLER_SEND_METRICS: "false",
  WRANGLER_HIDE_BANNER: "true",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
} as const;
