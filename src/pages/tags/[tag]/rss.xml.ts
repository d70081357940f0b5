import type { APIRoute, GetStaticPaths } from "astro";
import { rssResponse } from "../../../data/feeds.ts";
import { reusable } from "../../../data/page-cache-key.ts";
import { i18n, words } from "../../../lib/format.ts";
import { getTags, type Post } from "../../../data/posts.ts";
import { site } from "../../../site.config.ts";

export const getStaticPaths = (async () =>
  reusable(
    (await getTags()).map((tag) => ({
      params: { tag: tag.slug },
      props: { name: tag.name, posts: tag.posts.slice(0, site.feedItems) },
    })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute<{ name: string; posts: Post[] }> = ({ props, url }) =>
  rssResponse(
    {
      title: i18n.fill(words.feeds.tagTitle, { site: site.title, tag: props.name }),
      description: i18n.fill(words.feeds.tagDescription, { site: site.title, tag: props.name }),
      url,
    },
    props.posts,
  );
