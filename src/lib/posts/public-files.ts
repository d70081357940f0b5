/**
 * Files under `public/` are copied into every build as they are, so a draft's site-absolute cover
 * would be published at a guessable address before the post is. This finds the `public/` files
 * that only content left out of the build refers to; the build then holds them back.
 */
import { buildDocument } from "../content-lint/extract.ts";
import { parseFrontmatter } from "../content-lint/frontmatter.ts";
import { createPointAt, stripBom } from "../content-lint/positions.ts";
import { findHtmlTags } from "../content-lint/html-tags.ts";
import { resolveSiteLink, routeFor } from "../content-lint/site.ts";
import type { LintDocument } from "../content-lint/types.ts";

export interface ContentSource {
  /** Path below the content root: `posts/x.md`, `pages/about.md`. */
  contentPath: string;
  absPath: string;
  source: string;
}

/** Raw HTML (and JSX) attributes that make the browser fetch or link to a file. */
const URL_ATTRIBUTES = ["src", "poster", "href", "srcset"];
const TAGS_WITH_URLS = ["img", "video", "audio", "source", "track", "a", "link", "object", "embed", "iframe", "image", "use"];

function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(",")
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? "")
    .filter(Boolean);
}

/** Every URL the document's Markdown, raw HTML and cover use, with whether the site's Markdown plugins add the base to it. */
function writtenUrls(doc: LintDocument): { url: string; rewritten: boolean }[] {
  const urls = [...doc.images, ...doc.links]
    .filter((ref) => ref.kind !== "html" && ref.kind !== "jsx")
    .map((ref) => ({ url: ref.url, rewritten: true }));
  for (const tag of findHtmlTags(doc.source, TAGS_WITH_URLS)) {
    for (const name of URL_ATTRIBUTES) {
      const value = tag.attributes.get(name)?.value;
      if (!value) continue;
      for (const url of name === "srcset" ? srcsetUrls(value) : [value]) urls.push({ url, rewritten: false });
    }
  }
  return urls;
}

/** Paths below `public/` (`posts/x/cover.png`) that the document refers to. */
export function publicReferences(doc: LintDocument, base: string): Set<string> {
  const paths = new Set<string>();
  for (const { url, rewritten } of writtenUrls(doc)) {
    const resolved = resolveSiteLink(url, doc.route.path, base, rewritten);
    if (resolved.kind === "internal" && resolved.path && !resolved.path.endsWith("/")) paths.add(resolved.path);
  }
  return paths;
}

/** A post or page file, as the content collections read them; anything else in the content folder is not published content. */
export const isContentFile = (contentPath: string) => routeFor(contentPath, undefined).collection !== "other";

/** What the content route hands over: the posts and pages a build publishes, by file and by id. */
export interface BuiltContent {
  files: string[];
  ids: { posts: string[]; pages: string[] };
}

/**
 * The absolute paths of the sources the build publishes. Astro keeps an unchanged entry's old path
 * after its file moved (draft.md to draft/index.md), so a source the list does not name by path is
 * matched by its id, as the collections give it (file name or frontmatter `slug`): a moved post
 * keeps its files, and a moved draft, whose id is not in the list either, stays unpublished.
 */
export function publishedSources(sources: readonly ContentSource[], built: BuiltContent): Set<string> {
  const published = new Set(built.files);
  const ids = { posts: new Set(built.ids.posts), pages: new Set(built.ids.pages) };
  for (const source of sources) {
    if (published.has(source.absPath) || !isContentFile(source.contentPath)) continue;
    const text = stripBom(source.source);
    const route = routeFor(source.contentPath, parseFrontmatter(text, createPointAt(text)).data["slug"]);
    if (route.collection !== "other" && route.slug !== undefined && ids[route.collection].has(route.slug)) {
      published.add(source.absPath);
    }
  }
  return published;
}

/**
 * Paths below `public/` that only content outside this build refers to, sorted: `built` holds the
 * absolute paths of the posts and pages the build publishes, as the visibility rules decided them
 * when the build read the collections, and every other post or page counts as unpublished. Files
 * that built content uses, or that no content mentions (favicons, downloads), are not listed.
 */
export function heldBackPublicFiles(sources: readonly ContentSource[], built: ReadonlySet<string>, base: string): string[] {
  const content = sources.filter((source) => isContentFile(source.contentPath));
  const unpublishedOnly = references(
    content.filter((source) => !built.has(source.absPath)),
    base,
  );
  // Most builds publish everything: then the built posts, nearly all the content, need no reading at all.
  if (unpublishedOnly.size === 0) return [];
  const used = references(
    content.filter((source) => built.has(source.absPath)),
    base,
  );
  return [...unpublishedOnly].filter((path) => !used.has(path)).sort();
}

/** Every `public/` path the sources refer to, each parsed in full. */
function references(sources: readonly ContentSource[], base: string): Set<string> {
  const paths = new Set<string>();
  for (const source of sources) {
    const doc = buildDocument({
      file: source.contentPath,
      absPath: source.absPath,
      source: source.source,
      route: (slug) => routeFor(source.contentPath, slug),
    });
    for (const path of publicReferences(doc, base)) paths.add(path);
  }
  return paths;
}
