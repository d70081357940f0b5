import { relative } from "node:path";
import { parseFragment } from "parse5";
import type { DefaultTreeAdapterTypes } from "parse5";
import { isRemoteUrl, resolveLocalImage } from "../posts/paths.ts";
import { withBase } from "../paths/base.ts";

/** The elements whose files the browser fetches, and the attributes that name those files. */
const MEDIA_ATTRIBUTES = {
  img: ["src", "srcset"],
  video: ["src", "poster"],
  audio: ["src"],
  source: ["src", "srcset"],
} as const satisfies Record<string, readonly string[]>;

export type MediaTagName = keyof typeof MEDIA_ATTRIBUTES;
export type MediaAttributeName = (typeof MEDIA_ATTRIBUTES)[MediaTagName][number];

export function isMediaTag(name: string): name is MediaTagName {
  return Object.hasOwn(MEDIA_ATTRIBUTES, name);
}

export function mediaAttributesOf(tag: MediaTagName): readonly MediaAttributeName[] {
  return MEDIA_ATTRIBUTES[tag];
}

export interface MediaReference {
  attribute: MediaAttributeName;
  /** The URL as the browser reads it (entities decoded). */
  url: string;
  /** Offset in the scanned HTML where the URL starts; unknown inside a srcset written with entities. */
  start: number | undefined;
}

export interface RawAttribute {
  value: string;
  /** Where the attribute ends (after any closing quote), for inserting new ones after it. */
  end: number;
}

export interface MediaTag {
  name: MediaTagName;
  /** Offset of `<`. */
  start: number;
  /** Offset right after the tag name, where attributes can be inserted when there are none. */
  nameEnd: number;
  attributes: ReadonlyMap<string, RawAttribute>;
  references: MediaReference[];
}

type Parse5Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.DocumentFragment;

/**
 * `a.png 1x, b.png 2x` → each URL with where it starts in the value, read as the HTML standard
 * does: a URL runs to the next whitespace (trailing commas end the candidate), its descriptors
 * run to the next comma.
 */
export function srcsetUrls(value: string): { url: string; offset: number }[] {
  const urls: { url: string; offset: number }[] = [];
  let position = 0;
  while (position < value.length) {
    while (position < value.length && /[\s,]/.test(value.charAt(position))) position++;
    const offset = position;
    while (position < value.length && !/\s/.test(value.charAt(position))) position++;
    const written = value.slice(offset, position);
    const url = written.replace(/,+$/, "");
    if (url !== "") urls.push({ url, offset });
    if (url !== written) continue;
    while (position < value.length && value.charAt(position) !== ",") position++;
  }
  return urls;
}

