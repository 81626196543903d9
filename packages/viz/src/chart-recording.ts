/**
 * Chart recording: a way for the docs site to redraw every loss chart a lesson prints.
 *
 * When the environment variable GRADSCHOOL_CHARTS_FILE names a file, every lossChart call
 * appends one line of JSON to it, the numbers and options it was drawn from:
 *
 *   {"title":"Fitting y = 3x − 0.5","series":{"mean squared error":[3.37,2.71,…]},"logScale":true,…}
 *
 * The docs build sets it while it captures a lesson, then draws each line as an SVG chart
 * beside the lesson's printed output, from the same numbers. Lessons need no change, and
 * with the variable unset (every normal run) nothing is written.
 */
import { appendFileSync } from "node:fs";

/** One recorded chart; NaN and ±Infinity become null, as JSON has no such numbers. */
export interface ChartRecord {
  title?: string;
  series: Record<string, Array<number | null>>;
  logScale: boolean;
  yLabel?: string;
  xLabel: string;
  /** The x values of the longest series' first and last value. */
  xRange: [number, number];
}

/** The environment variable naming the file charts are appended to. */
export const chartsFileVariable = "GRADSCHOOL_CHARTS_FILE";

/** Appends `record` as one JSON line to the file GRADSCHOOL_CHARTS_FILE names; does nothing when it is unset or empty. */
export function recordChart(record: ChartRecord): void {
  const file = process.env[chartsFileVariable];
  if (file === undefined || file === "") return;
  appendFileSync(file, JSON.stringify(record) + "\n");
}

/** A series as plain JSON-ready numbers: typed arrays become arrays, non-finite values null. */
export function recordableSeries(values: ArrayLike<number>): Array<number | null> {
  return Array.from(values, (value) => (Number.isFinite(value) ? value : null));
}
