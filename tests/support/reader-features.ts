import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fixturesDir } from "./project.ts";

/** Every reader feature switched on, as a site would write them in src/site.config.ts. */
export function readerFeatureSettings(newsletterAction: string) {
  return {
    newsletter: { action: newsletterAction, emailField: "email" },
    math: true,
    comments: {
      provider: "giscus",
      repo: "field-notes/site",
      repoId: "R_fixture",
      category: "Comments",
      categoryId: "DIC_fixture",
    },
    analytics: { provider: "plausible", domain: "blog.example.org" },
    fullSizeImages: true,
  } as const;
}

/** The posts of tests/fixtures/reader-features and the public image they show, for createProject. */
export function readerFeatureContent(): { posts: Record<string, Buffer>; files: Record<string, Buffer> } {
  const root = join(fixturesDir, "reader-features/posts");
  const posts: Record<string, Buffer> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else posts[relative(root, path)] = readFileSync(path);
    }
  };
  walk(root);
  return { posts, files: { "public/images/wide.png": readFileSync(join(fixturesDir, "site/public/images/My Chart@2x.png")) } };
}
