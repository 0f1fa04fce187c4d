import { readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseToml } from "smol-toml";

interface WranglerQueues {
  queues?: { consumers?: { queue?: string; max_batch_size?: number }[] };
}

/**
 * How many messages wrangler.toml lets a queue hand its consumer at once: a full batch is what one
 * invocation may have to carry, so that is the batch the bench measures.
 */
export function maxBatchSize(queue: string): number {
  const file = path.resolve(import.meta.dirname, "../wrangler.toml");
  const toml = parseToml(readFileSync(file, "utf8")) as WranglerQueues;
  const size = toml.queues?.consumers?.find((c) => c.queue === queue)?.max_batch_size;
  if (!size) throw new Error(`wrangler.toml: the ${queue} consumer sets no max_batch_size`);
  return size;
}
