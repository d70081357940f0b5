import { defineMdastPlugin, markdownToHtml, mdxToJs } from "satteri";
import type { MdxJsxFlowElement, MdxJsxTextElement, Position } from "satteri";
import { parseFrontmatter } from "./frontmatter.ts";
import { findRawMedia, isMediaTag, mediaAttributesOf, srcsetUrls } from "../markdown/raw-media.ts";
import type { MediaTagName } from "../markdown/raw-media.ts";
import { findHtmlTags } from "./html-tags.ts";
import { createPointAt, stripBom } from "./positions.ts";
import type { PointAt } from "./positions.ts";
import type { ImageRef, LinkRef, LintDocument, ParsedMarkdown, Point, Route, TextRun } from "./types.ts";

interface Span {
  start: number;
  end: number;
}

interface PendingReference {
  identifier: string;
  alt: string | null;
  point: Point;
  span: Span;
}

/** Where the URL text literally sits inside a node's source, so fixes and columns can be exact. */
function locateUrl(source: string, span: Span, url: string): number | undefined {
  if (url === "") return undefined;
  const index = source.slice(span.start, span.end).indexOf(url);
  return index === -1 ? undefined : span.start + index;
}

/**
 * Like `locateUrl` for `[text](url)` and `![alt](url)`, where the text or alt may repeat the URL:
 * the destination is the occurrence right after an opening parenthesis.
 */
function locateDestination(source: string, span: Span, url: string): number | undefined {
  if (url === "") return undefined;
  const raw = source.slice(span.start, span.end);
  for (const opener of ["(<", "("]) {
    const index = raw.lastIndexOf(opener + url);
    if (index !== -1) return span.start + index + opener.length;
  }
  return locateUrl(source, span, url);
}

function spanOf(node: { readonly position?: Position | undefined }): Span | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : { start, end };
}

function hasJsxAttribute(node: MdxJsxFlowElement | MdxJsxTextElement, name: string): boolean {
  return node.attributes.some((attribute) => attribute.type === "mdxJsxAttribute" && attribute.name === name);
}

/** Astro's image components, whose `src` is used as written; lowercase media elements are handled like raw HTML. */
const JSX_IMAGE_COMPONENTS = new Set(["Image", "Picture"]);

function jsxStringAttribute(node: MdxJsxFlowElement | MdxJsxTextElement, name: string): string | null | undefined {
  for (const attribute of node.attributes) {
    if (attribute.type !== "mdxJsxAttribute" || attribute.name !== name) continue;
    // An expression (`src={cover}`) can't be checked statically, which we signal with undefined.
    if (attribute.value === null || attribute.value === undefined) return "";
    return typeof attribute.value === "string" ? attribute.value : undefined;
  }
  return null;
}

/**
 * Runs the real Markdown/MDX parser with a visitor plugin so every link, image and text run
 * comes with the line and column the site's build will see (frontmatter lines included).
 */
