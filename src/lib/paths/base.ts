/** `""`, `"blog"`, `"/blog"` and `"/blog/"` all mean the same base; normalise to `/blog/`. */
export function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? "").trim().replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "/" : `/${trimmed}/`;
}

/**
 * `/posts/x/` → `/blog/posts/x/` under a base path. Only site-absolute paths change: relative links,
 * protocol-relative URLs and paths that already carry the base are left as they are.
 */
export function withBase(path: string, base: string): string {
  const normalized = normalizeBase(base);
  if (normalized === "/" || !path.startsWith("/") || path.startsWith("//")) return path;
  if (path.startsWith(normalized) || path === normalized.slice(0, -1)) return path;
  return `${normalized.slice(0, -1)}${path}`;
}

/** Decodes percent escapes, keeping the text as it is when it holds a broken escape. */
export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
