import { FONT_METRICS, measureText, type FontWeight } from "./text-metrics.ts";

export type TextAnchor = "start" | "middle" | "end";

/** A text run as SVG will draw it: baseline at (x, y), optionally rotated about that point. */
export interface TextPlacement {
  text: string;
  x: number;
  y: number;
  anchor: TextAnchor;
  fontSize: number;
  weight: FontWeight;
  /** Degrees, clockwise as in SVG's rotate(). */
  rotate: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const ANCHOR_SHIFT: Record<TextAnchor, number> = { start: 0, middle: 0.5, end: 1 };

/** The four corners of the text's ink box (ascender to descender), after rotation. */
export function textPolygon(t: TextPlacement): Point[] {
  const width = measureText(t.text, t.fontSize, t.weight);
  const left = -width * ANCHOR_SHIFT[t.anchor];
  const top = -FONT_METRICS.ascent * t.fontSize;
  const bottom = FONT_METRICS.descent * t.fontSize;
  const corners: Point[] = [
    { x: left, y: top },
    { x: left + width, y: top },
    { x: left + width, y: bottom },
    { x: left, y: bottom },
  ];
  const angle = (t.rotate * Math.PI) / 180;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  return corners.map(({ x, y }) => ({ x: t.x + x * cos - y * sin, y: t.y + x * sin + y * cos }));
}

export function boundingRect(points: readonly Point[]): Rect {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  return { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
}

export function textRect(t: TextPlacement): Rect {
  return boundingRect(textPolygon(t));
}

function project(points: readonly Point[], axis: Point): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const p of points) {
    const d = p.x * axis.x + p.y * axis.y;
    min = Math.min(min, d);
    max = Math.max(max, d);
  }
  return [min, max];
}

/**
 * Separating-axis test for two convex polygons (here: possibly rotated text
 * boxes). Boxes closer than `gap` count as overlapping, so callers can demand
 * breathing room between labels.
 */
export function polygonsOverlap(a: readonly Point[], b: readonly Point[], gap = 0): boolean {
  for (const poly of [a, b]) {
    for (let i = 0; i < poly.length; i++) {
      const p = poly[i] as Point;
      const q = poly[(i + 1) % poly.length] as Point;
      const length = Math.hypot(q.x - p.x, q.y - p.y);
      if (length === 0) continue;
      const axis = { x: -(q.y - p.y) / length, y: (q.x - p.x) / length };
      const [minA, maxA] = project(a, axis);
      const [minB, maxB] = project(b, axis);
      if (maxA + gap <= minB || maxB + gap <= minA) return false;
    }
  }
  return true;
}

export function rectInside(inner: Rect, outer: Rect, epsilon = 1e-6): boolean {
  return (
    inner.left >= outer.left - epsilon &&
    inner.top >= outer.top - epsilon &&
    inner.right <= outer.right + epsilon &&
    inner.bottom <= outer.bottom + epsilon
  );
}
