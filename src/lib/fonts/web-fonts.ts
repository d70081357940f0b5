import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import subsetFont from "subset-font";

/**
 * The pages' three faces, cut from the variable Latin files of the @fontsource-variable packages to
 * the weights the styles use. The CSS asks for 400 to 700 only (text, 500 to 650 for labels and
 * headings, 700 for bold), and dropping the rest of the weight axis takes about a third off each
 * file, the bytes a phone fetches before its largest paint. `npm run fonts` writes them to
 * src/assets/fonts/, where src/styles/fonts.css and the preloads in Head.astro find them.
 */
export interface WebFont {
  /** The family name src/styles/fonts.css declares. */
  family: string;
  /** The variable Latin file in node_modules. */
  source: string;
  /** File name under src/assets/fonts/. */
  file: string;
  weight: { min: number; max: number };
}

const WEIGHTS = { min: 400, max: 700 } as const;

export const WEB_FONTS: readonly WebFont[] = [
  {
    family: "Inter Variable",
    source: "@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
    file: "inter-latin-wght-400-700.woff2",
    weight: WEIGHTS,
  },
  {
    family: "Source Serif 4 Variable",
    source: "@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2",
    file: "source-serif-4-latin-wght-400-700.woff2",
    weight: WEIGHTS,
  },
  {
    family: "JetBrains Mono Variable",
    source: "@fontsource-variable/jetbrains-mono/files/jetbrains-mono-latin-wght-normal.woff2",
    file: "jetbrains-mono-latin-wght-400-700.woff2",
    weight: WEIGHTS,
  },
];

/** Fontsource's Latin subset, the `unicode-range` of every face in src/styles/fonts.css. */
export const LATIN_RANGE =
  "U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD";

/** Every character a `unicode-range` value covers, as one string. */
export function rangeText(range: string): string {
  return range
    .split(",")
    .map((part) => part.trim().replace(/^U\+/i, ""))
    .flatMap((part) => {
      const match = /^([\da-f]{1,6})(?:-([\da-f]{1,6}))?$/i.exec(part);
      const from = Number.parseInt(match?.[1] ?? "", 16);
      const to = Number.parseInt(match?.[2] ?? match?.[1] ?? "", 16);
      if (!match || to < from) throw new Error(`Not a unicode-range part: U+${part}`);
      return Array.from({ length: to - from + 1 }, (_, index) => String.fromCodePoint(from + index));
    })
    .join("");
}

const require = createRequire(import.meta.url);

/** The face as the site ships it: the Latin characters, the weight axis cut to its range. */
export function subsetWebFont(font: WebFont): Promise<Buffer> {
  return subsetFont(readFileSync(require.resolve(font.source)), rangeText(LATIN_RANGE), {
    targetFormat: "woff2",
    variationAxes: { wght: font.weight },
  });
}
