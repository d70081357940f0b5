import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";
import type { SiteConfig } from "../../site.config.ts";

const component = (path: string) => JSON.stringify(fileURLToPath(new URL(`../../components/${path}`, import.meta.url)));

/**
 * Modules that exist only for a feature switched on in the settings; off, each exports undefined.
 * Pages import a feature's component or stylesheet through these, so a feature that is off never
 * enters the build: no script, stylesheet or font of it is emitted.
 */
const FEATURE_MODULES: Record<string, { on: (site: SiteConfig) => boolean; code: () => string }> = {
  "virtual:feature/math-styles": {
    on: (site) => site.math,
    code: () => 'export { default } from "katex/dist/katex.min.css?url";',
  },
  "virtual:feature/signup-form": {
    on: (site) => site.newsletter !== undefined,
    code: () => `export { default } from ${component("newsletter/SignupForm.astro")};`,
  },
  "virtual:feature/comments": {
    on: (site) => site.comments !== undefined,
    code: () => `export { default } from ${component("post/Comments.astro")};`,
  },
};

// Filtered before the hooks are called: every post is a module, and a call per module adds up.
const FEATURE_ID = /^virtual:feature\//;
const RESOLVED_FEATURE_ID = /^\0virtual:feature\//;

export function featureModules(site: SiteConfig): Plugin {
  return {
    name: "feature-modules",
    resolveId: {
      filter: { id: FEATURE_ID },
      handler: (id) => (Object.hasOwn(FEATURE_MODULES, id) ? `\0${id}` : null),
    },
    load: {
      filter: { id: RESOLVED_FEATURE_ID },
      handler(id) {
        const feature = FEATURE_MODULES[id.slice(1)];
        if (!feature) return null;
        return feature.on(site) ? feature.code() : "export default undefined;";
      },
    },
  };
}
