// @ts-check
import { fileURLToPath } from "node:url";
import mdx from "@astrojs/mdx";
import { satteri } from "@astrojs/markdown-satteri";
import sitemap from "@astrojs/sitemap";
import { defineConfig } from "astro/config";
import { codeBlockPlugin, codeTransformers } from "./src/lib/markdown/code/index.ts";
import { figures } from "./src/lib/markdown/figures.ts";
import { fullSizeLinks } from "./src/lib/markdown/full-size.ts";
import { translatorFor } from "./src/lib/i18n/index.ts";
import { headingAnchors } from "./src/lib/markdown/heading-anchors.ts";
import { bodyImages } from "./src/lib/markdown/images.ts";
import { BODY_IMAGE_WIDTHS } from "./src/lib/images/body-widths.ts";
import { rawMedia } from "./src/lib/markdown/raw-media-plugin.ts";
import { mathPlugin } from "./src/lib/markdown/math.ts";
import { siteLinks } from "./src/lib/markdown/site-links.ts";
import { taskListLabels } from "./src/lib/markdown/task-lists.ts";
import { chartImages } from "./src/integrations/chart-images.ts";
import { contentStore } from "./src/integrations/content-store.ts";
import { socialCards } from "./src/integrations/social-cards.ts";
import { pagefindSearch } from "./src/integrations/pagefind.ts";
import { oldAddresses } from "./src/integrations/redirects.ts";
import { routeTest, scanContentRoutes } from "./src/lib/paths/content-routes.ts";
import { absoluteUrl, currentPath } from "./src/lib/paths/site.ts";
import { unpublishedFiles } from "./src/integrations/unpublished-files.ts";
import { csvPlugin } from "./src/lib/charts/vite-plugin-csv.ts";
import { featureModules } from "./src/lib/features/vite-plugin.ts";
import { builtPageFacts } from "./src/lib/seo/sitemap.ts";
import { site } from "./src/site.config.ts";

const root = fileURLToPath(new URL(".", import.meta.url));
const preview = process.env.BLOG_PREVIEW === "1";
// BLOG_OUT_DIR lets the build script build aside and swap, so a failed build never replaces a good dist/.
const outDir = process.env.BLOG_OUT_DIR ?? (preview ? "./dist-preview" : "./dist");
const pageFacts = builtPageFacts(fileURLToPath(new URL(outDir, import.meta.url)), site.base, site.trailingSlash);
// Markdown links and the dev server's redirects run before the collections exist, so they know the routes from the files.
const isRoute = routeTest(scanContentRoutes(fileURLToPath(new URL("./src/content", import.meta.url)), site.permalink));
/** The site's own words inside posts: footnotes, section links, task checkboxes, full-size links. */
const siteWords = translatorFor(site.language);
const siteLinkOptions = { base: site.base, trailingSlash: site.trailingSlash, redirects: site.redirects, isRoute };

export default defineConfig({
  site: site.url,
  base: site.base,
  trailingSlash: site.trailingSlash,
  // Without trailing slashes a page is `x.html`, which every static host serves at `/x`.
  build: {
    format: site.trailingSlash === "never" ? "file" : "directory",
    // Two render-blocking stylesheets cost a mobile reader's first paint more than ~5 KB of CSS (gzipped) in each page.
    inlineStylesheets: "always",
  },
  // A preview build contains drafts; it must never land where deploys come from.
  outDir,
  prerenderConflictBehavior: "error",
  // Pages whose cacheKey (src/data/page-cache-key.ts) and code are unchanged are copied from the last build.
  experimental: { incrementalBuild: true },
  vite: {
    plugins: [csvPlugin(), featureModules(site)],
    // Scripts and fonts (KaTeX's smallest) ship as hashed files, which a strict Content-Security-Policy allows by origin.
    build: {
      assetsInlineLimit: (file) => (/\.(?:js|woff2?|ttf)$/.test(file) ? false : undefined),
      rollupOptions: {
        // Astro marks deferred Markdown modules with a directive the bundler warns about once per post; it is harmless.
        onwarn(warning, warn) {
          if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
        },
      },
    },
  },
  integrations: [
    contentStore(),
    mdx(),
    chartImages(),
    sitemap({
      filter: (page) => pageFacts(page).indexable,
      serialize: (item) => {
        const lastmod = pageFacts(item.url).lastmod;
        // The same address the page's canonical link gives, trailing slash and all.
        const url = absoluteUrl(currentPath(new URL(item.url).pathname));
        return lastmod ? { ...item, url, lastmod } : { ...item, url };
      },
    }),
    pagefindSearch(),
    // After the search index, so the cards drawn while the pages rendered can finish while it indexes.
    socialCards(),
    oldAddresses({ ...siteLinkOptions, language: site.language, siteUrl: site.url, feedAliases: site.feedAliases }),
    unpublishedFiles(),
  ],
  markdown: {
    processor: satteri({
      hastPlugins: [
        bodyImages({ root, publicDir: fileURLToPath(new URL("./public", import.meta.url)), base: site.base }),
        rawMedia({ root, publicDir: fileURLToPath(new URL("./public", import.meta.url)), base: site.base }),
        siteLinks(siteLinkOptions),
        headingAnchors((heading) => siteWords.fill(siteWords.words.markdown.sectionLink, { heading })),
        taskListLabels({ done: siteWords.words.markdown.taskDone, notDone: siteWords.words.markdown.taskNotDone }),
        codeBlockPlugin,
        figures,
        site.math && mathPlugin,
        site.fullSizeImages && fullSizeLinks(siteWords.words.image.fullSize),
      ],
      features: {
        math: site.math,
        gfm: {
          footnotes: { label: siteWords.words.markdown.footnotes, backLabel: siteWords.words.markdown.backToReference },
        },
      },
    }),
    shikiConfig: {
      themes: { light: "github-light-high-contrast", dark: "github-dark-dimmed" },
      defaultColor: false,
      transformers: codeTransformers,
    },
  },
  image: {
    responsiveStyles: false,
    // Markdown images get a srcset like covers, so a phone never downloads the full-size file,
    // made of the widths the text column asks for rather than Astro's list for every screen.
    layout: "constrained",
    breakpoints: BODY_IMAGE_WIDTHS,
  },
  devToolbar: { enabled: false },
});
