import { urlPoint } from "../positions.ts";
import type { Finding, Rule } from "../types.ts";

const SCHEME = /https?:\/\//gi;
/** Services whose URLs legitimately embed the URL they archive. */
const WRAPPING_HOSTS = /^(?:[\w-]+\.)*(?:archive\.org|archive\.ph|archive\.today|archive\.is|archive\.li)$/i;

export interface NestedUrl {
  /** Index of the second scheme inside the URL. */
  index: number;
  first: string;
  second: string;
}

export function findNestedUrl(url: string): NestedUrl | undefined {
  const start = /^https?:\/\//i.exec(url) ? 1 : 0;
  let host = "";
  try {
    host = new URL(url).hostname;
  } catch {
    // Unparseable URLs can still be two pasted together; keep checking.
  }
  if (host && WRAPPING_HOSTS.test(host)) return undefined;
  SCHEME.lastIndex = start;
  for (let match = SCHEME.exec(url); match; match = SCHEME.exec(url)) {
    const before = url[match.index - 1];
    // `?u=https://…` and `&next=https://…` pass a URL as a parameter on purpose.
    if (before === "=") continue;
    return { index: match.index, first: url.slice(0, match.index), second: url.slice(match.index) };
  }
  return undefined;
}

export const nestedUrl: Rule = {
  id: "nested-url",
  description: "A URL must not contain a second URL (usually two links pasted together).",
  check(doc) {
    const findings: Finding[] = [];
    const targets = [...doc.links, ...doc.images];
    const seen = new Set<number>();
    for (const target of targets) {
      const nested = findNestedUrl(target.url);
      if (!nested) continue;
      const point = urlPoint(doc.pointAt, target, nested.index);
      // A reference definition shared by several references would otherwise be reported repeatedly.
      if (seen.has(point.offset)) continue;
      seen.add(point.offset);
      findings.push({
        line: point.line,
        column: point.column,
        severity: "error",
        rule: "nested-url",
        message: `URL contains a second URL, probably two links pasted together: "${nested.first}" + "${nested.second}"`,
      });
    }
    return findings;
  },
};
