import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { pageSchema } from "./lib/pages/schema.ts";
import { createPostSchema } from "./lib/posts/schema.ts";
import { failOnRenderErrors, postsLoader } from "./lib/posts/loader.ts";
import { POST_FILE_PATTERNS } from "./lib/posts/paths.ts";
import { site } from "./site.config.ts";

const posts = defineCollection({
  loader: postsLoader({ base: "./src/content/posts" }),
  schema: ({ image }) => createPostSchema({ timeZone: site.timeZone, cover: image() }),
});

const pages = defineCollection({
  loader: {
    name: "pages-loader",
    load: failOnRenderErrors(glob({ pattern: POST_FILE_PATTERNS, base: "./src/content/pages" }).load),
  },
  schema: pageSchema,
});

export const collections = { posts, pages };
