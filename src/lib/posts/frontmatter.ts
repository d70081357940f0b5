import { parse as parseYaml } from "yaml";

export interface FrontmatterBlock {
  /** The YAML between the fences. */
  yaml: string;
  /** Offset of the first YAML character in the source. */
  start: number;
  /** Offset just past the closing fence line (where the body starts). */
  end: number;
}

const OPENING = /^\uFEFF?---[ \t]*\r?\n/;
const FENCE = /^---[ \t]*\r?$/;

/**
 * Finds a leading `---` block. Offsets point into `source` as given, so the
 * linter can report positions and authoring tools can edit around the block.
 */
export function findFrontmatter(source: string): FrontmatterBlock | undefined {
  const opening = OPENING.exec(source);
  if (!opening) return undefined;
  const start = opening[0].length;
  let lineStart = start;
  for (;;) {
    const newline = source.indexOf("\n", lineStart);
    const lineEnd = newline === -1 ? source.length : newline;
    if (FENCE.test(source.slice(lineStart, lineEnd))) {
      const yaml = source.slice(start, lineStart).replace(/\r?\n$/, "");
      return { yaml, start, end: newline === -1 ? source.length : newline + 1 };
    }
    if (newline === -1) return undefined;
    lineStart = newline + 1;
  }
}

/**
 * Astro's YAML parser turns `2026-02-30` into March 2nd before any schema
 * sees it. Reading the frontmatter again with the core schema keeps dates as
 * the text the author wrote, so the schema can reject impossible ones.
 */
export function readFrontmatter(source: string): Record<string, unknown> {
  const data: unknown = parseYaml(findFrontmatter(source)?.yaml ?? "", { schema: "core" }) ?? {};
  return typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}

/** The 1-based line of a top-level frontmatter key, or the first line when the key is absent. */
export function fieldLine(source: string, key: string): number {
  const block = findFrontmatter(source);
  if (!block) return 1;
  const lines = source.slice(0, block.end).split("\n");
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const index = lines.findIndex((line, number) => number > 0 && new RegExp(`^["']?${escaped}["']?\\s*:`).test(line));
  return index === -1 ? 1 : index + 1;
}

const ASTRO_ISSUE = /^\s*\*\*([^*]+)\*\*: ?(.*)$/;

/**
 * Astro lists schema problems under a heading, with each field in bold. Authors get one line per
 * problem instead, `file:line: field: message`, which editors and terminals make clickable.
 */
export function frontmatterErrorLines(astroMessage: string, source: string, displayPath: string): string {
  const problems = astroMessage
    .split("\n")
    .map((line) => ASTRO_ISSUE.exec(line))
    .filter((match) => match !== null)
    .map(([, path = "", message = ""]) => ({ path, message, line: fieldLine(source, path.split(".")[0] ?? path) }))
    .sort((a, b) => a.line - b.line)
    .map(({ path, message, line }) => `${displayPath}:${line}: ${path}: ${message}`);
  return problems.length ? problems.join("\n") : `${displayPath}: ${astroMessage.replace(/\*\*/g, "")}`;
}
