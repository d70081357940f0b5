import rss from "@astrojs/rss";
import type { APIRoute } from "astro";
import { feedPosts, feedSite } from "../data/feeds.ts";
import { getListedPosts } from "../data/posts.ts";
import { RSS_NAMESPACES, rssChannelData, rssItems } from "../lib/feed/items.ts";
import { site } from "../site.config.ts";

export const GET: APIRoute = async ({ url }) => {
  const posts = await feedPosts((await getListedPosts()).slice(0, site.feedItems));
  const response = await rss({
    title: site.title,
    description: site.description,
    site: feedSite.home,
    items: rssItems(feedSite, posts),
    xmlns: RSS_NAMESPACES,
    customData: rssChannelData(feedSite, url.href, posts[0]?.updated ?? posts[0]?.date ?? new Date()),
    trailingSlash: true,
  });
  response.headers.set("Content-Type", "application/rss+xml; charset=utf-8");
  return response;
};
