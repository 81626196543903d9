import { formatSignificant, formatTick } from "./format.ts";

/**
 * The y range and labels of a chart. On a linear axis the rows sit at round values
 * (0.0, 0.2, 0.4 … rather than 0.05, 0.24, 0.44 …): we pick the smallest round spacing —
 * 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × 10ᵏ — whose rows reach the data (to within half
 * a row) in at most `height` rows, so the chart stays close to the height asked for. On a
 * log axis the rows are evenly spaced in log10 and labelled with the real values, 3
 * significant digits.
 */
export interface YScale {
  /** Value of the bottom and top row, in plotted units (log10 of the value on a log axis). */
  min: number;
  max: number;
  /** Number of rows actually used (≤ the height asked for). */
  rows: number;
  /** The label of a row at plotted value `value`. */
  label(value: number): string;
}

const roundSpacings = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8];

export function yScale(low: number, high: number, height: number, logScale: boolean): YScale {
  if (high === low) return flatScale(low, height, logScale);
  if (logScale) {
    return { min: low, max: high, rows: height, label: (value) => formatSignificant(10 ** value) };
  }
  const rough = (high - low) / (height - 1);
  for (let power = 10 ** Math.floor(Math.log10(rough)); ; power *= 10) {
    for (const multiple of roundSpacings) {
      const spacing = multiple * power;
      // asciichart draws each value on its nearest row, so rows need only come within half a spacing.
      const bottom = Math.round(low / spacing);
      const top = Math.round(high / spacing);
      if (top - bottom + 1 <= height) {
        const label = (value: number) => formatTick(value, spacing);
        return { min: bottom * spacing, max: top * spacing, rows: top - bottom + 1, label };
      }
    }
  }
}

/**
 * A flat series still needs a y range: put its value on the middle row, with rows a
 * tenth of its order of magnitude apart (0.7 → 0.71, 0.70, 0.69), so a loss stuck
 * at ln 2 reads as 0.69 rather than floating between two labels.
 */
function flatScale(value: number, height: number, logScale: boolean): YScale {
  const half = Math.floor((height - 1) / 2);
  const magnitude = logScale ? 1 : 10 ** Math.floor(Math.log10(Math.abs(value) || 1));
  const spacing = logScale ? 0.1 : magnitude / 10;
  const label = (row: number) => (logScale ? formatSignificant(10 ** row) : formatTick(row, spacing));
  return { min: value - half * spacing, max: value + half * spacing, rows: 2 * half + 1, label };
}
