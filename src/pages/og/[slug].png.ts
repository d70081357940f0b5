import type { APIRoute, GetStaticPaths } from "astro";
import { cacheDir, outDir } from "astro:config/server";
import { getSocialCards } from "../../data/social-cards.ts";
import { routeFile, socialCardRoute } from "../../lib/paths/routes.ts";
import { handOverCards } from "../../lib/social-cards/handover.ts";
import { cardsToDraw, startCards } from "../../lib/social-cards/pool.ts";
import { type CardData, cardCacheDir, renderCard } from "../../lib/social-cards/render.ts";
import { site } from "../../site.config.ts";

/**
 * The dev server draws a card when its address is asked for. A build starts drawing every card
 * the cache lacks here, while the pages render, and hands the list to the social-cards
 * integration, which waits for the drawing, instead of making a route per card
 * (src/lib/social-cards/handover.ts says why).
 */
export const getStaticPaths = (async () => {
  const cards = await getSocialCards();
  if (import.meta.env.DEV) return cards.map(({ slug, card }) => ({ params: { slug }, props: { card } }));
  const { files, missing } = await cardsToDraw(
    cards.map(({ card }) => card),
    cardCacheDir(cacheDir),
  );
  startCards(missing);
  const copies = cards.map(({ slug }, index) => ({
    file: routeFile(socialCardRoute(slug), site.trailingSlash),
    cached: files[index] ?? "",
  }));
  await handOverCards(outDir, { cards: copies, missing });
  return [];
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: CardData }> = async ({ props }) => {
  const { png } = await renderCard(props.card, cardCacheDir(cacheDir));
  return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png" } });
};
