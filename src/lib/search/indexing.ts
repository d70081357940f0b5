/**
 * Which built pages go into the search index. The decision was made when
 * each page was rendered: a post that may be found carries
 * `data-pagefind-body`, and every unlisted, draft, scheduled or preview page
 * carries `<meta name="robots" content="noindex">`. Both must agree, so a
 * page that slips one rule is still kept out by the other.
 */

// Markup inside comments, scripts and styles is text, not elements.
const OPAQUE = /<!--[\s\S]*?-->|<(script|style|textarea|title)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const START_TAG = /<([a-z][^\s/>]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/gi;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const MARKER = "data-pagefind-body";
const MENTIONS_MARKER = /data-pagefind-body/i;
/** Where a meta tag could start: START_TAG reads a meta only where this matches. */
const META_START = /<meta\b/gi;

function attributesOf(rest: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const [, key = "", double, single, bare] of rest.matchAll(ATTRIBUTE)) {
    attributes.set(key.toLowerCase(), double ?? single ?? bare ?? "");
  }
  return attributes;
}

const forbidsIndexing = (attributes: Map<string, string>) =>
  attributes.get("name")?.toLowerCase() === "robots" && /\b(noindex|none)\b/i.test(attributes.get("content") ?? "");

/**
 * True only for a page that marks its searchable part and allows indexing.
 * Pagefind indexes a whole page when no page in the site is marked, so
 * unmarked pages must never reach it. Only a robots meta or a tag that
 * mentions the marker has its attributes read: a page has thousands of tags.
 */
export function isSearchablePage(html: string): boolean {
  if (!MENTIONS_MARKER.test(html)) return false;
  const markup = html.replace(OPAQUE, "");
  let marked = false;
  for (const match of markup.matchAll(START_TAG)) {
    const [tag, name = "", rest = ""] = match;
    const isMeta = name.toLowerCase() === "meta";
    if (!isMeta && (marked || !MENTIONS_MARKER.test(rest))) continue;
    const attributes = attributesOf(rest);
    if (isMeta && forbidsIndexing(attributes)) return false;
    if (!marked && attributes.has(MARKER)) {
      marked = true;
      // Once marked, only a later meta can change the answer; the body, most of a page, has none.
      META_START.lastIndex = match.index + tag.length;
      if (!META_START.test(markup)) return true;
    }
  }
  return marked;
}
