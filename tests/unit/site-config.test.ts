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
    ["timeZone", { timeZone: "Mars/Olympus" }, /timeZone: expected an IANA time zone/],
    ["url", { url: "not a url" }, /url: /],
    ["url with a path", { url: "https://example.com/blog" }, /url: expected the site's origin only/],
    ["base", { base: "blog" }, /base: expected a path that starts and ends with "\/"/],
    ["language", { language: "English" }, /language: expected a BCP 47 language tag/],
    [
      "language without a dictionary",
      { language: "nl" },
      /language: expected a language the site has words for: "en", "de", "fr", "es" .*src\/lib\/i18n\//,
    ],
    ["postsOnHome", { postsOnHome: 0 }, /postsOnHome: /],
    ["permalink", { permalink: "/:year/:slug/" }, /permalink: expected one of "\/posts\/:slug\/", "\/:slug\/"/],
    ["trailingSlash", { trailingSlash: "ignore" }, /trailingSlash: expected one of "always", "never"/],
    ["feedAliases", { feedAliases: ["rss"] }, /feedAliases\.0: expected a site path such as "\/rss"/],
    ["unknown key", { titel: "x" }, /titel|Unrecognized key/],
  ])("fails clearly on a bad %s", (_, override, message) => {
    expect(() => parseSiteConfig({ ...valid, ...override })).toThrow(message);
    expect(() => parseSiteConfig({ ...valid, ...override })).toThrow(/src\/site\.config\.ts/);
  });
});

describe("build mode", () => {
  it("is development under astro dev, preview with BLOG_PREVIEW=1, production otherwise", () => {
    expect(currentBuildMode(true, {})).toBe("development");
    expect(currentBuildMode(false, { BLOG_PREVIEW: "1" })).toBe("preview");
    expect(currentBuildMode(false, {})).toBe("production");
  });
});
