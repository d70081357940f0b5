import { readFileSync } from "node:fs";
import { bundledThemes, type BundledTheme } from "shiki";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../support/project.ts";

// The themes astro.config.mjs gives Shiki, and the muted colour that line numbers and captions use.
const THEMES = { light: "github-light-high-contrast", dark: "github-dark-dimmed" } satisfies Record<string, BundledTheme>;
const MUTED = { light: "#5b5f66", dark: "#a2a6ad" };

const css = readFileSync(`${repoRoot}/src/styles/code.css`, "utf8");
const backgrounds: Record<string, { light: string; dark: string }> = Object.fromEntries(
  [...css.matchAll(/--(code-[a-z]+):\s*light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)/g)].map(
    ([, name, light = "", dark = ""]) => [name, { light, dark }],
  ),
);

const channel = (value: number) => (value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4);
const luminance = (hex: string) => {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((at) => channel(Number.parseInt(hex.slice(at, at + 2), 16) / 255));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
/** WCAG 2 contrast ratio, as axe computes it. */
const contrast = (a: string, b: string) => {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
};

interface ThemeColours {
  colors?: Record<string, string>;
  tokenColors?: { settings?: { foreground?: string; background?: string } }[];
}

/**
 * Every text colour the theme can give a token. A few scopes (a stray
 * carriage return, an ignored-file marker) come with their own strong
 * background and a colour made for it that the theme's own editor background
 * could not carry either; those are left out.
 */
async function textColours(name: BundledTheme): Promise<string[]> {
  const theme = (await bundledThemes[name]()).default as ThemeColours;
  const editor = theme.colors?.["editor.background"] ?? "#ffffff";
  const colours = [theme.colors?.["editor.foreground"] ?? ""];
  for (const { settings } of theme.tokenColors ?? []) {
    if (!settings?.foreground) continue;
    if (settings.background && contrast(settings.foreground, editor) < 4.5) continue;
    colours.push(settings.foreground);
  }
  return [...new Set(colours.map((colour) => colour.toLowerCase()))].filter((colour) => /^#[0-9a-f]{6}$/.test(colour));
}

describe("code block colours", () => {
  it("defines every background in code.css for both schemes", () => {
    expect(Object.keys(backgrounds).sort()).toEqual(["code-add", "code-bg", "code-mark", "code-remove"]);
  });

  for (const scheme of ["light", "dark"] as const) {
    it(`keeps 4.5:1 for every ${scheme} token colour on plain, highlighted, added and removed lines`, async () => {
      const colours = [...(await textColours(THEMES[scheme])), MUTED[scheme]];
      expect(colours.length).toBeGreaterThan(10);
      const failures = Object.entries(backgrounds).flatMap(([name, pair]) =>
        colours
          .filter((colour) => contrast(colour, pair[scheme]) < 4.5)
          .map((colour) => `${colour} on --${name} ${pair[scheme]}: ${contrast(colour, pair[scheme]).toFixed(2)}`),
      );
      expect(failures).toEqual([]);
    });
  }
});
