import { z } from "astro/zod";
import { reportUnknownFields } from "../posts/schema.ts";

export const PAGE_FIELDS = ["title", "description", "draft", "nav_order"] as const;

/** Standalone pages (about, now): no date, no feed; `nav_order` puts them in the header. */
export const pageSchema = z
  .looseObject({
    title: z.string({ message: "is required and must be text" }).trim().min(1, { message: "cannot be empty" }),
    description: z.string().trim().min(1).optional(),
    draft: z.boolean({ message: "must be true or false (without quotes)" }).default(false),
    nav_order: z.int({ message: "must be a whole number" }).optional(),
  })
  .superRefine((page, ctx) => reportUnknownFields(page, PAGE_FIELDS, ctx));
