/** Units as the tables print them; null is a figure the build did not produce. */

export const NA = "n/a";

export function seconds(ms: number | null): string {
  if (ms === null) return NA;
  const value = ms / 1000;
  return `${value.toFixed(Math.abs(value) < 10 ? 2 : 1)} s`;
}

export function signedSeconds(ms: number | null): string {
  if (ms === null) return NA;
  return `${ms >= 0 ? "+" : "−"}${seconds(Math.abs(ms))}`;
}

/** Decimal units (1 MB = 10⁶ bytes), as the targets are written. */
export function bytes(value: number | null): string {
  if (value === null) return NA;
  if (value < 1000) return `${value} B`;
  if (value < 1e6) return `${(value / 1e3).toFixed(1)} kB`;
  if (value < 1e9) return `${(value / 1e6).toFixed(1)} MB`;
  return `${(value / 1e9).toFixed(2)} GB`;
}

export function times(value: number | null): string {
  return value === null ? NA : `${value.toFixed(2)}×`;
}

export function count(value: number | null): string {
  return value === null ? NA : String(value);
}

export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const escapeCell = (cell: string) => cell.replace(/\|/g, "\\|");
  const line = (cells: readonly string[]) => `| ${cells.map(escapeCell).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}
