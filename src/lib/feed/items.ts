import { stripInvalidXmlChars } from "./html.ts";

export interface FeedPost {
  slug: string;
  /** Absolute URL of the post's page. */
  url: string;
  title: string;
  summary: string;
  date: Date;
  updated?: Date | undefined;
  tags: string[];
  /** The post's own language, when it names one. */
  lang?: string | undefined;
  /** Absolute URL of the cover, already sized for feed readers. */
  coverUrl?: string | undefined;
  coverAlt?: string | undefined;
  /** The post body as the site renders it, with absolute URLs. */
  html: string;
}

export interface FeedSite {
  title: string;
  description: string;
  language: string;
  author: { name: string; email?: string | undefined; url?: string | undefined };
  /** Absolute URL of the home page, with its base path. */
  home: string;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

/** The item body: the cover first, as readers show no page header, then the post itself. */
export function itemContent(post: FeedPost): string {
  const cover = post.coverUrl
    ? `<figure><img src="${escapeAttribute(post.coverUrl)}" alt="${escapeAttribute(post.coverAlt ?? "")}"></figure>`
    : "";
  return stripInvalidXmlChars(`${cover}${post.html}`);
}

/** Items for @astrojs/rss, newest first as given. */
export function rssItems(site: FeedSite, posts: FeedPost[]) {
  return posts.map((post) => ({
    title: stripInvalidXmlChars(post.title),
    link: post.url,
    pubDate: post.date,
    description: stripInvalidXmlChars(post.summary),
    content: itemContent(post),
    categories: post.tags,
    customData: `<guid isPermaLink="true">${post.url}</guid><dc:creator><![CDATA[${site.author.name.replace(/]]>/g, "]]]]><![CDATA[>")}]]></dc:creator>${post.lang ? `<dc:language>${post.lang}</dc:language>` : ""}`,
  }));
}

/** The channel's extra elements @astrojs/rss leaves to us. */
export function rssChannelData(site: FeedSite, feedUrl: string, lastBuildDate: Date): string {
  return [
    `<language>${site.language}</language>`,
    `<lastBuildDate>${lastBuildDate.toUTCString()}</lastBuildDate>`,
    `<atom:link href="${escapeAttribute(feedUrl)}" rel="self" type="application/rss+xml"/>`,
  ].join("");
}

export const RSS_NAMESPACES = {
  atom: "http://www.w3.org/2005/Atom",
  dc: "http://purl.org/dc/elements/1.1/",
};

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). */
export function jsonFeed(site: FeedSite, feedUrl: string, title: string, posts: FeedPost[]) {
  const authors = [{ name: site.author.name, ...(site.author.url ? { url: site.author.url } : {}) }];
  return {
    version: "https://jsonfeed.org/version/1.1",
    title: stripInvalidXmlChars(title),
    home_page_url: site.home,
    feed_url: feedUrl,
    description: site.description,
    language: site.language,
    authors,
    items: posts.map((post) => ({
      id: post.url,
      url: post.url,
      title: post.title,
      summary: post.summary,
      content_html: itemContent(post),
      date_published: post.date.toISOString(),
      ...(post.updated ? { date_modified: post.updated.toISOString() } : {}),
      ...(post.coverUrl ? { image: post.coverUrl } : {}),
      tags: post.tags,
      ...(post.lang ? { language: post.lang } : {}),
      authors,
    })),
  };
}
