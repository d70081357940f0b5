import type { TextAnchor, TextPlacement } from "../../../src/lib/charts/geometry.ts";
import { walk, type SvgElement } from "../../../src/lib/charts/svg.ts";

export interface TextInfo {
  placement: TextPlacement;
  classes: string[];
  /** Classes of the enclosing groups, innermost first. */
  groups: string[];
}

/** Every <text> of a chart, with its placement recovered from the attributes alone. */
export function texts(root: SvgElement): TextInfo[] {
  const found: TextInfo[] = [];
  const visit = (node: SvgElement, groups: string[]) => {
    if (node.tag === "text") {
      const x = Number(node.attrs["x"]);
      const y = Number(node.attrs["y"]);
      let rotate = 0;
      const transform = node.attrs["transform"];
      if (transform !== undefined) {
        const match = /^rotate\((-?[\d.]+) (-?[\d.]+) (-?[\d.]+)\)$/.exec(String(transform));
        if (!match) throw new Error(`unexpected transform ${transform}`);
        // Rotation must be about the text's own anchor for the box maths to hold.
        if (Math.abs(Number(match[2]) - x) > 0.01 || Math.abs(Number(match[3]) - y) > 0.01) {
          throw new Error(`rotation centre differs from anchor in ${transform}`);
        }
        rotate = Number(match[1]);
      }
      const weight = Number(node.attrs["font-weight"] ?? 400);
      if (weight !== 400 && weight !== 600) throw new Error(`unexpected weight ${weight}`);
      found.push({
        placement: {
          text: node.children.filter((child): child is string => typeof child === "string").join(""),
          x,
          y,
          anchor: (node.attrs["text-anchor"] ?? "start") as TextAnchor,
          fontSize: Number(node.attrs["font-size"]),
          weight,
          rotate,
        },
        classes: String(node.attrs["class"] ?? "")
          .split(/\s+/)
          .filter(Boolean),
        groups,
      });
      return;
    }
    const cls = String(node.attrs["class"] ?? "");
    for (const child of node.children) {
      if (typeof child !== "string") visit(child, cls ? [cls, ...groups] : groups);
    }
  };
  visit(root, []);
  return found;
}

export function elements(root: SvgElement, predicate: (element: SvgElement) => boolean): SvgElement[] {
  const found: SvgElement[] = [];
  walk(root, (element) => {
    if (predicate(element)) found.push(element);
  });
  return found;
}

export function byClass(root: SvgElement, cls: string): SvgElement[] {
  return elements(root, (element) =>
    String(element.attrs["class"] ?? "")
      .split(/\s+/)
      .includes(cls),
  );
}

export function viewBox(root: SvgElement): { width: number; height: number } {
  const [x, y, width, height] = String(root.attrs["viewBox"]).split(" ").map(Number);
  if (x !== 0 || y !== 0 || width === undefined || height === undefined) throw new Error("unexpected viewBox");
  return { width, height };
}
