import { slug as githubSlug } from "github-slugger";

/** Letters that Unicode decomposition leaves alone but readers expect spelled out in ASCII. */
const TRANSLITERATIONS: Readonly<Record<string, string>> = {
  ß: "ss",
  ẞ: "SS",
  æ: "ae",
  Æ: "AE",
  œ: "oe",
  Œ: "OE",
  ø: "o",
  Ø: "O",
  đ: "d",
  Đ: "D",
  ð: "d",
  Ð: "D",
  þ: "th",
  Þ: "TH",
  ł: "l",
  Ł: "L",
  ı: "i",
  ŋ: "ng",
  Ŋ: "NG",
  ſ: "s",
};

/** Punctuation that separates words ("GPT-5.3", "and/or", "snake_case") rather than decorating them. */
const WORD_SEPARATORS = /[\s._/\\|·•–—:+]+/gu;

export const MAX_SLUG_LENGTH = 80;

/**
 * Accented Latin letters, ligatures and compatibility forms become ASCII; other scripts are kept
 * as they are, since stripping marks there ("が" → "か") would change the word rather than spell it.
 */
export function transliterate(text: string): string {
  return text.normalize("NFC").replace(/\P{ASCII}/gu, (char) => {
    const mapped = TRANSLITERATIONS[char];
    if (mapped !== undefined) return mapped;
    const ascii = char.normalize("NFKD").replace(/\p{M}+/gu, "");
    return /^\p{ASCII}+$/u.test(ascii) ? ascii : char;
  });
}

/**
 * github-slugger's rules (lowercase, punctuation dropped, spaces to hyphens) applied after turning
 * accents into ASCII, with separator punctuation kept as hyphens and runs of hyphens collapsed, so
 * "Café: GPT-5.3 — a review" becomes "cafe-gpt-5-3-a-review".
 */
export function slugify(title: string, maxLength = MAX_SLUG_LENGTH): string {
  const spaced = transliterate(title).replace(WORD_SEPARATORS, " ");
  const slug = githubSlug(spaced).replace(/-+/g, "-").replace(/^-|-$/g, "");
  if (slug.length <= maxLength) return slug;
  // Cut at a word boundary so the slug doesn't end mid-word.
  const cut = slug.slice(0, maxLength + 1);
  const lastHyphen = cut.lastIndexOf("-");
  return (lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : slug.slice(0, maxLength)).replace(/-+$/, "");
}

export function isValidSlug(slug: string): boolean {
  return slug !== "" && slugify(slug) === slug;
}
