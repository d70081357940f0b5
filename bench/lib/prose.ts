import type { Random } from "./random.ts";

/**
 * Text that looks like a technical blog to the Markdown pipeline: real
 * English words of realistic lengths, sentences of varying size, a little
 * inline markup, headings, lists, quotes and code. What the words say does
 * not matter; what the parser and highlighter have to chew on does.
 */

const COMMON = (
  "the a to of and in is that it for on with as this was are be by not at or from have but an they which you one " +
  "we all there their has more when can if so what about out up them some would into time only other than then " +
  "its also after first two way how because any these most over think even where much should well through back " +
  "still every long while same under never again might each does before between both few those often always"
).split(" ");

const CONTENT = (
  "build cache page server client request response browser layout component module bundle render query index " +
  "schema field value table column record event queue worker thread process memory disk network latency " +
  "deploy release version branch commit review test suite fixture snapshot benchmark profile trace metric " +
  "image font style colour theme grid spacing margin border shadow animation scroll focus keyboard screen " +
  "reader contrast language library framework runtime compiler parser token syntax function method class " +
  "object array string number boolean promise stream buffer file folder path config option flag default " +
  "error warning message log output input format encoding header footer sidebar archive feed search tag " +
  "draft post author editor writing notes idea problem solution tradeoff decision habit project team user " +
  "customer product feature bug fix patch upgrade migration database migration backup restore storage " +
  "static dynamic fast slow simple careful small large quiet clear honest useful strange obvious subtle " +
  "works breaks changes keeps makes takes finds shows moves writes reads loads sends starts stops waits grows"
).split(" ");

const TITLE_WORDS = (
  "Notes Thoughts Lessons Building Moving Testing Caching Rendering Shipping Debugging Measuring Writing " +
  "Learning Fixing Rewriting Profiling Designing Scaling Simplifying Migrating Static Sites Fonts Images " +
  "Queues Workers Builds Pipelines Tooling Editors Keyboards Habits Deploys Releases Search Feeds Colours " +
  "Layouts Grids Errors Logs Metrics Traces Memory Latency Budgets Defaults Tradeoffs Mistakes Small Slow Fast"
).split(" ");

const TITLE_GLUE = ["on", "about", "for", "with", "without", "after", "in", "and", "of"];

