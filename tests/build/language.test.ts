import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { readPage } from "../support/html.ts";
import { createProject, runAstro, setSiteSettings } from "../support/project.ts";

// 1,150 words: five minutes at the reading speed the site assumes.
const longBody = Array.from({ length: 23 }, (_, index) => `## Part ${index + 1}\n\n${"word ".repeat(48)}\n`).join("\n");

const posts = {
  "long.md": `---\ntitle: Long read\ndate: 2026-02-14\nupdated: 2026-03-02\ndescription: A post long enough to take five minutes.\ntags: [notes]\nseries: Notes\n---\n${longBody}`,
  "short.md": `---\ntitle: Short read\ndate: 2026-01-10\ndescription: A post of one minute.\ntags: [notes]\nseries: Notes\n---\nA few words.[^1]\n\n![](/favicon.svg)\n\n- [x] written\n- [ ] read\n\n[^1]: A footnote.\n`,
  "chart.mdx": `---\ntitle: A chart\ndate: 2026-01-01\ndescription: A post with a chart.\n---\n<BarChart data={[{ city: "Berlin", visits: 1500.5 }, { city: "Lyon", visits: 900 }]} title="Visits" x="city" y="visits" />\n`,
  "elsewhere.md": `---\ntitle: Ein Beitrag auf Portugiesisch\ndate: 2026-01-05\ndescription: Written in another language than the site.\nlang: pt-BR\n---\nUma postagem escrita em português.\n`,
};

interface Fragment {
  url: string;
  meta: Record<string, string>;
}

/** The pages of the built Pagefind index by fragment file name: gzipped JSON behind Pagefind's signature. */
function fragments(dist: string): Map<string, Fragment> {
  const dir = join(dist, "pagefind/fragment");
  return new Map(
    readdirSync(dir).map((name) => {
      const data = gunzipSync(readFileSync(join(dir, name)));
      expect(data.subarray(0, 12).toString()).toBe("pagefind_dcd");
      return [name, JSON.parse(data.subarray(12).toString("utf8")) as Fragment];
    }),
  );
}

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
  ogLocale: string;
  seriesPosition: string;
  seriesCount: string;
  seriesParts: string;
  emailLabel: string;
  emailMissing: string;
  fullSize: string;
  redirecting: string;
  chartDescription: string;
  footnotes: string;
  backToReference: string;
  sectionLink: string;
  taskLabels: string[];
}

