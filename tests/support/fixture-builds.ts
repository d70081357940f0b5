import { rmSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { createProject, runAstro, setSiteSettings } from "./project.ts";

export const FIXTURE_BASE = "/blog/";

/** The fixture site's own settings: an old address, a pattern for a moved section and an old feed address. */
export const FIXTURE_SETTINGS = {
  redirects: { "/markdown-tour": "/posts/hello-world/", "/old/:slug": "/posts/:slug/" },
  feedAliases: ["/rss"],
};

declare module "vitest" {
  export interface ProvidedContext {
    productionDist: string;
    previewDist: string;
    productionLog: string;
    /** A production build of the repository's own content and settings, as a fresh clone would build it. */
    repoDist: string;
  }
}

async function build(dir: string, what: string, env: Record<string, string>) {
  const result = await runAstro(dir, ["build"], env);
  if (result.code !== 0) throw new Error(`${what} build failed:\n${result.output}`);
  return result.output;
}

/**
 * Builds the fixture site once per test run, as production and as a preview
 * with drafts, both under a base path, and the repository's own content once;
 * every build and browser test reads them.
 */
export default async function setup(project: TestProject) {
  const dir = createProject("fixture-site", {}, { withSitePosts: true });
  setSiteSettings(dir, FIXTURE_SETTINGS);
  const repo = createProject("repo-site", {}, { withRepoContent: true });
  const env = { SITE_BASE: FIXTURE_BASE, SITE_URL: "https://blog.example.org" };
  project.provide("productionLog", await build(dir, "Fixture production", env));
  await build(dir, "Fixture preview", { ...env, BLOG_PREVIEW: "1" });
  await build(repo, "Repository content", {});
  project.provide("productionDist", join(dir, "dist"));
  project.provide("previewDist", join(dir, "dist-preview"));
  project.provide("repoDist", join(repo, "dist"));
  return () => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(repo, { recursive: true, force: true });
  };
}
