/** What an author asked for after the language on a code fence. */
export interface CodeMeta {
  title: string | undefined;
  /** Inclusive [first, last] line ranges, 1-based. */
  highlighted: readonly (readonly [number, number])[];
  lineNumbers: boolean;
}

const TITLE = /\btitle=(?:"([^"]*)"|'([^']*)'|(\S+))/;
const RANGES = /\{([\d,\s-]*)\}/;
const RANGE = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/;
const LINE_NUMBER_FLAGS = new Set(["showLineNumbers", "lines"]);

/**
 * Reads the fence meta the way other Markdown tools write it, so posts move
 * between tools unchanged: ```ts title="greet.ts" {2,4-5} showLineNumbers.
 * The title is taken out first, so braces or flags inside it mean nothing.
 */
export function parseCodeMeta(raw: string | undefined): CodeMeta {
  let rest = raw ?? "";
  const title = TITLE.exec(rest);
  if (title) rest = rest.replace(title[0], " ");
  const ranges = RANGES.exec(rest);
  if (ranges) rest = rest.replace(ranges[0], " ");
  return {
    title: (title?.[1] ?? title?.[2] ?? title?.[3])?.trim() || undefined,
    highlighted: ranges ? parseLineRanges(ranges[1] ?? "") : [],
    lineNumbers: rest.split(/\s+/).some((word) => LINE_NUMBER_FLAGS.has(word)),
  };
}

/** `2,4-5` → [[2, 2], [4, 5]]; a reversed range means the same as its forward form, and junk is skipped. */
export function parseLineRanges(text: string): [number, number][] {
  return text.split(",").flatMap((part) => {
    const match = RANGE.exec(part);
    if (!match) return [];
    const a = Number(match[1]);
    const b = Number(match[2] ?? match[1]);
    return [[Math.min(a, b), Math.max(a, b)] as [number, number]];
  });
}

export const inRanges = (line: number, ranges: CodeMeta["highlighted"]) =>
  ranges.some(([first, last]) => line >= first && line <= last);
