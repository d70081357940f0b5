import { polygonsOverlap, rectInside, textPolygon, textRect, type Rect, type TextPlacement } from "../geometry.ts";
import type { VariantConfig } from "../layout.ts";
import type { XMapper } from "./context.ts";

/** A bottom axis once laid out: its scale, ticks, labels and the plot's horizontal extent it settled on. */
export interface BottomAxis {
  map: XMapper;
  ticks: { position: number }[];
  labels: TextPlacement[];
  left: number;
  right: number;
  /** Band width for bars (0 for point scales and continuous axes). */
  bandwidth: number;
}

export interface HorizontalLayout<T> {
  result: T;
  labels: TextPlacement[];
}

/** Margins only grow, so fitting settles within two or three rounds; this bounds a pathological case. */
const MAX_FIT_ROUNDS = 8;
/** Overflow smaller than the output's coordinate precision (hundredths, see svg.ts `round`) is no overflow. */
const FIT_TOLERANCE = 0.01;

/** Horizontal extent of a set of labels, used to grow margins until nothing is clipped. */
function horizontalExtent(labels: readonly TextPlacement[]): { left: number; right: number } {
  let left = Infinity;
  let right = -Infinity;
  for (const label of labels) {
    const rect = textRect(label);
    left = Math.min(left, rect.left);
    right = Math.max(right, rect.right);
  }
  return { left, right };
}

/**
 * Runs `layout` for a plot spanning [left, right] and widens the margins
 * until every label lies within the padded viewBox. Margins only grow, so
 * this settles in a few rounds; labels still outside after that are dropped
 * rather than clipped.
 */
export function fitHorizontally<T>(
  config: VariantConfig,
  minLeft: number,
  layout: (left: number, right: number) => HorizontalLayout<T>,
): HorizontalLayout<T> & { left: number; right: number } {
  let left = minLeft;
  let right = config.width - config.pad;
  let current = layout(left, right);
  for (let round = 0; round < MAX_FIT_ROUNDS; round++) {
    const extent = horizontalExtent(current.labels);
    const overflowLeft = config.pad - extent.left;
    const overflowRight = extent.right - (config.width - config.pad);
    if (overflowLeft <= FIT_TOLERANCE && overflowRight <= FIT_TOLERANCE) return { ...current, left, right };
    if (overflowLeft > FIT_TOLERANCE) left += overflowLeft;
    if (overflowRight > FIT_TOLERANCE) right -= overflowRight;
    current = layout(left, right);
  }
  const bounds: Rect = { left: config.pad, right: config.width - config.pad, top: -Infinity, bottom: Infinity };
  return { ...current, labels: current.labels.filter((label) => rectInside(textRect(label), bounds)), left, right };
}

/** Whether neighbouring labels keep at least `gap` between their (possibly rotated) boxes. */
export function labelsApart(labels: readonly TextPlacement[], gap: number): boolean {
  return labels.every((label, i) => {
    const next = labels[i + 1];
    return next === undefined || !polygonsOverlap(textPolygon(label), textPolygon(next), gap);
  });
}
