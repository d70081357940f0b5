import type { MarkdownHeading } from "astro";

export interface TocEntry {
  slug: string;
  text: string;
  children: TocEntry[];
}

const MIN_DEPTH = 2;
const MAX_DEPTH = 4;
const MIN_HEADINGS = 3;
/** GFM's footnotes section brings its own (visually hidden) heading; it is not a section of the text. */
const FOOTNOTES_SLUG = "footnote-label";

/**
 * The h2–h4 outline of a post as nested entries, or nothing when a post has
 * too few sections for a table of contents to help. A heading nests under
 * the nearest shallower one before it, however many levels apart, so an h4
 * straight after an h2 is one level in, not two with an empty one between.
 */
export function tableOfContents(headings: readonly MarkdownHeading[]): TocEntry[] {
  const included = headings.filter(({ depth, slug }) => depth >= MIN_DEPTH && depth <= MAX_DEPTH && slug !== FOOTNOTES_SLUG);
  if (included.length < MIN_HEADINGS) return [];
  const top: TocEntry[] = [];
  const open: { depth: number; entry: TocEntry }[] = [];
  for (const { depth, slug, text } of included) {
    while ((open.at(-1)?.depth ?? 0) >= depth) open.pop();
    const entry: TocEntry = { slug, text, children: [] };
    (open.at(-1)?.entry.children ?? top).push(entry);
    open.push({ depth, entry });
  }
  return top;
}
