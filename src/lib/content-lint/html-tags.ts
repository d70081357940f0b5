/**
 * Just enough HTML tag scanning to find `<a>` inside raw HTML blocks of Markdown: attribute
 * values and where they sit. Media elements go through src/lib/markdown/raw-media.ts, which the
 * build shares.
 */

export interface HtmlAttribute {
  value: string;
  /** Offset of the raw value (inside any quotes) relative to the scanned string. */
  valueStart: number;
  valueEnd: number;
}

export interface HtmlTag {
  name: string;
  /** Offset of `<` relative to the scanned string. */
  start: number;
  attributes: Map<string, HtmlAttribute>;
}

const TAG = /<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

export function findHtmlTags(html: string, names: readonly string[]): HtmlTag[] {
  const wanted = new Set(names.map((name) => name.toLowerCase()));
  const tags: HtmlTag[] = [];
  for (const match of html.matchAll(TAG)) {
    const name = (match[1] ?? "").toLowerCase();
    if (!wanted.has(name)) continue;
    const attributesSource = match[2] ?? "";
    const attributesStart = match.index + 1 + (match[1] ?? "").length;
    const attributes = new Map<string, HtmlAttribute>();
    for (const attribute of attributesSource.matchAll(ATTRIBUTE)) {
      const attributeName = (attribute[1] ?? "").toLowerCase();
      const raw = attribute[2] ?? attribute[3] ?? attribute[4];
      if (attributes.has(attributeName)) continue;
      if (raw === undefined) {
        attributes.set(attributeName, { value: "", valueStart: -1, valueEnd: -1 });
        continue;
      }
      const quoted = attribute[2] !== undefined || attribute[3] !== undefined;
      const valueEnd = attributesStart + attribute.index + attribute[0].length - (quoted ? 1 : 0);
      attributes.set(attributeName, {
        value: decodeEntities(raw),
        valueStart: valueEnd - raw.length,
        valueEnd,
      });
    }
    tags.push({ name, start: match.index, attributes });
  }
  return tags;
}

const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity.startsWith("#x") || entity.startsWith("#X")) return safeFromCodePoint(Number.parseInt(entity.slice(2), 16), whole);
    if (entity.startsWith("#")) return safeFromCodePoint(Number.parseInt(entity.slice(1), 10), whole);
    return NAMED_ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

function safeFromCodePoint(code: number, fallback: string): string {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}
