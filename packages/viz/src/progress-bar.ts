import { formatDuration, formatMetric, formatRate } from "./format.ts";
import { paint, palette, useColor, visibleLength } from "./terminal.ts";

/** Where the bar is written: process.stdout, or anything with `write` (a test's recorder). */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Loss and metrics reported with a tick, e.g. `{ loss: 0.31, accuracy: 0.92 }`. */
export type Metrics = { loss?: number; [metric: string]: number | undefined };

export interface ProgressBarOptions {
  /** How many items (batches, samples, steps) make 100%. */
  total: number;
  /** Printed at the start of the line, e.g. "epoch 1/5". */
  label?: string;
  /** Width of the bar in characters (default 20). */
  width?: number;
  /** Default process.stdout. */
  stream?: ProgressStream;
  /** Current time in milliseconds (default performance.now); tests pass a fake clock. */
  now?: () => number;
  /** Force colour on or off for a terminal; output that is not a terminal never gets colour codes. */
  colors?: boolean;
}

export interface ProgressBar {
  /** `count` more items are done; `info` holds their loss and metrics. */
  tick(count?: number, info?: Metrics): void;
  /** The run is over: print the final line, with `finalInfo` (e.g. the epoch's validation loss) shown as given. */
  done(finalInfo?: Metrics): void;
}

/** A terminal redraws at most this often; faster is flicker nobody can read. */
const redrawIntervalMs = 100;
/** Off a terminal, a line is printed when the count crosses each of these fractions, then at done(). */
const milestones = [0.25, 0.5, 0.75];

/**
 * A progress line for a training loop:
 *
 *   epoch 1/5   938/1875  50% [██████████          ]  2410 it/s  ETA 0.4s  loss 0.3127
 *
 * rate = items done / seconds elapsed;  ETA = items left / rate.  The loss and metrics
 * shown are means over the items so far (weighted by each tick's count), as Keras shows
 * them: one batch's loss is noise, the running mean is the trend.
 *
 * On a terminal the line is redrawn in place with "\r". Anywhere else (a pipe, CI, the
 * docs build) a redraw would be garbage, so it prints a plain line at 25%, 50% and 75%
 * and a last one at done(): at most four lines however long the run, with no "\r" and
 * no colour codes.
 */
export function progressBar(options: ProgressBarOptions): ProgressBar {
  const { total, label, width = 20, stream = process.stdout, now = () => performance.now() } = options;
  if (!Number.isInteger(total) || total < 1) {
    throw new Error(`progressBar: total must be a positive integer; received ${total}`);
  }
  if (!Number.isInteger(width) || width < 1) {
    throw new Error(`progressBar: width must be a positive integer; received ${width}`);
  }
  const name = label === undefined ? "progressBar" : `progressBar "${label}"`;
  const terminal = stream.isTTY === true;
  const colors = terminal && useColor(options.colors, stream);
  const start = now();
  const sums = new Map<string, { weighted: number; count: number }>();
  let done = 0;
  let finished = false;
  let lastDraw = -Infinity;
  let lastLength = 0;
  let nextMilestone = 0;

  /** The progress line's fields; the first is count, percentage and bar. */
  const render = (shownMetrics: Map<string, number>, final: boolean): string[] => {
    const fraction = Math.min(1, done / total);
    const seconds = (now() - start) / 1000;
    const rate = seconds > 0 ? done / seconds : NaN;
    const itemsLeft = total - Math.min(done, total);
    const counter = `${String(done).padStart(String(total).length)}/${total} ${String(Math.floor(fraction * 100)).padStart(3)}%`;
    return [
      `${label === undefined ? "" : label + "  "}${counter} [${paint(bar(fraction, width), palette.cyan, colors)}]`,
      formatRate(rate),
      final ? `in ${formatDuration(seconds)}` : `ETA ${done > 0 ? formatDuration(itemsLeft / rate) : "--"}`,
      ...[...shownMetrics].map(([metric, value]) => `${metric} ${formatMetric(value)}`),
    ];
  };

  const runningMeans = (): Map<string, number> =>
    new Map([...sums].map(([metric, { weighted, count }]) => [metric, weighted / count]));

  const redraw = (fields: string[]): void => {
    // A line wider than the terminal wraps and "\r" can no longer reach its start: drop metrics to fit.
    const columns = stream.columns ?? Infinity;
    while (fields.length > 1 && visibleLength(fields.join("  ")) >= columns) fields.pop();
    const line = fields.join("  ");
    // Pad with spaces over a longer previous line rather than send a clear-line escape code.
    stream.write(`\r${line}${" ".repeat(Math.max(0, lastLength - visibleLength(line)))}`);
    lastLength = visibleLength(line);
  };

  return {
    tick(count = 1, info = {}) {
      if (finished) throw new Error(`${name}: tick() after done(); start a new bar for the next run`);
      if (!Number.isInteger(count) || count < 0) {
        throw new Error(`${name}: tick count must be a non-negative integer; received ${count}`);
      }
      done += count;
      for (const [metric, value] of Object.entries(info)) {
        if (value === undefined) continue;
        const sum = sums.get(metric) ?? { weighted: 0, count: 0 };
        sums.set(metric, { weighted: sum.weighted + value * count, count: sum.count + count });
      }
      if (terminal) {
        if (now() - lastDraw < redrawIntervalMs) return;
        lastDraw = now();
        redraw(render(runningMeans(), false));
        return;
      }
      let crossed = false;
      while (nextMilestone < milestones.length && done >= milestones[nextMilestone] * total) {
        nextMilestone++;
        crossed = true;
      }
      if (crossed) stream.write(render(runningMeans(), false).join("  ") + "\n");
    },

    done(finalInfo = {}) {
      if (finished) throw new Error(`${name}: done() was already called`);
      finished = true;
      const shown = runningMeans();
      for (const [metric, value] of Object.entries(finalInfo)) if (value !== undefined) shown.set(metric, value);
      const fields = render(shown, true);
      if (terminal) redraw(fields);
      else stream.write(fields.join("  "));
      stream.write("\n");
    },
  };
}

// Eighth blocks let the bar grow smoothly: 20 characters show 160 steps.
const partialBlocks = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

/** A bar `width` characters wide, filled to `fraction`. */
function bar(fraction: number, width: number): string {
  const eighths = Math.round(fraction * width * 8);
  const full = Math.floor(eighths / 8);
  const partial = full < width ? partialBlocks[eighths % 8] : "";
  return "█".repeat(full) + partial + " ".repeat(width - full - (partial === "" ? 0 : 1));
}
