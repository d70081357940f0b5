/**
 * Social cards: 1200×630 PNGs drawn with satori and rasterised with resvg,
 * cached in Astro's cache folder by a hash of everything that shows on them.
 * Plain, erasable TypeScript with no Astro imports, so worker threads can
 * run it straight from the source tree.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import satori from "satori";
import sharp from "sharp";
import { cacheFolder } from "../../lib/cache-dir.ts";

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/** Bump when the drawing changes, so cached cards are redrawn. */
const TEMPLATE_VERSION = "5";

export interface CardData {
  title: string;
  siteName: string;
  /** The date line as readers see it, or empty. */
  byline: string;
  /** Absolute path of the cover image file, if the post has one. */
  coverPath?: string | undefined;
  /** The post's file as authors see it (`src/content/posts/x.md`), to name it in errors. */
  sourceFile?: string | undefined;
}

const require = createRequire(import.meta.url);
const FONT_FILES = {
  inter: require.resolve("@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf"),
  interRegular: require.resolve("@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf"),
  serif: require.resolve("@expo-google-fonts/source-serif-4/700Bold/SourceSerif4_700Bold.ttf"),
};

let fonts: Promise<{ name: string; data: Buffer; weight: 400 | 600 | 700; style: "normal" }[]> | undefined;
function loadFonts() {
  fonts ??= Promise.all([
    readFile(FONT_FILES.interRegular).then((data) => ({ name: "Inter", data, weight: 400 as const, style: "normal" as const })),
    readFile(FONT_FILES.inter).then((data) => ({ name: "Inter", data, weight: 600 as const, style: "normal" as const })),
    readFile(FONT_FILES.serif).then((data) => ({ name: "Source Serif", data, weight: 700 as const, style: "normal" as const })),
  ]);
  return fonts;
}

export const cardCacheDir = (cacheDir: URL | string) => cacheFolder(cacheDir, "og");

export async function cardKey(card: CardData): Promise<string> {
  const hash = createHash("sha256").update(TEMPLATE_VERSION);
  for (const file of Object.values(FONT_FILES)) hash.update(file);
  hash.update(JSON.stringify({ title: card.title, siteName: card.siteName, byline: card.byline }));
  if (card.coverPath) hash.update(await readFile(card.coverPath));
  return hash.digest("hex");
}

function titleSize(title: string, hasCover: boolean): number {
  const room = hasCover ? 0.62 : 1;
  if (title.length * room > 80) return 48;
  if (title.length > 45) return 58;
  return 68;
}

type Node = { type: string; props: Record<string, unknown> & { style?: Record<string, unknown>; children?: unknown } };
const el = (type: string, style: Record<string, unknown>, children?: unknown, props: Record<string, unknown> = {}): Node => ({
  type,
  props: { ...props, style, children },
});

async function coverDataUri(path: string): Promise<string> {
  const jpeg = await sharp(path).resize(440, CARD_HEIGHT, { fit: "cover" }).jpeg({ quality: 82 }).toBuffer();
  return `data:image/jpeg;base64,${jpeg.toString("base64")}`;
}

async function drawCard(card: CardData): Promise<Buffer> {
  const cover = card.coverPath ? await coverDataUri(card.coverPath) : undefined;
  const text = el(
    "div",
    { display: "flex", flexDirection: "column", justifyContent: "space-between", flex: 1, padding: "64px 64px 56px" },
    [
      el(
        "div",
        { display: "flex", alignItems: "center", gap: 16, fontFamily: "Inter", fontWeight: 600, fontSize: 28, color: "#a63d24" },
        [el("div", { width: 14, height: 14, borderRadius: 7, background: "#a63d24" }), card.siteName],
      ),
      el(
        "div",
        {
          display: "flex",
          fontFamily: "Source Serif",
          fontWeight: 700,
          fontSize: titleSize(card.title, Boolean(cover)),
          lineHeight: 1.12,
          letterSpacing: "-0.01em",
          color: "#1d1f23",
        },
        card.title,
      ),
      el("div", { display: "flex", fontFamily: "Inter", fontWeight: 400, fontSize: 26, color: "#5b5f66" }, card.byline),
    ],
  );
  const tree = el("div", { display: "flex", width: CARD_WIDTH, height: CARD_HEIGHT, background: "#fbfaf7" }, [
    text,
    ...(cover
      ? [
          el("img", { width: 440, height: CARD_HEIGHT, objectFit: "cover" }, undefined, {
            src: cover,
            width: 440,
            height: CARD_HEIGHT,
          }),
        ]
      : []),
  ]);
  const svg = await satori(tree as Parameters<typeof satori>[0], {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts: await loadFonts(),
  });
  const png = new Resvg(svg, { fitTo: { mode: "original" }, font: { loadSystemFonts: false } }).render().asPng();
  // A palette PNG is a third of the size for cards with a cover photo, and a thousand cards add up.
  return sharp(png).png({ palette: true, quality: 90, effort: 1, compressionLevel: 6 }).toBuffer();
}

/** The card's PNG, from the cache when nothing on it changed. */
export async function renderCard(card: CardData, cacheDir: string): Promise<{ png: Buffer; reused: boolean }> {
  const file = join(cacheDir, `${await cardKey(card)}.png`);
  try {
    return { png: await readFile(file), reused: true };
  } catch {
    const png = await drawCard(card);
    await mkdir(cacheDir, { recursive: true });
    const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    await writeFile(partial, png);
    await rename(partial, file);
    return { png, reused: false };
  }
}
