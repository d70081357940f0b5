import type { APIRoute } from "astro";
import { feedPosts, feedSite } from "../data/feeds.ts";
import { getListedPosts } from "../data/posts.ts";
import { jsonFeed } from "../lib/feed/items.ts";
import { site } from "../site.config.ts";

export const GET: APIRoute = async ({ url }) => {
  const posts = await feedPosts((await getListedPosts()).slice(0, site.feedItems));
  return new Response(JSON.stringify(jsonFeed(feedSite, url.href, site.title, posts), null, 2), {
    headers: { "Content-Type": "application/feed+json; charset=utf-8" },
  });
};
