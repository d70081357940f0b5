import { direction, displayDate, readingTime } from "../lib/format.ts";
import { textDirection } from "../lib/i18n/direction.ts";
import { SITE_CARD_SLUG } from "../lib/paths/routes.ts";
import type { CardData } from "../lib/social-cards/render.ts";
import { site } from "../site.config.ts";
import { getPostsWithPages, type Post } from "./posts.ts";

function postCard(post: Post): CardData {
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

/** Every social card the site has: one per post with a page, and the site's own for every other page. */
export async function getSocialCards(): Promise<{ slug: string; card: CardData }[]> {
  const posts = await getPostsWithPages();
  return [...posts.map((post) => ({ slug: post.slug, card: postCard(post) })), { slug: SITE_CARD_SLUG, card: siteCard }];
}
