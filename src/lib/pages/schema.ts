import { z } from "astro/zod";
import { reportUnknownFields } from "../posts/schema.ts";
import { flag, text, wholeNumber } from "../schema/wording.ts";

export const PAGE_FIELDS = ["title", "description", "draft", "nav_order", "cover_image", "cover_alt"] as const;

/**
 * Standalone pages (about, now): no date, no feed; `nav_order` puts them in the header. Without a
 * `title` the file name gives one (`now.md` → "Now"); `index.md` is the home page's introduction.
 */
export function createPageSchema<Cover extends z.ZodType>({ cover }: { cover: Cover }) {
  return z
    .looseObject({
      /** The page's heading and its name in the header navigation; the file name gives one when left out. */
      title: text({ field: "title", example: "About" }, { optional: true }).optional(),
      /** One or two sentences for search results and the meta description. */
      description: text({ field: "description", example: "Who writes here, and why." }, { optional: true }).optional(),
      /** `true` keeps the page out of production builds; dev and preview builds show it. */
      draft: flag("draft").default(false),
      /** Position in the header navigation, smallest first; pages without it stay out of the header. */
      nav_order: wholeNumber({ field: "nav_order", example: "2" }).optional(),
      /** A picture for the page, relative to it (`./me.png`) or under `public/` (`/images/me.png`). */
      cover_image: cover.optional(),
      /** Alt text for the cover; leave it out only when the picture is decorative. */
      cover_alt: text({ field: "cover_alt", example: "The author at a desk" }, { optional: true }).optional(),
    })
    .superRefine((page, ctx) => reportUnknownFields(page, PAGE_FIELDS, ctx));
}

/** "now" → "Now", "my-uses" → "My uses": the title of a page that sets none. */
export function titleFromSlug(slug: string): string {
  const words = slug.replace(/[-_.]+/g, " ").trim();
  return words.charAt(0).toLocaleUpperCase() + words.slice(1);
}
