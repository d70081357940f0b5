import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createProject, fixturesDir, repoRoot, type RunResult, runAstro } from "../support/project.ts";

const pngOf = (background: string) =>
  sharp({ create: { width: 32, height: 20, channels: 3, background } })
    .png()
    .toBuffer();
const png = await pngOf("#a63d24");
/** Images beside a draft, which Astro imports: each its own bytes, so its copy in _astro/ is known by them. */
const BESIDE_DRAFT = { "posts/trip/cover.png": await pngOf("#1f6f8b"), "posts/trip/map.png": await pngOf("#6b8e23") };
const SEED_COVER = "posts/gpt-5-3-codex-spark/cover_image.png";

/** public/ files only unpublished posts use: each must be absent from production and present in preview. */
const UNPUBLISHED_ONLY = [
  SEED_COVER,
  "posts/draft/cover.png",
  "images/draft-only.png",
  "images/a-1x.png",
  "images/a-2x.png",
  "media/poster.png",
  "media/clip.mp4",
  "files/plan.pdf",
];
/** public/ files published content uses, or nothing references: always kept. */
const KEPT = ["images/shared.png", "images/unlisted.png", "images/page.png", "images/unreferenced.png", "favicon.svg"];

const posts = {
  "draft.md": `---
title: Draft
draft: true
cover_image: /posts/draft/cover.png
cover_alt: A cover
---
![Only here](/images/draft-only.png) and ![Shared](/images/shared.png), ![Also unlisted](/images/unlisted.png)
and ![On a page too](/images/page.png).

<video poster="/media/poster.png" src="/media/clip.mp4"></video>

<img alt="Responsive" srcset="/images/a-1x.png 1x, /images/a-2x.png 2x">
`,
  "scheduled.md": "---\ntitle: Scheduled\ndate: 2099-01-01\n---\n[The plan](/files/plan.pdf)\n",
  "published.md": "---\ntitle: Published\ndate: 2025-01-01\n---\n![Shared](/images/shared.png)\n",
  "trip/index.md": "---\ntitle: Trip\ndraft: true\ncover_image: ./cover.png\ncover_alt: A cover\n---\n![The map](./map.png)\n",
  "unlisted.md": "---\ntitle: Unlisted\ndate: 2025-01-01\nunlisted: true\n---\n![Unlisted](/images/unlisted.png)\n",
};

function buildProject(): string {
  const dir = createProject("held-back-files", posts);
  copyFileSync(join(fixturesDir, "seed/gpt-5-3-codex-spark.md"), join(dir, "src/content/posts/gpt-5-3-codex-spark.md"));
  mkdirSync(join(dir, "src/content/pages"), { recursive: true });
  writeFileSync(join(dir, "src/content/pages/about.md"), "---\ntitle: About\n---\n![On a page](/images/page.png)\n");
  for (const [path, bytes] of Object.entries(BESIDE_DRAFT)) writeFileSync(join(dir, "src/content", path), bytes);
  for (const path of [...UNPUBLISHED_ONLY, ...KEPT]) {
    const file = join(dir, "public", path);
    if (existsSync(file)) continue;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, path.endsWith(".png") ? png : `${path}\n`);
  }
  return dir;
}

describe("public/ files that only unpublished posts use", () => {
  let dir = "";
  let production: RunResult;
  let preview: RunResult;
  beforeAll(async () => {
    dir = buildProject();
    production = await runAstro(dir, ["build"]);
    preview = await runAstro(dir, ["build"], { BLOG_PREVIEW: "1" });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("are left out of the production build, and the log says how many", () => {
    expect(production.code, production.output).toBe(0);
    expect(UNPUBLISHED_ONLY).toHaveLength(8);
    for (const path of UNPUBLISHED_ONLY) expect(existsSync(join(dir, "dist", path)), `${path}\n${production.output}`).toBe(false);
    // The 8 files, and Astro's copies of the 4 images drafts import: the 2 public covers and the 2 images beside trip/.
    expect(production.output).toMatch(/\[public\] 12 files held back: only unpublished posts use them/);
    // The draft's folder held nothing else, so it is gone too rather than left empty at a guessable address.
    expect(existsSync(join(dir, "dist/posts/draft"))).toBe(false);
    // The list of what the build left out, which names the drafts' files, is not published either.
    expect(existsSync(join(dir, "dist/.built-content.json"))).toBe(false);
  });

  it("include the originals Astro copies into _astro/ of the images drafts import, beside the post or under public/", () => {
    const drafts = [...Object.values(BESIDE_DRAFT), png, readFileSync(join(repoRoot, "public", SEED_COVER))];
    const copies = (dist: string) =>
      readdirSync(join(dir, dist, "_astro")).filter((name) =>
        drafts.some((bytes) => bytes.equals(readFileSync(join(dir, dist, "_astro", name)))),
      );
    expect(copies("dist")).toEqual([]);
    // The preview renders the drafts, so their images are there, optimised.
    expect(
      readdirSync(join(dir, "dist-preview/_astro")).filter((name) => /^(cover|map)\..+\.webp$/.test(name)).length,
    ).toBeGreaterThanOrEqual(2);
  });

  it("stay when published content (unlisted posts and pages too) uses them, or nothing refers to them", () => {
    expect(KEPT).toHaveLength(5);
    for (const path of KEPT) expect(existsSync(join(dir, "dist", path)), path).toBe(true);
  });

  it("are all in the preview build", () => {
    expect(preview.code, preview.output).toBe(0);
    for (const path of [...UNPUBLISHED_ONLY, ...KEPT]) expect(existsSync(join(dir, "dist-preview", path)), path).toBe(true);
    expect(preview.output).not.toMatch(/held back/);
    expect(existsSync(join(dir, "dist-preview/.built-content.json"))).toBe(false);
  });
});

describe("the fixture site's seed draft", () => {
  it("has its site-absolute cover left out of production and kept in preview", () => {
    expect(existsSync(join(inject("productionDist"), SEED_COVER))).toBe(false);
    expect(existsSync(join(inject("previewDist"), SEED_COVER))).toBe(true);
    expect(inject("productionLog")).toMatch(/\[public\] \d+ files? held back: only unpublished posts use them/);
  });
});
