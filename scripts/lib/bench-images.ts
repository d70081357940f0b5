import { mkdirSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { IMAGE_ASSETS, type ImageAsset } from "../../bench/lib/corpus.ts";
import { createRandom, type Random } from "../../bench/lib/random.ts";

/**
 * Pictures that cost what photographs cost: smooth sky and land with
 * fractal texture and sensor grain. A flat colour would compress to nothing
 * and make image optimisation look free.
 */

type Rgb = [number, number, number];

/** Smooth noise in [0, 1): random values on a coarse grid, interpolated with smoothstep. */
function valueNoise(random: Random, width: number, height: number, cell: number): (x: number, y: number) => number {
  const columns = Math.ceil(width / cell) + 2;
  const rows = Math.ceil(height / cell) + 2;
  const grid = Float64Array.from({ length: columns * rows }, () => random.next());
  const smooth = (t: number) => t * t * (3 - 2 * t);
  return (x, y) => {
    const gx = x / cell;
    const gy = y / cell;
    const x0 = Math.floor(gx);
    const y0 = Math.floor(gy);
    const tx = smooth(gx - x0);
    const ty = smooth(gy - y0);
    const value = (cx: number, cy: number) => grid[cy * columns + cx] ?? 0;
    const top = value(x0, y0) + (value(x0 + 1, y0) - value(x0, y0)) * tx;
    const bottom = value(x0, y0 + 1) + (value(x0 + 1, y0 + 1) - value(x0, y0 + 1)) * tx;
    return top + (bottom - top) * ty;
  };
}

function fractal(random: Random, width: number, height: number): (x: number, y: number) => number {
  const octaves = [0.35, 0.12, 0.04, 0.012].map((scale) =>
    valueNoise(random, width, height, Math.max(4, Math.round(width * scale))),
  );
  return (x, y) => octaves.reduce((sum, noise, i) => sum + noise(x, y) / 2 ** i, 0) / 1.875;
}

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];

function colour(random: Random, base: Rgb, spread: number): Rgb {
  return base.map((channel) => Math.min(255, Math.max(0, channel + (random.next() - 0.5) * spread))) as Rgb;
}

function landscape(asset: ImageAsset, random: Random): Buffer {
  const { width, height } = asset;
  const skyTop = colour(random, [70, 120, 190], 80);
  const skyLow = colour(random, [230, 200, 170], 60);
  const landNear = colour(random, [60, 70, 40], 70);
  const landFar = colour(random, [140, 130, 100], 70);
  const clouds = fractal(random, width, height);
  const ground = fractal(random, width, height);
  const ridge = valueNoise(random, width, 1, Math.round(width / 6));
  const horizonBase = height * (0.45 + random.next() * 0.2);
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const horizon = horizonBase + (ridge(x, 0) - 0.5) * height * 0.25;
      let rgb: Rgb;
      if (y < horizon) {
        const sky = mix(skyTop, skyLow, y / horizon);
        rgb = mix(sky, [245, 245, 245], Math.max(0, clouds(x, y) - 0.55) * 1.8);
      } else {
        const depth = (y - horizon) / (height - horizon);
        rgb = mix(mix(landFar, landNear, depth), [20, 25, 15], ground(x, y) * 0.6);
      }
      const grain = (random.next() + random.next() - 1) * 14;
      const offset = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) pixels[offset + c] = Math.min(255, Math.max(0, Math.round((rgb[c] ?? 0) + grain)));
    }
  }
  return pixels;
}

/** Writes every picture of IMAGE_ASSETS into `dir`; returns the paths by asset index. */
export async function generateImages(dir: string, seed: number): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const root = createRandom(seed).fork("images");
  return Promise.all(
    IMAGE_ASSETS.map(async (asset) => {
      const path = join(dir, asset.file);
      const image = sharp(landscape(asset, root.fork(asset.file)), {
        raw: { width: asset.width, height: asset.height, channels: 3 },
      });
      await (asset.file.endsWith(".png") ? image.png() : image.jpeg({ quality: 85 })).toFile(path);
      return path;
    }),
  );
}
