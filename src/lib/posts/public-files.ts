/**
 * Files under `public/` are copied into every build as they are, so a draft's site-absolute cover
 * would be published at a guessable address before the post is. Astro also copies the original of
 * every image a post imports (its cover, Markdown images beside it) into the build's assets folder
 * before any page is rendered, so a draft's pictures would be published there too. This finds the
 * files that only content left out of the build uses; the build then holds them back.
 */
import { buildDocument } from "../content-lint/extract.ts";
import { parseFrontmatter } from "../content-lint/frontmatter.ts";
import { createPointAt, stripBom } from "../content-lint/positions.ts";
import { findHtmlTags } from "../content-lint/html-tags.ts";
import { resolveSiteLink, routeFor } from "../content-lint/site.ts";
import type { LintDocument } from "../content-lint/types.ts";
import { isRemoteUrl, resolveLocalImage } from "./paths.ts";

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

/** What a build holds back, both sorted. */
export interface HeldBackFiles {
  /** Paths below `public/` (`posts/x/cover.png`). */
  publicFiles: string[];
  /** Absolute paths of images whose originals Astro copied into the assets folder. */
  importedImages: string[];
}

/**
 * The files that only content outside this build uses: `built` holds the absolute paths of the
 * posts and pages the build publishes, as the visibility rules decided them when the build read
 * the collections, and every other post or page counts as unpublished. Files that built content
 * uses, or that no content mentions (favicons, downloads), are not listed.
 */
export function heldBackFiles(
  sources: readonly ContentSource[],
  built: ReadonlySet<string>,
  { base, publicDir }: { base: string; publicDir: string },
): HeldBackFiles {
  const content = sources.filter((source) => isContentFile(source.contentPath));
  const unpublishedOnly = uses(
    content.filter((source) => !built.has(source.absPath)),
    base,
    publicDir,
  );
  // Most builds publish everything: then the built posts, nearly all the content, need no reading at all.
  if (unpublishedOnly.publicFiles.size === 0 && unpublishedOnly.importedImages.size === 0) {
    return { publicFiles: [], importedImages: [] };
  }
  const used = uses(
    content.filter((source) => built.has(source.absPath)),
    base,
    publicDir,
  );
  const only = (mine: Set<string>, theirs: Set<string>) => [...mine].filter((path) => !theirs.has(path)).sort();
  return {
    publicFiles: only(unpublishedOnly.publicFiles, used.publicFiles),
    importedImages: only(unpublishedOnly.importedImages, used.importedImages),
  };
}

/**
 * Images Astro imports for a document, by absolute path: its cover in either form (the post
 * loader points a `public/` cover at the same file) and Markdown images beside it. A `public/`
 * path in Markdown is served as it is, and raw HTML is never imported.
 */
function importedImages(doc: LintDocument, absPath: string, publicDir: string): string[] {
  const imported = doc.images.filter(
    (image) =>
      !isRemoteUrl(image.url) &&
      (image.kind === "frontmatter" || ((image.kind === "markdown" || image.kind === "reference") && !image.url.startsWith("/"))),
  );
  return imported.flatMap((image) => {
    const found = resolveLocalImage(absPath, image.url, publicDir);
    return found.ok ? [found.absolutePath] : [];
  });
}

/** Every `public/` path the sources refer to and every image they import, each source parsed once. */
function uses(sources: readonly ContentSource[], base: string, publicDir: string) {
  const publicFiles = new Set<string>();
  const images = new Set<string>();
  for (const source of sources) {
    const doc = buildDocument({
      file: source.contentPath,
      absPath: source.absPath,
      source: source.source,
      route: (slug) => routeFor(source.contentPath, slug),
    });
    for (const path of publicReferences(doc, base)) publicFiles.add(path);
    for (const image of importedImages(doc, source.absPath, publicDir)) images.add(image);
  }
  return { publicFiles, importedImages: images };
}
