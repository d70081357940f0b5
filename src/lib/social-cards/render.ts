/**
 * Social cards: 1200×630 PNGs drawn with takumi (a native renderer that lays
 * out a CSS-styled node tree and rasterises it off the main thread), cached in
 * Astro's cache folder by a hash of everything that shows on them.
 * Plain TypeScript with no Astro imports, so the card benchmark and the unit
 * tests can run it straight from the source tree.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { type Node, Renderer } from "@takumi-rs/core";
import { container, image, text } from "@takumi-rs/helpers";
import sharp from "sharp";
import { cacheFolder } from "../cache-dir.ts";

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/** The cover's column: a little over a third of the card, the text keeps the rest. */
const COVER_WIDTH = 440;
/** Bump when the drawing changes, so cached cards are redrawn. */
const TEMPLATE_VERSION = "6";

export interface CardData {
  title: string;
  siteName: string;
  /** The date line as readers see it, or empty. */
  byline: string;
  /** Which way the card's language runs; a right-to-left card mirrors, its cover on the left. */
  direction?: "ltr" | "rtl" | undefined;
  /** Absolute path of the cover image file, if the post has one. */
  coverPath?: string | undefined;
  /** The post's file as authors see it (`src/content/posts/x.md`), to name it in errors. */
  sourceFile?: string | undefined;
}

const require = createRequire(import.meta.url);
const FONTS: readonly { name: string; weight?: number; file: string }[] = [
  { name: "Inter", weight: 400, file: require.resolve("@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf") },
  { name: "Inter", weight: 600, file: require.resolve("@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf") },
  {
    name: "Source Serif",
    weight: 700,
    file: require.resolve("@expo-google-fonts/source-serif-4/700Bold/SourceSerif4_700Bold.ttf"),
  },
  // Arabic letters, which the Latin faces lack; one variable file serves every weight.
  {
    name: "Noto Naskh Arabic",
    file: require.resolve("@fontsource-variable/noto-naskh-arabic/files/noto-naskh-arabic-arabic-wght-normal.woff2"),
  },
];
const SANS = "Inter, Noto Naskh Arabic";
const SERIF = "Source Serif, Noto Naskh Arabic";

let renderer: Promise<Renderer> | undefined;
/** One renderer per process: it parses the fonts once and keeps its glyph caches across cards. */
function cardRenderer(): Promise<Renderer> {
  renderer ??= (async () => {
    const created = new Renderer();
    for (const font of FONTS) {
      await created.registerFont({ ...font, style: "normal", data: await readFile(font.file) });
    }
    return created;
  })();
  return renderer;
}

export const cardCacheDir = (cacheDir: URL | string) => cacheFolder(cacheDir, "og");

export async function cardKey(card: CardData): Promise<string> {
  const hash = createHash("sha256").update(TEMPLATE_VERSION);
  for (const font of FONTS) hash.update(font.file);
  hash.update(JSON.stringify({ title: card.title, siteName: card.siteName, byline: card.byline, direction: card.direction }));
  if (card.coverPath) hash.update(await readFile(card.coverPath));
  return hash.digest("hex");
}

function titleSize(title: string, hasCover: boolean): number {
  const room = hasCover ? 0.62 : 1;
  if (title.length * room > 80) return 48;
  if (title.length > 45) return 58;
  return 68;
}

/** The cover cropped to its column; a JPEG, since the renderer decodes it again. */
function coverJpeg(path: string): Promise<Buffer> {
  return sharp(path).resize(COVER_WIDTH, CARD_HEIGHT, { fit: "cover" }).jpeg({ quality: 82 }).toBuffer();
}

function cardTree(card: CardData, cover?: Uint8Array): Node {
  const brand = "#a63d24";
  const textColumn = container({
    style: { display: "flex", flexDirection: "column", justifyContent: "space-between", flex: 1, padding: "64px 64px 56px" },
    children: [
      container({
        style: {
          display: "flex",
          alignItems: "center",
          gap: 16,
          fontFamily: SANS,
          fontWeight: 600,
          fontSize: 28,
          color: brand,
        },
        children: [container({ style: { width: 14, height: 14, borderRadius: 7, backgroundColor: brand } }), text(card.siteName)],
      }),
      text(card.title, {
        fontFamily: SERIF,
        fontWeight: 700,
        fontSize: titleSize(card.title, Boolean(cover)),
        lineHeight: 1.12,
        letterSpacing: "-0.01em",
        color: "#1d1f23",
      }),
      text(card.byline, { fontFamily: SANS, fontWeight: 400, fontSize: 26, color: "#5b5f66" }),
    ],
  });
  return container({
    style: {
      display: "flex",
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      backgroundColor: "#fbfaf7",
      direction: card.direction ?? "ltr",
    },
    children: [
      textColumn,
      ...(cover ? [image({ src: cover, style: { width: COVER_WIDTH, height: CARD_HEIGHT, objectFit: "cover" } })] : []),
    ],
  });
}

export async function drawCard(card: CardData): Promise<Buffer> {
  const cover = card.coverPath ? await coverJpeg(card.coverPath) : undefined;
  const drawing = await cardRenderer();
  return drawing.render(cardTree(card, cover), { width: CARD_WIDTH, height: CARD_HEIGHT, format: "png" });
}

/** Where the card's PNG is cached: named by the hash of everything on it. */
export async function cardFile(card: CardData, cacheDir: string): Promise<string> {
  return join(cacheDir, `${await cardKey(card)}.png`);
}

/** Written beside and renamed, so a build never reads half a card. */
export async function storeCard(file: string, png: Buffer): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(partial, png);
  await rename(partial, file);
}

/**
 * The cover was checked when the post was loaded, so a failure here is damage inside the image
 * data; the post's file and the cover's path come first, the image library's words last.
 */
export function cardError(card: CardData, detail: string): string {
  const post = card.sourceFile ?? `"${card.title}"`;
  if (!card.coverPath) return `${post}: the social card could not be drawn: ${detail}`;
  const cover = relative(process.cwd(), card.coverPath);
  return `${post}: cover_image: "${cover}" cannot be drawn on the social card: the image data is damaged, so export or copy the image again (${detail})`;
}

/** The card's PNG, from the cache when nothing on it changed. */
export async function renderCard(card: CardData, cacheDir: string): Promise<{ png: Buffer; reused: boolean }> {
  const file = await cardFile(card, cacheDir);
  try {
    return { png: await readFile(file), reused: true };
  } catch {
    let png: Buffer;
    try {
      png = await drawCard(card);
    } catch (error) {
      throw new Error(cardError(card, error instanceof Error ? error.message : String(error)), { cause: error });
    }
    await storeCard(file, png);
    return { png, reused: false };
  }
}
