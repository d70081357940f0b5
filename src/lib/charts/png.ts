import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { palette, type PaletteVar, type ThemeName } from "./palette.ts";

const require = createRequire(import.meta.url);

const FONT_FILES = ["400Regular/Inter_400Regular.ttf", "600SemiBold/Inter_600SemiBold.ttf"].map((file) =>
  require.resolve(`@expo-google-fonts/inter/${file}`),
);

const RESVG_VERSION = (require("@resvg/resvg-js/package.json") as { version: string }).version;

export interface ChartPngOptions {
  /** Directory for cached PNGs; created when missing. */
  cacheDir: string;
  theme?: ThemeName;
  /** Pixels per viewBox unit; 2 keeps text crisp on high-density screens. */
  scale?: number;
}

export interface ChartPng {
  path: string;
  buffer: Buffer;
  /** sha256 of the SVG, palette and renderer settings; also the file name. */
  hash: string;
  /** True when the PNG came from the cache rather than being rendered now. */
  reused: boolean;
  width: number;
  height: number;
}

const VAR_PATTERN = /var\(\s*--([\w-]+)\s*(?:,\s*([^()]*?))?\s*\)/g;

/**
 * Replaces each `var(--name, fallback)` with a literal, since resvg (like
 * feed readers) knows nothing of the page's custom properties: palette
 * names get the theme's value, anything else (the body font) its fallback.
 */
export function resolveCssVars(svg: string, theme: ThemeName): string {
  const values: Readonly<Record<string, string>> = palette[theme];
  return svg.replace(VAR_PATTERN, (match, name: string, fallback: string | undefined) => {
    const value = values[name as PaletteVar] ?? fallback;
    if (value === undefined) throw new Error(`Cannot render chart PNG: ${match} has no palette value and no fallback`);
    return value;
  });
}

function pngSize(buffer: Buffer): { width: number; height: number } {
  // IHDR is always the first chunk: width and height are big-endian at bytes 16 and 20.
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

/**
 * Renders a chart SVG to PNG (for feeds and social cards) with the bundled
 * Inter fonts and no system fonts, so output is the same on every machine.
 * Results are cached under `cacheDir` by content hash: an unchanged chart is
 * read back instead of rendered again.
 */
export async function renderChartPng(svg: string, options: ChartPngOptions): Promise<ChartPng> {
  const theme = options.theme ?? "light";
  const scale = options.scale ?? 2;
  const background = palette[theme]["color-bg"];
  const resolved = resolveCssVars(svg, theme);
  const settings = {
    resvg: RESVG_VERSION,
    fonts: FONT_FILES.map((file) => path.basename(file)),
    scale,
    background,
  };
  const hash = createHash("sha256")
    .update(resolved)
    .update("\0")
    .update(JSON.stringify(palette[theme]))
    .update("\0")
    .update(JSON.stringify(settings))
    .digest("hex");
  const file = path.join(options.cacheDir, `${hash}.png`);

  try {
    const buffer = await readFile(file);
    return { path: file, buffer, hash, reused: true, ...pngSize(buffer) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }

  const rendered = new Resvg(resolved, {
    background,
    fitTo: { mode: "zoom", value: scale },
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: "Inter" },
  }).render();
  const buffer = rendered.asPng();
  await mkdir(options.cacheDir, { recursive: true });
  // Write-then-rename so a concurrent build never reads a half-written PNG.
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, buffer);
  await rename(temporary, file);
  return { path: file, buffer, hash, reused: false, width: rendered.width, height: rendered.height };
}
