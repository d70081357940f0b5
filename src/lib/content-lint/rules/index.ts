import type { Rule } from "../types.ts";
import { frontmatterLength } from "./frontmatter-length.ts";
import { imageAlt } from "./image-alt.ts";
import { createInternalLinks } from "./internal-links.ts";
import { missingImage } from "./missing-image.ts";
import { mojibake } from "./mojibake.ts";
import { nestedUrl } from "./nested-url.ts";
import { seriesField } from "./series.ts";
import { syntax } from "./syntax.ts";

export interface RuleOptions {
  /** Extra top-level routes (besides pages) that links may point at, e.g. `tags`. */
  topLevelRoutes?: Iterable<string>;
}

export function createRules(options: RuleOptions = {}): Rule[] {
  return [
    syntax,
    imageAlt,
    createInternalLinks(options.topLevelRoutes),
    mojibake,
    nestedUrl,
    missingImage,
    frontmatterLength,
    seriesField,
  ];
}
