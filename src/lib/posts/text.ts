import { defineMdastPlugin, markdownToHtml } from "satteri";

const MDX_ESM_LINE = /^(?:import|export)\s.*$/gm;
const MDX_EXPRESSION = /\{[^{}]*\}/g;

/**
 * The readable prose of a post body (paragraphs, headings, table cells),
 * parsed by the same Markdown engine Astro renders with. Code and embedded
 * components are left out: they are not what a reader skims in an excerpt.
 */
export function proseBlocks(body: string, isMdx: boolean, options: { math?: boolean } = {}): string[] {
  const blocks: string[] = [];
  const collect = defineMdastPlugin({
    name: "collect-prose",
    paragraph(node, ctx) {
      blocks.push(ctx.textContent(node));
    },
    heading(node, ctx) {
      blocks.push(ctx.textContent(node));
    },
    tableCell(node, ctx) {
      blocks.push(ctx.textContent(node));
    },
  });
  // With math on, display math is its own block, not prose, as on the page.
  markdownToHtml(isMdx ? body.replace(MDX_ESM_LINE, "") : body, {
    mdastPlugins: [collect],
    features: { math: options.math ?? false },
  });
  return blocks
    .map((block) => (isMdx ? block.replace(MDX_EXPRESSION, "").replace(/\s+([.,;:!?])/g, "$1") : block))
    .map((block) =>
      block
        .replace(/<[^>]*>/g, "")
        .replace(/\s+/g, " ")
        .trim(),
    )
    .filter(Boolean);
}

const WORDS_PER_MINUTE = 230;

export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/** Cuts at a word boundary near `limit` characters and marks the cut. */
export function excerpt(text: string, limit = 160): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit + 1);
  const boundary = cut.lastIndexOf(" ");
  return `${cut.slice(0, boundary > limit * 0.6 ? boundary : limit).replace(/[\s,.;:!?—–-]+$/u, "")}…`;
}
