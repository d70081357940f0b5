import { codeMetaTransformer, diffTransformer } from "./transformers.ts";

export { codeBlockPlugin } from "./block-plugin.ts";

/** For `markdown.shikiConfig.transformers`; they mark up what `codeBlockPlugin` and `src/styles/code.css` build on. */
export const codeTransformers = [codeMetaTransformer(), diffTransformer()];
