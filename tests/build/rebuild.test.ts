import { cpSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { FIXTURE_BASE } from "../support/fixture-builds.ts";
import { runAstro } from "../support/project.ts";

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
      const optimised = rebuild.output.split("\n").filter((line) => /\/_astro\/.+\.(webp|jpe?g)/.test(line));
      expect(optimised.length).toBeGreaterThan(0);
      expect(optimised.filter((line) => !line.includes("reused cache entry"))).toEqual([]);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});
