/**
 * Downloads a post's remote images beside it and rewrites the Markdown to use them:
 * node scripts/localize-images.ts <post path or slug> [--content <dir>] [--max-bytes <n>] [--timeout <ms>]
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS } from "../src/lib/authoring/fetch-image.ts";
import { type LocalizeResult, localizeImages } from "../src/lib/authoring/localize-images.ts";
import { findIndexFile, scanPosts } from "../src/lib/authoring/posts-dir.ts";

const USAGE = `Usage: node scripts/localize-images.ts <post path or slug> [options]

  --content <dir>    content folder holding posts/ (default: src/content)
  --max-bytes <n>    largest image to accept, in bytes (default: ${DEFAULT_MAX_BYTES})
  --timeout <ms>     time limit per image download (default: ${DEFAULT_TIMEOUT_MS})`;

/** Accepts a Markdown file, a post folder, or a slug (file name or frontmatter slug). */
function resolvePost(target: string, contentDir: string): string | undefined {
  if (fs.existsSync(target)) {
    if (fs.statSync(target).isDirectory()) return findIndexFile(target);
    return target;
  }
  const postsDir = path.join(contentDir, "posts");
  const slug = target.replace(/^\/?posts\//, "").replace(/\/$/, "");
  const match =
    scanPosts(postsDir).find((post) => post.slug === slug) ?? scanPosts(postsDir).find((post) => post.fileSlug === slug);
  return match && fs.statSync(match.path).isFile() ? match.path : undefined;
}

function positiveInteger(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) throw new Error(`--${name} must be a positive whole number, got "${value}"`);
  return parsed;
}

/** Reads the command line; throws on unknown options or missing values. */
const parseCommandLine = () =>
  parseArgs({
    allowPositionals: true,
    options: {
      content: { type: "string", default: "src/content" },
      "max-bytes": { type: "string" },
      timeout: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
type CommandLine = ReturnType<typeof parseCommandLine>;

async function main(): Promise<number> {
  let values: CommandLine["values"];
  let positionals: CommandLine["positionals"];
  let maxBytes: number;
  let timeoutMs: number;
  try {
    ({ values, positionals } = parseCommandLine());
    maxBytes = positiveInteger(values["max-bytes"], DEFAULT_MAX_BYTES, "max-bytes");
    timeoutMs = positiveInteger(values.timeout, DEFAULT_TIMEOUT_MS, "timeout");
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [target, ...extra] = positionals;
  if (target === undefined || extra.length > 0) {
    console.error(`Expected exactly one post path or slug.\n\n${USAGE}`);
    return 2;
  }
  const postFile = resolvePost(target, values.content);
  if (!postFile) {
    console.error(
      `No post found for "${target}" (looked for a file, a folder with index.md, or a slug in ${path.join(values.content, "posts")}).`,
    );
    return 1;
  }

  let result: LocalizeResult;
  try {
    result = await localizeImages({ postFile, maxBytes, timeoutMs, log: (message) => console.log(message) });
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
  const relative = (file: string) => path.relative(process.cwd(), file) || file;
  if (result.converted) console.log(`Moved ${relative(postFile)} to ${relative(result.postFile)}`);
  for (const { url, file, reused } of result.downloaded)
    console.log(`${reused ? "Reused" : "Saved"} ${relative(file)} for ${url}`);
  for (const { url, line, reason } of result.skipped)
    console.warn(`${relative(result.postFile)}:${line} skipped ${url}: ${reason}`);
  for (const { url, line } of result.unrewritable)
    console.error(`${relative(result.postFile)}:${line} could not rewrite ${url}; edit it by hand`);
  for (const { url, line, reason } of result.failed)
    console.error(`${relative(result.postFile)}:${line} failed to download ${url}: ${reason}`);
  return result.failed.length > 0 || result.unrewritable.length > 0 ? 1 : 0;
}

process.exitCode = await main();
