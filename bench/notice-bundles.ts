/**
 * The notices consumer on its heaviest batch since a group robot's notices go bundled
 * (src/domain/notices/robot-bundles.ts): ten robot messages, each as many of the run's notices as
 * fit one 钉钉 message (eight), so one invocation claims, sends and records up to 80 notices; then
 * the job steps that log those outcomes to 通知记录 and 最近通知, FLUSH_LIMIT a step. The bench office's units take
 * e-mail, so the run's remaining e-mails are moved to ten 钉钉 robots first, outside the clocks; the
 * robots are tools/notice-sink.ts, which answers as a robot does.
 */
import { bundleMaxBytes, planBundles } from "../src/domain/notices/robot-bundles";
import type { NoticeMessage } from "../src/jobs/notices/enqueue";
import { NOTICE_LOG_STEP } from "../src/jobs/notices/log-step";
import { FLUSH_LIMIT } from "../src/jobs/notices/log-to-sheet";
import { startNoticeSink } from "../tools/notice-sink";
import type { BenchEmulator } from "./emulator-process";
import { type InvocationFigures, measure, queueDeliverer } from "./free-plan";
import { maxBatchSize } from "./queue-batches";
import type { BenchWorker } from "./worker";

interface Pending {
  readonly id: number;
  readonly titleBytes: number;
  readonly bodyBytes: number;
}

export async function measureBundledNoticeBatch(
  worker: BenchWorker,
  em: BenchEmulator,
): Promise<InvocationFigures[]> {
  const messages = maxBatchSize("jianyi-notices");
  const db = await worker.db();
  const { results: pending } = await db
    .prepare(
      `SELECT id, length(CAST(title AS BLOB)) AS titleBytes, length(CAST(body AS BLOB)) AS bodyBytes
         FROM notices WHERE status = '待发送' AND channel = 'email' AND suggestion_id IS NOT NULL
        ORDER BY id LIMIT 200`,
    )
    .all<Pending>();
  const sink = await startNoticeSink({ port: 0 });
  try {
    const bundles: Pending[][] = [];
    let next = 0;
    while (bundles.length < messages) {
      const [bundle] = planBundles(pending.slice(next), bundleMaxBytes("dingtalk"));
      if (!bundle) throw new Error(`the notices run left ${pending.length} e-mails to bundle`);
      bundles.push(bundle);
      next += bundle.length;
    }
    await db.batch(
      bundles.map((bundle, k) =>
        db
          .prepare(
            "UPDATE notices SET channel = 'dingtalk', address = ?2 WHERE id IN (SELECT value FROM json_each(?1))",
          )
          .bind(JSON.stringify(bundle.map((n) => n.id)), `${sink.url}/robot/send?access_token=bench${k}`),
      ),
    );
    const carried = bundles.flat().length;
    const deliver = queueDeliverer(await worker.mf.getWorker());
    const sent = await measure(
      worker,
      em,
      `notices: a batch of ${messages} robot messages carrying ${carried} notices (bundled)`,
      () =>
        deliver(
          "jianyi-notices",
          bundles.map(([first, ...others]) => ({
            noticeId: first?.id ?? 0,
            with: others.map((n) => n.id),
          })) satisfies NoticeMessage[],
        ),
      1,
    );
    // A step writes FLUSH_LIMIT outcomes and queues the next: the first is measured (a full step),
    // the rest delivered outside the clocks, as the queue would, before all are checked below.
    const steps = Math.ceil(carried / FLUSH_LIMIT);
    const logged = await measure(
      worker,
      em,
      `notices: those ${carried} notices logged to 通知记录 and 最近通知: a job step of ${FLUSH_LIMIT} (1 of ${steps})`,
      () => deliver("jianyi-jobs", [NOTICE_LOG_STEP]),
      1,
    );
    for (let step = 1; step < steps; step += 1) await deliver("jianyi-jobs", [NOTICE_LOG_STEP]);
    const done = await db
      .prepare(
        "SELECT COUNT(*) AS n FROM notices WHERE id IN (SELECT value FROM json_each(?1)) AND status = '已发送' AND logged_to_sheet = 1",
      )
      .bind(JSON.stringify(bundles.flat().map((n) => n.id)))
      .first<{ n: number }>();
    // A batch that sent or logged less, or sent more messages, measured other than its label says.
    if (done?.n !== carried || sink.messages.length !== messages)
      throw new Error(
        `of ${carried} bundled notices ${done?.n ?? 0} were sent and logged, in ${sink.messages.length} robot messages`,
      );
    return [sent, logged];
  } finally {
    await sink.close();
  }
}
