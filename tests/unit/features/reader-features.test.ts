import { describe, expect, it } from "vitest";
import { analyticsTag, countsVisits } from "../../../src/lib/analytics/script.ts";
import { giscusAttributes, giscusTheme, themeMessage } from "../../../src/lib/comments/giscus.ts";
import { contentSecurityPolicy, NO_THIRD_PARTIES, thirdPartyOrigins } from "../../../src/lib/deploy/headers.ts";
import { newsletterEndpoint } from "../../../src/lib/newsletter/endpoint.ts";
import { problemWith } from "../../../src/components/newsletter/controller.ts";
import { en } from "../../../src/lib/i18n/en.ts";
import { parseSiteConfig, site } from "../../../src/site.config.ts";

const SITE_URL = "https://blog.example.org";
const giscus = { provider: "giscus", repo: "me/blog", repoId: "R_1", category: "Comments", categoryId: "DIC_1" } as const;

describe("feature settings", () => {
  it("are off by default, except full-size images", () => {
    expect(site.newsletter).toBeUndefined();
    expect(site.comments).toBeUndefined();
    expect(site.analytics).toBeUndefined();
    expect(site.math).toBe(false);
    expect(site.fullSizeImages).toBe(true);
  });

  it.each([
    ["newsletter", { newsletter: { provider: "buttondown" } }, /newsletter/],
    ["newsletter action over http", { newsletter: { action: "http://news.example.com/s" } }, /newsletter.*https:\/\//s],
    ["comments repo", { comments: { ...giscus, repo: "no-slash" } }, /comments\.repo: expected "owner\/name"/],
    ["umami website id", { analytics: { provider: "umami", websiteId: "nope" } }, /analytics/],
    ["math", { math: "yes" }, /math: /],
  ])("fail clearly on a bad %s, naming the setting", (_, override, message) => {
    expect(() => parseSiteConfig({ ...site, ...override })).toThrow(message);
    expect(() => parseSiteConfig({ ...site, ...override })).toThrow(/src\/site\.config\.ts/);
  });

  it("allow a plain-HTTP newsletter endpoint only on this machine, for a stand-in", () => {
    expect(parseSiteConfig({ ...site, newsletter: { action: "http://127.0.0.1:8123/s" } }).newsletter).toEqual({
      action: "http://127.0.0.1:8123/s",
      emailField: "email",
    });
  });
});

describe("newsletter endpoint", () => {
  it("posts to Buttondown's form endpoint for a username", () => {
    expect(newsletterEndpoint({ provider: "buttondown", username: "field-notes" })).toEqual({
      action: "https://buttondown.com/api/emails/embed-subscribe/field-notes",
      emailField: "email",
      hidden: { embed: "1" },
      origin: "https://buttondown.com",
    });
  });

  it("posts to any provider's form action with its own field name", () => {
    expect(newsletterEndpoint({ action: "https://list.example.com/join?x=1", emailField: "EMAIL" })).toEqual({
      action: "https://list.example.com/join?x=1",
      emailField: "EMAIL",
      hidden: {},
      origin: "https://list.example.com",
    });
  });

  it("explains a missing or malformed address in words", () => {
    const validity = (flags: Partial<ValidityState>) => ({
      validity: { valid: false, valueMissing: false, ...flags } as ValidityState,
    });
    expect(problemWith(validity({ valueMissing: true }), en.newsletter)).toBe("Enter your email address.");
    expect(problemWith(validity({ typeMismatch: true }), en.newsletter)).toMatch(/name@example\.com/);
    expect(problemWith(validity({ valid: true }), en.newsletter)).toBeUndefined();
  });
});

describe("giscus", () => {
  it("finds a post's discussion strictly by its path and follows the site's language", () => {
    expect(giscusAttributes(giscus, "en-GB")).toMatchObject({
      "data-repo": "me/blog",
      "data-repo-id": "R_1",
      "data-category": "Comments",
      "data-category-id": "DIC_1",
      "data-mapping": "pathname",
      "data-strict": "1",
      "data-lang": "en",
    });
  });

  it("switches a loaded frame's theme with the site's light and dark", () => {
    expect(giscusTheme("light")).toBe("light");
    expect(themeMessage("dark")).toEqual({ giscus: { setConfig: { theme: "dark_dimmed" } } });
  });
});

describe("analytics", () => {
  it.each([
    [
      { provider: "plausible" } as const,
      "https://plausible.io/js/script.js",
      { "data-domain": "blog.example.org" },
      ["https://plausible.io"],
    ],
    [
      { provider: "umami", websiteId: "4fb7fa4c-5b46-438d-94b3-3a8fb9bc2e8b" } as const,
      "https://cloud.umami.is/script.js",
      { "data-website-id": "4fb7fa4c-5b46-438d-94b3-3a8fb9bc2e8b" },
      ["https://cloud.umami.is"],
    ],
    [
      { provider: "goatcounter", code: "notes" } as const,
      "https://gc.zgo.at/count.js",
      { "data-goatcounter": "https://notes.goatcounter.com/count" },
      ["https://notes.goatcounter.com"],
    ],
    [{ script: "https://stats.example.com/s.js" } as const, "https://stats.example.com/s.js", {}, ["https://stats.example.com"]],
  ])("loads %o as one script reporting to its origin", (settings, src, attributes, connect) => {
    expect(analyticsTag(settings, SITE_URL)).toEqual({ src, attributes, connect });
  });

  it("counts visits on the published site only", () => {
    expect(countsVisits("production")).toBe(true);
    expect(countsVisits("preview")).toBe(false);
    expect(countsVisits("development")).toBe(false);
  });
});

describe("Content-Security-Policy from the settings", () => {
  const hashes = { scripts: [], styles: [] };

  it("opens nothing while every feature is off", () => {
    expect(thirdPartyOrigins(site)).toEqual(NO_THIRD_PARTIES);
    expect(contentSecurityPolicy(hashes, thirdPartyOrigins(site))).toBe(contentSecurityPolicy(hashes));
  });

  it("opens each directive to exactly the origins the features use", () => {
    const policy = contentSecurityPolicy(
      hashes,
      thirdPartyOrigins({
        url: SITE_URL,
        newsletter: { provider: "buttondown", username: "me" },
        comments: giscus,
        analytics: { provider: "goatcounter", code: "notes" },
      }),
    );
    expect(policy.split("; ")).toEqual(
      expect.arrayContaining([
        "script-src 'self' 'wasm-unsafe-eval' https://gc.zgo.at https://giscus.app",
        "connect-src 'self' https://buttondown.com https://notes.goatcounter.com",
        "frame-src 'self' https://giscus.app",
        "form-action 'self' https://buttondown.com",
      ]),
    );
  });
});
