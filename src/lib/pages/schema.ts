import { z } from "zod";
import { reportUnknownFields } from "../posts/schema.ts";
import { flag, text, wholeNumber } from "../schema/wording.ts";

export const PAGE_FIELDS = ["title", "description", "draft", "nav_order"] as const;

/** Standalone pages (about, now): no date, no feed; `nav_order` puts them in the header. */
export const pageSchema = z
  .looseObject({
    /** The page's heading and its name in the header navigation. */
    title: z.string({ message: "is required and must be text" }).trim().min(1, { message: "cannot be empty" }),
    /** One or two sentences for search results and the meta description. */
    description: text({ field: "description", example: "Who writes here, and why." }, { optional: true }).optional(),
    /** `true` keeps the page out of production builds; dev and preview builds show it. */
    draft: flag("draft").default(false),
    /** Position in the header navigation, smallest first; pages without it stay out of the header. */
    nav_order: wholeNumber({ field: "nav_order", example: "2" }).optional(),
  })
  .superRefine((page, ctx) => reportUnknownFields(page, PAGE_FIELDS, ctx));
