import { z } from "astro/zod";
import { dictionaryFor, LANGUAGES } from "./lib/i18n/index.ts";
import { languageTag } from "./lib/i18n/locale.ts";
import { PERMALINKS, TRAILING_SLASHES } from "./lib/paths/routes.ts";
import { suggestField } from "./lib/posts/schema.ts";
import { patternText, shown, text, wholeNumber, wrongValue } from "./lib/schema/wording.ts";

const timeZone = z
  .string({ error: (issue) => wrongValue(issue.input, "write an IANA time zone", 'timeZone: "Europe/Berlin"') })
  .refine(
    (zone) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    },
    {
      error: (issue) =>
        `${shown(issue.input)} is not a time zone; write an IANA time zone such as "Europe/Berlin" or "UTC", like timeZone: "America/New_York"`,
    },
  );

const webAddress = (field: string, example: string) =>
  z.url({
    protocol: /^https?$/,
    error: (issue) =>
      typeof issue.input === "string"
        ? `${shown(issue.input)} is not a web address; write one starting with https://, like ${field}: ${example}`
        : wrongValue(issue.input, "write a web address", `${field}: ${example}`),
  });

const sitePath = patternText(
  { field: "redirects", example: '{ "/old-path": "/posts/new/" }' },
  /^\//,
  'a site path starting with "/"',
);

/** One of a few words, named in the message: `permalink: "/blog/:slug/" is not one of "/posts/:slug/", "/:slug/"`. */
function oneOf<const Values extends readonly [string, ...string[]]>(field: string, values: Values) {
  const listed = values.map((value) => `"${value}"`).join(", ");
  return z.enum(values, {
    error: (issue) =>
      typeof issue.input === "string"
        ? `${shown(issue.input)} is not one of ${listed}; write one of them, like ${field}: ${listed.split(", ")[0]}`
        : wrongValue(issue.input, `write one of ${listed}`, `${field}: ${listed.split(", ")[0]}`),
  });
}

const endpoint = z
  .url({ protocol: /^https?$/ })
  .refine(
    (url) =>
      !URL.canParse(url) || new URL(url).protocol === "https:" || ["127.0.0.1", "localhost"].includes(new URL(url).hostname),
    { message: "expected an https:// address" },
  );
const handle = (what: string) =>
  z.string().regex(/^[\w.-]+$/, { message: `expected ${what}: letters, digits, ".", "-" and "_"` });

const newsletterSchema = z.union([
  z.strictObject({ provider: z.literal("buttondown"), username: handle("your Buttondown username") }),
  z.strictObject({ action: endpoint, emailField: z.string().trim().min(1).default("email") }),
]);

const commentsSchema = z.strictObject({
  provider: z.literal("giscus"),
  repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/, { message: 'expected "owner/name" of a public GitHub repository' }),
  repoId: z.string().trim().min(1),
  category: z.string().trim().min(1),
  categoryId: z.string().trim().min(1),
});

const analyticsSchema = z.union([
  z.strictObject({ provider: z.literal("plausible"), domain: z.string().trim().min(1).optional(), src: endpoint.optional() }),
  z.strictObject({ provider: z.literal("umami"), websiteId: z.uuid(), src: endpoint.optional() }),
  z.strictObject({ provider: z.literal("goatcounter"), code: handle("your GoatCounter code") }),
  z.strictObject({ script: endpoint }),
]);

function unknownSetting(key: string): string {
  const settings = Object.keys(siteSchema.shape);
  const suggestion = suggestField(key, settings);
  return suggestion
    ? `${key}: unknown setting; did you mean "${suggestion}"?`
    : `${key}: unknown setting; known settings are ${settings.join(", ")}`;
}

const redirectTarget = z
  .string({ error: (issue) => wrongValue(issue.input, "write the new address as text", '"/old-path": "/posts/new/"') })
  .min(1, { error: () => wrongValue("", "write the new address", '"/old-path": "/posts/new/"') });

