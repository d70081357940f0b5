import { stringify } from "yaml";
import { normalizeBase } from "../paths/base.ts";
import { type Permalink, postRoute, routePath, type TrailingSlash } from "../paths/routes.ts";
import { isoDateInZone } from "../dates.ts";
import type { ExistingPost } from "./posts-dir.ts";
import { isValidSlug, slugify } from "./slug.ts";

export const DEV_SERVER_ORIGIN = "http://localhost:4321";

export interface NewPostInput {
  title: string;
  /** Overrides the slug derived from the title. */
  slug?: string;
  existing: readonly ExistingPost[];
  now: Date;
  timeZone: string;
  base: string;
  /** Defaults to "/posts/:slug/", as in src/site.config.ts. */
  permalink?: Permalink;
  /** Defaults to "always", as in src/site.config.ts. */
  trailingSlash?: TrailingSlash;
}

export interface NewPostPlan {
  slug: string;
  /** Path below the posts folder. */
  fileName: string;
  content: string;
  devUrl: string;
}

export type NewPostResult = { ok: true; plan: NewPostPlan } | { ok: false; error: string };

/** Titles are one line of readable text; control characters and line breaks would corrupt the YAML. */
export function cleanTitle(title: string): string {
  return title
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Always double-quoted, so titles like `Yes: no`, `#1`, `null` or `"quoted"` stay strings. */
export function yamlString(value: string): string {
  return stringify(value, { defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN", lineWidth: 0 }).trimEnd();
}

export function renderFrontmatter(title: string, date: string): string {
  // The date stays unquoted to match the existing posts, which YAML reads as a date.
  return ["---", `title: ${yamlString(title)}`, `date: ${date}`, "draft: true", "---", "", ""].join("\n");
}

export function planNewPost(input: NewPostInput): NewPostResult {
  const title = cleanTitle(input.title);
  if (title === "") return { ok: false, error: "The title is empty." };

  let slug: string;
  if (input.slug !== undefined) {
    if (!isValidSlug(input.slug)) {
      const suggestion = slugify(input.slug);
      return { ok: false, error: `"${input.slug}" is not a valid slug${suggestion ? `; try "${suggestion}"` : ""}.` };
    }
    slug = input.slug;
  } else {
    slug = slugify(title);
    if (slug === "") return { ok: false, error: `Cannot make a slug from "${title}"; pass one with --slug.` };
  }

  const clash = input.existing.find((post) => post.fileSlug === slug || post.slug === slug);
  if (clash) {
    const how = clash.fileSlug === slug ? "already exists" : `already uses slug "${slug}"`;
    return { ok: false, error: `A post with slug "${slug}" ${how}: ${clash.path}` };
  }

  return {
    ok: true,
    plan: {
      slug,
      fileName: `${slug}.md`,
      // Today where the site's author lives, not where the machine happens to be.
      content: renderFrontmatter(title, isoDateInZone(input.now, input.timeZone)),
      devUrl: `${DEV_SERVER_ORIGIN}${routePath(postRoute(slug, input.permalink ?? "/posts/:slug/"), {
        base: normalizeBase(input.base),
        trailingSlash: input.trailingSlash ?? "always",
      })}`,
    },
  };
}
