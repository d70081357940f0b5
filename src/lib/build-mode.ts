import type { BuildMode } from "./posts/visibility.ts";

/**
 * `astro dev` shows drafts; `npm run build:preview` sets BLOG_PREVIEW to
 * build them into their own folder; everything else is production.
 */
export function currentBuildMode(isDev: boolean, env: Record<string, string | undefined> = process.env): BuildMode {
  if (isDev) return "development";
  return env["BLOG_PREVIEW"] === "1" ? "preview" : "production";
}