const siteSchema = z.strictObject(
  {
    /** The site's name: in the header, the page titles, feeds and social cards. */
    title: text({ field: "title", example: '"Field Notes"' }),
    /** One sentence about the site, for the home page's meta description, the feeds and the site's social card. */
    description: text({ field: "description", example: '"Notes on software and the web."' }),
    /** Who writes here, for feeds, structured data and the footer. */
    author: z.strictObject(
      {
        /** The author's name as readers see it. */
        name: text({ field: "author.name", example: '"Ada Lovelace"' }),
        /** A contact address for feeds; leave it out to publish none. */
        email: z
          .email({
            error: (issue) =>
              typeof issue.input === "string"
                ? `${shown(issue.input)} is not an email address; write one like author.email: "me@example.com"`
                : wrongValue(issue.input, "write an email address", 'author.email: "me@example.com"'),
          })
          .optional(),
        /** The author's own home page. */
        url: webAddress("author.url", '"https://example.com/about"').optional(),
      },
      { error: (issue) => wrongValue(issue.input, "write a group of fields", 'author: { name: "Ada Lovelace" }') },
    ),
    /** The site's origin (SITE_URL overrides it), for absolute links in feeds, sitemaps and social cards. */
    url: webAddress("url", '"https://example.com"').refine(
      (url) => !URL.canParse(url) || !new URL(url).pathname.replace(/\/$/, ""),
      {
        error: (issue) =>
          `${shown(issue.input)} has a path; write the site's origin only, like url: "${new URL(String(issue.input)).origin}", and put the sub-path in base`,
      },
    ),
    /** The path the site lives under (SITE_BASE overrides it): "/" at the root, "/blog/" below one. */
    base: patternText({ field: "base", example: '"/blog/"' }, /^\/([\w-]+\/)*$/, 'a path that starts and ends with "/"'),
    /** Where posts live (SITE_PERMALINK overrides it): under "/posts/", or at the root beside the pages. */
    permalink: oneOf("permalink", PERMALINKS),
    /** Whether page addresses end in "/" (SITE_TRAILING_SLASH overrides it); "never" builds each page as x.html. */
    trailingSlash: oneOf("trailingSlash", TRAILING_SLASHES),
    /** The BCP 47 language of the writing, for `lang`, feeds and search. */
    language: languageTag({ field: "language", example: '"en-GB"' }).refine((tag) => dictionaryFor(tag) !== undefined, {
      error: (issue) =>
        `${shown(issue.input)} is a language the site has no words for; write one of ${LANGUAGES.map((code) => `"${code}"`).join(", ")} or a regional tag of one, like language: "en-GB", or add a dictionary in src/lib/i18n/`,
    }),
    /** The time zone post dates are written in and shown in; it decides when a scheduled post goes live. */
    timeZone,
    /** How many of the newest posts the home page lists. */
    postsOnHome: wholeNumber({ field: "postsOnHome", example: "10" }, { min: 1, max: 100 }),
    /** How many of the newest posts the feeds carry. */
    feedItems: wholeNumber({ field: "feedItems", example: "50" }, { min: 1, max: 1000 }),
    /**
     * Old addresses kept alive after a migration: exact paths (`"/old-path": "/posts/new/"`) or patterns with
     * `:name` segments and a trailing `*` (`"/blog/:slug": "/:slug/"`, `"/archive/*": "/posts/"`).
     */
    redirects: z.record(sitePath, redirectTarget, {
      error: (issue) =>
        wrongValue(issue.input, "write old paths and their new addresses", 'redirects: { "/old-path": "/posts/new/" }'),
    }),
    /** Old feed addresses (`"/rss"`) that serve the RSS feed itself, since feed readers do not follow a meta refresh. */
    feedAliases: z.array(
      patternText(
        { field: "feedAliases", example: '["/rss"]' },
        /^\/[\w.~-]+(\/[\w.~-]+)*$/,
        'a site path without a trailing "/"',
      ),
      { error: (issue) => wrongValue(issue.input, "write a list of old feed addresses", 'feedAliases: ["/rss"]') },
    ),
    /** A sign-up form after each post and on /subscribe/; posts to the provider, which confirms. */
    newsletter: newsletterSchema.optional(),
    /** `$…$` and `$$…$$` typeset with KaTeX at build time; write `\$` for a dollar sign. */
    math: z.boolean().default(false),
    /** Discussion under each post, loaded from the host only when the reader reaches it. */
    comments: commentsSchema.optional(),
    /** One deferred script on every page of a production build. */
    analytics: analyticsSchema.optional(),
    /** Every image in a post or page links to its full-size file. */
    fullSizeImages: z.boolean().default(true),
  },
  { error: (issue) => (issue.code === "unrecognized_keys" ? issue.keys.map(unknownSetting).join("; ") : undefined) },
);

export type SiteConfig = z.infer<typeof siteSchema>;
export type NewsletterSettings = z.infer<typeof newsletterSchema>;
export type CommentsSettings = z.infer<typeof commentsSchema>;
export type AnalyticsSettings = z.infer<typeof analyticsSchema>;

/** `field: message`; a bad key in `redirects` carries its own message one level down. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const message = issue.code === "invalid_key" ? (issue.issues[0]?.message ?? issue.message) : issue.message;
  return issue.path.length ? `${issue.path.join(".")}: ${message}` : message;
}

export function parseSiteConfig(input: unknown): SiteConfig {
  const result = siteSchema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  - ${describeIssue(issue)}`).join("\n");
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
  math: false,
  fullSizeImages: true,
});
