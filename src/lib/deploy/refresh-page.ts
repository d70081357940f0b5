import { around, translatorFor } from "../i18n/index.ts";

export interface RefreshPage {
  /** Where the browser goes: a path with the base, or an absolute URL. */
  target: string;
  /** The target as an absolute URL, for search engines. */
  canonical: string;
  /** The site's language, as on every other page; its words say where the page goes. */
  language: string;
}

/** Marks the pages written for redirects, so the deploy step never counts one as a page of the site. */
export const REDIRECT_PAGE_MARKER = '<meta name="generator" content="site.redirects">';

const escapeHtml = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

/**
 * The page a static host serves at a redirect's source when it cannot send a real redirect: a complete,
 * valid document (the Nu HTML Checker wants `0; url=…` with the space, a charset and a language).
 */
export function refreshPage({ target, canonical, language }: RefreshPage): string {
  const to = escapeHtml(target);
  const translator = translatorFor(language);
  const moving = translator.words.redirect.moving;
  const [before, after] = around(moving, "address").map(escapeHtml);
  return `<!doctype html>
<html lang="${escapeHtml(language)}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(translator.fill(moving, { address: target }))}</title>
<meta http-equiv="refresh" content="0; url=${to}">
<meta name="robots" content="noindex">
${REDIRECT_PAGE_MARKER}
<link rel="canonical" href="${escapeHtml(canonical)}">
</head>
<body>
<p><a href="${to}">${before}<code>${to}</code>${after}</a></p>
</body>
</html>
`;
}
