import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { glob, type Loader, type LoaderContext } from "astro/loaders";
import { readUtf8 } from "./encoding.ts";
import { diagnoseImageFile } from "../images/diagnose.ts";
import { wrongValue } from "../schema/wording.ts";
import { fieldLine, frontmatterErrorLines, readFrontmatter } from "./frontmatter.ts";
import { postSlug } from "../paths/slugs.ts";
import { isRemoteUrl, POST_FILE_PATTERNS, relativeFromPost, resolveLocalImage } from "./paths.ts";

export class ContentError extends Error {
  /** `where` is the file, with the line when known: `src/content/posts/x.md:4`. */
  constructor(where: string, field: string, message: string) {
    super(`${where}: ${field}: ${message}`);
    this.name = "ContentError";
  }
}

const COVER_EXAMPLE = "cover_image: ./cover.png";

/**
 * Astro's `image()` only sees files relative to the post, so a cover written
 * as a `public/` path is rewritten to point at the same file relatively. The
 * file is checked first, so a broken one is named here rather than by sharp.
 */
function mapCoverImage(data: Record<string, unknown>, filePath: string, publicDir: string, where: string) {
  const cover = data["cover_image"];
  if (cover === undefined) return data;
  if (typeof cover !== "string" || !cover.trim()) {
    throw new ContentError(where, "cover_image", wrongValue(cover, "write the path to an image file", COVER_EXAMPLE));
  }
  if (isRemoteUrl(cover)) {
    throw new ContentError(
      where,
      "cover_image",
      `"${cover}" is remote; covers must be files in the repository: run npm run localize-images to download it beside the post, like ${COVER_EXAMPLE}`,
    );
  }
  const resolved = resolveLocalImage(filePath, cover, publicDir);
  if (!resolved.ok) throw new ContentError(where, "cover_image", resolved.reason);
  const problem = diagnoseImageFile(resolved.absolutePath);
  if (problem) throw new ContentError(where, "cover_image", `"${cover}" ${problem}`);
  return { ...data, cover_image: relativeFromPost(filePath, resolved.absolutePath) };
}

/**
 * Astro keeps one entry per id and silently drops the other, so two posts
 * claiming one URL must be caught here, naming both files.
 */
function slugRegistry(displayBase: string, kind: string) {
  const owners = new Map<string, string>();
  return {
    reset: () => owners.clear(),
    claim(slug: string, entry: string, baseUrl: URL) {
      const owner = owners.get(slug);
      // In dev a renamed file leaves its old name behind; only a file that still exists counts.
      if (owner && owner !== entry && existsSync(fileURLToPath(new URL(encodeURI(owner), baseUrl)))) {
        throw new Error(
          `Two ${kind}s have the slug "${slug}": ${join(displayBase, owner)} and ${join(displayBase, entry)}. Rename one, or give one a different \`slug\` field.`,
        );
      }
      owners.set(slug, entry);
      return slug;
    },
  };
}

type ParseData = LoaderContext["parseData"];

/**
 * Validates an entry the way Astro would, after two checks of our own: the file is UTF-8, and
 * each schema problem becomes one line naming the file, the line and the field.
 */
function checkedParseData(
  context: LoaderContext,
  prepare: (data: Record<string, unknown>, filePath: string, where: (field: string) => string) => Record<string, unknown> = (
    data,
  ) => data,
): ParseData {
  return (async (props) => {
    const filePath = props.filePath ?? "";
    const displayPath = relative(fileURLToPath(context.config.root), filePath);
    const source = readUtf8(await readFile(filePath), displayPath);
    const data = prepare(readFrontmatter(source), filePath, (field) => `${displayPath}:${fieldLine(source, field)}`);
    try {
      return await context.parseData({ ...props, data: data as typeof props.data });
    } catch (error) {
      throw new Error(frontmatterErrorLines(error instanceof Error ? error.message : String(error), source, displayPath));
    }
  }) as ParseData;
}

/**
 * Astro only logs an entry that fails to render while loading, and builds on without it; a load
 * that saw one fails instead, so the build stops with the file and the reason.
 */
function failOnRenderErrors(load: Loader["load"]): Loader["load"] {
  return async (context) => {
    const renderErrors: string[] = [];
    const logger = Object.create(context.logger, {
      error: {
        value: (message: string) => {
          renderErrors.push(message);
          context.logger.error(message);
        },
      },
    }) as LoaderContext["logger"];
    await load({ ...context, logger });
    if (renderErrors.length) throw new Error(renderErrors.join("\n"));
  };
}

/** Posts and pages alike: `<slug>.md(x)` or `<slug>/index.md(x)`, with covers in either path form. */
export function contentLoader({ base, kind }: { base: string; kind: "post" | "page" }): Loader {
  const slugs = slugRegistry(base, kind);
  const files = glob({
    pattern: POST_FILE_PATTERNS,
    base,
    generateId: ({ entry, base: baseUrl, data }) => slugs.claim(postSlug(entry, data["slug"]), entry, baseUrl),
  });
  return {
    name: `${kind}s-loader`,
    // Markdown is rendered while loading and cached with the entry, so an unchanged post is never rendered again.
    load: failOnRenderErrors(async (context: LoaderContext) => {
      slugs.reset();
      await files.load({
        ...context,
        parseData: checkedParseData(context, (data, filePath, where) =>
          mapCoverImage(data, filePath, fileURLToPath(context.config.publicDir), where("cover_image")),
        ),
      });
    }),
  };
}
