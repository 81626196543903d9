/**
 * Runs jit-demo.ts with V8's tracing on, and turns what it prints into a timeline a
 * learner can read: each timed call (or round of calls), with what V8 did during it.
 *
 * V8's lines look like this (addresses shortened):
 *
 *   [marking 0x… <JSFunction dotProduct (sfi = 0x…)> for optimization to TURBOFAN, …, reason: small function]
 *   [compiling method 0x… <JSFunction freshIkjKernel (sfi = 0x…)> (target TURBOFAN) OSR, mode: …]
 *   [completed optimizing 0x… <JSFunction dotProduct (sfi = 0x…)> (target TURBOFAN)]
 *   [bailout (kind: deopt-eager, reason: wrong map): begin. deoptimizing 0x… <JSFunction dotProduct …
 *
 * Only the lines about the demo's two functions are kept. V8 prints them as it goes, so a line
 * that comes before a timing line happened during that call (or round), or just before it.
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

export const DEMO_FUNCTIONS = ["freshIkjKernel", "dotProduct"];

/** Runs `node --import tsx --trace-opt --trace-deopt jit-demo.ts` and returns its stdout. */
export async function runJitDemo(): Promise<string> {
  const demo = fileURLToPath(new URL("./jit-demo.ts", import.meta.url));
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "--trace-opt", "--trace-deopt", demo], {
    cwd: fileURLToPath(new URL(".", import.meta.url)),
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

/** One timed call or round of the demo, with what V8 did during it. */
export interface TimedRun {
  /** "kernel" (part 1) or "Float64Array", "Array", "Float64Array-after" (part 2). */
  label: string;
  /** 1, 2, … within its part. */
  index: number;
  /** Microseconds: the whole call (part 1), or per call of the round (part 2). */
  micros: number;
  events: string[];
}

/** V8's trace line in plain words, or undefined for a line about another function or a step not worth showing. */
export function describeV8Line(line: string): string | undefined {
  const name = /<JSFunction (\w+)/.exec(line)?.[1];
  if (name === undefined || !DEMO_FUNCTIONS.includes(name)) return undefined;
  const osr = /\) OSR/.test(line);
  if (line.startsWith("[marking")) return `V8 marks ${name} for optimisation (${/reason: ([^\]]+)\]/.exec(line)?.[1] ?? "hot"})`;
  if (line.startsWith("[compiling method") && osr) return `V8 compiles the loop ${name} is running (on-stack replacement)`;
  if (line.startsWith("[completed optimizing")) {
    return osr ? `V8 switches the running loop of ${name} to optimised code` : `V8 installs optimised code for ${name}`;
  }
  const bailout = /^\[bailout \(kind: ([^,]+), reason: ([^)]+)\)/.exec(line);
  if (bailout !== null) return `V8 deoptimises ${name}: ${bailout[2]} (${bailout[1]})`;
  return undefined;
}

/** The demo's timed runs, in order, each with the V8 events printed just before it. */
export function parseJitDemo(output: string): TimedRun[] {
  const runs: TimedRun[] = [];
  let pending: string[] = [];
  const counts = new Map<string, number>();
  for (const line of output.split("\n")) {
    const v8 = describeV8Line(line);
    if (v8 !== undefined) pending.push(v8);
    const timed = /^demo: (?:kernel call \d+|dot (\S+)) (\d+(?:\.\d+)?)$/.exec(line);
    if (timed === null) continue;
    const label = timed[1] ?? "kernel";
    const index = (counts.get(label) ?? 0) + 1;
    counts.set(label, index);
    runs.push({ label, index, micros: Number(timed[2]), events: pending });
    pending = [];
  }
  return runs;
}

/**
 * Lines for a run of TimedRuns: a run with V8 events gets a line of its own (events beside
 * it), and consecutive quiet runs of the same label are summarised as "name a–b  median …".
 */
export function timelineLines(runs: readonly TimedRun[], name: (label: string) => string, unit: string, labelWidth = 28): string[] {
  const lines: string[] = [];
  const head = (label: string, value: string) => `  ${label.padEnd(labelWidth)}${value.padStart(14)} ${unit}`;
  const eventColumn = head("", "").length + 3;
  const line = (label: string, value: string, event = "") => (event === "" ? head(label, value) : head(label, value).padEnd(eventColumn) + event);
  let quiet: TimedRun[] = [];
  const flushQuiet = () => {
    if (quiet.length === 0) return;
    const [first, last] = [quiet[0], quiet[quiet.length - 1]];
    const range = quiet.length === 1 ? `${first.index}` : `${first.index}–${last.index}`;
    const value = quiet.length === 1 ? formatMicros(first.micros) : `median ${formatMicros(median(quiet.map((run) => run.micros)))}`;
    lines.push(line(`${name(first.label)} ${range}`, value));
    quiet = [];
  };
  for (const run of runs) {
    if (run.events.length === 0 && (quiet.length === 0 || quiet[0].label === run.label)) {
      quiet.push(run);
      continue;
    }
    flushQuiet();
    if (run.events.length === 0) {
      quiet.push(run);
      continue;
    }
    run.events.forEach((event, i) =>
      lines.push(i === 0 ? line(`${name(run.label)} ${run.index}`, formatMicros(run.micros), event) : " ".repeat(eventColumn) + event),
    );
  }
  flushQuiet();
  return lines;
}

export function formatMicros(micros: number): string {
  return micros >= 100 ? Math.round(micros).toLocaleString("en-US") : micros.toFixed(2);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
