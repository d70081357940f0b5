import fs from "node:fs";
import path from "node:path";
import { isMarkdownFile } from "../content-lint/site.ts";

export type SourceKind = "astro" | "jekyll" | "hugo" | "eleventy";

export interface SourceDocument {
  collection: "posts" | "pages";
  /** Absolute path of the Markdown file. */
  file: string;
  /** The post's own name: the file stem, or the folder of an `index.md` (Jekyll's date prefix removed). */
  name: string;
  /** True for `<name>/index.md`, whose folder holds the post's files. */
  bundle: boolean;
  /** Jekyll's `YYYY-MM-DD` from the file name, used when the frontmatter has no date. */
  fileDate?: string;
}

export interface ImportSource {
  kind: SourceKind;
  root: string;
  /** Folders served at the old site's root, where `/images/x.png` is looked up, first match wins. */
  publicDirs: string[];
  documents: SourceDocument[];
  /** Where the old blog served its feed (`/rss`, `/feed.xml`, `/index.xml`), when that can be told from its files. */
  feeds: string[];
}

const JEKYLL_POST = /^(\d{4}-\d{2}-\d{2})-(.+)\.(md|markdown|mdx)$/i;
const NOT_PAGES = /^(readme|license|changelog|contributing|code_of_conduct)\.md$/i;

function isDirectory(dir: string): boolean {
  return fs.existsSync(dir) && fs.statSync(dir).isDirectory();
}

function firstDirectory(root: string, candidates: readonly string[]): string | undefined {
  return candidates.map((candidate) => path.join(root, candidate)).find(isDirectory);
}

function isMarkdown(name: string): boolean {
  return isMarkdownFile(name) || name.toLowerCase().endsWith(".markdown");
}

function stem(name: string): string {
  return name.replace(/\.(md|mdx|markdown)$/i, "");
}

/** Markdown files below `dir`, skipping hidden folders and section files such as Hugo's `_index.md`. */
function markdownFiles(dir: string, recursive: boolean): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".") || entry.name.startsWith("_") || entry.name === "node_modules") continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && recursive) found.push(...markdownFiles(full, true));
    else if (entry.isFile() && isMarkdown(entry.name)) found.push(full);
  }
  return found.sort();
}

/** `index.md` directly in the collection folder is a page named "index", not a bundle. */
function documentFor(collection: SourceDocument["collection"], file: string, kind: SourceKind, dir: string): SourceDocument {
  const base = path.basename(file);
  const bundle = /^index\.(md|mdx|markdown)$/i.test(base) && path.dirname(file) !== dir;
  const rawName = bundle ? path.basename(path.dirname(file)) : stem(base);
  const jekyll = kind === "jekyll" ? JEKYLL_POST.exec(bundle ? `${rawName}.md` : base) : null;
  if (jekyll?.[1] && jekyll[2]) return { collection, file, name: stem(jekyll[2]), bundle, fileDate: jekyll[1] };
  return { collection, file, name: rawName, bundle };
}

function hasFrontmatter(file: string): boolean {
  const head = fs
    .readFileSync(file, "utf8")
    .slice(0, 8)
    .replace(/^\uFEFF/, "");
  return head.startsWith("---") || head.startsWith("+++");
}

/** An Astro endpoint in src/pages named like a feed: `rss.js` serves `/rss`, `feed.xml.ts` serves `/feed.xml`. */
const ASTRO_FEED_ENDPOINT = /^((?:rss|feed|atom)(?:\.xml)?)\.(?:js|mjs|ts|mts)$/i;

function astroFeeds(root: string): string[] {
  const pages = path.join(root, "src/pages");
  if (!isDirectory(pages)) return [];
  return fs
    .readdirSync(pages)
    .flatMap((name) => ASTRO_FEED_ENDPOINT.exec(name)?.[1] ?? [])
    .map((route) => `/${route}`)
    .sort();
}

