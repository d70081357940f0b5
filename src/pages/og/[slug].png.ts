import { readFile } from "node:fs/promises";
import type { APIRoute, GetStaticPaths } from "astro";
import { cacheDir } from "astro:config/server";
import { getPostsWithPages, type Post } from "../../data/posts.ts";
import { direction, displayDate, readingTime } from "../../lib/format.ts";
import { textDirection } from "../../lib/i18n/direction.ts";
import { site } from "../../site.config.ts";
import { prerenderCards } from "./_pool.ts";
import { type CardData, cardCacheDir } from "./_render.ts";

function cardFor(post: Post): CardData {
  const cover = post.entry.data.cover_image as { fsPath?: string } | undefined;
  return {
    title: post.title,
    siteName: site.title,
    byline: [post.date ? displayDate(post.date) : "", readingTime(post.readingMinutes)].filter(Boolean).join("  ·  "),
    direction: textDirection(post.lang ?? site.language),
    coverPath: cover?.fsPath,
    sourceFile: post.entry.filePath,
  };
}

const siteCard: CardData = {
  title: site.description,
  siteName: site.title,
  byline: site.author.name,
  direction,
};

export const getStaticPaths = (async () => {
  const posts = await getPostsWithPages();
  const cards = [...posts.map((post) => ({ slug: post.slug, card: cardFor(post) })), { slug: "index", card: siteCard }];
  const { files, rendered, reused } = await prerenderCards(
    cards.map(({ card }) => card),
    cardCacheDir(cacheDir),
  );
  console.log(`[og] social cards: ${rendered} rendered, ${reused} reused`);
  return cards.map(({ slug }, index) => ({ params: { slug }, props: { file: files[index] ?? "" } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ file: string }> = async ({ props }) =>
  new Response(new Uint8Array(await readFile(props.file)), { headers: { "Content-Type": "image/png" } });
