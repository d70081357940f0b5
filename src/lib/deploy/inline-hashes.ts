import { createHash } from "node:crypto";

/** CSP source expressions (`'sha256-…'`) for every inline script and style a build contains. */
export interface InlineHashes {
  scripts: string[];
  styles: string[];
}

/** A page or an SVG image of the build, by its path in the build. */
export interface BuiltDocument {
  file: string;
  text: string;
}

interface Element {
  tag: string;
  attributes: Map<string, string>;
  content: string;
}

const TAG_NAME = /<(\/?)([a-z][^\s/>]*)/iy;
const ATTRIBUTE = /[\s/]*(?:(>)|([^\s/>][^\s/>=]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?)/y;
// Elements whose content the HTML tokenizer reads as text up to their own end tag: a "<script>"
// inside a <title> or an attribute is text, and must never be hashed into the policy.
const TEXT_ELEMENTS = new Set(["script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript"]);
// Types the browser executes and so checks against script-src; any other type is a data block
// (JSON-LD, templates) that CSP ignores.
const EXECUTABLE_TYPE = /^(?:module|importmap|speculationrules|(?:text|application)\/(?:x-)?(?:java|ecma)script)$/i;
const XML_TEXT = /<!\[CDATA\[([\s\S]*?)\]\]>|&(?:#x([0-9a-f]+)|#(\d+)|(lt|gt|amp|quot|apos));/gi;
const XML_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** The hash CSP expects: SHA-256 of the element's text as UTF-8, base64-encoded. */
export function cspHash(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/** Skips `<!-- … -->`, `<!DOCTYPE …>` and, in XML, `<![CDATA[ … ]]>`; returns where markup resumes. */
function skipDeclaration(source: string, at: number, xml: boolean): number {
  const [open, close] = source.startsWith("<!--", at)
    ? ["<!--", "-->"]
    : xml && source.startsWith("<![CDATA[", at)
      ? ["<![CDATA[", "]]>"]
      : ["<", ">"];
  const end = source.indexOf(close, at + open.length);
  return end < 0 ? source.length : end + close.length;
}

/**
 * The script and style elements of a document, read the way the browser's tokenizer reads them:
 * attribute values and the text of title, textarea and the like are never taken for tags.
 */
function scriptsAndStyles(source: string, xml: boolean): Element[] {
  const found: Element[] = [];
  for (let at = source.indexOf("<"); at >= 0; at = source.indexOf("<", at)) {
    if (source[at + 1] === "!" || source[at + 1] === "?") {
      at = skipDeclaration(source, at, xml);
      continue;
    }
    TAG_NAME.lastIndex = at;
    const name = TAG_NAME.exec(source);
    if (!name) {
      at += 1;
      continue;
    }
    const closing = name[1] === "/";
    const tag = name[2]?.toLowerCase() ?? "";
    const attributes = new Map<string, string>();
    ATTRIBUTE.lastIndex = TAG_NAME.lastIndex;
    let match: RegExpExecArray | null = ATTRIBUTE.exec(source);
    while (match && !match[1]) {
      const attribute = match[2]?.toLowerCase();
      if (attribute && !attributes.has(attribute)) attributes.set(attribute, match[3] ?? match[4] ?? match[5] ?? "");
      match = ATTRIBUTE.exec(source);
    }
    at = match?.[1] ? ATTRIBUTE.lastIndex : source.length;
    // In HTML a "/>" closes nothing: <script/> still opens a script. In XML it is an empty element.
    if (closing || !(xml ? tag === "style" : TEXT_ELEMENTS.has(tag)) || (xml && source[at - 2] === "/")) continue;
    const end = new RegExp(`</${tag}(?=[\\s/>])`, "ig");
    end.lastIndex = at;
    const endTag = end.exec(source);
    const stop = endTag ? endTag.index : source.length;
    if (tag === "script" || tag === "style") found.push({ tag, attributes, content: source.slice(at, stop) });
    at = stop;
  }
  return found;
}

/** In an SVG file the style's text is what the XML parser makes of it: CDATA unwrapped, references resolved. */
function xmlText(raw: string): string {
  return raw.replace(XML_TEXT, (_, cdata?: string, hex?: string, decimal?: string, named?: string) => {
    if (cdata !== undefined) return cdata;
    if (hex !== undefined) return String.fromCodePoint(Number.parseInt(hex, 16));
    if (decimal !== undefined) return String.fromCodePoint(Number.parseInt(decimal, 10));
    return XML_ENTITIES[named?.toLowerCase() ?? ""] ?? "";
  });
}

/**
 * Collects the hashes from pages (`.html`) and SVG images (`.svg`, opened on their own they get the
 * site's policy too). An SVG's scripts are left out: the site never runs them, so they stay blocked.
 * The result is sorted and free of duplicates.
 */
export function inlineHashes(documents: Iterable<BuiltDocument>): InlineHashes {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const { file, text } of documents) {
    const svg = file.toLowerCase().endsWith(".svg");
    // Both parsers turn CRLF and lone CR into LF before anything else, so the hash covers that text.
    for (const { tag, attributes, content } of scriptsAndStyles(text.replace(/\r\n?/g, "\n"), svg)) {
      if (tag === "style") {
        styles.add(cspHash(svg ? xmlText(content) : content));
        continue;
      }
      const type = attributes.get("type")?.trim() ?? "";
      if (attributes.has("src") || (type !== "" && !EXECUTABLE_TYPE.test(type))) continue;
      scripts.add(cspHash(content));
    }
  }
  return { scripts: [...scripts].sort(), styles: [...styles].sort() };
}
