import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createProject, runAstro } from "../support/project.ts";

const post = `---
title: A chart in the feed
date: 2025-03-01
---
<BarChart data={[{ month: "Jan", visits: 3 }, { month: "Feb", visits: 5 }]} title="Visits" x="month" y="visits" />
`;

describe("a build with its own cacheDir", () => {
  const dir = createProject("cache-dir", { "chart.mdx": post });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps social cards, feed chart images and the search index there, not in node_modules/.astro", async () => {
    // The site's config with one setting changed, as a user would set it.
    writeFileSync(
      join(dir, "astro.cache-dir.mjs"),
      `import config from "./astro.config.mjs";\nexport default { ...config, cacheDir: "./build-cache" };\n`,
    );
    const build = await runAstro(dir, ["build", "--config", "astro.cache-dir.mjs"]);
    expect(build.code, build.output).toBe(0);
    const cache = join(dir, "build-cache");
    expect(readdirSync(join(cache, "og")).filter((file) => file.endsWith(".png"))).toHaveLength(2);
    expect(readdirSync(join(cache, "chart-png")).filter((file) => file.endsWith(".png"))).toHaveLength(1);
    expect(readdirSync(join(cache, "pagefind"))).toHaveLength(1);
    for (const folder of ["og", "chart-png", "pagefind"])
      expect(existsSync(join(dir, "node_modules/.astro", folder))).toBe(false);
    const [chartPng] = readdirSync(join(cache, "chart-png"));
    expect(existsSync(join(dir, "dist/charts", chartPng ?? "missing"))).toBe(true);
  });

  it("links the cached cards, chart image and search index into the output instead of copying them", () => {
    const cache = join(dir, "build-cache");
    const inodes = (folder: string, kind = "") =>
      readdirSync(folder, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && entry.name.endsWith(kind))
        .map((entry) => statSync(join(entry.parentPath, entry.name)).ino)
        .sort();
    const cards = inodes(join(dir, "dist/og"));
    expect(cards).toHaveLength(2);
    expect(cards).toEqual(inodes(join(cache, "og"), ".png"));
    expect(inodes(join(dir, "dist/charts"))).toEqual(inodes(join(cache, "chart-png")));
    const [index] = readdirSync(join(cache, "pagefind"));
    const searchFiles = inodes(join(dir, "dist/pagefind"));
    expect(searchFiles.length).toBeGreaterThan(5);
    expect(searchFiles).toEqual(inodes(join(cache, "pagefind", index ?? "missing")));
  });
});
