import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { handOverCards, takeHandedOverCards } from "../../../src/lib/social-cards/handover.ts";

const dir = mkdtempSync(join(tmpdir(), "og-handover-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const order = (title: string) => ({ file: `og/${title}.png`, card: { title, siteName: "Field Notes", byline: "" } });

describe("handing the build's card list to the social-cards integration", () => {
  it("gives the integration exactly the list the route left, once", async () => {
    const cache = join(dir, "cache-a");
    await handOverCards(cache, join(dir, "dist"), [order("one"), order("two")]);
    expect(await takeHandedOverCards(pathToFileURL(`${cache}/`), pathToFileURL(`${join(dir, "dist")}/`))).toEqual([
      order("one"),
      order("two"),
    ]);
    expect(readdirSync(join(cache, "og"))).toEqual([]);
    expect(await takeHandedOverCards(cache, join(dir, "dist"))).toBeUndefined();
  });

  it("keeps the lists of two output folders sharing one cache apart", async () => {
    const cache = join(dir, "cache-b");
    await handOverCards(cache, join(dir, "dist"), [order("production")]);
    await handOverCards(cache, join(dir, "dist-preview"), [order("preview")]);
    expect(await takeHandedOverCards(cache, join(dir, "dist-preview"))).toEqual([order("preview")]);
    expect(await takeHandedOverCards(cache, join(dir, "dist"))).toEqual([order("production")]);
    expect(existsSync(join(cache, "og"))).toBe(true);
  });
});