const LANGUAGES: Expected[] = [
  {
    language: "en",
    footnotes: "Footnotes",
    backToReference: "Back to reference 1",
    sectionLink: "Link to section: Part 1",
    taskLabels: ["Done", "Not done"],
    chartDescription: "Bar chart with vertical bars. city: 2 categories, Berlin and Lyon. visits: from 900 to 1,500.5.",
    seriesPosition: "Part 1 of 2",
    seriesCount: "A series in 2 parts, in reading order.",
    seriesParts: "2 parts, starting with Short read",
    emailLabel: "Email address",
    emailMissing: "Enter your email address.",
    fullSize: "Open the image at full size",
    redirecting: "Redirecting to /posts/short/",
    ogLocale: "en_US",
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
    footnotes: "Fußnoten",
    backToReference: "Zurück zur Fußnotenstelle 1",
    sectionLink: "Link zum Abschnitt: Part 1",
    taskLabels: ["Erledigt", "Offen"],
    chartDescription: "Balkendiagramm mit senkrechten Balken. city: 2 Kategorien, Berlin und Lyon. visits: von 900 bis 1.500,5.",
    seriesPosition: "Teil 1 von 2",
    seriesCount: "Eine Reihe, 2 Teile, in Lesereihenfolge.",
    seriesParts: "2 Teile, beginnend mit Short read",
    emailLabel: "E-Mail-Adresse",
    emailMissing: "Geben Sie Ihre E-Mail-Adresse ein.",
    fullSize: "Das Bild in voller Größe öffnen",
    redirecting: "Weiterleitung zu /posts/short/",
    ogLocale: "de_DE",
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
    footnotes: "Notes",
    backToReference: "Retour à l’appel de note 1",
    sectionLink: "Lien vers la section : Part 1",
    taskLabels: ["Fait", "À faire"],
    chartDescription: "Graphique à barres verticales. city : 2 catégories, Berlin et Lyon. visits : de 900 à 1\u202f500,5.",
    seriesPosition: "Partie 1 sur 2",
    seriesCount: "Une série en 2 parties, dans l’ordre de lecture.",
    seriesParts: "2 parties, à commencer par Short read",
    emailLabel: "Adresse e-mail",
    emailMissing: "Saisissez votre adresse e-mail.",
    fullSize: "Ouvrir l’image en taille réelle",
    redirecting: "Redirection vers /posts/short/",
    ogLocale: "fr_FR",
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
    footnotes: "Notas",
    backToReference: "Volver a la referencia 1",
    sectionLink: "Enlace a la sección: Part 1",
    taskLabels: ["Hecho", "Pendiente"],
    chartDescription: "Gráfico de barras verticales. city: 2 categorías, Berlin y Lyon. visits: de 900 a 1500,5.",
    seriesPosition: "Parte 1 de 2",
    seriesCount: "Una serie en 2 partes, en orden de lectura.",
    seriesParts: "2 partes, empezando por Short read",
    emailLabel: "Correo electrónico",
    emailMissing: "Escribe tu correo electrónico.",
    fullSize: "Abrir la imagen a tamaño completo",
    redirecting: "Redirigiendo a /posts/short/",
    ogLocale: "es_ES",
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
  setSiteSettings(dir, {
    language: expected.language,
    newsletter: { provider: "buttondown", username: "example" },
    redirects: { "/old-short": "/posts/short/" },
  });
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
    expect(text(page("tags/").querySelector(".count [aria-hidden=true]"))).toBe("2");
  });

  it("speaks its language on the 404 and search pages", () => {
    expect(text(readPage(dist, "404.html").document.querySelector("h1"))).toBe(expected.notFound);
    expect(text(page("search/").querySelector("label[for=search-query]"))).toBe(expected.searchLabel);
  });

  it("speaks its language in the series box and on the series pages", () => {
    expect(text(page("posts/short/").querySelector(".series-position"))).toBe(expected.seriesPosition);
    expect(text(page("series/notes/").querySelector(".count"))).toBe(expected.seriesCount);
    expect(text(page("series/").querySelector(".parts"))).toBe(expected.seriesParts);
  });

  it("speaks its language in the sign-up form, to its script too", () => {
    const form = page("posts/short/").querySelector("[data-newsletter]");
    expect(text(form?.querySelector("label"))).toBe(expected.emailLabel);
    expect(JSON.parse(form?.getAttribute("data-newsletter") ?? "{}").missing).toBe(expected.emailMissing);
  });

  it("names a decorative image's full-size link and a redirect page in its language", () => {
    const links = page("posts/short/").querySelectorAll(".prose a.image-link");
    expect(links).toHaveLength(1);
    expect(links[0]?.getAttribute("aria-label")).toBe(expected.fullSize);
    const redirect = readPage(dist, "old-short/").document;
    expect(text(redirect.querySelector("title"))).toBe(expected.redirecting);
    expect(text(redirect.querySelector("body a"))).toBe(expected.redirecting);
  });

  it("names footnotes, section links and task checkboxes inside posts in its language", () => {
    const short = page("posts/short/");
    expect(text(short.querySelector(".footnotes h2"))).toBe(expected.footnotes);
    const backLinks = short.querySelectorAll("[data-footnote-backref]");
    expect(backLinks).toHaveLength(1);
    expect(backLinks[0]?.getAttribute("aria-label")).toBe(expected.backToReference);
    const boxes = [...short.querySelectorAll(".prose input[type=checkbox]")];
    expect(boxes.map((box) => box.getAttribute("aria-label"))).toEqual(expected.taskLabels);
    expect(page("posts/long/").querySelector(".heading-anchor")?.getAttribute("aria-label")).toBe(expected.sectionLink);
  });

  it("describes a chart in its language, with its numbers", () => {
    const descriptions = page("posts/chart/").querySelectorAll("figure.chart svg desc");
    // The chart's two drawings, one for phones and one for wide screens, share the description.
    expect(descriptions).toHaveLength(2);
    for (const desc of descriptions) expect(desc.textContent).toBe(expected.chartDescription);
  });

  it("names its language to social cards, feeds and search", () => {
    expect(page("").querySelector('meta[property="og:locale"]')?.getAttribute("content")).toBe(expected.ogLocale);
    expect(readFileSync(join(dist, "rss.xml"), "utf8")).toContain(`<language>${expected.language}</language>`);
    expect(JSON.parse(readFileSync(join(dist, "feed.json"), "utf8")).language).toBe(expected.language);
    const names = [...fragments(dist).keys()];
    expect(names).toHaveLength(4);
    for (const name of names) expect(name).toMatch(new RegExp(`^${expected.language}_[\\w-]+\\.pf_fragment$`));
  });

  it("marks a post written in another language on its page, feed item and search entry", () => {
    const post = page("posts/elsewhere/");
    // The site's own words around it stay in the site's language.
    expect(post.documentElement.getAttribute("lang")).toBe(expected.language);
    expect(post.querySelector("article h1")?.getAttribute("lang")).toBe("pt-BR");
    expect(post.querySelector("article .prose")?.getAttribute("lang")).toBe("pt-BR");
    expect(page("posts/long/").querySelectorAll("[lang]")).toHaveLength(1);

    const rss = readFileSync(join(dist, "rss.xml"), "utf8");
    const items = rss.split("<item>").slice(1);
    expect(items).toHaveLength(4);
    expect(items.filter((item) => item.includes("<dc:language>pt-BR</dc:language>"))).toHaveLength(1);
    expect(items.find((item) => item.includes("/posts/elsewhere/"))).toContain("<dc:language>pt-BR</dc:language>");

    const feed = JSON.parse(readFileSync(join(dist, "feed.json"), "utf8")) as { items: { url: string; language?: string }[] };
    expect(feed.items.map((item) => [new URL(item.url).pathname, item.language])).toEqual([
      ["/posts/long/", undefined],
      ["/posts/short/", undefined],
      ["/posts/elsewhere/", "pt-BR"],
      ["/posts/chart/", undefined],
    ]);

    const indexed = [...fragments(dist).values()].find((fragment) => fragment.url === "/posts/elsewhere/");
    expect(indexed?.meta["lang"]).toBe("pt-BR");
  });
});
