import { LinkChecker } from "linkinator";
import { describe, expect, inject, it } from "vitest";
import { FIXTURE_BASE } from "../support/fixture-builds.ts";
import { serveStatic } from "../../scripts/lib/static-server.ts";

describe.each([
  ["production", () => inject("productionDist")],
  ["preview", () => inject("previewDist")],
])("internal links of the %s build", (_, dist) => {
  it("all resolve", async () => {
    const site = await serveStatic(dist(), FIXTURE_BASE);
    try {
      const checker = new LinkChecker();
      const origin = new URL(site.url).origin;
      const result = await checker.check({
        path: site.url,
        recurse: true,
        linksToSkip: async (link) => !link.startsWith(origin),
        concurrency: 4,
      });
      const broken = result.links.filter((link) => link.state === "BROKEN").map((link) => `${link.url} (from ${link.parent})`);
      expect(broken).toEqual([]);
      expect(result.links.filter((link) => link.state === "OK").length).toBeGreaterThan(10);
    } finally {
      await site.close();
    }
  });
});
