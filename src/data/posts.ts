import { getCollection, type CollectionEntry } from "astro:content";
import { slug as slugify } from "github-slugger";
import { currentBuildMode } from "../lib/build-mode.ts";
import { direction } from "../lib/format.ts";
import { directionWithin, type TextDirection } from "../lib/i18n/direction.ts";
import { postRoute, type Route } from "../lib/paths/routes.ts";
import { pathTo } from "../lib/paths/site.ts";
import { relatedPosts } from "../lib/posts/related.ts";
import { groupSeries, oldestFirst, type Series } from "../lib/posts/series.ts";
import { groupByTag } from "../lib/posts/tags.ts";
import { countWords, excerpt, proseBlocks, readingMinutes } from "../lib/posts/text.ts";
import { hasPage, isIndexable, isListed, newestFirst, postStatus, type PostStatus } from "../lib/posts/visibility.ts";
import { site } from "../site.config.ts";

export type PostEntry = CollectionEntry<"posts">;

export interface Post {
  entry: PostEntry;
  slug: string;
  /** Where the post lives below the base, by the permalink setting: `posts/<slug>` or `<slug>`. */
  route: Route;
  /** The post's path as links print it: base, encoding and trailing slash applied. */
  url: string;
  title: string;
  date: Date | undefined;
  updated: Date | undefined;
  summary: string;
  status: PostStatus;
  listed: boolean;
  indexable: boolean;
  readingMinutes: number;
  /** The language the post is written in, when its frontmatter names one. */
  lang: string | undefined;
  /** The `dir` its title and text carry: set only when its language runs the other way from the site's. */
  dir: TextDirection | undefined;
  tags: { name: string; slug: string }[];
  series: { name: string; slug: string } | undefined;
  /** The post's readable text, for related posts. */
  prose: string;
}

/** Build time: every page of one build judges "in the future" against the same instant. */
const now = new Date();
const mode = currentBuildMode(import.meta.env.DEV);

function toPost(entry: PostEntry): Post {
  const prose = proseBlocks(entry.body ?? "", entry.filePath?.endsWith(".mdx") ?? false, { math: site.math }).join(" ");
  const { data } = entry;
  const route = postRoute(entry.id, site.permalink);
  return {
    entry,
    slug: entry.id,
    route,
    url: pathTo(route),
    title: data.title,
    date: data.date,
    updated: data.updated,
    summary: data.description ?? excerpt(prose),
    status: postStatus(data, now),
    listed: isListed(data, now, mode),
    indexable: isIndexable(data, now, mode),
    readingMinutes: readingMinutes(countWords(prose)),
    lang: data.lang,
    dir: directionWithin(data.lang, direction),
    tags: data.tags.map((name) => ({ name, slug: slugify(name) })),
    series: data.series ? { name: data.series, slug: slugify(data.series) } : undefined,
    prose,
  };
}

/**
 * Computes a value once per build and shares it between every page. In dev
 * the content changes under a running server, so it is computed afresh.
 */
export function perBuild<T>(compute: () => Promise<T>): () => Promise<T> {
  let cached: Promise<T> | undefined;
  return () => {
    if (import.meta.env.DEV) return compute();
    cached ??= compute();
    return cached;
  };
}

/** Every post that gets a page in this build, newest first. */
export const getPostsWithPages = perBuild(() =>
  getCollection("posts", ({ data }) => hasPage(data, now, mode)).then((entries) => entries.map(toPost).sort(newestFirst)),
);

/** Posts for lists, tag pages, feeds, the sitemap and search, newest first. */
export const getListedPosts = perBuild(async () => (await getPostsWithPages()).filter((post) => post.listed));

/** Every tag of the listed posts, most used first, each with its posts newest first: tag pages, tag feeds, the tag list. */
export const getTags = perBuild(async () => groupByTag(await getListedPosts()));

const relatedBySlug = perBuild(async () => {
  const posts = await getPostsWithPages();
  const bySlug = new Map(posts.map((post) => [post.slug, post]));
  const related = relatedPosts(
    posts.map((post) => ({ id: post.slug, text: `${post.title} ${post.prose}`, tags: post.tags.map((tag) => tag.slug) })),
    6,
  );
  return new Map(
    [...related].map(([slug, others]) => [
      slug,
      others
        .map((other) => bySlug.get(other))
        .filter((candidate): candidate is Post => candidate?.listed === true)
        .slice(0, 3),
    ]),
  );
});

/** Up to three listed posts that share the most distinctive words and tags with this one. */
export async function getRelatedPosts(post: Post): Promise<Post[]> {
  return (await relatedBySlug()).get(post.slug) ?? [];
}

const neighbours = perBuild(async () => {
  const listed = await getListedPosts();
  return new Map(listed.map((post, index) => [post.slug, { newer: listed[index - 1], older: listed[index + 1] }]));
});

/** Neighbours in the listed order; an unlisted post links back into the list without being in it. */
export async function getAdjacentPosts(post: Post): Promise<{ newer?: Post | undefined; older?: Post | undefined }> {
  return (await neighbours()).get(post.slug) ?? {};
}

export const buildMode = mode;

/** Every series with a listed post, by name; each lists its listed posts oldest first. */
export const getSeries = perBuild(async () => groupSeries(await getListedPosts(), (post) => post.entry.filePath ?? post.slug));

/**
 * The series a post belongs to, as shown on the post: its listed posts, and the post itself
 * in its place by date even when it is unlisted or a draft seen in a preview.
 */
export async function getPostSeries(post: Post): Promise<Series<Post> | undefined> {
  if (!post.series) return undefined;
  const series = (await getSeries()).find((candidate) => candidate.slug === post.series?.slug);
  if (!series) return { name: post.series.name, slug: post.series.slug, posts: [post] };
  if (series.posts.some((member) => member.slug === post.slug)) return series;
  return { ...series, posts: [...series.posts, post].sort(oldestFirst) };
}
