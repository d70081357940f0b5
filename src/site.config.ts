import { z } from "zod";

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

// A provider's endpoint is public HTTPS; plain HTTP only on this machine, for a stand-in while testing.
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
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: 'expected a BCP 47 language tag such as "en" or "en-GB"' }),
  timeZone,
  postsOnHome: z.int().min(1).max(100),
  feedItems: z.int().min(1).max(1000),
  /** Old paths kept alive after a migration: `"/old-path": "/posts/new/"`. */
  redirects: z.record(z.string().regex(/^\//, { message: 'expected a site path starting with "/"' }), z.string().min(1)),
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
});

export type SiteConfig = z.infer<typeof siteSchema>;
export type NewsletterSettings = z.infer<typeof newsletterSchema>;
export type CommentsSettings = z.infer<typeof commentsSchema>;
export type AnalyticsSettings = z.infer<typeof analyticsSchema>;

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
  language: "en",
  timeZone: "America/New_York",
  postsOnHome: 10,
  feedItems: 50,
  redirects: {
    "/markdown-tour": "/posts/example-markdown-tour/",
  },
  math: false,
  fullSizeImages: true,
});
