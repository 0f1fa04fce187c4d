import { sha256Hex } from "../digest";

/**
 * Which LINK_SECRET signed a link, told without the secret: the first 16 hex digits of SHA-256 over
 * a fixed label and the secret. D1 keeps it with each link it records, so after the office rotates
 * the secret (docs/deploy.md 第 6 节) a link refused for its signature can be told apart from a
 * forged one, and /links can say which links stopped working. 64 bits cannot be turned back into a
 * secret of at least 32 random characters; the label keeps it from matching any other hash of it.
 */
const LABEL = "jianyi personal-link secret fingerprint v1\n";

/** One digest per secret for the isolate's life (a rotation brings a new isolate and a new secret). */
const fingerprints = new Map<string, Promise<string>>();

/** The fingerprint of `secret` (16 lowercase hex digits). */
export function secretFingerprint(secret: string): Promise<string> {
  let fingerprint = fingerprints.get(secret);
  if (!fingerprint) {
    fingerprint = sha256Hex(LABEL + secret).then((hex) => hex.slice(0, 16));
    fingerprints.set(secret, fingerprint);
  }
  return fingerprint;
}

/** What D1 knows of the secret that signed a link (LinkRecord's two fingerprint fields). */
export interface SignedWith {
  /** The fingerprint recorded when the link was issued; null for a link issued before they were. */
  readonly secretFingerprint: string | null;
  /**
   * For an unstamped link issued no later than the first stamped one: that link's fingerprint. Such
   * a link was signed with that secret or an earlier one; null otherwise (nothing can be said).
   */
  readonly issuedBeforeFingerprint: string | null;
}

/**
 * Whether a link was signed with a secret other than `current`, so it cannot work any more: its own
 * fingerprint differs, or, for a link issued before fingerprints were recorded, the secret of the
 * first recorded link (the one in use then, or a later one) already differed. A link that D1 cannot
 * place (unstamped, and the first recorded secret is the current one) is not judged: false.
 */
export function signedWithOtherSecret(link: SignedWith, current: string): boolean {
  if (link.secretFingerprint !== null) return link.secretFingerprint !== current;
  return link.issuedBeforeFingerprint !== null && link.issuedBeforeFingerprint !== current;
}