function valueStartOf(html: string, start: number, end: number): number | undefined {
  const text = html.slice(start, end);
  const equals = text.indexOf("=");
  if (equals === -1) return undefined;
  const afterEquals = text.slice(equals + 1);
  const leading = afterEquals.length - afterEquals.trimStart().length;
  const quoted = /^["']/.test(afterEquals.trimStart()) ? 1 : 0;
  return start + equals + 1 + leading + quoted;
}

function referencesOf(
  html: string,
  attribute: MediaAttributeName,
  value: string,
  valueStart: number | undefined,
): MediaReference[] {
  if (attribute === "srcset") {
    // Offsets inside a srcset only hold when no entity shifts them.
    const verbatim = valueStart !== undefined && html.startsWith(value, valueStart);
    return srcsetUrls(value).map(({ url, offset }) => ({ attribute, url, start: verbatim ? valueStart + offset : undefined }));
  }
  const url = value.trim();
  if (url === "") return [];
  // The value holds the URL, so its first non-space character is where the URL starts.
  return [{ attribute, url, start: valueStart === undefined ? undefined : valueStart + html.slice(valueStart).search(/\S/) }];
}

function mediaTagOf(html: string, element: DefaultTreeAdapterTypes.Element): MediaTag | undefined {
  const location = element.sourceCodeLocation;
  const startTag = location?.startTag;
  if (!isMediaTag(element.tagName) || !location || !startTag) return undefined;
  const wanted: readonly string[] = MEDIA_ATTRIBUTES[element.tagName];
  const attributes = new Map<string, RawAttribute>();
  const references: MediaReference[] = [];
  for (const attribute of element.attrs) {
    const where = location.attrs?.[attribute.name];
    if (!where) continue;
    attributes.set(attribute.name, { value: attribute.value, end: where.endOffset });
    if (!wanted.includes(attribute.name)) continue;
    const valueStart = valueStartOf(html, where.startOffset, where.endOffset);
    references.push(...referencesOf(html, attribute.name as MediaAttributeName, attribute.value, valueStart));
  }
  return {
    name: element.tagName,
    start: startTag.startOffset,
    nameEnd: startTag.startOffset + 1 + element.tagName.length,
    attributes,
    references,
  };
}

/**
 * Every `<img>`, `<video>`, `<audio>` and `<source>` start tag in a piece of raw HTML, with the
 * files it names and where they sit. Markdown hands raw HTML over in pieces (an inline
 * `<video …>` and its `</video>` arrive apart), so only start tags matter, never the tree.
 */
export function findRawMedia(html: string): MediaTag[] {
  const tags: MediaTag[] = [];
  const visit = (node: Parse5Node) => {
    if ("tagName" in node) {
      const tag = mediaTagOf(html, node);
      if (tag) tags.push(tag);
    }
    if ("content" in node) visit(node.content);
    if ("childNodes" in node) for (const child of node.childNodes) visit(child);
  };
  visit(parseFragment(html, { sourceCodeLocationInfo: true }));
  return tags.sort((a, b) => a.start - b.start);
}

export interface MediaSite {
  /** Absolute path of `public/`. */
  publicDir: string;
  /** Normalised base path, starting and ending with `/`. */
  base: string;
}

export type MediaTarget = { kind: "external" } | { kind: "file"; absolutePath: string } | { kind: "problem"; reason: string };

const SCHEME = /^[a-z][a-z\d+.-]*:/i;

/**
 * Finds the file behind a URL written in raw HTML (or JSX) in a post, the way Markdown images are
 * found: site-absolute under `public/`, URL-decoded. The site adds its base path, so one written
 * with it is pointed out. A relative path would load from the page URL rather than from beside
 * the post, and the build publishes nothing it finds there, so it is refused with the two ways out.
 */
export function resolveMediaFile(postFile: string, url: string, site: MediaSite): MediaTarget {
  if (isRemoteUrl(url) || SCHEME.test(url) || url.startsWith("#")) return { kind: "external" };
  if (!url.startsWith("/")) return { kind: "problem", reason: relativeProblem(postFile, url, site) };
  const found = resolveLocalImage(postFile, url, site.publicDir);
  if (found.ok) return { kind: "file", absolutePath: found.absolutePath };
  const withoutBase = site.base !== "/" && url.startsWith(site.base) ? `/${url.slice(site.base.length)}` : undefined;
  if (withoutBase !== undefined && resolveLocalImage(postFile, withoutBase, site.publicDir).ok) {
    return {
      kind: "problem",
      reason: `"${url}" includes the site base ${site.base}; write ${withoutBase} since the site adds the base itself`,
    };
  }
  return { kind: "problem", reason: found.reason };
}

/** `video poster: "/x.png" does not exist (looked for public/x.png)`, as the build and the content checks both say it. */
export function mediaMessage(tag: MediaTagName, attribute: MediaAttributeName, reason: string): string {
  return `${tag} ${attribute}: ${reason}`;
}

function relativeProblem(postFile: string, url: string, site: MediaSite): string {
  const beside = resolveLocalImage(postFile, url, site.publicDir);
  const where = beside.ok ? `"${url}" is relative` : beside.reason;
  return `${where}; raw HTML is published as written, so the browser would look for it relative to the page URL. Use Markdown image syntax ![…](${url}) for an image beside the post, or move the file under public/ and write its site-absolute path`;
}

export interface MediaProblem {
  /** Offset in the scanned HTML: the URL when written verbatim, else the tag. */
  offset: number;
  message: string;
}

export interface MediaOptions extends MediaSite {
  /** The post or page the HTML belongs to. */
  postFile: string;
  /** Intrinsic size of an image file; the plugin reads it with image-size, tests pass a stub. */
  sizeOf: (absolutePath: string) => { width: number; height: number } | undefined;
}

export interface MediaPlan {
  /** The references that name local files, which get the base path. */
  local: MediaReference[];
  /** Attributes to add, in the order they are written. */
  added: Record<string, string | number>;
  problems: { reference: MediaReference; message: string }[];
}

/** Attributes a local `<img>` or `<video>` gets when the author left them out, so pages do not shift or preload whole videos. */
function addedAttributes(
  name: MediaTagName,
  has: (attribute: string) => boolean,
  src: string | undefined,
  options: MediaOptions,
): Record<string, string | number> {
  if (name === "video") return has("preload") ? {} : { preload: "metadata" };
  if (name !== "img" || src === undefined) return {};
  const size = has("width") || has("height") ? undefined : options.sizeOf(src);
  return {
    ...(size ? { width: size.width, height: size.height } : {}),
    ...(has("loading") ? {} : { loading: "lazy" }),
    ...(has("decoding") ? {} : { decoding: "async" }),
  };
}

/**
 * What one media element needs: which of its URLs are local files (and get the base path), which
 * attributes it lacks, and which files are missing. Shared by raw HTML and JSX in MDX.
 */
export function planMedia(
  name: MediaTagName,
  has: (attribute: string) => boolean,
  references: readonly MediaReference[],
  options: MediaOptions,
): MediaPlan {
  const plan: MediaPlan = { local: [], added: {}, problems: [] };
  let src: string | undefined;
  for (const reference of references) {
    const target = resolveMediaFile(options.postFile, reference.url, options);
    if (target.kind === "external") continue;
    if (target.kind === "problem") {
      plan.problems.push({ reference, message: mediaMessage(name, reference.attribute, target.reason) });
      continue;
    }
    plan.local.push(reference);
    if (reference.attribute === "src") src ??= target.absolutePath;
  }
  const isLocal = plan.local.length > 0 && plan.problems.length === 0;
  if (name === "video" || isLocal) plan.added = addedAttributes(name, has, isLocal ? src : undefined, options);
  return plan;
}

interface Edit {
  at: number;
  insert: string;
}

function attributeText(attributes: Record<string, string | number>): string {
  return Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${value}"`)
    .join("");
}

function editsFor(tag: MediaTag, options: MediaOptions, problems: MediaProblem[]): Edit[] {
  const plan = planMedia(tag.name, (name) => tag.attributes.has(name), tag.references, options);
  for (const { reference, message } of plan.problems) problems.push({ offset: reference.start ?? tag.start, message });
  const prefix = options.base.replace(/\/$/, "");
  const edits: Edit[] = [];
  for (const reference of plan.local) {
    if (reference.start !== undefined && withBase(reference.url, options.base) !== reference.url) {
      edits.push({ at: reference.start, insert: prefix });
    }
  }
  const added = attributeText(plan.added);
  if (added !== "") {
    const lastAttribute = Math.max(tag.nameEnd, ...[...tag.attributes.values()].map((attribute) => attribute.end));
    edits.push({ at: lastAttribute, insert: added });
  }
  return edits;
}

/**
 * Raw HTML with its local media made to work like Markdown images: the base path added,
 * `<img>` given its real size and lazy loading, `<video>` told to fetch only its metadata.
 * Everything else stays byte for byte as written. Files that are not there come back as problems.
 */
export function rewriteRawMedia(html: string, options: MediaOptions): { html: string; problems: MediaProblem[] } {
  const problems: MediaProblem[] = [];
  const edits = findRawMedia(html).flatMap((tag) => editsFor(tag, options, problems));
  let rewritten = html;
  for (const edit of edits.sort((a, b) => b.at - a.at)) {
    rewritten = rewritten.slice(0, edit.at) + edit.insert + rewritten.slice(edit.at);
  }
  return { html: rewritten, problems };
}

/** A srcset with the base path added to each of the given URLs. */
export function rebaseSrcset(value: string, base: string, local: ReadonlySet<string>): string {
  let rebased = value;
  for (const { url, offset } of srcsetUrls(value).reverse()) {
    if (local.has(url)) rebased = rebased.slice(0, offset) + withBase(url, base) + rebased.slice(offset + url.length);
  }
  return rebased;
}

/** The 1-based line `offset` characters into a text that starts on `firstLine` (CRLF counts once). */
export function lineAt(text: string, offset: number, firstLine: number): number {
  return firstLine + (text.slice(0, offset).match(/\r\n|\r|\n/g)?.length ?? 0);
}

/** `src/content/posts/a.md:12: video src: "/x.mp4" does not exist (…)`: the line build output and editors understand. */
export function describeProblem(root: string, postFile: string, line: number | undefined, message: string): string {
  return `${relative(root, postFile)}${line === undefined ? "" : `:${line}`}: ${message}`;
}
