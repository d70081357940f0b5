import rss from "@astrojs/rss";
import type { APIRoute, GetStaticPaths } from "astro";
import { feedPosts, feedSite } from "../../../data/feeds.ts";
import { getListedPosts, type Post } from "../../../data/posts.ts";
import { RSS_NAMESPACES, rssChannelData, rssItems } from "../../../lib/feed/items.ts";
import { groupByTag } from "../../../lib/posts/tags.ts";
import { site } from "../../../site.config.ts";

export const getStaticPaths = (async () =>
  groupByTag(await getListedPosts()).map((tag) => ({
    params: { tag: tag.slug },
    props: { name: tag.name, posts: tag.posts.slice(0, site.feedItems) },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ name: string; posts: Post[] }> = async ({ props, url }) => {
  const posts = await feedPosts(props.posts);
  const response = await rss({
    title: `${site.title}: #${props.name}`,
    description: `Posts tagged #${props.name} on ${site.title}.`,
    site: feedSite.home,
    items: rssItems(feedSite, posts),
    xmlns: RSS_NAMESPACES,
    customData: rssChannelData(feedSite, url.href, posts[0]?.updated ?? posts[0]?.date ?? new Date()),
    trailingSlash: true,
  });
  response.headers.set("Content-Type", "application/rss+xml; charset=utf-8");
  return response;
};
