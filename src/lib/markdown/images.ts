import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { imageSizeFromFile } from "image-size/fromFile";
import { defineHastPlugin } from "satteri";
import { diagnoseImageFile } from "../images/diagnose.ts";
import { isRemoteUrl, resolveLocalImage } from "../posts/paths.ts";
import { withBase } from "../paths/base.ts";
import { BODY_IMAGE_SIZES } from "../images/body-widths.ts";

/** The line where the post first mentions `text`, found only once an error is reported, so parsing can skip positions. */
function lineMentioning(file: string, text: string): number {
  const source = readFileSync(file, "utf8");
  const index = source.indexOf(text);
  return index === -1 ? 1 : source.slice(0, index).split("\n").length;
}

interface ImageOptions {
  root: string;
  publicDir: string;
  base: string;
}

/**
 * Body images that Astro's pipeline leaves alone: remote ones (never fetched
 * at build) and `public/` ones. Both load lazily; `public/` ones get their
 * real size so nothing shifts, and the site's base path. Images beside the
 * post, which Astro's pipeline optimises, get the text column's `sizes`. A
 * reference to a missing or broken file (also one beside the post, which
 * Astro's pipeline reads next) fails the build, naming the post, the line and
 * the path.
 */
export function bodyImages({ root, publicDir, base }: ImageOptions) {
  return defineHastPlugin({
    name: "body-images",
    element: {
      filter: ["img"],
      async visit(node, ctx) {
        const src = node.properties?.["src"];
        if (typeof src !== "string") return;
        ctx.setProperty(node, "loading", "lazy");
        ctx.setProperty(node, "decoding", "async");
        if (isRemoteUrl(src) || !ctx.fileURL) return;
        const postFile = fileURLToPath(ctx.fileURL);
        const where = () => `${relative(root, postFile)}:${lineMentioning(postFile, src)}`;
        const found = resolveLocalImage(postFile, src, publicDir);
        if (!found.ok) throw new Error(`${where()}: image: ${found.reason}`);
        const problem = diagnoseImageFile(found.absolutePath);
        if (problem) throw new Error(`${where()}: image: "${src}" ${problem}`);
        if (found.kind !== "public") {
          // Astro's pipeline makes the srcset; left to itself, it sizes the image for the whole screen.
          ctx.setProperty(node, "sizes", BODY_IMAGE_SIZES);
          return;
        }
        const { width, height } = await imageSizeFromFile(found.absolutePath);
        ctx.setProperty(node, "width", width);
        ctx.setProperty(node, "height", height);
        ctx.setProperty(node, "src", withBase(src, base));
      },
    },
  });
}
