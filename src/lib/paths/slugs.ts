import { slug as slugify } from "github-slugger";

/**
 * What one URL path segment carries without escaping, besides letters and digits of any script
 * (RFC 3986's unreserved characters and sub-delimiters, and `@`).
 */
export const SLUG_PUNCTUATION = "-._~!$&'()*+,;=@";

const SLUG = /^[\p{L}\p{M}\p{N}\-._~!$&'()*+,;=@]+$/u;

function describeCharacter(character: string): string {
  if (/\s/u.test(character)) return "whitespace";
  if (/\p{Cc}/u.test(character))
    return `the control character U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
  return `"${character}"`;
}

/** Why a slug cannot be one URL path segment, or undefined when it can. */
export function slugProblem(slug: string): string | undefined {
  if (slug === "") return "cannot be empty";
  if (slug === "." || slug === "..") return `"${slug}" is not a usable URL segment`;
  if (SLUG.test(slug)) return undefined;
  const bad = [...slug].find((character) => !SLUG.test(character)) ?? "";
  return `"${slug}" has ${describeCharacter(bad)}; a slug holds letters and digits of any script and ${SLUG_PUNCTUATION}`;
}

/** `foo.md` → `foo`, `foo/index.mdx` → `foo`; a `slug` field wins and is kept as written. */
export function postSlug(entry: string, frontmatterSlug?: unknown): string {
  if (typeof frontmatterSlug === "string" && frontmatterSlug.trim()) return frontmatterSlug.trim();
  const segments = entry.replace(/\\/g, "/").split("/");
  const file = segments.at(-1) ?? entry;
  const stem = file.replace(/\.(md|mdx)$/i, "");
  const name = stem === "index" && segments.length > 1 ? (segments.at(-2) ?? stem) : stem;
  return slugify(name);
}
