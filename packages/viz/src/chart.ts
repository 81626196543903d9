import * as asciichart from "asciichart";
import { fillGaps } from "./resample.ts";
import { paint, palette, visibleLength } from "./terminal.ts";
import { xAxisLines } from "./x-axis.ts";
import { yScale } from "./y-axis.ts";
import type { YScale } from "./y-axis.ts";

/**
 * The line chart under lossChart and plotFunction: asciichart draws the lines and y-axis,
 * this adds a title, an x-axis with round tick values, and a legend.
 *
 *    Training loss
 *    2.30 ┼╮
 *    1.16 ┤╰══╗
 *    0.03 ┤   ╚═══════════════
 *         └────────┬─────────┬
 *    step  0      100      199
 *         ── train 0.0311   ══ validation 0.0520
 *
 * Each series has its own colour *and* its own line style (light, double, heavy,
 * dashed), so the legend still tells them apart in plain text (NO_COLOR, CI logs, docs).
 */
export interface ChartSeries {
  name: string;
  /** The series at `columns` evenly spaced x positions, first to last; NaN where unknown. */
  sample(columns: number): number[];
  /** Printed after the name in the legend, e.g. the last loss. */
  legendValue?: string;
  /** Printed after the value in the legend, e.g. how many NaN values were skipped. */
  note?: string;
}

export interface ChartOptions {
  /** Name of the public function drawing the chart, for error messages. */
  caller: string;
  title?: string;
  /** Total width in characters, y labels included. */
  width: number;
  /** Rows of plot, not counting title, x-axis and legend. */
  height: number;
  colors: boolean;
  logScale: boolean;
  yLabel?: string;
  xLabel: string;
  /** The x values of the first and last column. */
  xFrom: number;
  xTo: number;
}

const seriesColors = [palette.cyan, palette.magenta, palette.yellow, palette.green, palette.blue, palette.red];

// asciichart's line symbols: ─ ╰ ╭ ╮ ╯ │ (indices 4–9 of its symbol list); one style per series.
const lineStyles = [
  { "─": "─", "╰": "╰", "╭": "╭", "╮": "╮", "╯": "╯", "│": "│" },
  { "─": "═", "╰": "╚", "╭": "╔", "╮": "╗", "╯": "╝", "│": "║" },
  { "─": "━", "╰": "┗", "╭": "┏", "╮": "┓", "╯": "┛", "│": "┃" },
  { "─": "┄", "╰": "╰", "╭": "╭", "╮": "╮", "╯": "╯", "│": "┆" },
] as const;
type LineSymbol = keyof (typeof lineStyles)[0];

// asciichart's own symbols, except that the y-axis is ┤ on every row: asciichart marks
// the row of y = 0 with ┼, but counts that row from the wrong end when the range is not
// symmetric about 0, so the marker would sit at a wrong label.
const axisSymbols: [string, string, string, string, string, string, string, string, string, string] = [
  "┤", "┤", "╶", "╴", "─", "╰", "╭", "╮", "╯", "│",
];

