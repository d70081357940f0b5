/**
 * JSON-LD that cannot break out of its <script>: besides being valid JSON,
 * `<`, `>` and `&` are escaped so a title such as `</script><script>…` stays
 * text, and U+2028/U+2029 so older parsers see one line.
 */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

interface ArticleFacts {
  url: string;
  title: string;
  description: string;
  published?: Date | undefined;
  modified?: Date | undefined;
  image: string;
  tags: string[];
  author: { name: string; url?: string | undefined };
  siteName: string;
  siteUrl: string;
}

export function blogPosting(facts: ArticleFacts) {
  return {
    "@context": "https://schema.org",
    "@type": "BlogPosting",
    headline: facts.title,
    description: facts.description,
    url: facts.url,
    mainEntityOfPage: facts.url,
    image: facts.image,
    ...(facts.published ? { datePublished: facts.published.toISOString() } : {}),
    ...((facts.modified ?? facts.published) ? { dateModified: (facts.modified ?? facts.published)?.toISOString() } : {}),
    ...(facts.tags.length ? { keywords: facts.tags.join(", ") } : {}),
    author: { "@type": "Person", name: facts.author.name, ...(facts.author.url ? { url: facts.author.url } : {}) },
    publisher: { "@type": "Organization", name: facts.siteName, url: facts.siteUrl },
  };
}

export function breadcrumbs(trail: { name: string; url: string }[]) {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: trail.map((crumb, index) => ({
      "@type": "ListItem",
      position: index + 1,
      name: crumb.name,
      item: crumb.url,
    })),
  };
}
