import { scaleBand, scalePoint } from "d3-scale";
import { textRect, type TextPlacement } from "../geometry.ts";
import { baselineBelow, LABEL_GAP, placement } from "../layout.ts";
import { ellipsize, FONT_METRICS, lineHeight, measureText } from "../text-metrics.ts";
import type { DrawContext } from "./context.ts";
import { type BottomAxis, fitHorizontally, labelsApart } from "./fit.ts";

/**
 * Bars: a fifth of each step between neighbouring bands keeps groups apart
 * while bars stay wider than the gaps; half that at either end, since there
 * the gap only separates a bar from the axis' end.
 */
const BAND_PADDING = { inner: 0.2, outer: 0.1 };
/** Points: half a step at either end, so the first and last sit where a band's centre would. */
const POINT_PADDING = 0.5;
/** Line pitch of wrapped labels, in em; a touch over the ascender-to-descender height so boxes never touch. */
const LINE_SPACING = 1.25;
/** Diagonal labels read more easily than vertical ones, so they are tried first. */
const ROTATIONS = [-45, -90] as const;
/** Rotated labels are read one at a time along their slant; a hairline between them is enough, unlike LABEL_GAP. */
const ROTATED_LABEL_GAP = 2;

/**
 * Fits a label into `maxWidth` on one line, or on two split at the space
 * that best balances them; undefined when neither works.
 */
function wrapInTwo(text: string, maxWidth: number, fs: number): string[] | undefined {
  if (measureText(text, fs) <= maxWidth) return [text];
  const words = text.split(/\s+/);
  let best: string[] | undefined;
  let bestWidth = Infinity;
  for (let split = 1; split < words.length; split++) {
    const lines = [words.slice(0, split).join(" "), words.slice(split).join(" ")];
    const width = Math.max(...lines.map((line) => measureText(line, fs)));
    if (width <= maxWidth && width < bestWidth) {
      best = lines;
      bestWidth = width;
    }
  }
  return best;
}

/**
 * Category labels along the bottom. Tries, in order: horizontal on one line
 * or wrapped onto two; rotated 45°; rotated 90°; rotated 90° showing every
 * k-th label. Rotated labels are shortened with an ellipsis so they never
 * reach more than `maxDepth` below the axis (the data table carries the
 * full names).
 */
export function bottomCategoryAxis(
  ctx: DrawContext,
  kind: "band" | "point",
  minLeft: number,
  labelTop: number,
  maxDepth: number,
): BottomAxis {
  const { config } = ctx;
  const { categories } = ctx.prepared;
  const fs = config.fontSize;
  const makeScale = (left: number, right: number) =>
    kind === "band"
      ? scaleBand<string>()
          .domain(categories)
          .range([left, right])
          .paddingInner(BAND_PADDING.inner)
          .paddingOuter(BAND_PADDING.outer)
      : scalePoint<string>().domain(categories).range([left, right]).padding(POINT_PADDING);

  const rotatedLabels = (positions: number[], angle: number, every: number): TextPlacement[] => {
    const radians = (angle * Math.PI) / 180;
    const depthPerWidth = Math.abs(Math.sin(radians));
    const thickness = lineHeight(fs) * Math.abs(Math.cos(radians));
    const maxWidth = (maxDepth - thickness) / depthPerWidth;
    // Shift along the text's "down" direction so the middle of the capitals points at the tick.
    const shift = (FONT_METRICS.capHeight * fs) / 2;
    return categories.flatMap((category, i) => {
      if (i % every !== 0) return [];
      const x = (positions[i] as number) - Math.sin(radians) * shift;
      const candidate = placement(ellipsize(category, maxWidth, fs), x, labelTop, "end", fs, 400, angle);
      return [{ ...candidate, y: candidate.y + (labelTop - textRect(candidate).top) }];
    });
  };

  const laidOut = fitHorizontally(config, minLeft, (left, right) => {
    const scale = makeScale(left, right);
    const bandwidth = "bandwidth" in scale && kind === "band" ? scale.bandwidth() : 0;
    const positions = categories.map((category) => (scale(category) ?? 0) + bandwidth / 2);
    const result = { positions, bandwidth };
    const step = categories.length > 1 ? (positions[1] as number) - (positions[0] as number) : right - left;
    const wrapped = categories.map((category) => wrapInTwo(category, step - LABEL_GAP, fs));
    if (wrapped.every((lines) => lines !== undefined)) {
      const labels = wrapped.flatMap((lines, i) =>
        (lines as string[]).map((line, row) =>
          placement(line, positions[i] as number, baselineBelow(labelTop, fs) + row * LINE_SPACING * fs, "middle", fs),
        ),
      );
      return { result, labels };
    }
    for (const angle of ROTATIONS) {
      const rotated = rotatedLabels(positions, angle, 1);
      if (labelsApart(rotated, ROTATED_LABEL_GAP)) return { result, labels: rotated };
    }
    for (let every = 2; ; every++) {
      const thinned = rotatedLabels(positions, -90, every);
      if (labelsApart(thinned, ROTATED_LABEL_GAP) || every >= categories.length) return { result, labels: thinned };
    }
  });
  const { positions, bandwidth } = laidOut.result;
  const index = new Map(categories.map((category, i) => [category, i]));
  return {
    map: (value) => {
      const i = index.get(String(value));
      return i === undefined ? undefined : positions[i];
    },
    ticks: positions.map((position) => ({ position })),
    labels: laidOut.labels,
    left: laidOut.left,
    right: laidOut.right,
    bandwidth,
  };
}
