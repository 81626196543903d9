import { drawChart } from "./chart.ts";
import type { ChartSeries } from "./chart.ts";
import { terminalWidth, useColor } from "./terminal.ts";

export interface PlotFunctionOptions {
  title?: string;
  /** Total width in characters, labels included (default: the terminal's width up to 120, else 80). */
  width?: number;
  /** Rows of plot (default 12). */
  height?: number;
  /** Force colour on or off (default: on for a terminal unless NO_COLOR is set). */
  colors?: boolean;
  yLabel?: string;
  /** Name of the x-axis (default "x"). */
  xLabel?: string;
}

type RealFunction = (x: number) => number;

/**
 * Curves of y = f(x) for x in [from, to], e.g. an activation and its derivative:
 *
 *   plotFunction({ "tanh(x)": Math.tanh, "tanh'(x)": (x) => 1 - Math.tanh(x) ** 2 }, [-4, 4])
 *
 * Each function is evaluated once per column, at evenly spaced x from `from` to `to`, so
 * kinks (relu at 0) land where the columns put them. Points where a function is NaN or
 * infinite are skipped and the line bridges them.
 */
export function plotFunction(
  functions: RealFunction | Record<string, RealFunction>,
  range: readonly [number, number],
  options: PlotFunctionOptions = {},
): string {
  const [from, to] = range;
  if (!Number.isFinite(from) || !Number.isFinite(to) || from >= to) {
    throw new Error(`plotFunction: range must be [from, to] with finite from < to; received [${from}, ${to}]`);
  }
  const named = typeof functions === "function" ? [[functions.name || "f(x)", functions] as const] : Object.entries(functions);
  const series: ChartSeries[] = named.map(([name, fn]) => {
    if (typeof fn !== "function") {
      throw new Error(`plotFunction: "${name}" is ${typeof fn}; expected a function of x`);
    }
    return { name, sample: (columns) => sampleFunction(fn, from, to, columns) };
  });
  if (series.length === 0) {
    throw new Error("plotFunction: received an empty record; expected at least one function, e.g. { relu }");
  }
  return drawChart(series, {
    caller: "plotFunction",
    title: options.title,
    width: options.width ?? Math.min(terminalWidth(), 120),
    height: options.height ?? 12,
    colors: useColor(options.colors),
    logScale: false,
    yLabel: options.yLabel,
    xLabel: options.xLabel ?? "x",
    xFrom: from,
    xTo: to,
  });
}

/** fn at `columns` evenly spaced points from `from` to `to`; NaN where it is not finite. */
function sampleFunction(fn: RealFunction, from: number, to: number, columns: number): number[] {
  return Array.from({ length: columns }, (_, column) => {
    const x = from + ((to - from) * column) / (columns - 1);
    const y = fn(x);
    return Number.isFinite(y) ? y : NaN;
  });
}
