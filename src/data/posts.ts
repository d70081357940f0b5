import { getCollection, type CollectionEntry } from "astro:content";
import { slug as slugify } from "github-slugger";
import { currentBuildMode } from "../lib/build-mode.ts";
import { relatedPosts } from "../lib/posts/related.ts";
import { countWords, excerpt, proseBlocks, readingMinutes } from "../lib/posts/text.ts";
import { hasPage, isIndexable, isListed, newestFirst, postStatus, type PostStatus } from "../lib/posts/visibility.ts";

export type PostEntry = CollectionEntry<"posts">;

export interface Post {
  entry: PostEntry;
  slug: string;
  title: string;
  date: Date | undefined;
  updated: Date | undefined;
  summary: string;
  status: PostStatus;
  listed: boolean;
  indexable: boolean;
  readingMinutes: number;
  tags: { name: string; slug: string }[];
  /** The post's readable text, for related posts. */
  prose: string;
}

/** Build time: every page of one build judges "in the future" against the same instant. */
const now = new Date();
const mode = currentBuildMode(import.meta.env.DEV);

function toPost(entry: PostEntry): Post {
  const prose = proseBlocks(entry.body ?? "", entry.filePath?.endsWith(".mdx") ?? false).join(" ");
  const { data } = entry;
  return {
    entry,
    slug: entry.id,
    title: data.title,
    date: data.date,
    updated: data.updated,
    summary: data.description ?? excerpt(prose),
    status: postStatus(data, now),
    listed: isListed(data, now, mode),
    indexable: isIndexable(data, now, mode),
    readingMinutes: readingMinutes(countWords(prose)),
    tags: data.tags.map((name) => ({ name, slug: slugify(name) })),
    prose,
  };
}

let cache: Promise<Post[]> | undefined;

/** Every post that gets a page in this build, newest first. */
export function getPostsWithPages(): Promise<Post[]> {
  const load = () =>
    getCollection("posts", ({ data }) => hasPage(data, now, mode)).then((entries) => entries.map(toPost).sort(newestFirst));
  // In dev the content changes under a running server; a build reads it once.
  if (import.meta.env.DEV) return load();
  cache ??= load();
  return cache;
}

let related: Promise<Map<string, string[]>> | undefined;

/** Up to three listed posts that share the most distinctive words and tags with this one. */
export async function getRelatedPosts(post: Post): Promise<Post[]> {
  const posts = await getPostsWithPages();
  const compute = () =>
    getPostsWithPages().then((all) =>
      relatedPosts(
        all.map((candidate) => ({
          id: candidate.slug,
          text: `${candidate.title} ${candidate.prose}`,
          tags: candidate.tags.map((tag) => tag.slug),
        })),
        6,
      ),
    );
  let pending: Promise<Map<string, string[]>>;
  if (import.meta.env.DEV) {
    pending = compute();
  } else {
    related ??= compute();
    pending = related;
  }
  const map = await pending;
  const bySlug = new Map(posts.map((candidate) => [candidate.slug, candidate]));
  return (map.get(post.slug) ?? [])
    .map((slug) => bySlug.get(slug))
    .filter((candidate): candidate is Post => candidate?.listed === true)
    .slice(0, 3);
}

/** Posts for lists, tag pages, feeds, the sitemap and search, newest first. */
export async function getListedPosts(): Promise<Post[]> {
  return (await getPostsWithPages()).filter((post) => post.listed);
}

/** Neighbours in the listed order; an unlisted post links back into the list without being in it. */
export async function getAdjacentPosts(post: Post): Promise<{ newer?: Post; older?: Post }> {
  const listed = await getListedPosts();
  const index = listed.findIndex((candidate) => candidate.slug === post.slug);
  if (index === -1) return {};
  const newer = listed[index - 1];
  const older = listed[index + 1];
  return { ...(newer ? { newer } : {}), ...(older ? { older } : {}) };
}

export const buildMode = mode;
