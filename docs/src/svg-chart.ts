/**
 * A lesson's loss chart as an inline SVG, drawn from the numbers the lesson's lossChart
 * call recorded (packages/viz, GRADSCHOOL_CHARTS_FILE): the same series, names and options
 * as the terminal chart, at the resolution of a page.
 *
 * It follows the terminal chart's rules, so the two agree:
 * - series share one run: value k of a series of length m sits at step (k + 1) · n / m of
 *   the longest series' n steps (a per-epoch validation loss lands at the end of its epoch);
 * - the x-axis spans `xRange` (default 1 … n);
 * - on a log scale the values plotted are log10 of the values, labelled with real values;
 *   values a log cannot show (≤ 0) and NaN/Infinity (recorded as null) leave a gap;
 * - a long series is averaged into at most `maxPoints` buckets.
 * Colours and dash patterns come from the stylesheet (classes s0 … s7), for both themes.
 */
import { escapeHtml } from "./html.ts";

/** One line of a lesson's charts.jsonl, as packages/viz's lossChart writes it. */
export interface ChartRecord {
  title?: string;
  series: Record<string, Array<number | null>>;
  logScale: boolean;
  yLabel?: string;
  xLabel: string;
  xRange: [number, number];
}

const width = 640;
const height = 300;
const plot = { left: 74, right: width - 18, top: 14, bottom: height - 46 };
const maxPoints = 480;
const seriesStyles = 8;

interface Point {
  x: number;
  y: number; // NaN: a gap
}

/** The chart as a <figure>: title, SVG (axes, ticks, a path per series) and a legend. */
export function renderChart(record: ChartRecord, id: string): string {
  const named = Object.entries(record.series);
  if (named.length === 0) throw new Error(`chart "${record.title ?? id}" has no series`);
  const longest = Math.max(...named.map(([, values]) => values.length));
  const toPlotted = (value: number | null) =>
    value === null || !Number.isFinite(value) || (record.logScale && value <= 0) ? NaN : record.logScale ? Math.log10(value) : value;
  const [xFrom, xTo] = record.xRange;
  const xAt = (position: number) => (longest > 1 ? xFrom + (position * (xTo - xFrom)) / (longest - 1) : xFrom);
  const lines = named.map(([, values]) => sample(values.map(toPlotted), longest).map(({ x, y }) => ({ x: xAt(x), y })));

  const ys = lines.flatMap((points) => points.map((point) => point.y)).filter((y) => !Number.isNaN(y));
  if (ys.length === 0) throw new Error(`chart "${record.title ?? id}" has no value to plot`);
  const yAxis = record.logScale ? logAxis(Math.min(...ys), Math.max(...ys)) : linearAxis(Math.min(...ys), Math.max(...ys));
  const xLow = Math.min(xFrom, xTo);
  const xHigh = Math.max(xFrom, xTo) > xLow ? Math.max(xFrom, xTo) : xLow + 1;
  const xAxis = linearAxis(xLow, xHigh, 6, true);
  const px = (x: number) => plot.left + ((x - xLow) / (xHigh - xLow)) * (plot.right - plot.left);
  const py = (y: number) => plot.bottom - ((y - yAxis.low) / (yAxis.high - yAxis.low)) * (plot.bottom - plot.top);

  const parts: string[] = [];
  for (const tick of yAxis.ticks) {
    const y = py(tick.value).toFixed(1);
    parts.push(`<line class="grid" x1="${plot.left}" x2="${plot.right}" y1="${y}" y2="${y}"/>`);
    parts.push(`<text class="tick" x="${plot.left - 8}" y="${y}" text-anchor="end" dominant-baseline="middle">${tick.label}</text>`);
  }
  for (const tick of xAxis.ticks) {
    if (tick.value < xLow || tick.value > xHigh) continue;
    const x = px(tick.value).toFixed(1);
    parts.push(`<line class="axis" x1="${x}" x2="${x}" y1="${plot.bottom}" y2="${plot.bottom + 5}"/>`);
    parts.push(`<text class="tick" x="${x}" y="${plot.bottom + 18}" text-anchor="middle">${tick.label}</text>`);
  }
  parts.push(`<line class="axis" x1="${plot.left}" x2="${plot.right}" y1="${plot.bottom}" y2="${plot.bottom}"/>`);
  parts.push(`<line class="axis" x1="${plot.left}" x2="${plot.left}" y1="${plot.top}" y2="${plot.bottom}"/>`);
  parts.push(`<text class="label" x="${(plot.left + plot.right) / 2}" y="${height - 8}" text-anchor="middle">${escapeHtml(record.xLabel)}</text>`);
  const yLabel = record.logScale ? `${record.yLabel ?? ""} (log scale)`.trim() : record.yLabel;
  if (yLabel) {
    const middle = (plot.top + plot.bottom) / 2;
    parts.push(`<text class="label" transform="translate(14 ${middle}) rotate(-90)" text-anchor="middle">${escapeHtml(yLabel)}</text>`);
  }
  lines.forEach((points, index) => {
    const style = `s${index % seriesStyles}`;
    parts.push(`<path class="line ${style}" d="${pathData(points.map(({ x, y }) => ({ x: px(x), y: Number.isNaN(y) ? NaN : py(y) })))}"/>`);
    if (points.length <= 40) {
      for (const { x, y } of points) {
        if (!Number.isNaN(y)) parts.push(`<circle class="dot ${style}" cx="${px(x).toFixed(1)}" cy="${py(y).toFixed(1)}" r="2.5"/>`);
      }
    }
  });

  const title = record.title ?? "Loss";
  const legend = named
    .map(([name, values], index) => {
      const last = [...values].reverse().find((value) => value !== null && Number.isFinite(value) && (!record.logScale || value > 0));
      const swatch = `<svg class="swatch" viewBox="0 0 28 10" aria-hidden="true"><line class="line s${index % seriesStyles}" x1="1" x2="27" y1="5" y2="5"/></svg>`;
      return `<li>${swatch}<span class="name">${escapeHtml(name)}</span> <span class="last">${last === undefined || last === null ? "—" : formatValue(last)}</span></li>`;
    })
    .join("");
  return (
    `<figure class="chart" id="${id}">` +
    `<figcaption>${escapeHtml(title)}</figcaption>` +
    `<svg viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title"><title id="${id}-title">${escapeHtml(title)}</title>` +
    parts.join("") +
    `</svg><ul class="chart-legend">${legend}</ul></figure>`
  );
}

