import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { imageSize } from "image-size";
import { defineHastPlugin } from "satteri";
import type { HastVisitorContext, MdxJsxFlowElementHast, MdxJsxTextElementHast } from "satteri";
import type { MediaOptions, MediaReference } from "./raw-media.ts";
import {
  describeProblem,
  isMediaTag,
  lineAt,
  mediaAttributesOf,
  planMedia,
  rebaseSrcset,
  rewriteRawMedia,
  srcsetUrls,
} from "./raw-media.ts";
import { withBase } from "../paths/base.ts";

interface RawMediaOptions {
  root: string;
  publicDir: string;
  base: string;
}

/** A file image-size cannot read (an SVG without a viewBox, say) simply keeps its authored size. */
function sizeOf(absolutePath: string): { width: number; height: number } | undefined {
  try {
    const { width, height } = imageSize(readFileSync(absolutePath));
    return { width, height };
  } catch {
    return undefined;
  }
}

/**
 * Astro renders a post's body, trimmed and without its frontmatter, so positions count from where
 * the body starts; the lines above it are added back for a message that points into the file.
 */
function linesBeforeBody(postFile: string, body: string): number {
  const file = readFileSync(postFile, "utf8");
  const start = body.trim() === "" ? -1 : file.indexOf(body);
  return start === -1 ? 0 : lineAt(file, start, 1) - 1;
}

/** satteri's MDX pipeline hands plugins the source as a function that reads it, against its declared type. */
function sourceOf(ctx: HastVisitorContext): string {
  const source: unknown = ctx.source;
  if (typeof source === "function") return String(source());
  return typeof source === "string" ? source : "";
}

function fail(root: string, postFile: string, body: string, problems: { line: number | undefined; message: string }[]): never {
  const offset = linesBeforeBody(postFile, body);
  const lines = problems.map(({ line, message }) =>
    describeProblem(root, postFile, line === undefined ? undefined : line + offset, message),
  );
  throw new Error(lines.join("\n"));
}

type JsxElement = MdxJsxFlowElementHast | MdxJsxTextElementHast;

function jsxStrings(node: Readonly<JsxElement>): Map<string, string> {
  const strings = new Map<string, string>();
  for (const attribute of node.attributes) {
    if (attribute.type === "mdxJsxAttribute" && typeof attribute.value === "string") strings.set(attribute.name, attribute.value);
  }
  return strings;
}

function jsxHas(node: Readonly<JsxElement>, name: string): boolean {
  return node.attributes.some((attribute) => attribute.type === "mdxJsxAttribute" && attribute.name === name);
}

/**
 * `<img>`, `<video>`, `<audio>` and `<source>` written as raw HTML (or as JSX in MDX) reach the
 * page as written, out of Astro's image pipeline. This gives their local files what Markdown
 * images get: the base path, a real size and lazy loading for images, `preload="metadata"` for
 * videos, and a build that fails, naming the post, line and path, when a file is not there.
 */
export function rawMedia({ root, publicDir, base }: RawMediaOptions) {
  const optionsFor = (ctx: HastVisitorContext): MediaOptions | undefined =>
    ctx.fileURL ? { postFile: fileURLToPath(ctx.fileURL), publicDir, base, sizeOf } : undefined;

  const visitJsx = (node: Readonly<JsxElement>, ctx: HastVisitorContext) => {
    const options = optionsFor(ctx);
    if (!options || node.name === null || !isMediaTag(node.name)) return;
    const strings = jsxStrings(node);
    const references = mediaAttributesOf(node.name).flatMap((attribute): MediaReference[] => {
      const value = strings.get(attribute);
      if (value === undefined) return [];
      if (attribute === "srcset") return srcsetUrls(value).map(({ url }) => ({ attribute, url, start: undefined }));
      return value.trim() === "" ? [] : [{ attribute, url: value.trim(), start: undefined }];
    });
    const plan = planMedia(node.name, (name) => jsxHas(node, name), references, options);
    const line = node.position?.start.line;
    if (plan.problems.length)
      fail(
        root,
        options.postFile,
        sourceOf(ctx),
        plan.problems.map(({ message }) => ({ line, message })),
      );
    const local = new Set(plan.local.map((reference) => reference.url));
    for (const attribute of new Set(plan.local.map((reference) => reference.attribute))) {
      const value = strings.get(attribute) ?? "";
      ctx.setProperty(node, attribute, attribute === "srcset" ? rebaseSrcset(value, base, local) : withBase(value.trim(), base));
    }
    for (const [name, value] of Object.entries(plan.added)) ctx.setProperty(node, name, String(value));
  };
  const jsx = { filter: ["img", "video", "audio", "source"], visit: visitJsx };

  return defineHastPlugin({
    name: "raw-media",
    options: { position: true },
    raw(node, ctx) {
      const options = optionsFor(ctx);
      if (!options || !/<(?:img|video|audio|source)\b/i.test(node.value)) return undefined;
      const { html, problems } = rewriteRawMedia(node.value, options);
      const firstLine = node.position?.start.line;
      if (problems.length) {
        fail(
          root,
          options.postFile,
          sourceOf(ctx),
          problems.map(({ offset, message }) => ({
            line: firstLine === undefined ? undefined : lineAt(node.value, offset, firstLine),
            message,
          })),
        );
      }
      return html === node.value ? undefined : { type: "raw", value: html };
    },
    mdxJsxFlowElement: jsx,
    mdxJsxTextElement: jsx,
  });
}
