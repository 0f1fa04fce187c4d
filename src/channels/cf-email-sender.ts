import { EmailMessage } from "cloudflare:email";
import type { EmailSender } from "./email";

/** Sends through the Worker's send_email binding (EMAIL in wrangler.toml). */
export function bindingEmailSender(binding: SendEmail): EmailSender {
  return {
    async send(from, to, raw) {
      await binding.send(new EmailMessage(from, to, raw));
    },
  };
}