/**
 * A series as points (position along the longest series, 0-based; plotted value), spread
 * over the run as the terminal chart spreads it, and averaged into buckets when long.
 */
export function sample(values: number[], longest: number): Point[] {
  const count = values.length;
  const positionOf = (k: number) => ((k + 1) * longest) / count - 1;
  if (count <= maxPoints) return values.map((y, k) => ({ x: positionOf(k), y }));
  const points: Point[] = [];
  for (let bucket = 0; bucket < maxPoints; bucket++) {
    const from = Math.floor((bucket * count) / maxPoints);
    const to = Math.floor(((bucket + 1) * count) / maxPoints);
    let sum = 0;
    let finite = 0;
    for (let k = from; k < to; k++) if (!Number.isNaN(values[k])) (sum += values[k]), finite++;
    points.push({ x: (positionOf(from) + positionOf(to - 1)) / 2, y: finite === 0 ? NaN : sum / finite });
  }
  return points;
}

/** SVG path data through the points, lifting the pen over gaps (NaN). */
function pathData(points: Point[]): string {
  let data = "";
  let penDown = false;
  for (const { x, y } of points) {
    if (Number.isNaN(y)) {
      penDown = false;
      continue;
    }
    data += `${penDown ? "L" : "M"}${x.toFixed(1)} ${y.toFixed(1)}`;
    penDown = true;
  }
  return data;
}

interface Axis {
  low: number;
  high: number;
  ticks: Array<{ value: number; label: string }>;
}

/** Round ticks 1, 2 or 5 × 10^k apart, and the range widened to whole ticks. */
export function linearAxis(min: number, max: number, target = 5, keepRange = false): Axis {
  const [low0, high0] = min === max ? [min - (Math.abs(min) || 1) / 2, max + (Math.abs(max) || 1) / 2] : [min, max];
  const raw = (high0 - low0) / target;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw * 0.75) ?? 10 * magnitude;
  const low = keepRange ? low0 : Math.floor(low0 / step + 1e-9) * step;
  const high = keepRange ? high0 : Math.ceil(high0 / step - 1e-9) * step;
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const ticks = [];
  for (let value = Math.ceil(low / step - 1e-9) * step; value <= high + step * 1e-9; value += step) {
    ticks.push({ value, label: formatTick(value, decimals) });
  }
  return { low, high, ticks };
}

/**
 * A log10 axis: ticks on whole decades (every 2nd, 5th, 10th … decade when the values span
 * many, so at most about 7 labels), with 2× and 5× between them when it spans two decades or less.
 */
export function logAxis(minLog: number, maxLog: number): Axis {
  const span = Math.ceil(maxLog - 1e-9) - Math.floor(minLog + 1e-9);
  const every = [1, 2, 3, 5, 10, 20, 30, 50, 100, 200, 500].find((step) => span / step <= 6) ?? 1000;
  const low = Math.floor(Math.floor(minLog + 1e-9) / every) * every;
  let high = Math.ceil(Math.ceil(maxLog - 1e-9) / every) * every;
  if (high === low) high = low + every;
  const multiples = high - low <= 2 ? [1, 2, 5] : [1];
  const ticks = [];
  for (let decade = low; decade <= high; decade += every) {
    for (const multiple of multiples) {
      const value = decade + Math.log10(multiple);
      if (value <= high + 1e-9) ticks.push({ value, label: powerOfTen(multiple, decade) });
    }
  }
  return { low, high, ticks };
}

/** multiple × 10^exponent as a label: "0.02", "500", or "1e-12" beyond the range decimals read well in. */
function powerOfTen(multiple: number, exponent: number): string {
  if (exponent >= -3 && exponent <= 4) return (multiple * 10 ** exponent).toFixed(Math.max(0, -exponent));
  return `${multiple}e${exponent}`;
}

function formatTick(value: number, decimals: number): string {
  if (value !== 0 && (Math.abs(value) >= 1e6 || Math.abs(value) < 1e-4)) return value.toExponential(0).replace("e+", "e");
  const text = value.toFixed(Math.min(decimals, 10));
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

/** A legend value as the terminal chart shows it: four decimals, or exponent notation when tiny or huge. */
export function formatValue(value: number): string {
  return value !== 0 && (Math.abs(value) < 1e-3 || Math.abs(value) >= 1e5) ? value.toExponential(2) : value.toFixed(4);
}