/** jekyll-feed writes /feed.xml; a hand-written feed.xml template lands there too. */
function jekyllFeeds(root: string): string[] {
  const config = path.join(root, "_config.yml");
  const usesPlugin = fs.existsSync(config) && /jekyll-feed/.test(fs.readFileSync(config, "utf8"));
  return usesPlugin || fs.existsSync(path.join(root, "feed.xml")) ? ["/feed.xml"] : [];
}

function astro(root: string): ImportSource | undefined {
  const posts = firstDirectory(root, ["src/content/posts", "src/content/blog"]);
  if (!posts) return undefined;
  const pages = firstDirectory(root, ["src/content/pages"]);
  return {
    kind: "astro",
    root,
    publicDirs: [path.join(root, "public")],
    documents: [
      ...markdownFiles(posts, true).map((file) => documentFor("posts", file, "astro", posts)),
      ...(pages ? markdownFiles(pages, true).map((file) => documentFor("pages", file, "astro", pages)) : []),
    ],
    feeds: astroFeeds(root),
  };
}

function jekyll(root: string): ImportSource | undefined {
  const posts = firstDirectory(root, ["_posts"]);
  if (!posts) return undefined;
  const pages = markdownFiles(root, false).filter((file) => !NOT_PAGES.test(path.basename(file)) && hasFrontmatter(file));
  return {
    kind: "jekyll",
    root,
    // Jekyll copies every folder not starting with `_` to the site as it is.
    publicDirs: [root],
    documents: [
      ...markdownFiles(posts, true)
        .filter((file) => JEKYLL_POST.test(path.basename(file)))
        .map((file) => documentFor("posts", file, "jekyll", posts)),
      ...pages.map((file) => documentFor("pages", file, "jekyll", root)),
    ],
    feeds: jekyllFeeds(root),
  };
}

function hugo(root: string): ImportSource | undefined {
  const posts = firstDirectory(root, ["content/posts", "content/blog", "content/post"]);
  if (!posts) return undefined;
  const content = path.join(root, "content");
  const sections = new Set([posts]);
  const pageFiles = [
    ...markdownFiles(content, false),
    ...fs
      .readdirSync(content, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !sections.has(path.join(content, entry.name)))
      .map((entry) => path.join(content, entry.name, "index.md"))
      .filter((file) => fs.existsSync(file)),
  ];
  return {
    kind: "hugo",
    root,
    publicDirs: [path.join(root, "static")],
    documents: [
      ...markdownFiles(posts, true).map((file) => documentFor("posts", file, "hugo", posts)),
      ...pageFiles.sort().map((file) => documentFor("pages", file, "hugo", content)),
    ],
    // Hugo writes the site's RSS feed to /index.xml unless told otherwise.
    feeds: ["/index.xml"],
  };
}

function eleventy(root: string): ImportSource | undefined {
  const posts = firstDirectory(root, ["posts", "src/posts"]);
  if (!posts) return undefined;
  const input = path.dirname(posts);
  return {
    kind: "eleventy",
    root,
    // Passthrough copies usually keep their path below the input folder; `public/` is a common convention.
    publicDirs: [...new Set([input, root, path.join(root, "public")])],
    documents: markdownFiles(posts, true).map((file) => documentFor("posts", file, "eleventy", posts)),
    // An Eleventy feed's address is set inside its template, which is not read here.
    feeds: [],
  };
}

/** Recognises the old blog's generator by its folder layout, Astro first since it is this blog's own. */
export function detectSource(root: string): ImportSource {
  const absolute = path.resolve(root);
  if (!isDirectory(absolute)) throw new Error(`${root} is not a folder`);
  for (const detect of [astro, jekyll, hugo, eleventy]) {
    const found = detect(absolute);
    if (found) return found;
  }
  throw new Error(
    `${root}: no blog found. Expected src/content/posts or src/content/blog (Astro), _posts (Jekyll), content/posts or content/blog (Hugo), or posts or src/posts (Eleventy).`,
  );
}
