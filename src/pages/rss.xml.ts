import type { APIRoute } from "astro";
import { rssResponse } from "../data/feeds.ts";
import { getListedPosts } from "../data/posts.ts";
import { site } from "../site.config.ts";

export const GET: APIRoute = async ({ url }) =>
  rssResponse({ title: site.title, description: site.description, url }, (await getListedPosts()).slice(0, site.feedItems));
