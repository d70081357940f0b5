import { z } from "astro/zod";
import { reportUnknownFields } from "../posts/schema.ts";

export const PAGE_FIELDS = ["title", "description", "draft", "nav_order", "cover_image", "cover_alt"] as const;

/**
 * Standalone pages (about, now): no date, no feed; `nav_order` puts them in the header. Without a
 * `title` the file name gives one (`now.md` → "Now"); `index.md` is the home page's introduction.
 */
export function createPageSchema<Cover extends z.ZodType>({ cover }: { cover: Cover }) {
  return z
    .looseObject({
      title: z
        .string({ message: "must be text" })
        .trim()
        .min(1, { message: "cannot be empty (leave it out instead)" })
        .optional(),
      description: z.string().trim().min(1).optional(),
      draft: z.boolean({ message: "must be true or false (without quotes)" }).default(false),
      nav_order: z.int({ message: "must be a whole number" }).optional(),
      cover_image: cover.optional(),
      cover_alt: z.string().trim().optional(),
    })
    .superRefine((page, ctx) => reportUnknownFields(page, PAGE_FIELDS, ctx));
}

/** "now" → "Now", "my-uses" → "My uses": the title of a page that sets none. */
export function titleFromSlug(slug: string): string {
  const words = slug.replace(/[-_.]+/g, " ").trim();
  return words.charAt(0).toLocaleUpperCase() + words.slice(1);
}
