/**
 * A minimal SVG element model. Charts are built as this tree rather than as
 * strings so tests can inspect geometry (text positions, mark counts) without
 * parsing markup, and so escaping happens in exactly one place.
 */

export type AttrValue = string | number;

export interface SvgElement {
  tag: string;
  attrs: Record<string, AttrValue>;
  children: SvgNode[];
}

export type SvgNode = SvgElement | string;

export function el(tag: string, attrs: Record<string, AttrValue | undefined> = {}, children: SvgNode[] = []): SvgElement {
  const clean: Record<string, AttrValue> = {};
  for (const [key, value] of Object.entries(attrs)) {
    if (value !== undefined) clean[key] = value;
  }
  return { tag, attrs: clean, children };
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Rounds coordinates so output is compact and byte-stable across platforms. */
export function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function formatAttr(value: AttrValue): string {
  return typeof value === "number" ? String(round(value)) : value;
}

export function serialize(node: SvgNode): string {
  if (typeof node === "string") return escapeXml(node);
  const attrs = Object.entries(node.attrs)
    .map(([key, value]) => ` ${key}="${escapeXml(formatAttr(value))}"`)
    .join("");
  if (node.children.length === 0) return `<${node.tag}${attrs}/>`;
  return `<${node.tag}${attrs}>${node.children.map(serialize).join("")}</${node.tag}>`;
}

/** Depth-first walk over elements, the root included. */
export function walk(node: SvgElement, visit: (element: SvgElement) => void): void {
  visit(node);
  for (const child of node.children) {
    if (typeof child !== "string") walk(child, visit);
  }
}

export function textContent(node: SvgNode): string {
  return typeof node === "string" ? node : node.children.map(textContent).join("");
}
