/**
 * Files under `public/` are copied into every build as they are, so a draft's site-absolute cover
 * would be published at a guessable address before the post is. This finds the `public/` files
 * that only content left out of the build refers to; the build then holds them back.
 */
import { buildDocument } from "../content-lint/extract.ts";
import { parseFrontmatter } from "../content-lint/frontmatter.ts";
import { createPointAt, stripBom } from "../content-lint/positions.ts";
import { findHtmlTags } from "../content-lint/html-tags.ts";
import { resolveSiteLink, routeFor, visibilityOf } from "../content-lint/site.ts";
import type { LintDocument } from "../content-lint/types.ts";
import { type BuildMode, hasPage, pageIsBuilt } from "./visibility.ts";

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

/** Whether the build being made publishes this post or page; visibility.ts decides. */
function isBuilt(collection: "posts" | "pages", data: Readonly<Record<string, unknown>>, now: Date, mode: BuildMode): boolean {
  if (collection === "pages") return pageIsBuilt({ draft: data["draft"] === true }, mode);
  const { date } = visibilityOf(collection, data, now);
  return hasPage({ draft: data["draft"] === true, unlisted: data["unlisted"] === true, date }, now, mode);
}

export interface HeldBackOptions {
  base: string;
  now: Date;
  mode: BuildMode;
}

/**
 * Paths below `public/` that only posts and pages outside this build refer to, sorted. Files
 * that built content uses, or that no content mentions (favicons, downloads), are not listed.
 */
export function heldBackPublicFiles(sources: readonly ContentSource[], { base, now, mode }: HeldBackOptions): string[] {
  if (mode !== "production") return [];
  const built: ContentSource[] = [];
  const unpublished: ContentSource[] = [];
  for (const source of sources) {
    const text = stripBom(source.source);
    const { data } = parseFrontmatter(text, createPointAt(text));
    const { collection } = routeFor(source.contentPath, data["slug"]);
    if (collection === "other") continue;
    (isBuilt(collection, data, now, mode) ? built : unpublished).push(source);
  }
  const unpublishedOnly = references(unpublished, base);
  // Most builds publish everything: then the built posts, nearly all the content, need no reading at all.
  if (unpublishedOnly.size === 0) return [];
  const used = references(built, base);
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
