import { z } from "astro/zod";
import { dictionaryFor, LANGUAGES } from "./lib/i18n/index.ts";
import { isLanguageTag, LANGUAGE_TAG_EXPECTED } from "./lib/i18n/locale.ts";
import { PERMALINKS, TRAILING_SLASHES } from "./lib/paths/routes.ts";

const timeZone = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'expected an IANA time zone such as "Europe/Berlin" or "UTC"' },
);

const siteSchema = z.strictObject({
  title: z.string().trim().min(1),
  description: z.string().trim().min(1),
  author: z.strictObject({
    name: z.string().trim().min(1),
    email: z.email().optional(),
    url: z.url().optional(),
  }),
  url: z.url({ protocol: /^https?$/ }).refine((url) => !URL.canParse(url) || !new URL(url).pathname.replace(/\/$/, ""), {
    message: "expected the site's origin only (put a sub-path in `base`)",
  }),
  base: z
    .string()
    .regex(/^\/([\w-]+\/)*$/, { message: 'expected a path that starts and ends with "/", such as "/" or "/blog/"' }),
  permalink: z.enum(PERMALINKS, { message: `expected one of ${PERMALINKS.map((value) => `"${value}"`).join(", ")}` }),
  trailingSlash: z.enum(TRAILING_SLASHES, {
    message: `expected one of ${TRAILING_SLASHES.map((value) => `"${value}"`).join(", ")}`,
  }),
  language: z
    .string()
    .refine(isLanguageTag, { message: LANGUAGE_TAG_EXPECTED, abort: true })
    .refine((tag) => dictionaryFor(tag) !== undefined, {
      message: `expected a language the site has words for: ${LANGUAGES.map((code) => `"${code}"`).join(", ")} (or a regional tag of one, such as "en-GB"); another needs a dictionary in src/lib/i18n/`,
    }),
  timeZone,
  postsOnHome: z.int().min(1).max(100),
  feedItems: z.int().min(1).max(1000),
  /**
   * Old paths kept alive after a migration: exact paths (`"/old-path": "/posts/new/"`) or patterns with
   * `:name` segments and a trailing `*` (`"/blog/:slug": "/:slug/"`, `"/archive/*": "/posts/"`).
   */
  redirects: z.record(z.string().regex(/^\//, { message: 'expected a site path starting with "/"' }), z.string().min(1)),
  /** Old feed addresses (`"/rss"`) that serve the RSS feed itself, since feed readers do not follow a meta refresh. */
  feedAliases: z.array(
    z.string().regex(/^\/[\w.~-]+(\/[\w.~-]+)*$/, {
      message: 'expected a site path such as "/rss" or "/feed.xml", without a trailing "/"',
    }),
  ),
});

export type SiteConfig = z.infer<typeof siteSchema>;

export function parseSiteConfig(input: unknown): SiteConfig {
  const result = siteSchema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  - ${issue.path.join(".") || "(root)"}: ${issue.message}`).join("\n");
    throw new Error(`Invalid site settings in src/site.config.ts:\n${problems}`);
  }
  return result.data;
}

export const site: SiteConfig = parseSiteConfig({
  title: "Field Notes",
  description: "Notes on software, tools and the craft of building things for the web.",
  author: { name: "Ben Borgers", url: "https://benborgers.com" },
  url: process.env["SITE_URL"] ?? "https://example.com",
  base: process.env["SITE_BASE"] ?? "/",
  permalink: process.env["SITE_PERMALINK"] ?? "/posts/:slug/",
  trailingSlash: process.env["SITE_TRAILING_SLASH"] ?? "always",
  language: "en",
  timeZone: "America/New_York",
  postsOnHome: 10,
  feedItems: 50,
  redirects: {},
  feedAliases: [],
});
