import * as asciichart from "asciichart";
import { fillGaps } from "./resample.ts";
import { legend } from "./legend.ts";
import { seriesGlyph } from "./series-style.ts";
import { paint, palette } from "./terminal.ts";
import { xAxisLines } from "./x-axis.ts";
import { yScale } from "./y-axis.ts";
import type { YScale } from "./y-axis.ts";

/**
 * The line chart under lossChart and plotFunction: asciichart draws the lines and the
 * y-axis; this adds round y labels, a title, an x-axis with tick values, and a legend.
 *
 *   Training loss
 *    2.0 ┼──╮
 *    1.5 ┤  ╰─╮
 *    1.0 ┤    ╰────╮
 *    0.5 ┤         ══════════╗
 *    0.0 ┤                  ╰╚════════════════════
 *        └─────────┬─────────┬─────────┬─────────┬
 *   step 1         50       100       150      200
 *        ── train 0.0459   ══ validation 0.0655
 *
 * Each series has its own colour *and* its own line style (light, double, heavy,
 * dashed …), so the legend still tells them apart in plain text: NO_COLOR, CI logs, docs.
 */
export interface ChartSeries {
  name: string;
  /** The series' value in each of `columns` columns (log10 of it on a log scale); NaN where there is none. */
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
  /** The series are log10 of the values; label the rows with 10^row. */
  logScale: boolean;
  yLabel?: string;
  xLabel: string;
  /** The x values of the first and last column. */
  xFrom: number;
  xTo: number;
}

// asciichart's own symbols, except that the y-axis is ┤ on every row: asciichart marks
// the row of y = 0 with ┼, but counts that row from the wrong end when the range is not
// symmetric about 0, so the marker would sit at a wrong label.
const axisSymbols: [string, string, string, string, string, string, string, string, string, string] = [
  "┤", "┤", "╶", "╴", "─", "╰", "╭", "╮", "╯", "│",
];

// asciichart wraps every character of a series as colour + char + reset. We hand it a
// private-use character instead of a colour, so each drawn character can be told apart
// from the axis and labels, then restyled and recoloured for its series.
const marker = "\ue000";
const cellPattern = /\ue000.\x1b\[0m|./gu;

export function drawChart(series: readonly ChartSeries[], options: ChartOptions): string {
  const { caller, width, height, colors, xLabel } = options;
  if (series.length === 0) throw new Error(`${caller}: nothing to plot; pass at least one series`);
  if (!Number.isInteger(width)) throw new Error(`${caller}: width must be a whole number of characters; received ${width}`);
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

  const body = overlay(plot, gutter, colors);
  const lines: string[] = [];
  if (options.title !== undefined) lines.push(paint(options.title, palette.bold, colors));
  if (options.yLabel !== undefined) lines.push(options.yLabel.padStart(gutter));
  lines.push(...body);
  lines.push(...xAxisLines({ from: options.xFrom, to: options.xTo, columns: plot.columns, gutter, label: xLabel }));
  lines.push(...legend(series, { indent: gutter + 1, width, colors }));
  return lines.join("\n");
}

/**
 * The plot rows: asciichart draws each series alone on the same axes, and the drawings
 * are laid over each other, later series on top. Drawing them apart is what lets a
 * series that starts late (a validation loss per epoch) leave the columns before its
 * first value empty instead of hiding what is under them.
 */
function overlay(plot: Layout, gutter: number, colors: boolean): string[] {
  const drawings = plot.lines.map((line) =>
    asciichart
      .plot([line], {
        height: plot.scale.rows - 1, // asciichart draws height + 1 rows
        min: plot.scale.min,
        max: plot.scale.max,
        offset: 3,
        symbols: axisSymbols,
        colors: [marker],
        format: (value: number) => plot.scale.label(value).padStart(gutter),
      })
      .split("\n")
      .map((row) => row.match(cellPattern) ?? []),
  );
  const axisCell = gutter + 1; // labels, a space, then the axis where column 0 is drawn
  return drawings[0].map((_, row) => {
    const width = Math.max(...drawings.map((drawing) => drawing[row].length));
    let text = "";
    for (let cell = 0; cell < width; cell++) {
      let background = cell === axisCell ? "┤" : " "; // what shows where no series is drawn
      let top: string | undefined;
      for (let j = 0; j < drawings.length; j++) {
        const drawn = drawings[j][row][cell] ?? " ";
        if (!drawn.startsWith(marker)) background = drawn;
        else if (cell - axisCell >= plot.firstColumns[j]) top = seriesGlyph(drawn[1], j, colors);
      }
      text += top ?? background;
    }
    return text.trimEnd();
  });
}

interface Layout {
  columns: number;
  lines: number[][];
  /** Per series, the first column with a value; columns before it stay blank. */
  firstColumns: number[];
  scale: YScale;
  labelWidth: number;
}

function layOut(series: readonly ChartSeries[], columns: number, options: ChartOptions): Layout {
  const { caller, width, height, logScale } = options;
  if (columns < 2) throw new Error(`${caller}: width ${width} leaves no room for the plot; use a width of at least 20`);
  const samples = series.map((s) => s.sample(columns));
  const firstColumns = samples.map((sample) => sample.findIndex((value) => !Number.isNaN(value)));
  const lines = samples.map((sample, j) => {
    const line = fillGaps(sample);
    if (line.length === 0) throw new Error(`${caller}: series "${series[j].name}" has no finite values to plot`);
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
  return { columns, lines: clamped, firstColumns, scale, labelWidth };
}
