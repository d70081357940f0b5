import type { APIRoute } from "astro";
import { absoluteUrl, pathTo } from "../lib/paths/site.ts";

export const GET: APIRoute = () => {
  const sitemap = absoluteUrl(pathTo("sitemap-index.xml"));
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, {
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
};
