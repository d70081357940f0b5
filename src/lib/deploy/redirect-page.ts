const escapeAttribute = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Marks the pages written for redirects, so the deploy step never counts one as a page of the site. */
export const REDIRECT_PAGE_MARKER = '<meta name="generator" content="site.redirects">';

/**
 * The page left at an old address for hosts without server redirects: an instant meta refresh,
 * a canonical link so search engines move the page's standing to the new address, and a plain
 * link for anything that follows neither.
 */
export function redirectPage(target: string, language: string): string {
  const href = escapeAttribute(target);
  return [
    "<!doctype html>",
    `<html lang="${escapeAttribute(language)}">`,
    "<head>",
    '<meta charset="utf-8">',
    "<title>Moved</title>",
    '<meta name="robots" content="noindex">',
    REDIRECT_PAGE_MARKER,
    `<link rel="canonical" href="${href}">`,
    `<meta http-equiv="refresh" content="0; url=${href}">`,
    "</head>",
    `<body><p>This page has moved to <a href="${href}">${escapeAttribute(target)}</a>.</p></body>`,
    "</html>",
    "",
  ].join("\n");
}
