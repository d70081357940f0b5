import { closest, distance } from "fastest-levenshtein";
import { slug as slugify } from "github-slugger";
import { z } from "zod";
import { parseAuthorDate } from "../dates.ts";

/** Every frontmatter key a post may use, as authors write them. */
export const POST_FIELDS = [
  "title",
  "date",
  "updated",
  "description",
  "draft",
  "unlisted",
  "starred",
  "cover_image",
  "cover_alt",
  "tags",
  "slug",
  "series",
] as const;

export const SLUG_PATTERN = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;

/** Suggests the known field an unknown key was most likely meant to be. */
export function suggestField(key: string, known: readonly string[] = POST_FIELDS): string | undefined {
  const candidate = closest(key.toLowerCase(), [...known]);
  const budget = Math.max(2, Math.floor(candidate.length / 3));
  return distance(key.toLowerCase(), candidate) <= budget ? candidate : undefined;
}

/** A typo in a key must never be ignored: `drafts: true` would publish a draft. */
export function reportUnknownFields(data: object, known: readonly string[], ctx: z.RefinementCtx): void {
  for (const key of Object.keys(data)) {
    if (known.includes(key)) continue;
    const suggestion = suggestField(key, known);
    ctx.addIssue({
      code: "custom",
      path: [key],
      message: suggestion
        ? `unknown field; did you mean "${suggestion}"?`
        : `unknown field; known fields are ${known.join(", ")}`,
    });
  }
}

function authorDate(timeZone: string) {
  return z.union([z.string(), z.date()]).transform((value, ctx) => {
    if (value instanceof Date) {
      if (Number.isNaN(value.getTime())) {
        ctx.addIssue({ code: "custom", message: "is not a valid date" });
        return z.NEVER;
      }
      return value;
    }
    const parsed = parseAuthorDate(value, timeZone);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: parsed.reason });
      return z.NEVER;
    }
    return parsed.date;
  });
}

const tags = z
  .array(z.string().trim().toLowerCase().min(1, { message: "tags cannot be empty strings" }))
  .transform((list) => [...new Set(list)]);

interface PostSchemaOptions<Cover extends z.ZodType> {
  timeZone: string;
  /** Astro's `image()` in the collection, or a stand-in in unit tests. */
  cover: Cover;
}

export function createPostSchema<Cover extends z.ZodType>({ timeZone, cover }: PostSchemaOptions<Cover>) {
  return z
    .looseObject({
      title: z.string({ message: "is required and must be text" }).trim().min(1, { message: "cannot be empty" }),
      date: authorDate(timeZone).optional(),
      updated: authorDate(timeZone).optional(),
      description: z.string().trim().min(1, { message: "cannot be empty (leave it out instead)" }).optional(),
      draft: z.boolean({ message: "must be true or false (without quotes)" }).default(false),
      unlisted: z.boolean({ message: "must be true or false (without quotes)" }).default(false),
      starred: z.boolean({ message: "must be true or false (without quotes)" }).default(false),
      cover_image: cover.optional(),
      cover_alt: z.string().trim().optional(),
      tags: tags.default([]),
      slug: z
        .string()
        .regex(SLUG_PATTERN, { message: 'must be lowercase letters, digits, dots and hyphens, like "my-post"' })
        .optional(),
      /** The series the post is part of, by name; its posts are listed together, oldest first, at /series/<name>/. */
      series: z
        .string({ message: "must be the series' name, as text" })
        .trim()
        .refine((name) => slugify(name) !== "", { message: "must contain letters or digits" })
        .optional(),
    })
    .superRefine((post, ctx) => {
      reportUnknownFields(post, POST_FIELDS, ctx);
      if (!post.date && !post.draft) {
        ctx.addIssue({ code: "custom", path: ["date"], message: "is required unless the post is a draft (draft: true)" });
      }
      if (post.date && post.updated && post.updated < post.date) {
        ctx.addIssue({ code: "custom", path: ["updated"], message: "cannot be before the post's date" });
      }
    });
}

export type PostData = z.output<ReturnType<typeof createPostSchema<z.ZodType<unknown>>>>;
