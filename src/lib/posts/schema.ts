import { closest, distance } from "fastest-levenshtein";
import { z } from "astro/zod";
import { parseAuthorDate } from "../dates.ts";
import { isLanguageTag, LANGUAGE_TAG_EXPECTED } from "../i18n/locale.ts";
import { slugProblem } from "../paths/slugs.ts";

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
  "lang",
] as const;

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
        .string({ message: 'must be text, like "my-post"' })
        .trim()
        .superRefine((slug, ctx) => {
          const problem = slugProblem(slug);
          if (problem) ctx.addIssue({ code: "custom", message: problem });
        })
        .optional(),
      /** The post's own language when it is not the site's (`de`, `pt-BR`): its page, feed item and search entry say so. */
      lang: z
        .string({ message: `must be text, ${LANGUAGE_TAG_EXPECTED.replace("expected ", "")}` })
        .trim()
        .refine(isLanguageTag, {
          message: LANGUAGE_TAG_EXPECTED,
        })
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
