import type { Channel } from "../../sheets-schema/enums";
import { parseRobotAddress } from "../channels/robot-address";
import { sha256Hex } from "../digest";

/**
 * Milliseconds between two messages to one group robot. 钉钉 and 企业微信 take 20 a minute from a
 * robot, 飞书 100 a minute and 5 a second (their custom-robot documentation). The queue hands over
 * what falls due within its max_batch_timeout (5 s) as one batch, sent back to back, so a spacing is
 * chosen that stays under the limit even then: 4 s is 15 a minute (17 in any 65 s), 1.5 s is 40 a
 * minute and at most 4 in one batch's 5 s. E-mail and the generic webhook are not paced.
 */
export const ROBOT_GAP_MS: Readonly<Partial<Record<Channel, number>>> = {
  wecom: 4_000,
  dingtalk: 4_000,
  feishu: 1_500,
};

/** Queues' longest delaySeconds (12 hours): a slot further off is not queued now (robot-slots.ts). */
export const MAX_DELAY_SECONDS = 43_200;

/** Slots asked for one robot: `count` of them, `gapMs` apart, none before `notBeforeMs`. */
export interface SlotRequest {
  readonly key: string;
  readonly count: number;
  readonly gapMs: number;
  readonly notBeforeMs: number;
}

/** The slots a robot got: `count` of them (maybe fewer than asked), from `fromMs`, `gapMs` apart. */
export interface GrantedSlots {
  readonly fromMs: number;
  readonly count: number;
  readonly gapMs: number;
}

export interface RobotPacing {
  /** The spacing of messages over `channel`, or null: not a robot, or pacing off (local stack). */
  gapMs(channel: Channel): number | null;
  /**
   * Takes the next free slots of each robot, in one statement (so two enqueues at once never share
   * one), none later than `latestMs`; the robot's next free moment moves past them.
   */
  reserve(requests: readonly SlotRequest[], latestMs: number): Promise<Map<string, GrantedSlots>>;
  /**
   * Forgets the robots whose slots all ended before `beforeMs` (one statement), so a robot used once
   * keeps no row for ever; a robot used again starts afresh, free at once, as a new one does.
   */
  prune(beforeMs: number): Promise<number>;
}

/** How long a robot's row outlives its last slot before the hourly tick forgets it. */
export const PACING_KEPT_MS = 24 * 3600_000;

/**
 * The key a robot is paced by: a hash of its address without the `#secret` (one robot, however its
 * secret is written), since the address lets whoever reads it post into the group.
 */
export async function robotKey(address: string): Promise<string> {
  // The first 16 bytes: plenty to tell an office's robots apart.
  return (await sha256Hex(parseRobotAddress(address).url)).slice(0, 32);
}

/**
 * `NOTICE_ROBOT_PACING=off` (the local stack, whose notice sink is no robot) sends without spacing;
 * a production Worker always paces.
 */
export function robotPacingOn(setting: string | undefined, environment: string): boolean {
  return environment === "production" || setting?.trim().toLowerCase() !== "off";
}

// A new robot's row is inserted as if it were free (first slot at notBefore); an existing one's slots
// start at its next free moment, or notBefore if later. The count granted stops at the last slot not
// after ?2 (integer division; CAST because D1 may bind ?2 as a REAL). SET reads the old row's values.
const FROM = "MAX(next_free_ms, excluded.granted_from_ms)";
const fitting = (from: string, gap: string) => `CAST(MAX(0, ?2 - ${from} + ${gap}) / ${gap} AS INTEGER)`;
const RESERVE = `INSERT INTO robot_pacing (address_key, granted_from_ms, next_free_ms, gap_ms, wanted)
  SELECT k, nb, nb + g * MIN(w, ${fitting("nb", "g")}), g, w
  FROM (SELECT json_extract(e.value, '$[0]') AS k, json_extract(e.value, '$[1]') AS w,
          json_extract(e.value, '$[2]') AS g, json_extract(e.value, '$[3]') AS nb
        FROM json_each(?1) AS e ORDER BY e.key)
  WHERE true
  ON CONFLICT (address_key) DO UPDATE SET
    granted_from_ms = ${FROM},
    next_free_ms = ${FROM} + excluded.gap_ms * MIN(excluded.wanted, ${fitting(FROM, "excluded.gap_ms")}),
    gap_ms = excluded.gap_ms, wanted = excluded.wanted
  RETURNING address_key, granted_from_ms, next_free_ms, gap_ms`;

export function createRobotPacing(db: D1Database, on = true): RobotPacing {
  return {
    gapMs: (channel) => (on ? (ROBOT_GAP_MS[channel] ?? null) : null),
    async reserve(requests, latestMs) {
      const out = new Map<string, GrantedSlots>();
      if (requests.length === 0) return out;
      const rows = requests.map((r) => [
        r.key,
        Math.max(0, Math.floor(r.count)),
        Math.max(1, Math.round(r.gapMs)),
        Math.ceil(r.notBeforeMs),
      ]);
      const { results } = await db
        .prepare(RESERVE)
        .bind(JSON.stringify(rows), Math.floor(latestMs))
        .all<{ address_key: string; granted_from_ms: number; next_free_ms: number; gap_ms: number }>();
      for (const r of results)
        out.set(r.address_key, {
          fromMs: r.granted_from_ms,
          count: Math.round((r.next_free_ms - r.granted_from_ms) / r.gap_ms),
          gapMs: r.gap_ms,
        });
      return out;
    },
    async prune(beforeMs) {
      // next_free_ms is the moment after a robot's last slot: a row whose slots lie ahead never matches.
      const { meta } = await db
        .prepare("DELETE FROM robot_pacing WHERE next_free_ms < ?1")
        .bind(Math.floor(beforeMs))
        .run();
      return meta.changes;
    },
  };
}
