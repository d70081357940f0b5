import type { RedirectMap } from "../deploy/redirects.ts";
import type { Permalink, TrailingSlash } from "../paths/routes.ts";
import type { MediaAttributeName, MediaTagName } from "../markdown/raw-media.ts";
import type { PostStatus } from "../posts/visibility.ts";

export type Severity = "error" | "warning";

/** 1-based line and column, in UTF-16 code units like the editor positions VS Code reports. */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

export type PointAt = (offset: number) => Point;

export interface Diagnostic {
  /** Path as shown to the user (relative to the working directory when possible). */
  file: string;
  line: number;
  column: number;
  severity: Severity;
  rule: string;
  message: string;
}

/** What a rule reports; the runner fills in the file. */
export type Finding = Omit<Diagnostic, "file">;

export type Collection = "posts" | "pages" | "other";

export interface FrontmatterInfo {
  data: Record<string, unknown>;
  /** Where each top-level key's value starts, for pointing at `title:` etc. */
  fields: ReadonlyMap<string, Point>;
  /** Set when the block exists but is not valid YAML (or not a mapping). */
  error?: { message: string; point: Point };
}

export type ImageKind = "markdown" | "reference" | "html" | "jsx" | "frontmatter";

export interface ImageRef {
  url: string;
  /** `null` when the alt attribute is absent altogether (HTML/JSX); `""` when written empty. */
  alt: string | null;
  kind: ImageKind;
  point: Point;
  /** Offset where the URL text appears verbatim in the file, when it does. */
  urlStart?: number;
  /** For `<img>`, `<video>`, `<audio>` and `<source>` in raw HTML or JSX: which element and attribute names the file. */
  media?: { tag: MediaTagName; attribute: MediaAttributeName };
}

export type LinkKind = "markdown" | "reference" | "autolink" | "html" | "jsx";

export interface LinkRef {
  url: string;
  kind: LinkKind;
  point: Point;
  /** Offset where the URL text appears verbatim in the file, when it does. */
  urlStart?: number;
}

export interface TextRun {
  /** The text as the parser decoded it (entities resolved). */
  value: string;
  /** The raw source the text came from, so columns inside it can be exact. */
  raw: string;
  point: Point;
}

export interface Route {
  collection: Collection;
  /** Post or page slug; undefined for files outside posts/pages. */
  slug?: string;
  /** Site-relative URL path without the base, e.g. `posts/foo/`; undefined when not routable. */
  path?: string;
  /** The slug the file name alone would give, to explain links broken by a frontmatter `slug`. */
  fileSlug?: string;
}

export interface ParsedMarkdown {
  links: LinkRef[];
  images: ImageRef[];
  texts: TextRun[];
  /** A syntax error that stopped the Markdown/MDX parser. */
  parseError?: { message: string; point: Point };
}

export interface LintDocument extends ParsedMarkdown {
  /** Display path. */
  file: string;
  /** Absolute filesystem path, for resolving relative images. */
  absPath: string;
  source: string;
  pointAt: PointAt;
  format: "md" | "mdx";
  frontmatter: FrontmatterInfo;
  route: Route;
}

export interface Visibility {
  status: PostStatus;
  /** The date as the build reads it; undefined when missing or not a valid date. */
  date: Date | undefined;
}

export interface SiteEntry extends Visibility {
  slug: string;
  file: string;
}

export interface SiteIndex {
  posts: ReadonlyMap<string, SiteEntry>;
  pages: ReadonlyMap<string, SiteEntry>;
  /** Every post and page by the route it takes (`posts/a`, `about`), as the build routes them. */
  routes: ReadonlyMap<string, SiteEntry & { collection: "posts" | "pages" }>;
  /** File-name slug → frontmatter slug, for posts whose `slug:` renames them. */
  renamedPosts?: ReadonlyMap<string, string>;
}

export interface LintContext {
  site: SiteIndex;
  /** The moment that decides whether dated posts are published yet. */
  now: Date;
  /** The site's trailing-slash setting; links are valid with or without the slash either way. */
  trailingSlash: TrailingSlash;
  /** Where posts live, from `site.permalink`. */
  permalink: Permalink;
  /** `site.redirects`: a link to an old address is fine when a redirect carries it to a page. */
  redirects: RedirectMap;
  /** Normalised base path, always starting and ending with `/`. */
  base: string;
  /** Absolute path of the `public/` directory. */
  publicDir: string;
}

export interface Rule {
  id: string;
  description: string;
  check: (doc: LintDocument, ctx: LintContext) => Finding[];
}
