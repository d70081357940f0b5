import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { HANDOVERS, handOver, leftInOutput, takeHandedOver } from "../../src/lib/build-handover.ts";

const dir = mkdtempSync(join(tmpdir(), "handover-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("handing a build's integrations what its routes know", () => {
  it("keeps two handovers of one build apart by name, each taken once", async () => {
    const outDir = join(dir, "dist");
    await handOver(outDir, HANDOVERS.builtContent, ["/site/src/content/posts/draft.md"]);
    await handOver(outDir, HANDOVERS.socialCards, { cards: [], rendered: 0, reused: 0 });
    expect(readdirSync(outDir).sort()).toEqual([".built-content.json", ".social-cards.json"]);
    expect(await takeHandedOver(outDir, HANDOVERS.builtContent)).toEqual(["/site/src/content/posts/draft.md"]);
    expect(await takeHandedOver(outDir, HANDOVERS.builtContent)).toBeUndefined();
    expect(readdirSync(outDir)).toEqual([".social-cards.json"]);
  });

  it("hands over an empty list as a list, not as nothing", async () => {
    await handOver(join(dir, "empty"), HANDOVERS.builtContent, []);
    expect(await takeHandedOver(join(dir, "empty"), HANDOVERS.builtContent)).toEqual([]);
  });
});

describe("handovers left in an output folder", () => {
  it("are listed, so a build whose integration never took one is not published", async () => {
    const outDir = join(dir, "left");
    await handOver(outDir, HANDOVERS.builtContent, []);
    await handOver(outDir, HANDOVERS.pageCacheKey, "key");
    expect(leftInOutput(outDir).map((file) => file.slice(outDir.length + 1))).toEqual([
      ".built-content.json",
      ".page-cache-key.json",
    ]);
    await takeHandedOver(outDir, HANDOVERS.builtContent);
    await takeHandedOver(outDir, HANDOVERS.pageCacheKey);
    expect(leftInOutput(outDir)).toEqual([]);
  });
});
