import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { imageSizeFromFile } from "image-size/fromFile";
import { defineHastPlugin } from "satteri";
import { isRemoteUrl, resolveLocalImage } from "../posts/paths.ts";
import { withBase } from "../paths/base.ts";

interface ImageOptions {
  root: string;
  publicDir: string;
  base: string;
}

/**
 * Body images that Astro's pipeline leaves alone: remote ones (never fetched
 * at build) and `public/` ones. Both load lazily; `public/` ones get their
 * real size so nothing shifts, and the site's base path. A reference to a
 * missing file fails the build, naming the post and the path.
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
        const found = resolveLocalImage(postFile, src, publicDir);
        if (!found.ok) throw new Error(`${relative(root, postFile)}: image: ${found.reason}`);
        if (found.kind !== "public") return;
        const { width, height } = await imageSizeFromFile(found.absolutePath);
        ctx.setProperty(node, "width", width);
        ctx.setProperty(node, "height", height);
        ctx.setProperty(node, "src", withBase(src, base));
      },
    },
  });
}
