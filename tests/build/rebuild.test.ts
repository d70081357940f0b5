import { dirname } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { runAstro } from "../support/project.ts";
import { FIXTURE_BASE } from "../support/fixture-builds.ts";

describe("a rebuild with nothing changed", () => {
  it("reuses every social card, chart image and optimised image", async () => {
    expect(inject("productionLog")).toMatch(/\[og\] social cards: [1-9]\d* rendered, 0 reused/);
    const project = dirname(inject("productionDist"));
    const rebuild = await runAstro(project, ["build"], { SITE_BASE: FIXTURE_BASE, SITE_URL: "https://blog.example.org" });
    expect(rebuild.code, rebuild.output).toBe(0);
    expect(rebuild.output).toMatch(/\[og\] social cards: 0 rendered, [1-9]\d* reused/);
    const optimised = rebuild.output.split("\n").filter((line) => /\/_astro\/.+\.(webp|jpe?g)/.test(line));
    expect(optimised.length).toBeGreaterThan(0);
    expect(optimised.filter((line) => !line.includes("reused cache entry"))).toEqual([]);
  });
});
