import type { Config } from "../config";
import type { Env } from "../env";
import { bindingEmailSender } from "./cf-email-sender";
import { createChannels } from "./create-channels";
import type { FetchLike } from "./http-post";
import { sinkEmailSender, sinkFetch } from "./sink";
import type { ChannelSet } from "./types";

const plainFetch: FetchLike = (input, init) => fetch(input, init);

/**
 * The channels of one invocation. In development and tests NOTICE_SINK_URL sends everything to
 * the local sink; production always talks to the real robots and the send_email binding.
 */
export function channelsFromEnv(env: Env, environment: Config["environment"]): ChannelSet {
  const sink = environment !== "production" && env.NOTICE_SINK_URL ? env.NOTICE_SINK_URL : null;
  const fetchFn = sink ? sinkFetch(sink, plainFetch) : plainFetch;
  const email = sink ? sinkEmailSender(sink, plainFetch) : env.EMAIL ? bindingEmailSender(env.EMAIL) : null;
  return createChannels({
    fetch: fetchFn,
    now: Date.now,
    email,
    emailFrom: env.NOTICE_EMAIL_FROM || (sink ? "notices@jianyi.localhost" : null),
    emailFromName: env.NOTICE_EMAIL_FROM_NAME,
    emailReplyTo: env.NOTICE_EMAIL_REPLY_TO || null,
    webhookSecret: env.NOTICE_WEBHOOK_SECRET || null,
  });
}
