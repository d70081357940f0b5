import { closest, distance } from "fastest-levenshtein";
import { slug as slugify } from "github-slugger";
import { z } from "astro/zod";
import { parseAuthorDate } from "../dates.ts";
import { memoize } from "../memoize.ts";
import { languageTag } from "../i18n/locale.ts";
import { slugProblem } from "../paths/slugs.ts";
import { flag, kindOf, shown, text, wrongValue } from "../schema/wording.ts";

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

const DATE_EXAMPLE = "2026-03-14";

/** Dates stay the text the author wrote (see readFrontmatter), read in the site's time zone. */
function authorDate(field: string, timeZone: string) {
  return z.unknown().transform((value, ctx) => {
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value;
    if (typeof value !== "string") {
      ctx.addIssue({ code: "custom", message: wrongValue(value, "write a date", `${field}: ${DATE_EXAMPLE}`) });
      return z.NEVER;
    }
    const parsed = parseAuthorDate(value.trim(), timeZone);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: parsed.reason });
      return z.NEVER;
    }
    return parsed.date;
  });
}

const TAGS_EXAMPLE = "tags: [ai, tools]";

/**
 * A list of tags, lowercased and without repeats. `tags: ai` plainly means a one-tag list and is
 * taken as one; `tags: ai, tools` is one piece of text with a comma, which no tag has.
 */
const tags = z.unknown().transform((value, ctx): string[] => {
  const fail = (message: string) => {
    ctx.addIssue({ code: "custom", message });
    return z.NEVER;
  };
  if (typeof value === "string" && value.includes(",")) {
    return fail(
      `${shown(value)} is one piece of text; write a list, like tags: [${value
        .split(",")
        .map((tag) => tag.trim())
        .filter(Boolean)
        .join(", ")}]`,
    );
  }
  const list = typeof value === "string" ? [value] : value;
  if (!Array.isArray(list)) return fail(wrongValue(value, "write a list", TAGS_EXAMPLE));
  const cleaned: string[] = [];
  for (const [index, tag] of list.entries()) {
    if (typeof tag !== "string") {
      const what = tag === null ? "is empty" : `(${shown(tag)}) is ${kindOf(tag)}`;
      return fail(`item ${index + 1} ${what}; write each tag as text, like ${TAGS_EXAMPLE}`);
    }
    if (!tag.trim()) return fail(`item ${index + 1} is empty; remove it, or write a tag, like ${TAGS_EXAMPLE}`);
    cleaned.push(tag.trim().toLowerCase());
  }
  return [...new Set(cleaned)];
});

interface PostSchemaOptions<Cover extends z.ZodType> {
  timeZone: string;
  /** Astro's `image()` in the collection, or a stand-in in unit tests. */
  cover: Cover;
}

/**
 * Astro asks for a post's schema once per post, since its `image()` knows the post's folder; only the
 * cover depends on it. The other fields are built once per time zone: building them again for each post
 * was 0.27 ms of the 0.28 ms a post's frontmatter took to check.
 */
const fieldsFor = memoize((timeZone: string) => {
  const leading = {
    /** The post's headline, shown on its page, in lists, feeds and the social card. */
    title: text({ field: "title", example: "My first post" }),
    /** Publication day (`2026-03-14`) or moment (`2026-03-14T09:30:00Z`), in the site's time zone; a future date schedules the post. */
    date: authorDate("date", timeZone).optional(),
    /** When the post last changed meaningfully; shown beside the date and sent to feeds and the sitemap. */
    updated: authorDate("updated", timeZone).optional(),
    /** One or two sentences for lists, feeds, search results and the meta description. */
    description: text(
      { field: "description", example: "What this post is about, in a sentence." },
      { optional: true },
    ).optional(),
    /** `true` keeps the post out of production builds; dev and preview builds show it. */
    draft: flag("draft").default(false),
    /** `true` publishes the post at its URL but lists it nowhere and marks it noindex. */
    unlisted: flag("unlisted").default(false),
    /** `true` highlights the post with a star wherever posts are listed. */
    starred: flag("starred").default(false),
  };
  const trailing = {
    /** Describes the cover for readers who cannot see it; leave it empty for a decorative cover. */
    cover_alt: z
      .string({ error: (issue) => wrongValue(issue.input, "write text", "cover_alt: A red bicycle against a wall") })
      .trim()
      .optional(),
    /** Topics, as a list (`[ai, tools]`) or one word; each gets a page listing its posts. */
    tags: tags.default([]),
    /** The post's URL name, in place of the one its file name gives. */
    slug: z
      .string({ error: (issue) => wrongValue(issue.input, "write the URL name as text", "slug: my-post") })
      .trim()
      .superRefine((slug, ctx) => {
        const problem = slugProblem(slug);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      })
      .optional(),
    /** The series the post is part of, by name; its posts are listed together, oldest first, at /series/<name>/. */
    series: z
      .string({ message: "must be the series' name, as text" })
      .trim()
      .refine((name) => slugify(name) !== "", { message: "must contain letters or digits" })
      .optional(),
    /** The post's own language when it is not the site's (`de`, `pt-BR`): its page, feed item and search entry say so. */
    lang: languageTag({ field: "lang", example: "de" }).optional(),
  };
  return { leading, trailing };
});

interface CheckedPost {
  date?: Date | undefined;
  updated?: Date | undefined;
  draft: boolean;
}

function checkPost(post: CheckedPost & object, ctx: z.RefinementCtx, timeZone: string): void {
  reportUnknownFields(post, POST_FIELDS, ctx);
  if (!post.date && !post.draft) {
    ctx.addIssue({
      code: "custom",
      path: ["date"],
      message: `is missing; it is required unless the post is a draft (draft: true), like date: ${DATE_EXAMPLE}`,
    });
  }
  if (post.date && post.updated && post.updated < post.date) {
    const day = (date: Date) => date.toLocaleDateString("en-CA", { timeZone });
    ctx.addIssue({
      code: "custom",
      path: ["updated"],
      message: `${day(post.updated)} is before the post's date (${day(post.date)}); write that day or a later one, like updated: ${day(post.date)}`,
    });
  }
}

export function createPostSchema<Cover extends z.ZodType>({ timeZone, cover }: PostSchemaOptions<Cover>) {
  const fields = fieldsFor(timeZone);
  return z
    .looseObject({
      ...fields.leading,
      /** An image beside the post (`./cover.png`) or under public/ (`/images/cover.png`); never remote. */
      cover_image: cover.optional(),
      ...fields.trailing,
    })
    .superRefine((post, ctx) => checkPost(post, ctx, timeZone));
}

export type PostData = z.output<ReturnType<typeof createPostSchema<z.ZodType<unknown>>>>;
