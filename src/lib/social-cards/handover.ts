/**
 * A static build writes its social cards outside Astro's route pipeline, where a route per card
 * cost more than placing the cached card (about 1.2 ms a card, 12 s at 10,000 posts). The card
 * route, which can read the collections, draws the cards the cache lacks while Astro collects its
 * routes, so a damaged cover fails the build before any page is rendered, and hands over the list
 * of cards (src/lib/build-handover.ts); the social-cards integration takes it when the pages are
 * built and puts each card into place.
 */
import { HANDOVERS, handOver, takeHandedOver } from "../build-handover.ts";
import type { MissingCard } from "./pool.ts";

export interface CardCopy {
  /** Where the card goes in the build output: `og/my-post.png`. */
  file: string;
  /** The drawn card in the card cache. */
  cached: string;
}

export interface CardHandover {
  cards: CardCopy[];
  /** The cards the cache lacked: the route started drawing them. */
  missing: MissingCard[];
}

export const handOverCards = (outDir: URL | string, handover: CardHandover) => handOver(outDir, HANDOVERS.socialCards, handover);

/** The cards this build's route handed over, the list removed from the output; undefined when none were. */
export const takeHandedOverCards = (outDir: URL | string) => takeHandedOver<CardHandover>(outDir, HANDOVERS.socialCards);
