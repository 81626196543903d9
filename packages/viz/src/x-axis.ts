import { formatTick } from "./format.ts";

/**
 * The x-axis drawn under a chart: a line with tick marks and, under it, the tick values.
 *
 *         └──────────┬──────────┬──────────┬─────────┬
 *    step  0        500       1000       1500      1999
 *
 * The ends are always labelled, so the reader sees the exact range; in between, ticks sit
 * at round values (multiples of 1, 2 or 5 × 10ᵏ) spaced so their labels never touch.
 * Column 0 is the chart's y-axis (where every series starts) and column `columns − 1` its
 * last point; a value v sits at column round((v − from) / (to − from) · (columns − 1)).
 */
export interface XAxisOptions {
  /** The x value of the first column and of the last one. */
  from: number;
  to: number;
  /** How many columns the plot spans, counting the y-axis column. */
  columns: number;
  /** Visible width of the y labels left of the axis; the axis line starts one space after it. */
  gutter: number;
  /** The axis name, printed in the gutter left of the tick values ("step", "epoch", "x"). */
  label: string;
}

/** The two lines of the x-axis: the line with its ticks, and the tick values. */
export function xAxisLines({ from, to, columns, gutter, label }: XAxisOptions): [string, string] {
  const ticks = chooseTicks(from, to, columns);
  const axis: string[] = Array.from({ length: columns }, (_, column) => (column === 0 ? "└" : "─"));
  const values: string[] = new Array<string>(columns).fill(" ");
  for (const tick of ticks) {
    if (tick.column > 0) axis[tick.column] = "┬";
    for (let i = 0; i < tick.text.length && tick.start + i < columns; i++) values[tick.start + i] = tick.text[i];
  }
  const indent = " ".repeat(gutter + 1);
  return [indent + axis.join(""), `${label.padStart(gutter)} ${values.join("").trimEnd()}`];
}

interface Tick {
  column: number;
  text: string;
  /** Column where the text starts: left-aligned at the first tick, right-aligned at the last, centred between. */
  start: number;
}

function chooseTicks(from: number, to: number, columns: number): Tick[] {
  const last = columns - 1;
  const span = to - from;
  const integers = Number.isInteger(from) && Number.isInteger(to);
  if (span <= 0 || last === 0) return [{ column: 0, text: formatX(from, 1, integers), start: 0 }];

  const step = niceStep(span, Math.max(1, Math.floor(columns / 10)), integers);
  const place = (value: number, column: number): Tick => {
    const text = formatX(value, step, integers);
    const start = column === 0 ? 0 : column === last ? last + 1 - text.length : column - Math.floor((text.length - 1) / 2);
    return { column, text, start: Math.max(0, start) };
  };
  const first = place(from, 0);
  const end = place(to, last);
  const ticks = [first];
  for (let multiple = Math.ceil(from / step); multiple * step < to; multiple++) {
    const value = multiple * step;
    const tick = place(value, Math.round(((value - from) / span) * last));
    const previous = ticks[ticks.length - 1];
    const clearOfPrevious = tick.start >= previous.start + previous.text.length + 2;
    const clearOfEnd = tick.start + tick.text.length + 2 <= end.start;
    if (tick.column > 0 && clearOfPrevious && clearOfEnd) ticks.push(tick);
  }
  if (end.start >= first.text.length + 1) ticks.push(end);
  return ticks;
}

/** The smallest step of 1, 2 or 5 × 10ᵏ that cuts `span` into at most `maxTicks` pieces. */
export function niceStep(span: number, maxTicks: number, integers: boolean): number {
  const rough = span / maxTicks;
  const power = 10 ** Math.floor(Math.log10(rough));
  for (const multiple of [1, 2, 5, 10]) {
    const step = multiple * power;
    if (step >= rough) return integers ? Math.max(1, Math.round(step)) : step;
  }
  return 10 * power;
}

/** A tick value; an end that is not a multiple of the step gets one more decimal (6.3, not 6). */
function formatX(value: number, step: number, integers: boolean): string {
  if (integers && Number.isInteger(value)) return String(value);
  const onStep = Math.abs(value / step - Math.round(value / step)) < 1e-9;
  return formatTick(value, onStep ? step : step / 10);
}
