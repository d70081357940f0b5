import type { Element } from "hast";
import { defineHastPlugin } from "satteri";
import { isRemoteUrl } from "../posts/paths.ts";

/** Marks a link whose target, an optimised image's largest rendition, is only known once the page renders. */
export const PENDING_LINK = "data-full-size";

const LINK_CLASS = "image-link";
/** An image alone in its paragraph is centred as a block; one in a sentence stays inline. */
const ALONE_CLASS = "image-alone";

/**
 * Every Markdown image opens its full-size file through a plain link. `public/` and remote
 * images link to the file they show; an optimised one gets its link when the page renders
 * (`linkPendingImages`). An image the author put in a link keeps that link. Raw HTML images
 * are the author's markup and are never seen here.
 */
export const fullSizeLinks = (
  /** A link needs a name; a decorative image (empty alt) gives it none, so the link says what it does. */
  unnamedLinkLabel: string,
) =>
  defineHastPlugin({
    name: "full-size-links",
    element: {
      filter: ["img"],
      visit(node, ctx) {
        const parent = ctx.parent(node);
        if (parent.type === "element" && parent.tagName === "a") return;
        const src = node.properties["src"];
        if (typeof src !== "string") return;
        const known = src.startsWith("/") || isRemoteUrl(src);
        const index = ctx.indexOf(node);
        const alone =
          parent.type === "element" &&
          parent.tagName === "p" &&
          parent.children.every((child, at) => at === index || (child.type === "text" && !child.value.trim()));
        const className = alone ? [LINK_CLASS, ALONE_CLASS] : [LINK_CLASS];
        const alt = node.properties["alt"];
        const label = typeof alt === "string" && alt.trim() ? {} : { ariaLabel: unnamedLinkLabel };
        const link: Element = {
          type: "element",
          tagName: "a",
          properties: known ? { href: src, className, ...label } : { className, ...label, [PENDING_LINK]: "" },
          children: [],
        };
        ctx.wrapNode(node, link);
      },
    },
  });

/** The widest candidate of a `srcset` (by `w`, else by `x` descriptor), or undefined for an empty one. */
export function largestCandidate(srcset: string): string | undefined {
  let best: { url: string; size: number } | undefined;
  for (const candidate of srcset.split(",")) {
    const [url, descriptor = "1x"] = candidate.trim().split(/\s+/);
    if (!url) continue;
    const size = Number.parseFloat(descriptor);
    if (!best || size > best.size) best = { url, size: Number.isNaN(size) ? 0 : size };
  }
  return best?.url;
}

const PENDING = new RegExp(`<a\\b([^>]*?)\\s${PENDING_LINK}(?:="")?([^>]*)>(\\s*<img\\b[^>]*>)`, "g");
const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/**
 * Gives each pending image link the address of its image's largest rendition, read from the
 * `<img>` Astro rendered inside it (attribute values there are always double-quoted and escaped).
 */
export function linkPendingImages(html: string): string {
  if (!html.includes(PENDING_LINK)) return html;
  return html.replace(PENDING, (whole, before: string, after: string, image: string) => {
    const href = largestCandidate(attribute(image, "srcset") ?? "") ?? attribute(image, "src");
    return href ? `<a${before} href="${href}"${after}>${image}` : whole;
  });
}
