import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readPage } from "../support/html.ts";
import { createProject, runAstro, setSiteSettings } from "../support/project.ts";

// 1,150 words: five minutes at the reading speed the site assumes.
const longBody = Array.from({ length: 23 }, (_, index) => `## Part ${index + 1}\n\n${"word ".repeat(48)}\n`).join("\n");

const posts = {
  "long.md": `---\ntitle: Long read\ndate: 2026-02-14\nupdated: 2026-03-02\ndescription: A post long enough to take five minutes.\ntags: [notes]\n---\n${longBody}`,
  "short.md": `---\ntitle: Short read\ndate: 2026-01-10\ndescription: A post of one minute.\ntags: [notes]\n---\nA few words.\n`,
};

interface Expected {
  language: string;
  writing: string;
  skipLink: string;
  contents: string;
  fiveMinutes: string;
  oneMinute: string;
  date: string;
  updated: string;
  twoPosts: string;
  notFound: string;
  searchLabel: string;
}

const LANGUAGES: Expected[] = [
  {
    language: "en",
    writing: "Writing",
    skipLink: "Skip to content",
    contents: "Contents",
    fiveMinutes: "5 min read",
    oneMinute: "1 min read",
    date: "February 14, 2026",
    updated: "Updated March 2, 2026",
    twoPosts: "2 posts",
    notFound: "This page isn’t here",
    searchLabel: "Search posts",
  },
  {
    language: "de",
    writing: "Beiträge",
    skipLink: "Zum Inhalt springen",
    contents: "Inhalt",
    fiveMinutes: "5 Minuten Lesezeit",
    oneMinute: "1 Minute Lesezeit",
    date: "14. Februar 2026",
    updated: "Aktualisiert am 2. März 2026",
    twoPosts: "2 Beiträge",
    notFound: "Diese Seite gibt es hier nicht",
    searchLabel: "Beiträge durchsuchen",
  },
  {
    language: "fr",
    writing: "Articles",
    skipLink: "Aller au contenu",
    contents: "Sommaire",
    fiveMinutes: "5 min de lecture",
    oneMinute: "1 min de lecture",
    date: "14 février 2026",
    updated: "Mis à jour le 2 mars 2026",
    twoPosts: "2 articles",
    notFound: "Cette page n’est pas ici",
    searchLabel: "Rechercher des articles",
  },
  {
    language: "es",
    writing: "Artículos",
    skipLink: "Saltar al contenido",
    contents: "Contenido",
    fiveMinutes: "5 min de lectura",
    oneMinute: "1 min de lectura",
    date: "14 de febrero de 2026",
    updated: "Actualizado el 2 de marzo de 2026",
    twoPosts: "2 artículos",
    notFound: "Esta página no está aquí",
    searchLabel: "Buscar artículos",
  },
];

const text = (node: { textContent: string | null } | null | undefined) => node?.textContent?.replace(/\s+/g, " ").trim();

describe.each(LANGUAGES)("a site in $language", (expected) => {
  const dir = createProject(`language-${expected.language}`, posts);
  setSiteSettings(dir, { language: expected.language });
  const dist = join(dir, "dist");
  const page = (path: string) => readPage(dist, path).document;

  beforeAll(async () => {
    const result = await runAstro(dir, ["build"]);
    if (result.code !== 0) throw new Error(`The ${expected.language} site did not build:\n${result.output}`);
  });

  it("labels the header, the skip link and the contents in its language", () => {
    const post = page("posts/long/");
    expect(post.documentElement.getAttribute("lang")).toBe(expected.language);
    expect(text(post.querySelector(".skip-link"))).toBe(expected.skipLink);
    expect(text(post.querySelector(".site-header nav a"))).toBe(expected.writing);
    expect(text(post.querySelector(".toc summary"))).toBe(expected.contents);
  });

  it("writes dates and reading times in its language", () => {
    const meta = page("posts/long/").querySelector(".post-header .meta");
    const spans = [...(meta?.querySelectorAll(":scope > span") ?? [])].map(text);
    expect(spans).toHaveLength(2);
    expect(text(meta?.querySelector(":scope > time"))).toBe(expected.date);
    expect(spans[0]).toBe(expected.updated);
    expect(spans[1]).toBe(expected.fiveMinutes);
    expect(text(page("posts/short/").querySelectorAll(".post-header .meta > span")[0])).toBe(expected.oneMinute);
  });

  it("counts posts with the language's plural", () => {
    expect(text(page("tags/notes/").querySelector(".count"))).toBe(expected.twoPosts);
    expect(text(page("tags/").querySelector(".count .visually-hidden"))).toBe(expected.twoPosts);
  });

  it("speaks its language on the 404 and search pages", () => {
    expect(text(readPage(dist, "404.html").document.querySelector("h1"))).toBe(expected.notFound);
    expect(text(page("search/").querySelector("label[for=search-query]"))).toBe(expected.searchLabel);
  });
});
