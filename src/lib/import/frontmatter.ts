import { parse as parseToml } from "smol-toml";
import { isMap, isScalar, parseDocument, stringify } from "yaml";
import { findFrontmatter } from "../posts/frontmatter.ts";

/** Where the frontmatter sits in a file, and what it says. */
export interface SourceFrontmatter {
  format: "yaml" | "toml" | "none";
  /** The text between the fences. */
  text: string;
  /** Offsets of `text` in the file. */
  start: number;
  end: number;
  /** Where the Markdown body starts: just past the closing fence line. */
  bodyStart: number;
  eol: "\n" | "\r\n";
}

const TOML_OPENING = /^\uFEFF?\+\+\+[ \t]*\r?\n/;
const TOML_FENCE = /^\+\+\+[ \t]*\r?$/m;

export function splitFrontmatter(source: string): SourceFrontmatter {
  const eol = /\r\n/.test(source.slice(0, source.indexOf("\n") + 1)) ? "\r\n" : "\n";
  const yaml = findFrontmatter(source);
  if (yaml)
    return { format: "yaml", text: yaml.yaml, start: yaml.start, end: yaml.start + yaml.yaml.length, bodyStart: yaml.end, eol };
  const opening = TOML_OPENING.exec(source);
  if (opening) {
    const start = opening[0].length;
    const closing = TOML_FENCE.exec(source.slice(start));
    if (closing) {
      const fenceStart = start + closing.index;
      const newline = source.indexOf("\n", fenceStart);
      return {
        format: "toml",
        text: source.slice(start, fenceStart).replace(/\r?\n$/, ""),
        start,
        end: fenceStart,
        bodyStart: newline === -1 ? source.length : newline + 1,
        eol,
      };
    }
  }
  return { format: "none", text: "", start: 0, end: 0, bodyStart: source.charCodeAt(0) === 0xfeff ? 1 : 0, eol };
}

/** Other generators' names for this blog's fields. */
const RENAMES: Readonly<Record<string, string>> = {
  pubDate: "date",
  publishDate: "date",
  updatedDate: "updated",
  lastmod: "updated",
  heroImage: "cover_image",
  image: "cover_image",
  cover: "cover_image",
  heroImageAlt: "cover_alt",
  categories: "tags",
  hidden: "unlisted",
  summary: "description",
};

export interface UnmappedKey {
  key: string;
  reason: string;
}

export interface MappedFrontmatter {
  /** The file as this blog should store it: body untouched, frontmatter as YAML. */
  content: string;
  unmapped: UnmappedKey[];
}

type Decision =
  | { kind: "keep" }
  | { kind: "rename"; to: string }
  | { kind: "replace"; key: string; value: unknown }
  | { kind: "drop"; reason?: string };

interface Entry {
  key: string;
  value: unknown;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

function tagList(value: unknown): unknown {
  // Jekyll writes `categories: notes web` for a list of two.
  return typeof value === "string" ? value.split(/[\s,]+/).filter(Boolean) : value;
}

/** TOML dates become the text an author would have written, which the schema reads in the site's time zone. */
function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plain(inner)]));
  return value;
}

/**
 * Decides what happens to each key, in order. `known` is the destination schema's field list, so a
 * key the schema would reject is never written.
 */
function decide(entries: readonly Entry[], known: readonly string[], fileDate: string | undefined) {
  const present = new Set(entries.map((entry) => entry.key).filter((key) => known.includes(key)));
  const claimed = new Set<string>();
  const unmapped: UnmappedKey[] = [];
  const additions: Entry[] = [];
  const extraTags = entries.filter((entry) => entry.key === "categories" && present.has("tags"));
  const decisions = entries.map(({ key, value }): Decision => {
    const drop = (reason: string): Decision => {
      unmapped.push({ key, reason });
      return { kind: "drop", reason };
    };
    if (isEmpty(value)) return drop("empty");
    if (key === "published") {
      if (value === true) return { kind: "drop" };
      if (value !== false) return drop("expected true or false");
      if (present.has("draft") || claimed.has("draft")) return drop('"draft" is already set');
      claimed.add("draft");
      return known.includes("draft") ? { kind: "replace", key: "draft", value: true } : drop("no draft field here");
    }
    if (key === "tags" && known.includes("tags")) {
      const merged = [tagList(value), ...extraTags.map((entry) => tagList(entry.value))].flat();
      return extraTags.length > 0 || typeof value === "string" ? { kind: "replace", key, value: merged } : { kind: "keep" };
    }
    if (known.includes(key)) return { kind: "keep" };
    if (key === "categories" && present.has("tags")) return { kind: "drop" };
    const target = RENAMES[key];
    if (target === undefined) return drop("no matching field");
    if (!known.includes(target)) return drop(`would be ${target}, which this collection does not have`);
    if (present.has(target) || claimed.has(target)) return drop(`"${target}" is already set`);
    claimed.add(target);
    if (target === "cover_image" && value && typeof value === "object" && !Array.isArray(value)) {
      // Hugo themes write `cover: { image, alt }`.
      const cover = value as Record<string, unknown>;
      if (typeof cover["image"] !== "string") return drop("expected an image path");
      if (typeof cover["alt"] === "string" && cover["alt"].trim() && known.includes("cover_alt") && !present.has("cover_alt"))
        additions.push({ key: "cover_alt", value: cover["alt"] });
      return { kind: "replace", key: target, value: cover["image"] };
    }
    if (target === "tags" && typeof value === "string") return { kind: "replace", key: target, value: tagList(value) };
    return { kind: "rename", to: target };
  });
  if (fileDate && known.includes("date") && !present.has("date") && !claimed.has("date"))
    additions.push({ key: "date", value: fileDate });
  return { decisions, unmapped, additions };
}

