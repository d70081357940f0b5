import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseMarkdown } from "../content-lint/extract.ts";
import { parseFrontmatter } from "../content-lint/frontmatter.ts";
import { createPointAt, stripBom } from "../content-lint/positions.ts";
import { safeDecode } from "../paths/base.ts";
import { isRemoteUrl } from "../posts/paths.ts";
import { fetchImage } from "./fetch-image.ts";
import type { FetchImageOptions, FetchedImage } from "./fetch-image.ts";
import { findIndexFile } from "./posts-dir.ts";
import { slugify } from "./slug.ts";

export interface Replacement {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping replacements; later offsets first so earlier ones stay valid. */
export function applyReplacements(source: string, replacements: readonly Replacement[]): string {
  const sorted = [...replacements].sort((a, b) => b.start - a.start);
  let result = source;
  let limit = Number.POSITIVE_INFINITY;
  for (const { start, end, text } of sorted) {
    if (end > limit) throw new Error(`overlapping replacements at offset ${start}`);
    result = result.slice(0, start) + text + result.slice(end);
    limit = start;
  }
  return result;
}

const MAX_NAME_LENGTH = 60;

/** A file name made only of `[a-z0-9-]` from the URL's last path segment, with the sniffed extension. */
export function imageFileName(url: string, extension: string): string {
  let last = "";
  try {
    last = new URL(url.startsWith("//") ? `https:${url}` : url).pathname.split("/").filter(Boolean).at(-1) ?? "";
  } catch {
    last = "";
  }
  const stem = safeDecode(last).replace(/\.[a-z0-9]{1,5}$/i, "");
  return `${slugify(stem, MAX_NAME_LENGTH) || "image"}.${extension}`;
}

/** Picks `name`, `name-2`, … avoiding names taken by other content; reuses a file with identical bytes. */
export function chooseFileName(
  wanted: string,
  isTaken: (name: string) => "free" | "same" | "different",
): { name: string; reused: boolean } {
  const dot = wanted.lastIndexOf(".");
  const stem = wanted.slice(0, dot);
  const extension = wanted.slice(dot);
  for (let n = 1; ; n++) {
    const name = n === 1 ? wanted : `${stem}-${n}${extension}`;
    const state = isTaken(name);
    if (state === "free") return { name, reused: false };
    if (state === "same") return { name, reused: true };
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The frontmatter `cover_image` and where its text sits, so it can be rewritten like a body image. */
function coverImage(source: string): Occurrence | undefined {
  const pointAt = createPointAt(source);
  const frontmatter = parseFrontmatter(source, pointAt);
  const url = frontmatter.data["cover_image"];
  const field = frontmatter.fields.get("cover_image");
  if (typeof url !== "string" || url.trim() === "" || !field) return undefined;
  const lineEnd = source.indexOf("\n", field.offset);
  const index = source.slice(field.offset, lineEnd === -1 ? undefined : lineEnd).indexOf(url);
  return { url, line: field.line, urlStart: index === -1 ? undefined : field.offset + index };
}

/** A `data:` URL already holds its bytes; only images on another server need fetching. */
function isDownloadable(url: string): boolean {
  return isRemoteUrl(url) && !/^data:/i.test(url.trim());
}

function isRelativeLocal(url: string): boolean {
  const trimmed = url.trim();
  return trimmed !== "" && !trimmed.startsWith("/") && !trimmed.startsWith("#") && !/^[a-z][a-z0-9+.-]*:/i.test(trimmed);
}

export interface LocalizeOptions extends FetchImageOptions {
  /** The post's Markdown file. */
  postFile: string;
  log?: (message: string) => void;
}

export interface LocalizeResult {
  /** Where the post lives afterwards (`<slug>/index.md` after a conversion). */
  postFile: string;
  converted: boolean;
  downloaded: { url: string; file: string; reused: boolean }[];
  failed: { url: string; line: number; reason: string }[];
  /** References that were downloaded but could not be rewritten in place. */
  unrewritable: { url: string; line: number }[];
  /** Remote images deliberately left alone. */
  skipped: { url: string; line: number; reason: string }[];
}

interface Occurrence {
  url: string;
  line: number;
  urlStart: number | undefined;
}

/**
 * Downloads a post's remote images next to it and points the Markdown at the local copies.
 * Running it again finds no remote images and changes nothing.
 */
export async function localizeImages(options: LocalizeOptions): Promise<LocalizeResult> {
  const log = options.log ?? (() => {});
  const postFile = path.resolve(options.postFile);
  const original = fs.readFileSync(postFile, "utf8");
  const hadBom = original.charCodeAt(0) === 0xfeff;
  const source = stripBom(original);
  const format = postFile.toLowerCase().endsWith(".mdx") ? "mdx" : "md";
  const parsed = parseMarkdown(source, format, createPointAt(source));
  if (parsed.parseError) throw new Error(`Cannot parse ${postFile}: ${parsed.parseError.message}`);

  const result: LocalizeResult = { postFile, converted: false, downloaded: [], failed: [], unrewritable: [], skipped: [] };
  const remote: Occurrence[] = [];
  const relative: Occurrence[] = [];
  for (const image of parsed.images) {
    const occurrence = { url: image.url, line: image.point.line, urlStart: image.urlStart };
    // Astro only bundles images written in Markdown syntax; an <img> keeps its src as a page-relative URL,
    // so pointing one at a file beside the post would break it.
    const bundled = image.kind === "markdown" || image.kind === "reference";
    if (isDownloadable(image.url)) {
      if (bundled) remote.push(occurrence);
      else
        result.skipped.push({
          url: image.url,
          line: occurrence.line,
          reason: "HTML/JSX images are not bundled by Astro; use Markdown image syntax to localize it",
        });
    } else if (bundled && isRelativeLocal(image.url)) relative.push(occurrence);
  }
  // The cover is resolved relative to the post just like Markdown images, and may not be remote at all.
  const cover = coverImage(source);
  if (cover && isDownloadable(cover.url)) remote.push(cover);
  else if (cover && isRelativeLocal(cover.url)) relative.push(cover);
  if (remote.length === 0) {
    log("No remote images; nothing to do.");
    return result;
  }

  const isIndex = /^index\.mdx?$/i.test(path.basename(postFile));
  const targetDir = isIndex
    ? path.dirname(postFile)
    : path.join(path.dirname(postFile), path.basename(postFile).replace(/\.mdx?$/i, ""));
  const targetFile = isIndex ? postFile : path.join(targetDir, `index.${format}`);
  if (!isIndex && fs.existsSync(targetDir) && (!fs.statSync(targetDir).isDirectory() || findIndexFile(targetDir))) {
    throw new Error(`Cannot turn ${postFile} into ${targetFile}: ${targetDir} already exists and holds a post.`);
  }

  // Download everything before touching the disk, so a run where every download fails leaves the post as it was.
  const fetched = new Map<string, FetchedImage>();
  for (const url of new Set(remote.map((occurrence) => occurrence.url))) {
    const requestUrl = url.startsWith("//") ? `https:${url}` : url;
    try {
      log(`Downloading ${url}`);
      fetched.set(url, await fetchImage(requestUrl, options));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      for (const occurrence of remote.filter((o) => o.url === url)) result.failed.push({ url, line: occurrence.line, reason });
      log(`  failed: ${reason}`);
    }
  }
  if (fetched.size === 0) return result;

  const planned = new Map<string, { name: string; bytes: Uint8Array; reused: boolean }>();
  const plannedNames = new Map<string, string>();
  for (const [url, image] of fetched) {
    const digest = sha256(image.bytes);
    const choice = chooseFileName(imageFileName(url, image.type.extension), (name) => {
      const claimedBy = plannedNames.get(name);
      if (claimedBy !== undefined) return claimedBy === digest ? "same" : "different";
      const existing = path.join(targetDir, name);
      if (!fs.existsSync(existing)) return "free";
      return sha256(fs.readFileSync(existing)) === digest ? "same" : "different";
    });
    plannedNames.set(choice.name, digest);
    planned.set(url, { ...choice, bytes: image.bytes });
  }

  const replacements = new Map<number, Replacement>();
  /** Points one reference at `text`, or records it as one this tool cannot rewrite in place. */
  const rewrite = (occurrence: (typeof remote)[number], text: string) => {
    const start = occurrence.urlStart;
    if (start === undefined || source.slice(start, start + occurrence.url.length) !== occurrence.url) {
      result.unrewritable.push({ url: occurrence.url, line: occurrence.line });
      return;
    }
    // Reference definitions shared by several images show up once per use; one edit is enough.
    replacements.set(start, { start, end: start + occurrence.url.length, text });
  };
  for (const occurrence of remote) {
    const target = planned.get(occurrence.url);
    if (target) rewrite(occurrence, `./${target.name}`);
  }
  if (!isIndex) {
    // Moving `<slug>.md` one folder down would break images it references relative to itself.
    for (const occurrence of relative) rewrite(occurrence, path.posix.join("..", occurrence.url));
  }

  fs.mkdirSync(targetDir, { recursive: true });
  for (const [url, target] of planned) {
    const file = path.join(targetDir, target.name);
    if (!target.reused && !fs.existsSync(file)) fs.writeFileSync(file, target.bytes, { flag: "wx" });
    result.downloaded.push({ url, file, reused: target.reused });
  }

  const rewritten = (hadBom ? "\uFEFF" : "") + applyReplacements(source, [...replacements.values()]);
  if (isIndex) {
    const temporary = `${postFile}.localize-${process.pid}.tmp`;
    fs.writeFileSync(temporary, rewritten);
    fs.renameSync(temporary, postFile);
  } else {
    fs.writeFileSync(targetFile, rewritten, { flag: "wx" });
    fs.rmSync(postFile);
    result.converted = true;
    result.postFile = targetFile;
  }
  return result;
}
