/**
 * Which built pages go into the search index. The decision was made when
 * each page was rendered: a post that may be found carries
 * `data-pagefind-body`, and every unlisted, draft, scheduled or preview page
 * carries `<meta name="robots" content="noindex">`. Both must agree, so a
 * page that slips one rule is still kept out by the other.
 */

interface StartTag {
  name: string;
  attributes: Map<string, string>;
}

// Markup inside comments, scripts and styles is text, not elements.
const OPAQUE = /<!--[\s\S]*?-->|<(script|style|textarea|title)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const START_TAG = /<([a-z][^\s/>]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/gi;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function* startTags(html: string): Generator<StartTag> {
  for (const [, name = "", rest = ""] of html.replace(OPAQUE, "").matchAll(START_TAG)) {
    const attributes = new Map<string, string>();
    for (const [, key = "", double, single, bare] of rest.matchAll(ATTRIBUTE)) {
      attributes.set(key.toLowerCase(), double ?? single ?? bare ?? "");
    }
    yield { name: name.toLowerCase(), attributes };
  }
}

const forbidsIndexing = (tag: StartTag) =>
  tag.name === "meta" &&
  tag.attributes.get("name")?.toLowerCase() === "robots" &&
  /\b(noindex|none)\b/i.test(tag.attributes.get("content") ?? "");

/**
 * True only for a page that marks its searchable part and allows indexing.
 * Pagefind indexes a whole page when no page in the site is marked, so
 * unmarked pages must never reach it.
 */
export function isSearchablePage(html: string): boolean {
  let marked = false;
  for (const tag of startTags(html)) {
    if (forbidsIndexing(tag)) return false;
    marked ||= tag.attributes.has("data-pagefind-body");
  }
  return marked;
}
