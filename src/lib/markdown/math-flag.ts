/** Set in a document's plugin frontmatter when it has math, so only its page loads KaTeX's stylesheet. */
export const HAS_MATH = "hasMath";

export const hasMath = (pluginFrontmatter: Record<string, unknown>) => pluginFrontmatter[HAS_MATH] === true;
