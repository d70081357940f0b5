import { cpSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { FIXTURE_BASE } from "../support/fixture-builds.ts";
import { runAstro } from "../support/project.ts";

const filesBelow = (folder: string) =>
  readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
    .sort();

describe("a rebuild with nothing changed", () => {
  it("reuses every social card, chart image and optimised image", async () => {
    expect(inject("productionLog")).toMatch(/\[social-cards\] [1-9]\d* social cards: [1-9]\d* rendered, 0 reused/);
    // A copy of the fixture project with its caches, so the shared build stays as other tests expect it.
    const fixture = dirname(inject("productionDist"));
    const project = join(dirname(fixture), `rebuild-${basename(fixture)}`);
    cpSync(fixture, project, { recursive: true, filter: (source) => !/\/dist(-preview)?$/.test(source) });
    try {
      const rebuild = await runAstro(project, ["build"], { SITE_BASE: FIXTURE_BASE, SITE_URL: "https://blog.example.org" });
      expect(rebuild.code, rebuild.output).toBe(0);
      expect(rebuild.output).toMatch(/\[social-cards\] [1-9]\d* social cards: 0 rendered, [1-9]\d* reused/);
      expect(rebuild.output).toMatch(/Search index: [1-9]\d* pages in pagefind\/ \(reused\)/);
      // What was reused is all there, as the first build wrote it.
      for (const folder of ["og", "pagefind"]) {
        const files = filesBelow(join(inject("productionDist"), folder));
        expect(files.length).toBeGreaterThan(5);
        expect(filesBelow(join(project, "dist", folder))).toEqual(files);
        for (const file of files) {
          expect(
            readFileSync(join(project, "dist", folder, file)).equals(readFileSync(join(inject("productionDist"), folder, file))),
          ).toBe(true);
        }
      }
      const optimised = rebuild.output.split("\n").filter((line) => /\/_astro\/.+\.(webp|jpe?g)/.test(line));
      expect(optimised.length).toBeGreaterThan(0);
      expect(optimised.filter((line) => !line.includes("reused cache entry"))).toEqual([]);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});
