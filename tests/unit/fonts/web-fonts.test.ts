import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LATIN_RANGE, rangeText, subsetWebFont, WEB_FONTS } from "../../../src/lib/fonts/web-fonts.ts";

const root = join(import.meta.dirname, "..", "..", "..");
const fontsCss = readFileSync(join(root, "src/styles/fonts.css"), "utf8");
const faces = [...fontsCss.matchAll(/@font-face\s*{([^}]*)}/g)].map((match) => match[1] ?? "");

describe("web fonts", () => {
  it("reads a unicode-range into its characters and names a part it cannot read", () => {
    expect(rangeText("U+0041-0043, U+2014")).toBe("ABC—");
    expect(() => rangeText("U+0041, U+00ZZ-0041")).toThrow("Not a unicode-range part: U+00ZZ-0041");
  });

  it("ships the files `npm run fonts` writes from the installed packages", async () => {
    expect(WEB_FONTS.length).toBe(3);
    for (const font of WEB_FONTS) {
      const shipped = readFileSync(join(root, "src/assets/fonts", font.file));
      const written = await subsetWebFont(font);
      expect(Buffer.compare(shipped, written), `${font.file} differs from \`npm run fonts\`'s output: run it`).toBe(0);
      expect(written.length).toBeLessThan(readFileSync(join(root, "node_modules", font.source)).length * 0.8);
    }
  });

  it("declares each face with its file, its weights and the Latin range it holds", () => {
    // The cut Latin faces, and the Arabic one, which comes whole from its package.
    expect(faces.filter((face) => face.includes("src: url(")).length).toBe(WEB_FONTS.length + 1);
    expect(faces.filter((face) => face.includes('src: url("@fontsource-variable/noto-naskh-arabic/'))).toHaveLength(1);
    for (const font of WEB_FONTS) {
      const face = faces.find((body) => body.includes(`font-family: "${font.family}"`)) ?? "";
      expect(face, font.family).toContain(`src: url("../assets/fonts/${font.file}")`);
      expect(face, font.family).toContain(`font-weight: ${font.weight.min} ${font.weight.max};`);
      expect(face.replace(/\s+/g, " "), font.family).toContain(`unicode-range: ${LATIN_RANGE};`);
    }
  });
});
