import { createSatteriMarkdownProcessor } from "@astrojs/markdown-satteri";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { codeBlockPlugin, codeTransformers } from "../../../src/lib/markdown/code/index.ts";

// As astro.config.mjs wires them, through the same processor Astro runs.
const processor = await createSatteriMarkdownProcessor({
  syntaxHighlight: "shiki",
  shikiConfig: {
    themes: { light: "github-light-high-contrast", dark: "github-dark-dimmed" },
    defaultColor: false,
    transformers: codeTransformers,
    wrap: false,
  },
  hastPlugins: [codeBlockPlugin],
});

async function render(markdown: string) {
  const { code } = await processor.render(markdown);
  const { document } = parseHTML(`<!doctype html><html><body>${code}</body></html>`);
  return { html: code, document };
}

const fence = (info: string, ...lines: string[]) => [`\`\`\`${info}`, ...lines, "```", ""].join("\n");
const lineClasses = (block: Element | null) => [...(block?.querySelectorAll(".line") ?? [])].map((line) => line.className);

describe("code blocks", () => {
  it("puts a titled block in a figure captioned by its title, and drops the title from the pre", async () => {
    const { document } = await render(fence('ts title="greet.ts"', "const a = 1;"));
    const figure = document.querySelector("body > figure.code-block");
    expect(figure?.firstElementChild?.tagName).toBe("FIGCAPTION");
    expect(figure?.querySelector("figcaption")?.textContent).toBe("greet.ts");
    const pre = figure?.querySelector(":scope > pre.astro-code");
    expect(pre?.getAttribute("data-language")).toBe("ts");
    expect(pre?.hasAttribute("data-title")).toBe(false);
  });

  it("escapes a title rather than parsing it", async () => {
    const { document } = await render(fence('html title="<b>x</b> & y"', "<p></p>"));
    expect(document.querySelector("figcaption")?.innerHTML).toBe("&lt;b&gt;x&lt;/b&gt; &amp; y");
  });

  it("wraps an untitled block in a plain box, keeping Shiki's dual-theme colours", async () => {
    const { document } = await render(fence("", "plain text"));
    const block = document.querySelector("body > div.code-block");
    expect(block?.children).toHaveLength(1);
    expect(block?.querySelector("pre")?.getAttribute("style")).toContain("--shiki-dark:");
    expect(block?.querySelector("pre")?.getAttribute("tabindex")).toBe("0");
  });

  it("marks titled and untitled blocks left to right, for pages and feed readers in right-to-left languages", async () => {
    const { document } = await render(`${fence('ts title="greet.ts"', "const a = 1;")}\n${fence("", "plain text")}`);
    const blocks = [...document.querySelectorAll(".code-block")];
    expect(blocks.map((block) => [block.tagName, block.getAttribute("dir")])).toEqual([
      ["FIGURE", "ltr"],
      ["DIV", "ltr"],
    ]);
  });

  it("leaves a <pre> written as HTML alone", async () => {
    const { document } = await render("<pre>ascii art</pre>\n");
    expect(document.querySelector(".code-block")).toBeNull();
    expect(document.querySelector("pre")?.textContent).toBe("ascii art");
  });

  it("marks the highlighted lines", async () => {
    const { document } = await render(fence("js {2,4-5}", "a", "b", "c", "d", "e", "f"));
    expect(lineClasses(document.querySelector("pre"))).toEqual([
      "line",
      "line highlighted",
      "line",
      "line highlighted",
      "line highlighted",
      "line",
    ]);
  });

  it("numbers lines on request, with a gutter as wide as the last number", async () => {
    const short = (await render(fence("js showLineNumbers", "a", "b"))).document.querySelector("pre");
    expect(short?.classList.contains("line-numbers")).toBe(true);
    expect(short?.getAttribute("style")).toMatch(/;--digits:1$/);
    const long = (await render(fence("js lines", ...Array.from({ length: 12 }, (_, i) => `x${i}`)))).document.querySelector(
      "pre",
    );
    expect(long?.getAttribute("style")).toMatch(/;--digits:2$/);
    const none = (await render(fence("js", "a"))).document.querySelector("pre");
    expect(none?.classList.contains("line-numbers")).toBe(false);
    expect(none?.getAttribute("style")).not.toContain("--digits");
  });

  it("marks added and removed lines in a diff fence, but not its file headers", async () => {
    const { document } = await render(fence("diff", "--- a/x", "+++ b/x", " keep", "-old", "+new"));
    const pre = document.querySelector("pre");
    expect(lineClasses(pre)).toEqual(["line", "line", "line", "line diff remove", "line diff add"]);
    // The +/- stay in the text: they are the diff.
    expect(pre?.textContent).toBe("--- a/x\n+++ b/x\n keep\n-old\n+new");
    expect(pre?.classList.contains("has-diff")).toBe(false);
  });

  it("marks [!code ++] and [!code --] lines in any language and takes the notation out", async () => {
    const { document } = await render(
      fence(
        "js",
        "const a = 1; // [!code --]",
        "const a = 2; // [!code ++]",
        "let b = a; /* keep */ /* [!code ++] */",
        "i-- // kept [!code --]",
      ),
    );
    const pre = document.querySelector("pre");
    expect(lineClasses(pre)).toEqual(["line diff remove", "line diff add", "line diff add", "line diff remove"]);
    expect(pre?.textContent).toBe("const a = 1;\nconst a = 2;\nlet b = a; /* keep */\ni-- // kept");
    expect(pre?.classList.contains("has-diff")).toBe(true);
  });

  it("takes notation out of shell, SQL and HTML comments", async () => {
    const text = async (lang: string, line: string) =>
      (await render(fence(lang, line))).document.querySelector("pre")?.textContent;
    expect(await text("sh", "echo hi # [!code ++]")).toBe("echo hi");
    expect(await text("sql", "select 1; -- [!code --]")).toBe("select 1;");
    expect(await text("html", "<p>hi</p> <!-- [!code ++] -->")).toBe("<p>hi</p>");
  });

  it("combines title, highlights, numbers and diff marks on one block", async () => {
    const { document } = await render(fence('ts title="x.ts" {1} showLineNumbers', "a // [!code ++]", "b"));
    const pre = document.querySelector("figure.code-block > pre");
    expect(lineClasses(pre)).toEqual(["line highlighted diff add", "line"]);
    expect([...(pre?.classList ?? [])]).toEqual(expect.arrayContaining(["line-numbers", "has-diff"]));
  });

  it("keeps state per block: one block's marks never leak into the next", async () => {
    const { document } = await render(`${fence('js title="a.js" {1} lines', "x // [!code ++]")}\n${fence("js", "y")}`);
    const [, second] = [...document.querySelectorAll("pre")];
    expect(second?.closest(".code-block")?.tagName).toBe("DIV");
    expect(lineClasses(second ?? null)).toEqual(["line"]);
    expect(second?.className).not.toMatch(/line-numbers|has-diff/);
  });
});
