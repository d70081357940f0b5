/**
 * `npm run fonts`: writes the site's web fonts to src/assets/fonts/ from the @fontsource-variable
 * packages (see src/lib/fonts/web-fonts.ts). Run it after updating one of those packages; a unit
 * test fails while the files in the repository differ from what this writes.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { subsetWebFont, WEB_FONTS } from "../src/lib/fonts/web-fonts.ts";

const folder = join(import.meta.dirname, "..", "src", "assets", "fonts");
mkdirSync(folder, { recursive: true });
for (const font of WEB_FONTS) {
  const data = await subsetWebFont(font);
  writeFileSync(join(folder, font.file), data);
  console.log(
    `${font.file}: ${(data.length / 1024).toFixed(1)} KB (${font.family}, weights ${font.weight.min} to ${font.weight.max})`,
  );
}
