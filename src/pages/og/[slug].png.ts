import type { APIRoute, GetStaticPaths } from "astro";
import { cacheDir, outDir } from "astro:config/server";
import { getSocialCards } from "../../data/social-cards.ts";
import { routeFile, socialCardRoute } from "../../lib/paths/routes.ts";
import { handOverCards } from "../../lib/social-cards/handover.ts";
import { type CardData, cardCacheDir, renderCard } from "../../lib/social-cards/render.ts";
import { site } from "../../site.config.ts";

/**
 * The dev server draws a card when it is asked for. A build hands the whole list to the
 * social-cards integration instead (src/lib/social-cards/handover.ts says why) and has no route here.
 */
export const getStaticPaths = (async () => {
  const cards = await getSocialCards();
  if (import.meta.env.DEV) return cards.map(({ slug, card }) => ({ params: { slug }, props: { card } }));
  const orders = cards.map(({ slug, card }) => ({ file: routeFile(socialCardRoute(slug), site.trailingSlash), card }));
  await handOverCards(cacheDir, outDir, orders);
  return [];
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: CardData }> = async ({ props }) => {
  const { png } = await renderCard(props.card, cardCacheDir(cacheDir));
  return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png" } });
};
