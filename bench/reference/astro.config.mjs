import { defineConfig } from "astro/config";

// Astro's defaults on purpose: this project is the yardstick the blog's build is measured against.
export default defineConfig({
  site: "https://example.com",
});
