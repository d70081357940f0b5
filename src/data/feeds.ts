import { getContainerRenderer } from "@astrojs/mdx/container-renderer";
import rss from "@astrojs/rss";
import { getImage } from "astro:assets";
import { loadRenderers } from "astro:container";
import { render } from "astro:content";
import { experimental_AstroContainer as AstroContainer } from "astro/container";
import { mdxComponents } from "../components/post/mdx-components.ts";
import { absolutizeUrls } from "../lib/feed/html.ts";
import { intrinsicSize } from "../lib/images/intrinsic-size.ts";
import { RSS_NAMESPACES, rssChannelData, rssItems, type FeedPost, type FeedSite } from "../lib/feed/items.ts";
import { absoluteUrl, pathTo } from "../lib/paths/site.ts";
import { linkPendingImages } from "../lib/markdown/full-size.ts";
import { site } from "../site.config.ts";
import type { Post } from "./posts.ts";

export const feedSite: FeedSite = {
  title: site.title,
  description: site.description,
  language: site.language,
  author: site.author,
  home: absoluteUrl(pathTo("")),
};

let container: Promise<AstroContainer> | undefined;

function getContainer() {
  container ??= loadRenderers([getContainerRenderer()]).then((renderers) => AstroContainer.create({ renderers }));
  return container;
}

/**
 * The post rendered by Astro itself, components and charts included, once
 * per build: the main feed, the JSON feed and every tag feed reuse it.
 */
const rendered = new Map<string, Promise<FeedPost>>();

async function renderFeedPost(post: Post): Promise<FeedPost> {
  const { Content } = await render(post.entry);
  const url = new URL(absoluteUrl(post.url));
  const html = await (await getContainer()).renderToString(Content, {
    props: { components: mdxComponents },
    locals: { renderTarget: "feed" },
    request: new Request(url),
  });
  const cover = post.entry.data.cover_image;
  // One JPEG, which every feed reader shows. No layout: the site's responsive
  // layout would also make a srcset of widths that no feed item links to.
  const coverImage = cover
    ? await getImage({ src: cover, width: Math.min(1200, intrinsicSize(cover).width), format: "jpeg", layout: "none" })
    : undefined;
  return {
    slug: post.slug,
    url: url.href,
    title: post.title,
    summary: post.summary,
    date: post.date ?? new Date(0),
    updated: post.updated,
    tags: post.tags.map((tag) => tag.name),
    lang: post.lang,
    coverUrl: coverImage ? new URL(coverImage.src, url).href : undefined,
    coverAlt: post.entry.data.cover_alt,
    html: await absolutizeUrls(linkPendingImages(html), url),
  };
}

export function feedPosts(posts: Post[]): Promise<FeedPost[]> {
  return Promise.all(
    posts.map((post) => {
      let entry = rendered.get(post.slug);
      if (!entry) {
        entry = renderFeedPost(post);
        rendered.set(post.slug, entry);
      }
      return entry;
    }),
  );
}

/** An RSS response for `posts`, served from `url`: the main feed and every tag feed. */
export async function rssResponse(channel: { title: string; description: string; url: URL }, posts: Post[]): Promise<Response> {
  const items = await feedPosts(posts);
  const response = await rss({
    title: channel.title,
    description: channel.description,
    site: feedSite.home,
    items: rssItems(feedSite, items),
    xmlns: RSS_NAMESPACES,
    customData: rssChannelData(feedSite, channel.url.href, items[0]?.updated ?? items[0]?.date ?? new Date()),
    trailingSlash: site.trailingSlash === "always",
  });
  response.headers.set("Content-Type", "application/rss+xml; charset=utf-8");
  return response;
}