// asciichart wraps every character of series j as colors[j] + char + reset. We hand it a
// private-use character per series instead of a colour, so afterwards each drawn
// character says which series it belongs to; we restyle and recolour it from that.
const seriesMarkerBase = 0xe000;
const markedCharacter = /([\ue000-\ue0ff])(.)\x1b\[0m/gu;

export function drawChart(series: readonly ChartSeries[], options: ChartOptions): string {
  const { caller, width, height, colors, logScale, xLabel } = options;
  if (series.length === 0) throw new Error(`${caller}: nothing to plot; pass at least one series`);
  if (!Number.isInteger(height) || height < 2) {
    throw new Error(`${caller}: height must be an integer of at least 2 rows; received ${height}`);
  }

  // The y labels' width decides how many columns are left for the plot, and the plotted
  // values decide the labels, so settle the two in a couple of rounds.
  let gutter = Math.max(3, xLabel.length);
  let plot = layOut(series, width - gutter - 1, options);
  for (let round = 0; round < 3 && plot.labelWidth > gutter; round++) {
    gutter = plot.labelWidth;
    plot = layOut(series, width - gutter - 1, options);
  }

  const drawn = asciichart.plot(plot.lines, {
    height: plot.scale.rows - 1, // asciichart draws height + 1 rows
    min: plot.scale.min,
    max: plot.scale.max,
    offset: 3,
    symbols: axisSymbols,
    colors: series.map((_, j) => String.fromCharCode(seriesMarkerBase + j)),
    format: (value: number) => plot.scale.label(value).padStart(gutter),
  });
  const body = drawn
    .replace(markedCharacter, (_, marker: string, symbol: string) => {
      const j = marker.charCodeAt(0) - seriesMarkerBase;
      const style: Record<string, string> = lineStyles[j % lineStyles.length];
      const glyph = symbol === "┤" ? "┼" : (style[symbol] ?? symbol); // ┼ marks where a series starts
      return paint(glyph, seriesColors[j % seriesColors.length], colors);
    })
    .split("\n")
    .map((line) => line.trimEnd());

  const lines: string[] = [];
  if (options.title !== undefined) lines.push(paint(options.title, palette.bold, colors));
  if (options.yLabel !== undefined) lines.push(options.yLabel.padStart(gutter));
  lines.push(...body);
  lines.push(...xAxisLines({ from: options.xFrom, to: options.xTo, columns: plot.columns, gutter, label: xLabel }));
  lines.push(...legend(series, { indent: gutter + 1, width, colors }));
  return lines.join("\n");
}

interface Layout {
  columns: number;
  lines: number[][];
  scale: YScale;
  labelWidth: number;
}

function layOut(series: readonly ChartSeries[], columns: number, options: ChartOptions): Layout {
  const { caller, width, height, logScale } = options;
  if (columns < 2) throw new Error(`${caller}: width ${width} leaves no room for the plot; use a width of at least 20`);
  const toPlotted = (value: number) => (logScale ? (value > 0 ? Math.log10(value) : NaN) : value);
  const lines = series.map((s) => {
    const line = fillGaps(s.sample(columns).map(toPlotted));
    if (line.length === 0) throw new Error(`${caller}: series "${s.name}" has no finite values to plot`);
    return line;
  });
  const low = Math.min(...lines.map((line) => Math.min(...line)));
  const high = Math.max(...lines.map((line) => Math.max(...line)));
  const scale = yScale(low, high, height, logScale);
  const spacing = (scale.max - scale.min) / (scale.rows - 1);
  let labelWidth = 0;
  for (let row = 0; row < scale.rows; row++) labelWidth = Math.max(labelWidth, scale.label(scale.max - row * spacing).length);
  // Values within half a row of the top or bottom row belong on it; asciichart would
  // otherwise stretch its range to reach them and lose the round labels.
  const clamped = lines.map((line) => line.map((value) => Math.min(scale.max, Math.max(scale.min, value))));
  return { columns, lines: clamped, scale, labelWidth };
}

/** One entry per series, "── train 0.0311", on one line if they fit, else one per line. */
function legend(series: readonly ChartSeries[], layout: { indent: number; width: number; colors: boolean }): string[] {
  const entries = series.map((s, j) => {
    const style = lineStyles[j % lineStyles.length];
    const sample = paint(style["─" as LineSymbol].repeat(2), seriesColors[j % seriesColors.length], layout.colors);
    return [sample, s.name, s.legendValue, s.note].filter((part) => part !== undefined && part !== "").join(" ");
  });
  const indent = " ".repeat(layout.indent);
  const oneLine = indent + entries.join("   ");
  return visibleLength(oneLine) <= layout.width ? [oneLine] : entries.map((entry) => indent + entry);
}
