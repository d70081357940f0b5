import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardsToDraw, finishCards, prerenderCards, startCards } from "../../../src/lib/social-cards/pool.ts";
import { CARD_HEIGHT, CARD_WIDTH, type CardData, cardKey, drawCard, renderCard } from "../../../src/lib/social-cards/render.ts";

const BACKGROUND = [0xfb, 0xfa, 0xf7];
const BRAND = [0xa6, 0x3d, 0x24];
/** The text column's right edge on a card with a cover: the card less the cover's 440 px and the 64 px padding. */
const TEXT_RIGHT_WITH_COVER = CARD_WIDTH - 440 - 64;

let dir: string;
let cover: string;
const card = (title: string, extra: Partial<CardData> = {}): CardData => ({
  title,
  siteName: "Field Notes",
  byline: "2 December 2026  ·  4 min read",
  sourceFile: "src/content/posts/a.md",
  ...extra,
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "og-cards-"));
  cover = join(dir, "cover.jpg");
  const gradient = Buffer.alloc(800 * 500 * 3);
  for (let i = 0; i < 800 * 500; i++) gradient.set([40 + ((i % 800) >> 3), 90, 160], i * 3);
  await sharp(gradient, { raw: { width: 800, height: 500, channels: 3 } })
    .jpeg()
    .toFile(cover);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function pixels(png: Buffer) {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)];
  /** Rows of the text column with ink on them (far from the background), as [first, last] runs. */
  const inkRuns = (fromX: number, toX: number) => {
    const isInk = (offset: number) =>
      Math.abs((data[offset] ?? 0) - (BACKGROUND[0] ?? 0)) +
        Math.abs((data[offset + 1] ?? 0) - (BACKGROUND[1] ?? 0)) +
        Math.abs((data[offset + 2] ?? 0) - (BACKGROUND[2] ?? 0)) >
      60;
    const runs: [number, number][] = [];
    let maxX = 0;
    for (let y = 0; y < info.height; y++) {
      let row = false;
      for (let x = fromX; x < toX; x++) {
        if (isInk((y * info.width + x) * 3)) {
          row = true;
          maxX = Math.max(maxX, x);
        }
      }
      const last = runs.at(-1);
      if (row && last && last[1] === y - 1) last[1] = y;
      else if (row) runs.push([y, y]);
    }
    return { runs, maxX };
  };
  return { info, at, inkRuns };
}

describe("a social card", () => {
  it("is a 1200×630 opaque PNG in the template's colours", async () => {
    const png = await drawCard(card("Hello, world"));
    const { info, at } = await pixels(png);
    expect((await sharp(png).metadata()).format).toBe("png");
    expect({ width: info.width, height: info.height }).toEqual({ width: CARD_WIDTH, height: CARD_HEIGHT });
    expect(at(5, 5)).toEqual(BACKGROUND);
    expect(at(CARD_WIDTH - 5, CARD_HEIGHT - 5)).toEqual(BACKGROUND);
    // The dot before the site name: 64 px in, 14 px wide, centred on the name's line.
    expect(at(71, 79)).toEqual(BRAND);
  });

  it("has three lines of text: site name, title, byline", async () => {
    const { inkRuns } = await pixels(await drawCard(card("Hello, world")));
    expect(inkRuns(0, CARD_WIDTH).runs).toHaveLength(3);
  });

  it("wraps a long title inside the text column beside the cover, in smaller type", async () => {
    const long =
      "This title is much too long for search results: it keeps on going and going and going until the card has to make the type smaller to fit it in";
    const { inkRuns, at } = await pixels(await drawCard(card(long, { coverPath: cover })));
    const { runs, maxX } = inkRuns(0, CARD_WIDTH - 440);
    // Site name, six lines of title, byline.
    expect(runs).toHaveLength(8);
    expect(maxX).toBeLessThanOrEqual(TEXT_RIGHT_WITH_COVER);
    // Lines 1.12 em apart: 53.8 px at the smallest size (48 px); 58 px type would put them 65 px apart.
    const [second, third] = runs.slice(2, 4).map(([first]) => first);
    expect(Math.abs((third ?? 0) - (second ?? 0) - 48 * 1.12)).toBeLessThanOrEqual(1);
    expect(at(CARD_WIDTH - 220, CARD_HEIGHT / 2)).not.toEqual(BACKGROUND);
  });

  it("lays out titles in Cyrillic, Greek, CJK and with emoji (CJK and emoji as the missing-glyph box: no card font has them)", async () => {
    for (const title of ["Привет, мир", "Καλημέρα κόσμε", "静的サイトの作り方", "Shipping 🚀 emoji ✨"]) {
      const png = await drawCard(card(title));
      const { info, inkRuns } = await pixels(png);
      expect({ title, width: info.width, height: info.height }).toEqual({ title, width: CARD_WIDTH, height: CARD_HEIGHT });
      expect({ title, lines: inkRuns(0, CARD_WIDTH).runs.length }).toEqual({ title, lines: 3 });
    }
  });
});

