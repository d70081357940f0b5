import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cacheFolder, keepNewest, markUsed, placeCachedFile, placeCachedFolder } from "../../../src/lib/cache-dir.ts";
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

describe("placing cached files into the output", () => {
  let root = "";
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "cache-place-"));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const refused = (code: string) => () => {
    throw Object.assign(new Error(`${code}: link refused`), { code });
  };

  it("links a cached file, so the output shares it with the cache instead of copying it", () => {
    writeFileSync(join(root, "card.png"), "card");
    placeCachedFile(join(root, "card.png"), join(root, "out.png"));
    expect(statSync(join(root, "out.png")).ino).toBe(statSync(join(root, "card.png")).ino);
    expect(statSync(join(root, "card.png")).nlink).toBe(2);
  });

  it("copies the file when the file system refuses the link (the cache on another disk)", () => {
    writeFileSync(join(root, "card.png"), "card");
    placeCachedFile(join(root, "card.png"), join(root, "out.png"), refused("EXDEV"));
    expect(readFileSync(join(root, "out.png"), "utf8")).toBe("card");
    expect(statSync(join(root, "out.png")).ino).not.toBe(statSync(join(root, "card.png")).ino);
  });

  it("replaces a file already at the target, as a copy would", () => {
    writeFileSync(join(root, "card.png"), "card");
    writeFileSync(join(root, "out.png"), "from public/");
    placeCachedFile(join(root, "card.png"), join(root, "out.png"));
    expect(readFileSync(join(root, "out.png"), "utf8")).toBe("card");
  });

  it("fails on any other error, naming the file, instead of leaving a hole in the output", () => {
    expect(() => placeCachedFile(join(root, "missing.png"), join(root, "out.png"))).toThrow(/ENOENT.*missing\.png/);
    expect(() => placeCachedFile(join(root, "card.png"), join(root, "out.png"), refused("EIO"))).toThrow("EIO: link refused");
  });

  it("places every file of a cached folder at the same place below the target, linked", () => {
    mkdirSync(join(root, "cache/index/fragment"), { recursive: true });
    writeFileSync(join(root, "cache/pagefind.js"), "js");
    writeFileSync(join(root, "cache/index/fragment/a.pf_fragment"), "a");
    placeCachedFolder(join(root, "cache"), join(root, "dist/pagefind"));
    const placed = readdirSync(join(root, "dist/pagefind"), { recursive: true }).map(String).sort();
    expect(placed).toEqual(["index", join("index", "fragment"), join("index", "fragment", "a.pf_fragment"), "pagefind.js"]);
    expect(statSync(join(root, "dist/pagefind/index/fragment/a.pf_fragment")).nlink).toBe(2);
  });

  it("copies a cached folder where links are refused", () => {
    mkdirSync(join(root, "cache"), { recursive: true });
    writeFileSync(join(root, "cache/pagefind.js"), "js");
    placeCachedFolder(join(root, "cache"), join(root, "dist/pagefind"), refused("EPERM"));
    expect(readFileSync(join(root, "dist/pagefind/pagefind.js"), "utf8")).toBe("js");
    expect(statSync(join(root, "cache/pagefind.js")).nlink).toBe(1);
  });
});

describe("pruning a cache folder", () => {
  let root = "";
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "cache-prune-"));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const entryUsedAt = (name: string, secondsAgo: number) => {
    mkdirSync(join(root, name, "fragment"), { recursive: true });
    const when = new Date(Date.now() - secondsAgo * 1000);
    utimesSync(join(root, name), when, when);
  };

  it("keeps the most recently used entries and removes the rest with their contents", () => {
    entryUsedAt("oldest", 300);
    entryUsedAt("production", 20);
    entryUsedAt("preview", 10);
    keepNewest(root, 2);
    expect(readdirSync(root).sort()).toEqual(["preview", "production"]);
  });

  it("counts an entry marked as used as the newest, however old it was", () => {
    entryUsedAt("production", 300);
    entryUsedAt("preview", 20);
    entryUsedAt("other", 10);
    markUsed(join(root, "production"));
    keepNewest(root, 2);
    expect(readdirSync(root).sort()).toEqual(["other", "production"]);
  });
});
