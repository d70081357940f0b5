import type { ShikiConfig } from "astro";
import { inRanges, parseCodeMeta, type CodeMeta } from "./meta.ts";

type ShikiTransformer = NonNullable<ShikiConfig["transformers"]>[number];
type DiffMark = "add" | "remove";

/** The property that carries a fence's title from Shiki to the block plugin, which turns it into a caption. */
export const TITLE_PROPERTY = "dataTitle";

/** Title, highlighted lines and line numbers, as asked for in the fence meta. */
export function codeMetaTransformer(): ShikiTransformer {
  // Shiki gives each highlight call a fresh `this.meta`, shared by all its hooks: the key for per-block state.
  const metas = new WeakMap<object, CodeMeta>();
  return {
    name: "blog:code-meta",
    preprocess() {
      metas.set(this.meta, parseCodeMeta(this.options.meta?.__raw));
    },
    line(node, line) {
      if (inRanges(line, metas.get(this.meta)?.highlighted ?? [])) this.addClassToHast(node, "highlighted");
    },
    pre(node) {
      const meta = metas.get(this.meta);
      if (meta?.title) node.properties[TITLE_PROPERTY] = meta.title;
      if (meta?.lineNumbers) {
        this.addClassToHast(node, "line-numbers");
        // Numbers are right-aligned in a gutter as wide as the longest one.
        const style = String(node.properties["style"] ?? "").replace(/[;\s]*$/, "");
        node.properties["style"] = `${style};--digits:${String(this.lines.length).length}`;
      }
    },
  };
}

const NOTATION = /\[!code (\+\+|--)\]/;
/** A comment with nothing left in it once the notation is gone: `//`, `#`, `--`, `/* *\/`, `<!-- -->`. */
const EMPTY_COMMENT = /\s*(?:\/\/|#|--|\/\*|<!--)\s*(?:\*\/|-->)?\s*$/;

/**
 * Added and removed lines, either from a `diff` fence (a leading `+` or `-`;
 * `+++`/`---` file headers are not changes) or from `// [!code ++]` and
 * `// [!code --]` comments in any language. The notation is taken out before
 * highlighting, so neither the page nor the copied code shows it.
 */
export function diffTransformer(): ShikiTransformer {
  const marks = new WeakMap<object, { lines: Map<number, DiffMark>; notation: boolean }>();
  return {
    name: "blog:diff",
    preprocess(code, options) {
      const lines = new Map<number, DiffMark>();
      const source = code.split("\n");
      if (options.lang === "diff") {
        source.forEach((text, index) => {
          if (/^(\+\+\+|---)(\s|$)/.test(text)) return;
          if (text.startsWith("+")) lines.set(index + 1, "add");
          else if (text.startsWith("-")) lines.set(index + 1, "remove");
        });
        marks.set(this.meta, { lines, notation: false });
        return;
      }
      const stripped = source.map((text, index) => {
        const match = NOTATION.exec(text);
        if (!match) return text;
        lines.set(index + 1, match[1] === "++" ? "add" : "remove");
        return text.replace(match[0], "").replace(EMPTY_COMMENT, "").trimEnd();
      });
      if (!lines.size) return;
      marks.set(this.meta, { lines, notation: true });
      return stripped.join("\n");
    },
    line(node, line) {
      const mark = marks.get(this.meta)?.lines.get(line);
      if (mark) this.addClassToHast(node, ["diff", mark]);
    },
    pre(node) {
      // Notation lines have no `+`/`-` of their own, so CSS draws one for them.
      if (marks.get(this.meta)?.notation) this.addClassToHast(node, "has-diff");
    },
  };
}
