import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { cacheFolder } from "../../../src/lib/cache-dir.ts";
import { chartPngCacheDir } from "../../../src/lib/charts/feed-images.ts";
import { cardCacheDir } from "../../../src/lib/social-cards/render.ts";

describe("cache folders", () => {
  const custom = pathToFileURL("/srv/build-cache/field-notes/");

  it("sit inside the configured cacheDir, given as Astro gives it (a file URL)", () => {
    expect(cacheFolder(custom, "pagefind")).toBe(join("/srv/build-cache/field-notes", "pagefind"));
  });

  it("sit inside the configured cacheDir, given as a path (as worker threads get it)", () => {
    expect(cacheFolder("/srv/build-cache/field-notes", "og")).toBe(join("/srv/build-cache/field-notes", "og"));
  });

  it("keep social cards and chart images apart, both under the configured cacheDir", () => {
    expect(cardCacheDir(custom)).toBe(join("/srv/build-cache/field-notes", "og"));
    expect(chartPngCacheDir(custom)).toBe(join("/srv/build-cache/field-notes", "chart-png"));
  });

  it("never fall back to node_modules/.astro when another folder is configured", () => {
    for (const folder of [cardCacheDir(custom), chartPngCacheDir(custom), cacheFolder(custom, "pagefind")]) {
      expect(folder).not.toContain("node_modules");
    }
  });
});
