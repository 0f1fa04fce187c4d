const PROBE_ORIGIN = "https://same-origin.invalid";

/**
 * Where to send a browser after sign-in: a path on this site, else "/". Judged as a browser would
 * read it: "//host" and "/\host" are other sites, tabs and newlines are dropped by URL parsers, and
 * dot segments are resolved ("/.//host" becomes "//host"). The `token` parameter is never kept.
 */
export function safeRedirectTarget(candidate: string | null | undefined): string {
  if (!candidate?.startsWith("/") || candidate.startsWith("//")) return "/";
  if ([...candidate].some((ch) => ch === "\\" || ch <= " " || ch === "\u007f")) return "/";
  let url: URL;
  try {
    url = new URL(candidate, PROBE_ORIGIN);
  } catch {
    return "/";
  }
  if (url.origin !== PROBE_ORIGIN) return "/";
  url.searchParams.delete("token");
  const target = `${url.pathname}${url.search}`;
  return target.startsWith("/") && !target.startsWith("//") ? target : "/";
}