function word(random: Random): string {
  return random.chance(0.45) ? random.pick(COMMON) : random.pick(CONTENT);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Where a body's links to other posts may point; without it, text stays plain. */
export interface Markup {
  internalLink: () => string | undefined;
}

/** Inline markup as it shows up in posts: emphasis, code spans, links. */
function decorate(random: Random, text: string, { internalLink }: Markup): string {
  const roll = random.next();
  if (roll < 0.015) return `*${text}*`;
  if (roll < 0.025) return `**${text}**`;
  if (roll < 0.045) return `\`${text}\``;
  if (roll < 0.055) return `[${text}](https://example.com/${text}/)`;
  if (roll < 0.06) {
    const href = internalLink();
    return href ? `[${text}](${href})` : text;
  }
  return text;
}

export interface Text {
  markdown: string;
  /** Words a reader sees, as the blog's word count would count them. */
  words: number;
}

export function sentence(random: Random, words: number, markup?: Markup): Text {
  const parts: string[] = [];
  for (let i = 0; i < words; i++) {
    const plain = i === 0 ? capitalise(word(random)) : word(random);
    const decorated = markup ? decorate(random, plain, markup) : plain;
    parts.push(i > 2 && i < words - 2 && random.chance(0.06) ? `${decorated},` : decorated);
  }
  return { markdown: `${parts.join(" ")}${random.pick([".", ".", ".", ".", "?", "!"])}`, words };
}

export function paragraph(random: Random, words: number, markup?: Markup): Text {
  const sentences: string[] = [];
  let left = words;
  while (left > 0) {
    const size = Math.min(left, random.int(6, 22));
    sentences.push(sentence(random, size, markup).markdown);
    left -= size;
  }
  return { markdown: sentences.join(" "), words };
}

export function heading(random: Random, level = 2): Text {
  const words = random.int(2, 6);
  const text = Array.from({ length: words }, (_, i) => (i === 0 ? capitalise(word(random)) : word(random))).join(" ");
  return { markdown: `${"#".repeat(level)} ${text}`, words };
}

export function list(random: Random, items: number, markup?: Markup): Text {
  const ordered = random.chance(0.3);
  const lines: string[] = [];
  let words = 0;
  for (let i = 0; i < items; i++) {
    const item = sentence(random, random.int(3, 12), markup);
    words += item.words;
    lines.push(`${ordered ? `${i + 1}.` : "-"} ${item.markdown}`);
  }
  return { markdown: lines.join("\n"), words };
}

export function blockquote(random: Random, words: number): Text {
  const text = paragraph(random, words);
  return { markdown: `> ${text.markdown}`, words };
}

export function title(random: Random): string {
  const count = random.int(2, 6);
  const words: string[] = [];
  for (let i = 0; i < count; i++) {
    words.push(i > 0 && i < count - 1 && random.chance(0.3) ? random.pick(TITLE_GLUE) : random.pick(TITLE_WORDS));
  }
  return words.join(" ");
}

// ---------------------------------------------------------------------------
// Code

export const CODE_LANGUAGES = ["ts", "js", "bash", "python", "css", "json", "rust", "go", "yaml", "html"] as const;
export type CodeLanguage = (typeof CODE_LANGUAGES)[number];

function identifier(random: Random): string {
  const first = random.pick(CONTENT);
  return random.chance(0.5) ? first : `${first}${capitalise(random.pick(CONTENT))}`;
}

type LineMaker = (random: Random, indent: string) => string;

const LINES: Record<CodeLanguage, LineMaker[]> = {
  ts: [
    (r, i) => `${i}const ${identifier(r)} = await ${identifier(r)}("${r.pick(CONTENT)}", ${r.int(0, 999)});`,
    (r, i) => `${i}if (${identifier(r)}.length > ${r.int(1, 64)}) return ${identifier(r)};`,
    (r, i) => `${i}export function ${identifier(r)}(${identifier(r)}: string): number | undefined {`,
    (r, i) => `${i}// ${sentence(r, r.int(3, 9)).markdown}`,
    (r, i) => `${i}${identifier(r)}.set(${identifier(r)}, { ${r.pick(CONTENT)}: ${r.chance(0.5)}, count: ${r.int(0, 99)} });`,
    (r, i) => `${i}type ${capitalise(identifier(r))} = { ${r.pick(CONTENT)}: string; ${r.pick(CONTENT)}?: number };`,
  ],
  js: [
    (r, i) => `${i}const ${identifier(r)} = require("${r.pick(CONTENT)}");`,
    (r, i) => `${i}for (const ${r.pick(CONTENT)} of ${identifier(r)}) console.log(\`\${${r.pick(CONTENT)}}\`);`,
    (r, i) => `${i}module.exports.${identifier(r)} = (${r.pick(CONTENT)}) => ${r.pick(CONTENT)} * ${r.int(2, 9)};`,
    (r, i) => `${i}// ${sentence(r, r.int(3, 9)).markdown}`,
  ],
  bash: [
    (r, i) => `${i}npm run ${r.pick(CONTENT)} -- --${r.pick(CONTENT)}=${r.int(1, 20)}`,
    (r, i) => `${i}export ${r.pick(CONTENT).toUpperCase()}_DIR="$HOME/${r.pick(CONTENT)}"`,
    (r, i) => `${i}grep -rn "${r.pick(CONTENT)}" src/ | wc -l`,
    (r, i) => `${i}# ${sentence(r, r.int(3, 9)).markdown}`,
  ],
  python: [
    (r, i) => `${i}def ${r.pick(CONTENT)}_${r.pick(CONTENT)}(${r.pick(CONTENT)}, limit=${r.int(1, 100)}):`,
    (r, i) => `${i}    return [x for x in ${r.pick(CONTENT)} if x.${r.pick(CONTENT)} > ${r.int(0, 50)}]`,
    (r, i) => `${i}${r.pick(CONTENT)} = {"${r.pick(CONTENT)}": ${r.int(0, 9)}, "${r.pick(CONTENT)}": None}`,
    (r, i) => `${i}# ${sentence(r, r.int(3, 9)).markdown}`,
  ],
  css: [
    (r, i) => `${i}.${r.pick(CONTENT)}-${r.pick(CONTENT)} { margin: ${r.int(0, 4)}rem ${r.int(0, 32)}px; }`,
    (r, i) => `${i}:root { --${r.pick(CONTENT)}: #${r.int(0, 0xffffff).toString(16).padStart(6, "0")}; }`,
    (r, i) => `${i}@media (min-width: ${r.int(20, 80)}rem) { .${r.pick(CONTENT)} { display: grid; } }`,
  ],
  json: [
    (r, i) => `${i}"${r.pick(CONTENT)}": "${r.pick(CONTENT)}",`,
    (r, i) => `${i}"${r.pick(CONTENT)}": ${r.int(0, 5000)},`,
    (r, i) => `${i}"${r.pick(CONTENT)}": [${r.int(0, 9)}, ${r.int(0, 9)}, ${r.int(0, 9)}],`,
  ],
  rust: [
    (r, i) => `${i}let ${r.pick(CONTENT)} = ${r.pick(CONTENT)}.iter().filter(|x| x.${r.pick(CONTENT)} > ${r.int(0, 9)}).count();`,
    (r, i) => `${i}fn ${r.pick(CONTENT)}_${r.pick(CONTENT)}(input: &str) -> Result<usize, Error> {`,
    (r, i) => `${i}// ${sentence(r, r.int(3, 9)).markdown}`,
  ],
  go: [
    (r, i) => `${i}${r.pick(CONTENT)}, err := ${r.pick(CONTENT)}.${capitalise(r.pick(CONTENT))}(ctx, ${r.int(0, 99)})`,
    (r, i) => `${i}if err != nil { return fmt.Errorf("${r.pick(CONTENT)}: %w", err) }`,
    (r, i) => `${i}// ${sentence(r, r.int(3, 9)).markdown}`,
  ],
  yaml: [
    (r, i) => `${i}${r.pick(CONTENT)}: ${r.pick(CONTENT)}`,
    (r, i) => `${i}${r.pick(CONTENT)}: ${r.int(0, 600)}`,
    (r, i) => `${i}- ${r.pick(CONTENT)}-${r.pick(CONTENT)}`,
  ],
  html: [
    (r, i) => `${i}<div class="${r.pick(CONTENT)}">${sentence(r, r.int(2, 6)).markdown}</div>`,
    (r, i) => `${i}<a href="/${r.pick(CONTENT)}/">${r.pick(CONTENT)}</a>`,
    (r, i) => `${i}<img src="${r.pick(CONTENT)}.png" alt="${r.pick(CONTENT)}" width="${r.int(100, 900)}">`,
  ],
};

export function codeBlock(random: Random, language: CodeLanguage, lines: number): string {
  const makers = LINES[language];
  const body = Array.from({ length: lines }, () => {
    const indent = "  ".repeat(random.weighted([0, 1, 2], [5, 3, 1]));
    return random.pick(makers)(random, indent);
  });
  return `\`\`\`${language}\n${body.join("\n")}\n\`\`\``;
}
