/**
 * Approximate text measurement for Inter, the body font. Layout runs at build
 * time with no browser, so label widths come from the font's advance widths
 * (in 1/1000 em, read from the Inter 4 TTFs that @expo-google-fonts/inter
 * ships). Kerning is ignored; it only ever narrows Inter's text a little.
 */

export type FontWeight = 400 | 600;

/** Advance widths for U+0020…U+007E, in 1/1000 em. */
const ASCII_WIDTHS: Readonly<Record<FontWeight, readonly number[]>> = {
  400: [
    281, 288, 466, 633, 642, 982, 644, 300, 365, 365, 501, 662, 288, 460, 288, 360, 631, 407, 610, 618, 646, 593, 620, 566, 619,
    620, 288, 302, 662, 662, 662, 511, 966, 690, 654, 730, 722, 601, 590, 746, 743, 269, 571, 672, 565, 903, 753, 765, 639, 765,
    644, 642, 646, 744, 690, 985, 682, 679, 629, 365, 360, 365, 471, 456, 323, 562, 612, 571, 612, 583, 370, 613, 591, 242, 242,
    549, 242, 876, 591, 600, 612, 612, 376, 528, 327, 591, 562, 818, 546, 562, 552, 426, 333, 426, 662,
  ],
  600: [
    252, 321, 523, 644, 650, 1004, 663, 326, 373, 373, 540, 673, 319, 465, 319, 379, 660, 423, 623, 636, 666, 612, 640, 576, 640,
    640, 319, 329, 673, 673, 673, 543, 999, 728, 659, 737, 722, 605, 588, 749, 746, 277, 580, 703, 565, 922, 759, 769, 645, 773,
    652, 650, 660, 736, 728, 1020, 720, 713, 652, 373, 379, 373, 481, 469, 351, 574, 624, 583, 624, 591, 389, 625, 612, 262, 262,
    569, 262, 900, 612, 609, 624, 624, 397, 549, 353, 612, 587, 839, 569, 588, 566, 455, 359, 455, 673,
  ],
};

/**
 * Characters outside ASCII that labels commonly contain (units, dashes,
 * quotes). Accented Latin letters need no entry: they are as wide as their
 * base letter, found by canonical decomposition.
 */
const EXTRA_WIDTHS: Readonly<Record<FontWeight, Readonly<Record<string, number>>>> = {
  400: {
    "°": 456,
    "–": 500,
    "—": 1000,
    "…": 864,
    "×": 662,
    "€": 667,
    "£": 611,
    "¥": 550,
    µ: 586,
    "−": 662,
    "’": 261,
    "‘": 261,
    "“": 440,
    "”": 440,
    "\u00a0": 281,
    "\u2009": 182,
    "±": 662,
    "‰": 1335,
    "•": 563,
  },
  600: {
    "°": 458,
    "–": 500,
    "—": 1000,
    "…": 956,
    "×": 673,
    "€": 679,
    "£": 629,
    "¥": 563,
    µ: 614,
    "−": 673,
    "’": 294,
    "‘": 294,
    "“": 507,
    "”": 501,
    "\u00a0": 252,
    "\u2009": 166,
    "±": 673,
    "‰": 1372,
    "•": 503,
  },
};

/** Unknown Latin-ish characters are assumed as wide as a capital letter, erring wide. */
const FALLBACK_WIDTH = 700;
/** CJK, Hangul, emoji and other wide scripts take a full em. */
const WIDE_WIDTH = 1000;

/**
 * The body font may resolve to a fallback (system-ui) before Inter loads, or
 * browsers may round advances differently; padding measured widths keeps
 * layouts collision-free in those cases too.
 */
const SAFETY = 1.04;

/** Vertical metrics of Inter in em (hhea ascender/descender, cap height). */
export const FONT_METRICS = {
  ascent: 0.969,
  descent: 0.241,
  capHeight: 0.728,
} as const;

function isWide(codePoint: number): boolean {
  return (
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    codePoint >= 0x1f000
  );
}

function charWidth(char: string, weight: FontWeight): number {
  const codePoint = char.codePointAt(0) ?? 0;
  if (codePoint >= 0x20 && codePoint <= 0x7e) return ASCII_WIDTHS[weight][codePoint - 0x20] ?? FALLBACK_WIDTH;
  const extra = EXTRA_WIDTHS[weight][char];
  if (extra !== undefined) return extra;
  const base = char.normalize("NFD").codePointAt(0) ?? 0;
  if (base !== codePoint && base >= 0x20 && base <= 0x7e) return charWidth(String.fromCodePoint(base), weight);
  return isWide(codePoint) ? WIDE_WIDTH : FALLBACK_WIDTH;
}

/** Width of `text` set in Inter at `fontSize` user units. */
export function measureText(text: string, fontSize: number, weight: FontWeight = 400): number {
  let units = 0;
  for (const char of text) units += charWidth(char, weight);
  return (units / 1000) * fontSize * SAFETY;
}

/** Height of one line of text from ascender to descender. */
export function lineHeight(fontSize: number): number {
  return (FONT_METRICS.ascent + FONT_METRICS.descent) * fontSize;
}

/**
 * Shortens `text` with a trailing ellipsis until it fits `maxWidth`. Returns
 * the text unchanged when it already fits, and just the ellipsis when nothing
 * else does.
 */
export function ellipsize(text: string, maxWidth: number, fontSize: number, weight: FontWeight = 400): string {
  if (measureText(text, fontSize, weight) <= maxWidth) return text;
  const chars = Array.from(text);
  for (let keep = chars.length - 1; keep > 0; keep--) {
    const candidate = `${chars.slice(0, keep).join("").trimEnd()}…`;
    if (measureText(candidate, fontSize, weight) <= maxWidth) return candidate;
  }
  return "…";
}
