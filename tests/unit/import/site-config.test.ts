import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { editSiteConfig, readPermalinkSettings } from "../../../src/lib/import/site-config.ts";
import { repoRoot } from "../../support/project.ts";

/** Biome's verdict on the file, as `npm run format` would leave it. */
function biomeFormat(code: string): string {
  const result = spawnSync(path.join(repoRoot, "node_modules/.bin/biome"), ["format", "--stdin-file-path=src/site.config.ts"], {
    input: code,
    encoding: "utf8",
    cwd: repoRoot,
  });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout;
}

describe("editSiteConfig", () => {
  // The settings file with one redirect already in it, as an author's would have.
  const code = readFileSync(path.join(repoRoot, "src/site.config.ts"), "utf8").replace(
    "  redirects: {},\n",
    '  redirects: {\n    "/markdown-tour": "/posts/example-markdown-tour/",\n  },\n',
  );

  // It starts Biome, and is the first to load the code parser: more than the default 5 s on a busy machine.
  it("adds redirects after the existing ones, leaving every other line as it was", () => {
    const edit = editSiteConfig(code, { redirects: { "/:slug": "/posts/:slug/", "/2019/04/foo/": "/posts/foo/" } });
    expect(edit.added).toEqual(["/:slug", "/2019/04/foo/"]);
    expect(edit.code).toContain(
      '  redirects: {\n    "/markdown-tour": "/posts/example-markdown-tour/",\n    "/:slug": "/posts/:slug/",\n    "/2019/04/foo/": "/posts/foo/",\n  },',
    );
    const before = code.split("\n").filter((line) => !line.includes("redirects") && line.trim() !== "},");
    for (const line of before) expect(edit.code.split("\n")).toContain(line);
    expect(biomeFormat(edit.code)).toBe(edit.code);
  }, 30_000);

  it("changes nothing the second time", () => {
    const once = editSiteConfig(code, { redirects: { "/:slug": "/posts/:slug/" } });
    const twice = editSiteConfig(once.code, { redirects: { "/:slug": "/posts/:slug/" } });
    expect(twice).toEqual({ code: once.code, changed: false, added: [], addedFeeds: [], conflicting: [] });
  });

  it("leaves an old path that already redirects elsewhere alone, and reports it", () => {
    const edit = editSiteConfig(code, { redirects: { "/markdown-tour": "/posts/other/" } });
    expect(edit.changed).toBe(false);
    expect(edit.conflicting).toEqual([
      { from: "/markdown-tour", existing: "/posts/example-markdown-tour/", wanted: "/posts/other/" },
    ]);
  });

  it("sets the permalink defaults and keeps the environment overrides", () => {
    const edit = editSiteConfig(code, { permalinks: { permalink: "/:slug/", trailingSlash: "never" } });
    expect(edit.code).toContain('  permalink: process.env["SITE_PERMALINK"] ?? "/:slug/",\n');
    expect(edit.code).toContain('  trailingSlash: process.env["SITE_TRAILING_SLASH"] ?? "never",\n');
    expect(readPermalinkSettings(edit.code)).toEqual({ permalink: "/:slug/", trailingSlash: "never" });
    expect(biomeFormat(edit.code)).toBe(edit.code);
    expect(editSiteConfig(edit.code, { permalinks: { permalink: "/:slug/", trailingSlash: "never" } }).changed).toBe(false);
  });

  it("says which setting is missing when the file has no permalink settings", () => {
    const without = code.replace(/^ {2}(permalink|trailingSlash): process\.env.*\n/gm, "");
    expect(() => editSiteConfig(without, { permalinks: { permalink: "/:slug/", trailingSlash: "never" } })).toThrow(
      "src/site.config.ts: no `permalink` setting to change",
    );
    expect(readPermalinkSettings(without)).toEqual({ permalink: "/posts/:slug/", trailingSlash: "always" });
  });
});
