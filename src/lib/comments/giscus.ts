import type { CommentsSettings } from "../../site.config.ts";

export const GISCUS_ORIGIN = "https://giscus.app";
export const GISCUS_CLIENT = `${GISCUS_ORIGIN}/client.js`;

export type ColorScheme = "light" | "dark";

/** giscus's own themes closest to the site's two palettes. */
export function giscusTheme(scheme: ColorScheme): string {
  return scheme === "dark" ? "dark_dimmed" : "light";
}

/**
 * The `data-*` attributes giscus's client script reads. Discussions are found by the page's path,
 * strictly (no fuzzy title match), so two posts never share one.
 */
export function giscusAttributes(settings: CommentsSettings, language: string): Record<string, string> {
  return {
    "data-repo": settings.repo,
    "data-repo-id": settings.repoId,
    "data-category": settings.category,
    "data-category-id": settings.categoryId,
    "data-mapping": "pathname",
    "data-strict": "1",
    "data-reactions-enabled": "1",
    "data-emit-metadata": "0",
    "data-input-position": "bottom",
    "data-lang": language.split("-")[0] ?? "en",
  };
}

/** The message that switches a loaded giscus frame to another theme. */
export function themeMessage(scheme: ColorScheme) {
  return { giscus: { setConfig: { theme: giscusTheme(scheme) } } };
}
