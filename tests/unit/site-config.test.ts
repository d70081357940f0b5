import { describe, expect, it } from "vitest";
import { parseSiteConfig, site } from "../../src/site.config.ts";
import { currentBuildMode } from "../../src/lib/build-mode.ts";

const valid = {
  title: "T",
  description: "D",
  author: { name: "A" },
  url: "https://example.com",
  base: "/",
  language: "en",
  timeZone: "Europe/Berlin",
  postsOnHome: 10,
  feedItems: 50,
  permalink: "/posts/:slug/",
  trailingSlash: "always",
  redirects: {},
  feedAliases: [],
};

describe("site settings", () => {
  it("validates the repository's own settings", () => {
    expect(site.title.length).toBeGreaterThan(0);
  });

  it("accepts a regional tag of a language it has words for", () => {
    expect(parseSiteConfig({ ...valid, language: "en-GB" }).language).toBe("en-GB");
  });

  it("accepts a sub-path base", () => {
    expect(parseSiteConfig({ ...valid, base: "/blog/" }).base).toBe("/blog/");
  });

  it.each([
    [
      "timeZone",
      { timeZone: "Mars/Olympus" },
      'timeZone: "Mars/Olympus" is not a time zone; write an IANA time zone such as "Europe/Berlin" or "UTC", like timeZone: "America/New_York"',
    ],
    ["timeZone as a number", { timeZone: 1 }, 'timeZone: 1 is a number; write an IANA time zone, like timeZone: "Europe/Berlin"'],
    [
      "url",
      { url: "not a url" },
      'url: "not a url" is not a web address; write one starting with https://, like url: "https://example.com"',
    ],
    [
      "url as a list",
      { url: ["https://example.com"] },
      'url: ["https://example.com"] is a list; write a web address, like url: "https://example.com"',
    ],
    [
      "url with a path",
      { url: "https://example.com/blog" },
      'url: "https://example.com/blog" has a path; write the site\'s origin only, like url: "https://example.com", and put the sub-path in base',
    ],
    ["base", { base: "blog" }, 'base: "blog" is not a path that starts and ends with "/"; write one like base: "/blog/"'],
    ["language", { language: "English" }, 'language: "English" is not a BCP 47 language tag; write one like language: "en-GB"'],
    [
      "language without a dictionary",
      { language: "nl" },
      'language: "nl" is a language the site has no words for; write one of "en", "de", "fr", "es", "ar" or a regional tag of one, like language: "en-GB", or add a dictionary in src/lib/i18n/',
    ],
    ["title", { title: 3 }, 'title: 3 is a number; write text (in quotes, since it looks like a number), like title: "3"'],
    [
      "description",
      { description: ["x"] },
      'description: ["x"] is a list; write text, like description: "Notes on software and the web."',
    ],
    ["author", { author: "Ada" }, 'author: "Ada" is text; write a group of fields, like author: { name: "Ada Lovelace" }'],
    ["author.name", { author: { name: "" } }, 'author.name: is empty; write text, like author.name: "Ada Lovelace"'],
    [
      "author.email",
      { author: { name: "A", email: "ada" } },
      'author.email: "ada" is not an email address; write one like author.email: "me@example.com"',
    ],
    [
      "postsOnHome",
      { postsOnHome: 0 },
      "postsOnHome: 0 is out of range; write a whole number from 1 to 100, like postsOnHome: 10",
    ],
    [
      "postsOnHome as text",
      { postsOnHome: "10" },
      'postsOnHome: "10" is text; write a whole number from 1 to 100 without quotes, like postsOnHome: 10',
    ],
    [
      "feedItems",
      { feedItems: 2.5 },
      "feedItems: 2.5 is not a whole number; write a whole number from 1 to 1000 without quotes, like feedItems: 50",
    ],
    [
      "redirects",
      { redirects: ["/a"] },
      'redirects: ["/a"] is a list; write old paths and their new addresses, like redirects: { "/old-path": "/posts/new/" }',
    ],
    [
      "redirect source",
      { redirects: { old: "/new/" } },
      'redirects.old: "old" is not a site path starting with "/"; write one like redirects: { "/old-path": "/posts/new/" }',
    ],
    [
      "redirect target",
      { redirects: { "/old": 3 } },
      'redirects./old: 3 is a number; write the new address as text, like "/old-path": "/posts/new/"',
    ],
    [
      "permalink",
      { permalink: "/:year/:slug/" },
      'permalink: "/:year/:slug/" is not one of "/posts/:slug/", "/:slug/"; write one of them, like permalink: "/posts/:slug/"',
    ],
    [
      "trailingSlash",
      { trailingSlash: "ignore" },
      'trailingSlash: "ignore" is not one of "always", "never"; write one of them, like trailingSlash: "always"',
    ],
    [
      "feedAliases",
      { feedAliases: ["rss"] },
      'feedAliases.0: "rss" is not a site path without a trailing "/"; write one like feedAliases: ["/rss"]',
    ],
    ["unknown key", { titel: "x" }, 'titel: unknown setting; did you mean "title"?'],
  ])("fails clearly on a bad %s", (_, override, message) => {
    expect(() => parseSiteConfig({ ...valid, ...override })).toThrow(
      `Invalid site settings in src/site.config.ts:\n  - ${message}`,
    );
  });
});

describe("build mode", () => {
  it("is development under astro dev, preview with BLOG_PREVIEW=1, production otherwise", () => {
    expect(currentBuildMode(true, {})).toBe("development");
    expect(currentBuildMode(false, { BLOG_PREVIEW: "1" })).toBe("preview");
    expect(currentBuildMode(false, {})).toBe("production");
  });
});
