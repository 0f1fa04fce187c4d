import type { FC } from "hono/jsx";
import { KIND_LABELS } from "../../domain/links/capability";
import type { LinkRecord } from "../../store/personal-links";

/** 状态 of a link signed with an earlier LINK_SECRET: it no longer opens, whatever its 有效期. */
export const REPLACED_TEXT = "已失效（密钥已更换）";

/**
 * Above the list of /links after the office rotated LINK_SECRET: how many of the listed links stopped
 * working, and whose, so staff know to whom to send a new link (the next notices carry one anyway).
 * Nothing when none did. Only the listed links are counted: the page lists the newest ones.
 */
export const ReplacedLinks: FC<{
  links: readonly LinkRecord[];
  isReplaced: (link: LinkRecord) => boolean;
}> = ({ links, isReplaced }) => {
  const byRecipient = new Map<string, { link: LinkRecord; count: number }>();
  let count = 0;
  for (const link of links) {
    if (!isReplaced(link)) continue;
    count += 1;
    const key = `${link.kind}\u0000${link.recipient}`;
    const seen = byRecipient.get(key);
    if (seen) seen.count += 1;
    else byRecipient.set(key, { link, count: 1 });
  }
  if (count === 0) return null;
  return (
    <div class="alert warn" role="status">
      <p>
        列出的链接中有 {count} 条因代表工委更换了链接密钥（LINK_SECRET）已失效（状态“{REPLACED_TEXT}”），
        对方打开时会看到“链接已更换”。之后的通知会自动带上新链接；需要对方尽快办理的，请点下面的“通过通知渠道发送新链接”（按各自的通知渠道发送），或用“签发新链接”重新签发后自行转发给：
      </p>
      <p>
        {[...byRecipient.values()].map(({ link, count: n }, i) => (
          <>
            {i > 0 ? "、" : null}
            <a href={`/links?kind=${link.kind}&recipient=${encodeURIComponent(link.recipient)}`}>
              {KIND_LABELS[link.kind]} {link.recipient}
            </a>
            （{n} 条）
          </>
        ))}
      </p>
    </div>
  );
};