describe("a card in a right-to-left language", () => {
  const arabic = (title: string, extra: Partial<CardData> = {}) =>
    card(title, { siteName: "ملاحظات", byline: "10 مارس 2026  ·  دقيقتان للقراءة", direction: "rtl", ...extra });

  it("draws Arabic letters, not missing-glyph boxes", async () => {
    // With no Arabic face every letter is the same box, so two titles of equal length would match.
    const one = await drawCard(arabic("باب"));
    const other = await drawCard(arabic("تاج"));
    expect(one.equals(other)).toBe(false);
  });

  it("mirrors: the cover on the left, the text from the right edge", async () => {
    const { at, inkRuns } = await pixels(await drawCard(arabic("كيف نكتب مدونة بالعربية", { coverPath: cover })));
    expect(at(220, CARD_HEIGHT / 2)).not.toEqual(BACKGROUND);
    expect(at(CARD_WIDTH - 220, CARD_HEIGHT / 2)).toEqual(BACKGROUND);
    // The dot before the site name, 64 px in from the right edge; a little lower than on a Latin
    // card, since the Arabic face's line is taller.
    expect(at(CARD_WIDTH - 71, 86)).toEqual(BRAND);
    expect(inkRuns(440, CARD_WIDTH).runs).toHaveLength(3);
  });

  it("keys the card by its direction too", async () => {
    expect(await cardKey(card("Same", { direction: "rtl" }))).not.toBe(await cardKey(card("Same", { direction: "ltr" })));
  });
});

describe("the card cache", () => {
  it("returns the stored card when nothing on it changed, and draws a new one when the title does", async () => {
    const cache = join(dir, "cache-render");
    const first = await renderCard(card("Cached"), cache);
    const again = await renderCard(card("Cached"), cache);
    const changed = await renderCard(card("Cached, edited"), cache);
    expect([first.reused, again.reused, changed.reused]).toEqual([false, true, false]);
    expect(again.png.equals(first.png)).toBe(true);
    expect(readdirSync(cache).sort()).toEqual(
      [`${await cardKey(card("Cached"))}.png`, `${await cardKey(card("Cached, edited"))}.png`].sort(),
    );
  });

  it("keys a card by its cover's bytes, not its path", async () => {
    const copy = join(dir, "cover-copy.jpg");
    const other = join(dir, "cover-other.jpg");
    copyFileSync(cover, copy);
    await sharp(cover).flop().toFile(other);
    const key = (path: string) => cardKey(card("Cover", { coverPath: path }));
    expect(await key(copy)).toBe(await key(cover));
    expect(await key(other)).not.toBe(await key(cover));
  });

  it("draws only the cards not cached yet, and each set of inputs once", async () => {
    const cache = join(dir, "cache-pool");
    const cards = [card("One"), card("Two", { coverPath: cover }), card("One")];
    const cold = await prerenderCards(cards, cache);
    expect({ rendered: cold.rendered, reused: cold.reused }).toEqual({ rendered: 2, reused: 1 });
    expect(cold.files[0]).toBe(cold.files[2]);
    expect(readdirSync(cache)).toHaveLength(2);
    const warm = await prerenderCards([...cards, card("Three")], cache);
    expect({ rendered: warm.rendered, reused: warm.reused }).toEqual({ rendered: 1, reused: 3 });
    expect(warm.files.slice(0, 3)).toEqual(cold.files);
  });

  it("names the post and its cover when the cover cannot be drawn", async () => {
    const damaged = join(dir, "damaged.jpg");
    writeFileSync(damaged, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 7)]));
    const broken = card("Broken", { coverPath: damaged, sourceFile: "src/content/posts/broken.md" });
    await expect(prerenderCards([card("Fine"), broken], join(dir, "cache-broken"))).rejects.toThrow(
      /^src\/content\/posts\/broken\.md: cover_image: ".*damaged\.jpg" cannot be drawn on the social card: the image data is damaged/,
    );
  });

  it("draws the cards a build started in the background by the time finishCards returns", async () => {
    const cache = join(dir, "cache-background");
    const { files, missing } = await cardsToDraw([card("Alpha"), card("Beta"), card("Alpha")], cache);
    expect(missing.map(({ card: { title } }) => title)).toEqual(["Alpha", "Beta"]);
    startCards(missing);
    await finishCards(missing);
    expect(readdirSync(cache).sort()).toEqual(missing.map(({ file }) => file.slice(cache.length + 1)).sort());
    expect(new Set(files).size).toBe(2);
    expect((await cardsToDraw([card("Alpha"), card("Beta")], cache)).missing).toEqual([]);
  });

  it("draws the cards finishCards is given that nothing started", async () => {
    const cache = join(dir, "cache-unstarted");
    const { missing } = await cardsToDraw([card("Gamma")], cache);
    expect(missing).toHaveLength(1);
    await finishCards(missing);
    expect(readdirSync(cache)).toEqual([missing[0]?.file.slice(cache.length + 1)]);
  });

  it("reports a card that failed in the background from finishCards, naming the post and its cover", async () => {
    const damaged = join(dir, "damaged-background.jpg");
    writeFileSync(damaged, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 7)]));
    const broken = card("Broken", { coverPath: damaged, sourceFile: "src/content/posts/broken.md" });
    const { missing } = await cardsToDraw([broken], join(dir, "cache-broken-background"));
    startCards(missing);
    // The failure waits for finishCards: it is not an unhandled rejection meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(finishCards(missing)).rejects.toThrow(
      /^src\/content\/posts\/broken\.md: cover_image: ".*damaged-background\.jpg" cannot be drawn on the social card: the image data is damaged/,
    );
  });

  it("names the post and its cover the same way when the dev server draws one card", async () => {
    const damaged = join(dir, "damaged-dev.jpg");
    writeFileSync(damaged, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 7)]));
    const broken = card("Broken", { coverPath: damaged, sourceFile: "src/content/posts/broken.md" });
    await expect(renderCard(broken, join(dir, "cache-broken-dev"))).rejects.toThrow(
      /^src\/content\/posts\/broken\.md: cover_image: ".*damaged-dev\.jpg" cannot be drawn on the social card: the image data is damaged/,
    );
  });
});