export function parseMarkdown(source: string, format: "md" | "mdx", pointAt: PointAt = createPointAt(source)): ParsedMarkdown {
  const links: LinkRef[] = [];
  const images: ImageRef[] = [];
  const texts: TextRun[] = [];
  const definitions = new Map<string, { url: string; span: Span }>();
  const imageReferences: PendingReference[] = [];
  const linkReferences: { identifier: string; point: Point }[] = [];

  const visitHtml = (span: Span) => {
    const raw = source.slice(span.start, span.end);
    for (const tag of findRawMedia(raw)) {
      const point = pointAt(span.start + tag.start);
      const alt = tag.name === "img" ? (tag.attributes.get("alt")?.value ?? null) : null;
      if (tag.name === "img" && !tag.references.some((reference) => reference.attribute === "src")) {
        images.push({ url: "", alt, kind: "html", point, media: { tag: "img", attribute: "src" } });
      }
      for (const reference of tag.references) {
        images.push({
          url: reference.url,
          alt,
          kind: "html",
          point,
          media: { tag: tag.name, attribute: reference.attribute },
          ...(reference.start === undefined ? {} : { urlStart: span.start + reference.start }),
        });
      }
    }
    for (const tag of findHtmlTags(raw, ["a"])) {
      const href = tag.attributes.get("href");
      if (!href) continue;
      // Only point into the attribute when it holds the URL verbatim (no entities to rewrite around).
      const verbatim = href.valueStart >= 0 && raw.slice(href.valueStart, href.valueEnd) === href.value;
      links.push({
        url: href.value,
        kind: "html",
        point: pointAt(span.start + tag.start),
        ...(verbatim ? { urlStart: span.start + href.valueStart } : {}),
      });
    }
  };

  const visitJsxMedia = (node: MdxJsxFlowElement | MdxJsxTextElement, tag: MediaTagName, span: Span) => {
    const point = pointAt(span.start);
    const alt =
      tag === "img" ? (jsxStringAttribute(node, "alt") ?? (hasJsxAttribute(node, "alt") ? "{expression}" : null)) : null;
    for (const attribute of mediaAttributesOf(tag)) {
      const value = jsxStringAttribute(node, attribute);
      // An expression (`src={clip}`) is resolved by the bundler, not here.
      if (value === undefined || (value === null && !(tag === "img" && attribute === "src"))) continue;
      const urls = attribute === "srcset" ? srcsetUrls(value ?? "").map(({ url }) => url) : [(value ?? "").trim()];
      for (const url of urls) {
        const urlStart = locateUrl(source, span, url);
        images.push({ url, alt, kind: "jsx", point, media: { tag, attribute }, ...(urlStart === undefined ? {} : { urlStart }) });
      }
    }
  };

  const visitJsx = (node: MdxJsxFlowElement | MdxJsxTextElement) => {
    const span = spanOf(node);
    if (!span || node.name === null) return;
    const point = pointAt(span.start);
    if (isMediaTag(node.name)) {
      visitJsxMedia(node, node.name, span);
    } else if (JSX_IMAGE_COMPONENTS.has(node.name)) {
      const src = jsxStringAttribute(node, "src");
      if (typeof src !== "string") return;
      // An alt given as an expression is there, just not readable here.
      const alt = jsxStringAttribute(node, "alt") ?? (hasJsxAttribute(node, "alt") ? "{expression}" : null);
      const urlStart = locateUrl(source, span, src);
      images.push({ url: src, alt, kind: "jsx", point, ...(urlStart === undefined ? {} : { urlStart }) });
    } else if (node.name === "a") {
      const href = jsxStringAttribute(node, "href");
      if (typeof href !== "string") return;
      const urlStart = locateUrl(source, span, href);
      links.push({ url: href, kind: "jsx", point, ...(urlStart === undefined ? {} : { urlStart }) });
    }
  };

  const collector = defineMdastPlugin({
    name: "content-lint-collector",
    options: { position: true },
    link(node) {
      const span = spanOf(node);
      if (!span) return;
      const raw = source.slice(span.start, span.end);
      const urlStart = raw.startsWith("[") ? locateDestination(source, span, node.url) : locateUrl(source, span, node.url);
      links.push({
        url: node.url,
        kind: raw.startsWith("[") ? "markdown" : "autolink",
        point: pointAt(span.start),
        ...(urlStart === undefined ? {} : { urlStart }),
      });
    },
    image(node) {
      const span = spanOf(node);
      if (!span) return;
      const urlStart = locateDestination(source, span, node.url);
      const point = pointAt(span.start);
      images.push({
        url: node.url,
        alt: node.alt ?? "",
        kind: "markdown",
        point,
        ...(urlStart === undefined ? {} : { urlStart }),
      });
      if (node.alt) texts.push({ value: node.alt, raw: source.slice(span.start, span.end), point: pointAt(span.start) });
    },
    imageReference(node) {
      const span = spanOf(node);
      if (span) imageReferences.push({ identifier: node.identifier, alt: node.alt ?? "", point: pointAt(span.start), span });
    },
    linkReference(node) {
      const span = spanOf(node);
      if (span) linkReferences.push({ identifier: node.identifier, point: pointAt(span.start) });
    },
    definition(node) {
      const span = spanOf(node);
      if (span && !definitions.has(node.identifier)) definitions.set(node.identifier, { url: node.url, span });
    },
    text(node) {
      const span = spanOf(node);
      if (span) texts.push({ value: node.value, raw: source.slice(span.start, span.end), point: pointAt(span.start) });
    },
    html(node) {
      const span = spanOf(node);
      if (span) visitHtml(span);
    },
    mdxJsxFlowElement: visitJsx,
    mdxJsxTextElement: visitJsx,
  });

  let parseError: ParsedMarkdown["parseError"];
  try {
    if (format === "mdx") mdxToJs(source, { mdastPlugins: [collector] });
    else markdownToHtml(source, { mdastPlugins: [collector] });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const where = /^(\d+):(\d+)/.exec(message);
    const line = where ? Number(where[1]) : 1;
    const column = where ? Number(where[2]) : 1;
    parseError = { message: message.replace(/^\d+:\d+:\s*/, ""), point: { line, column, offset: -1 } };
  }

  // References resolve against definitions anywhere in the file, so wait until the walk is done.
  const resolveReference = (reference: { identifier: string; point: Point }) => {
    const definition = definitions.get(reference.identifier);
    if (!definition) return undefined;
    const urlStart = locateUrl(source, definition.span, definition.url);
    return {
      url: definition.url,
      kind: "reference" as const,
      point: reference.point,
      ...(urlStart === undefined ? {} : { urlStart }),
    };
  };
  for (const reference of imageReferences) {
    const target = resolveReference(reference);
    if (target) images.push({ ...target, alt: reference.alt });
  }
  for (const reference of linkReferences) {
    const target = resolveReference(reference);
    if (target) links.push(target);
  }

  const byPosition = (a: { point: Point }, b: { point: Point }) => a.point.line - b.point.line || a.point.column - b.point.column;
  return { links: links.sort(byPosition), images: images.sort(byPosition), texts, ...(parseError ? { parseError } : {}) };
}

export interface DocumentInput {
  /** Display path. */
  file: string;
  absPath: string;
  source: string;
  route: (frontmatterSlug: unknown) => Route;
}

export function buildDocument(input: DocumentInput): LintDocument {
  const source = stripBom(input.source);
  const pointAt = createPointAt(source);
  const format = input.absPath.toLowerCase().endsWith(".mdx") ? "mdx" : "md";
  const frontmatter = parseFrontmatter(source, pointAt);
  const parsed = parseMarkdown(source, format, pointAt);
  const coverImage = frontmatter.data["cover_image"];
  const coverPoint = frontmatter.fields.get("cover_image");
  if (typeof coverImage === "string" && coverImage.trim() !== "" && coverPoint) {
    const coverAlt = frontmatter.data["cover_alt"];
    const urlStart = source.indexOf(coverImage, coverPoint.offset);
    parsed.images.unshift({
      url: coverImage.trim(),
      alt: typeof coverAlt === "string" ? coverAlt : null,
      kind: "frontmatter",
      point: coverPoint,
      ...(urlStart === coverPoint.offset || urlStart === coverPoint.offset + 1 ? { urlStart } : {}),
    });
  }
  return {
    ...parsed,
    file: input.file,
    absPath: input.absPath,
    source,
    pointAt,
    format,
    frontmatter,
    route: input.route(frontmatter.data["slug"]),
  };
}
