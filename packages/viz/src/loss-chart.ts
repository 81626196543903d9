import { drawChart } from "./chart.ts";
import type { ChartSeries } from "./chart.ts";
import { recordChart, recordableSeries } from "./chart-recording.ts";
import { formatMetric } from "./format.ts";
import { resample } from "./resample.ts";
import { terminalWidth, useColor } from "./terminal.ts";

export interface LossChartOptions {
  title?: string;
  /** Total width in characters, labels included (default: the terminal's width up to 120, else 80). */
  width?: number;
  /** Rows of plot (default 12). */
  height?: number;
  /** Plot log10 of the values, labelled with the real values; shows steady exponential decay as a straight line. */
  logScale?: boolean;
  /** Force colour on or off (default: on for a terminal unless NO_COLOR is set). */
  colors?: boolean;
  yLabel?: string;
  /** Name of the x-axis (default "step"). */
  xLabel?: string;
  /** The x values of the longest series' first and last value (default: 1 and its length). */
  xRange?: [number, number];
}

/** Widest chart drawn by default: wider than this, a 12-row chart is a flat smear. */
const maxDefaultWidth = 120;

/**
 * Loss curves as a terminal line chart, e.g. `lossChart({ train, validation })`.
 *
 * - Long series are resampled to one value per column by averaging equal buckets (see
 *   resample.ts for why the mean and not min/max); the legend shows each series' true
 *   last value.
 * - Series share one run: the longest series has a value per step, and a shorter one
 *   spreads its values evenly over the same run, value k of n at step (k + 1) · longest / n.
 *   So a validation loss per epoch beside a training loss per batch puts each epoch's
 *   value at the end of that epoch, where it was measured (see resample.ts). The x-axis
 *   counts steps from 1 to the longest length, or spans `xRange`.
 * - NaN and ±Infinity (a run that diverged) are skipped and counted in the legend, so the
 *   part of the curve that led up to the blow-up stays visible; a series with no finite
 *   value at all is an error.
 * - With GRADSCHOOL_CHARTS_FILE set, the numbers are also appended to that file as one
 *   line of JSON, so the docs site can redraw the chart (chart-recording.ts).
 */
export function lossChart(series: ArrayLike<number> | Record<string, ArrayLike<number>>, options: LossChartOptions = {}): string {
  if (!isSeries(series) && Object.getPrototypeOf(series) !== Object.prototype) {
    const kind = (series as object).constructor?.name ?? typeof series;
    throw new Error(`lossChart: received a ${kind}; expected an array of numbers or a record of them, e.g. { train: losses }`);
  }
  const named: Array<[string, ArrayLike<number>]> = isSeries(series) ? [["loss", series]] : Object.entries(series);
  if (named.length === 0) {
    throw new Error("lossChart: received an empty record; expected at least one named series, e.g. { train: losses }");
  }
  const logScale = options.logScale ?? false;
  for (const [name, values] of named) {
    if (!isSeries(values)) {
      throw new Error(`lossChart: series "${name}" is ${typeof values}; expected an array of numbers`);
    }
    if (values.length === 0) {
      throw new Error(`lossChart: series "${name}" is empty; every series needs at least one value`);
    }
  }
  const longest = Math.max(...named.map(([, values]) => values.length));
  const chartSeries: ChartSeries[] = named.map(([name, values]) => {
    const legend = describe(name, values, logScale);
    // On a log scale, resample log10 of the values: bucket means become geometric means,
    // and values a log cannot show (≤ 0) drop out before any interpolation.
    const plotted = logScale ? Array.from(values, (value) => (value > 0 ? Math.log10(value) : NaN)) : values;
    return { name, sample: (columns) => resample(plotted, columns, longest), ...legend };
  });

  const [xFrom, xTo] = options.xRange ?? [1, longest];
  const xLabel = options.xLabel ?? "step";
  const yLabel = logScale ? `${options.yLabel ?? ""} (log scale)`.trim() : options.yLabel;
  const chart = drawChart(chartSeries, {
    caller: "lossChart",
    title: options.title,
    width: options.width ?? Math.min(terminalWidth(), maxDefaultWidth),
    height: options.height ?? 12,
    colors: useColor(options.colors),
    logScale,
    yLabel,
    xLabel,
    xFrom,
    xTo,
  });
  recordChart({
    title: options.title,
    series: Object.fromEntries(named.map(([name, values]) => [name, recordableSeries(values)])),
    logScale,
    yLabel: options.yLabel,
    xLabel,
    xRange: [xFrom, xTo],
  });
  return chart;
}

function isSeries(value: unknown): value is ArrayLike<number> {
  return Array.isArray(value) || ArrayBuffer.isView(value);
}

/** The legend's last value, and a note on values the chart cannot show. */
function describe(name: string, values: ArrayLike<number>, logScale: boolean): Pick<ChartSeries, "legendValue" | "note"> {
  const shown = (value: number) => Number.isFinite(value) && (!logScale || value > 0);
  let hidden = 0;
  let firstHidden = -1;
  let last = NaN;
  for (let i = 0; i < values.length; i++) {
    if (shown(values[i])) {
      last = values[i];
    } else {
      hidden++;
      if (firstHidden < 0) firstHidden = i;
    }
  }
  if (hidden === values.length) {
    const why = logScale ? "finite and above 0 (a log scale shows only positive values)" : "finite";
    throw new Error(`lossChart: series "${name}" has no value to plot — all ${values.length} are not ${why}; first is ${values[0]}`);
  }
  if (hidden === 0) return { legendValue: formatMetric(last) };
  const what = logScale ? "non-positive or non-finite" : "non-finite";
  const plural = hidden === 1 ? "value" : "values";
  const note = `(${hidden} ${what} ${plural} skipped, first ${values[firstHidden]} at index ${firstHidden})`;
  return { legendValue: formatMetric(last), note };
}
