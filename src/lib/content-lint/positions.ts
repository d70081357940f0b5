import type { Point, PointAt } from "./types.ts";

export type { PointAt };

/** Maps UTF-16 offsets (what satteri and JS strings use) to 1-based line/column. */
export function createPointAt(source: string): PointAt {
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (code === 10 /* \n */) lineStarts.push(i + 1);
    else if (code === 13 /* \r */ && source.charCodeAt(i + 1) !== 10) lineStarts.push(i + 1);
  }
  return (offset) => {
    const clamped = Math.max(0, Math.min(offset, source.length));
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - (lineStarts[low] ?? 0) + 1, offset: clamped };
  };
}

export function stripBom(source: string): string {
  return source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
}

/** Where a problem with a link's or image's URL is reported: `offset` characters into the URL when its text was found, else the node. */
export function urlPoint(pointAt: PointAt, target: { point: Point; urlStart?: number }, offset = 0): Point {
  return target.urlStart === undefined ? target.point : pointAt(target.urlStart + offset);
}
