/**
 * Creates a draft post: node scripts/new-post.ts "Post title" [--slug custom-slug] [--content <dir>]
 */
import fs from "node:fs";
import path from "node:path";
import { planNewPost } from "../src/lib/authoring/new-post.ts";
import { scanPosts } from "../src/lib/authoring/posts-dir.ts";
import { site } from "../src/site.config.ts";
import { parseCommandLine } from "./lib/cli.ts";

const USAGE = `Usage: node scripts/new-post.ts "Post title" [--slug <slug>] [--content <dir>]

  --slug      use this slug instead of one made from the title
  --content   content folder holding posts/ (default: src/content)`;

function main(): number {
  const parsed = parseCommandLine(
    USAGE,
    { slug: { type: "string" }, content: { type: "string", default: "src/content" } },
    { min: 1, max: 1, name: "title (quote it)" },
  );
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;

  const postsDir = path.join(values.content, "posts");
  const result = planNewPost({
    title: positionals[0] ?? "",
    ...(values.slug === undefined ? {} : { slug: values.slug }),
    existing: scanPosts(postsDir),
    now: new Date(),
    timeZone: site.timeZone,
    base: site.base,
    permalink: site.permalink,
    trailingSlash: site.trailingSlash,
  });
  if (!result.ok) {
    console.error(`Not created. ${result.error}`);
    return 1;
  }

  const file = path.join(postsDir, result.plan.fileName);
  fs.mkdirSync(postsDir, { recursive: true });
  try {
    // "wx" refuses to overwrite a file that appeared since the scan.
    fs.writeFileSync(file, result.plan.content, { flag: "wx" });
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "EEXIST") {
      console.error(`Not created. ${file} already exists.`);
      return 1;
    }
    throw error;
  }
  console.log(`Created ${file}`);
  console.log(`Dev URL: ${result.plan.devUrl} (while npm run dev is running)`);
  return 0;
}

process.exitCode = main();
