import { sha256Hex } from "../digest";

/**
 * The generic webhook's idempotency key: hex SHA-256 of the notice's outbox key
 * (`type|编号|r<round>|<occurrence>|<recipient>|<channel>`). The outbox key is the same on every
 * retry and on every database (a redeploy on a new D1 plans the same notice under the same key),
 * unlike the row id; hashed, it is ASCII for a header and holds no unit's name.
 */
export function webhookIdempotencyKey(noticeKey: string): Promise<string> {
  return sha256Hex(noticeKey);
}

/**
 * An e-mail's Message-ID before the `@domain`: the notice's outbox key and the moment it was planned,
 * hashed (128 bits are plenty and keep the header on one line). The same on every retry of one
 * notice; a new database, which numbers its rows from 1 again, still gives new ids, so a mail client
 * never takes a new notice for one it already holds.
 */
export async function emailMessageIdLocalPart(noticeKey: string, plannedAt: string): Promise<string> {
  return `notice-${(await sha256Hex(`${noticeKey}|${plannedAt}`)).slice(0, 32)}`;
}