function yamlLines(entries: readonly Entry[], eol: string): string {
  if (entries.length === 0) return "";
  return stringify(Object.fromEntries(entries.map(({ key, value }) => [key, value])), { lineWidth: 0 })
    .trimEnd()
    .replace(/\n/g, eol);
}

/** Start of the line holding `offset`. */
function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/**
 * Edits YAML in place: renamed keys keep their value's text, dropped keys lose their lines, and
 * everything else (quoting, comments, order, line endings) stays as the author wrote it.
 */
function editYaml(text: string, known: readonly string[], fileDate: string | undefined, eol: string) {
  const document = parseDocument(text, { schema: "core" });
  if (document.errors.length > 0) throw new Error(`frontmatter is not valid YAML: ${document.errors[0]?.message}`);
  const contents = document.contents;
  if (contents !== null && !isMap(contents)) throw new Error("frontmatter is not a list of fields");
  const pairs = contents?.items ?? [];
  const entries = pairs.map((pair) => ({
    key: isScalar(pair.key) ? String(pair.key.value) : String(pair.key),
    value: (pair.value as { toJSON?: () => unknown } | null)?.toJSON?.() ?? null,
  }));
  const { decisions, unmapped, additions } = decide(entries, known, fileDate);
  const edits: { start: number; end: number; text: string }[] = [];
  pairs.forEach((pair, index) => {
    const decision = decisions[index];
    const keyRange = isScalar(pair.key) ? pair.key.range : undefined;
    if (!decision || decision.kind === "keep" || !keyRange) return;
    if (decision.kind === "rename") {
      edits.push({ start: keyRange[0], end: keyRange[1], text: decision.to });
      return;
    }
    const next = pairs[index + 1];
    const nextKey = next && isScalar(next.key) ? next.key.range : undefined;
    const start = lineStart(text, keyRange[0]);
    const end = nextKey ? lineStart(text, nextKey[0]) : text.length;
    const trailing = nextKey ? eol : "";
    edits.push({
      start,
      end,
      text: decision.kind === "replace" ? `${yamlLines([{ key: decision.key, value: decision.value }], eol)}${trailing}` : "",
    });
  });
  let edited = text;
  for (const edit of edits.sort((a, b) => b.start - a.start))
    edited = edited.slice(0, edit.start) + edit.text + edited.slice(edit.end);
  edited = edited.replace(/(?:\r?\n)+$/, "");
  const added = yamlLines(additions, eol);
  if (added) edited = edited ? `${edited}${eol}${added}` : added;
  return { yaml: edited, unmapped };
}

function tomlToYaml(text: string, known: readonly string[], fileDate: string | undefined, eol: string) {
  let data: Record<string, unknown>;
  try {
    data = plain(parseToml(text)) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`frontmatter is not valid TOML: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  }
  const entries = Object.entries(data).map(([key, value]) => ({ key, value }));
  const { decisions, unmapped, additions } = decide(entries, known, fileDate);
  const kept: Entry[] = [];
  entries.forEach((entry, index) => {
    const decision = decisions[index];
    if (decision?.kind === "keep") kept.push(entry);
    else if (decision?.kind === "rename") kept.push({ key: decision.to, value: entry.value });
    else if (decision?.kind === "replace") kept.push({ key: decision.key, value: decision.value });
  });
  return { yaml: yamlLines([...kept, ...additions], eol), unmapped };
}

/**
 * Rewrites a file's frontmatter for this blog. The body after the frontmatter is copied byte for
 * byte; a file that needs no mapping comes back identical.
 */
export function mapFrontmatter(
  source: string,
  options: { known: readonly string[]; fileDate?: string | undefined },
): MappedFrontmatter {
  const block = splitFrontmatter(source);
  const { eol } = block;
  if (block.format === "yaml") {
    const { yaml, unmapped } = editYaml(block.text, options.known, options.fileDate, eol);
    if (yaml === block.text) return { content: source, unmapped };
    return { content: source.slice(0, block.start) + yaml + source.slice(block.end), unmapped };
  }
  const { yaml, unmapped } =
    block.format === "toml"
      ? tomlToYaml(block.text, options.known, options.fileDate, eol)
      : tomlToYaml("", options.known, options.fileDate, eol);
  const body = source.slice(block.bodyStart);
  return { content: `---${eol}${yaml}${yaml ? eol : ""}---${eol}${body}`, unmapped };
}
