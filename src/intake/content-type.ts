/**
 * The hooks take `application/json`, optionally with `charset=utf-8` (any case, quoted or not).
 * A prefix match let `application/jsonp` and `application/json-seq` through; any other parameter or
 * charset is refused too, since the body is always read as UTF-8.
 */
export function isJsonContentType(header: string | undefined | null): boolean {
  if (!header) return false;
  const [type = "", ...params] = header.split(";");
  if (type.trim().toLowerCase() !== "application/json") return false;
  return params.every((param) => {
    const trimmed = param.trim();
    if (trimmed === "") return true; // "application/json;" is harmless
    const eq = trimmed.indexOf("=");
    if (eq < 0) return false;
    const name = trimmed.slice(0, eq).trim().toLowerCase();
    const value = trimmed
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, "$1")
      .toLowerCase();
    return name === "charset" && value === "utf-8";
  });
}
