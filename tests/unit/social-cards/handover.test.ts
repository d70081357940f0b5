import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { handOverCards, takeHandedOverCards } from "../../../src/lib/social-cards/handover.ts";

const dir = mkdtempSync(join(tmpdir(), "og-handover-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const handover = (...slugs: string[]) => ({
  cards: slugs.map((slug) => ({ file: `og/${slug}.png`, cached: `/cache/og/${slug}-hash.png` })),
  missing: slugs.slice(0, 1).map((slug) => ({
    file: `/cache/og/${slug}-hash.png`,
    card: { title: slug, siteName: "Field Notes", byline: "" },
  })),
});

describe("handing the build's card list to the social-cards integration", () => {
  it("gives the integration exactly the list the route left, once, and leaves nothing in the output", async () => {
    const outDir = join(dir, "dist");
    await handOverCards(outDir, handover("one", "two"));
    expect(await takeHandedOverCards(pathToFileURL(`${outDir}/`))).toEqual(handover("one", "two"));
    expect(readdirSync(outDir)).toEqual([]);
    expect(await takeHandedOverCards(outDir)).toBeUndefined();
  });

  it("keeps the lists of two builds apart, each in its own output folder", async () => {
    await handOverCards(join(dir, "dist-a"), handover("production"));
    await handOverCards(join(dir, "dist-preview"), handover("preview", "draft"));
    expect(await takeHandedOverCards(join(dir, "dist-preview"))).toEqual(handover("preview", "draft"));
    expect(await takeHandedOverCards(join(dir, "dist-a"))).toEqual(handover("production"));
    expect(existsSync(join(dir, "dist-a"))).toBe(true);
  });
});
