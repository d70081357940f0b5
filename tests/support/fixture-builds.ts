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
  }
}

/**
 * Builds the fixture site once per test run, as production and as a preview
 * with drafts, both under a base path; every build and browser test reads them.
 */
export default async function setup(project: TestProject) {
  const dir = createProject("fixture-site", {}, { withSitePosts: true });
  setSiteSettings(dir, FIXTURE_SETTINGS);
  const env = { SITE_BASE: FIXTURE_BASE, SITE_URL: "https://blog.example.org" };
  const production = await runAstro(dir, ["build"], env);
  if (production.code !== 0) throw new Error(`Fixture production build failed:\n${production.output}`);
  const preview = await runAstro(dir, ["build"], { ...env, BLOG_PREVIEW: "1" });
  if (preview.code !== 0) throw new Error(`Fixture preview build failed:\n${preview.output}`);
  project.provide("productionDist", join(dir, "dist"));
  project.provide("productionLog", production.output);
  project.provide("previewDist", join(dir, "dist-preview"));
  return () => rmSync(dir, { recursive: true, force: true });
}
