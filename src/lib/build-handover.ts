/**
 * Routes can read the content collections; integrations, which run after the pages, cannot. A
 * route hands a static build's integration what only it knows through a file in the output
 * folder, so a list lives and dies with the build that made it, failed or not, and two builds
 * (production and preview) never read each other's. The integration takes it and removes it.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Every handover a build makes, by the name of its file: `.social-cards.json` in the output. */
export const HANDOVERS = {
  /** src/pages/og/[slug].png.ts to the social-cards integration: the cards to put in place. */
  socialCards: "social-cards",
  /** src/pages/[...entry].astro to the unpublished-files integration: the content files published. */
  builtContent: "built-content",
  /** src/pages/[...entry].astro to the search integration: the site's page cache key (src/data/page-cache-key.ts). */
  pageCacheKey: "page-cache-key",
} as const;

type HandoverName = (typeof HANDOVERS)[keyof typeof HANDOVERS];

function handoverFile(outDir: URL | string, name: HandoverName): string {
  return join(resolve(outDir instanceof URL ? fileURLToPath(outDir) : outDir), `.${name}.json`);
}

/** Handovers still in a built output folder: each integration takes its own, so any left means one did not run. */
export function leftInOutput(outDir: string): string[] {
  return Object.values(HANDOVERS)
    .map((name) => handoverFile(outDir, name))
    .filter((file) => existsSync(file));
}

export async function handOver(outDir: URL | string, name: HandoverName, value: unknown): Promise<void> {
  const file = handoverFile(outDir, name);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(value));
}

/** What this build's route handed over under `name`, removed from the output; undefined when nothing was. */
export async function takeHandedOver<T>(outDir: URL | string, name: HandoverName): Promise<T | undefined> {
  const file = handoverFile(outDir, name);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return undefined;
  }
  await rm(file);
  return JSON.parse(text) as T;
}
