import type { AnalyticsSettings } from "../../site.config.ts";
import type { BuildMode } from "../posts/visibility.ts";

/** The one script tag analytics adds, and the origins it talks to. */
export interface AnalyticsTag {
  src: string;
  attributes: Record<string, string>;
  /** Origins the script sends its events to (`connect-src`). */
  connect: string[];
}

const origin = (url: string) => new URL(url).origin;

/** Each provider's hosted script and the attributes it reads; self-hosted scripts report to their own origin. */
export function analyticsTag(settings: AnalyticsSettings, siteUrl: string): AnalyticsTag {
  if (!("provider" in settings)) return { src: settings.script, attributes: {}, connect: [origin(settings.script)] };
  switch (settings.provider) {
    case "plausible": {
      const src = settings.src ?? "https://plausible.io/js/script.js";
      return { src, attributes: { "data-domain": settings.domain ?? new URL(siteUrl).host }, connect: [origin(src)] };
    }
    case "umami": {
      const src = settings.src ?? "https://cloud.umami.is/script.js";
      return { src, attributes: { "data-website-id": settings.websiteId }, connect: [origin(src)] };
    }
    case "goatcounter": {
      const endpoint = `https://${settings.code}.goatcounter.com/count`;
      return { src: "https://gc.zgo.at/count.js", attributes: { "data-goatcounter": endpoint }, connect: [origin(endpoint)] };
    }
  }
}

/** Visits are counted on the published site only: never while writing, never in a preview of drafts. */
export function countsVisits(mode: BuildMode): boolean {
  return mode === "production";
}
