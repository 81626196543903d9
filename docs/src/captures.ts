/**
 * A lesson's captured run, as `npm run capture` (capture.ts) leaves it in the lesson's
 * .docs-output/ folder, and the section of the lesson's page that shows it: the printed
 * output in colour, then each loss chart redrawn as SVG from the recorded numbers.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { LessonEntry } from "@gradschool/course";
import { captureFiles, captureFolder } from "./capture-files.ts";
import { escapeHtml } from "./html.ts";
import type { ChartRecord } from "./svg-chart.ts";
import { renderChart } from "./svg-chart.ts";
import { renderTerminalOutput } from "./terminal-output.ts";

export interface Capture {
  /** What the lesson printed to stdout, ANSI colours kept. */
  output: string;
  charts: ChartRecord[];
  /** How long the run took. */
  seconds?: number;
}

/** The capture in `lessonDir`/.docs-output; `name` (e.g. "lessons/00-tensors") is for error messages. */
export function readCapture(lessonDir: string, name: string): Capture {
  const folder = join(lessonDir, captureFolder);
  const outputFile = join(folder, captureFiles.output);
  if (!existsSync(outputFile)) {
    throw new Error(`${name} has no captured output (${captureFolder}/${captureFiles.output}); run \`npm run capture\` in ${name}, or build with \`npm run docs\``);
  }
  const chartsFile = join(folder, captureFiles.charts);
  const metaFile = join(folder, captureFiles.meta);
  const meta = existsSync(metaFile) ? (JSON.parse(readFileSync(metaFile, "utf8")) as { seconds?: number }) : {};
  return {
    output: readFileSync(outputFile, "utf8"),
    charts: existsSync(chartsFile) ? parseCharts(readFileSync(chartsFile, "utf8"), `${name}/${captureFolder}/${captureFiles.charts}`) : [],
    seconds: typeof meta.seconds === "number" ? meta.seconds : undefined,
  };
}

/** The chart records in a charts.jsonl file, one per non-empty line, each checked. */
export function parseCharts(text: string, file: string): ChartRecord[] {
  return text.split("\n").flatMap((line, index) => {
    if (line.trim() === "") return [];
    const where = `${file}:${index + 1}`;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (error) {
      throw new Error(`${where}: not JSON (${(error as Error).message})`);
    }
    const problem = chartProblem(record);
    if (problem !== undefined) throw new Error(`${where}: ${problem}`);
    return [record as ChartRecord];
  });
}

function chartProblem(record: unknown): string | undefined {
  if (typeof record !== "object" || record === null) return "expected an object";
  const { series, logScale, xLabel, xRange } = record as Record<string, unknown>;
  if (typeof series !== "object" || series === null || Object.keys(series).length === 0) return "expected series, a record of named arrays";
  for (const [name, values] of Object.entries(series)) {
    if (!Array.isArray(values) || values.some((value) => value !== null && typeof value !== "number")) {
      return `series "${name}" must be an array of numbers (null for a gap)`;
    }
  }
  if (typeof logScale !== "boolean") return "expected logScale, true or false";
  if (typeof xLabel !== "string") return "expected xLabel, a string";
  if (!Array.isArray(xRange) || xRange.length !== 2 || xRange.some((x) => typeof x !== "number")) return "expected xRange, [from, to]";
  return undefined;
}

/** The lesson page's "What the lesson printed" section. */
export function renderCaptureSection(lesson: LessonEntry, capture: Capture): string {
  const folder = `lessons/${lesson.folder}`;
  const took = capture.seconds === undefined ? "" : `, which took ${capture.seconds.toFixed(1)} s`;
  const charts = capture.charts.map((record, index) => renderChart(record, `chart-${index + 1}`)).join("\n");
  return (
    `<section class="captured" aria-labelledby="captured-output">\n` +
    `<h2 id="captured-output"><a class="heading-anchor" aria-hidden="true" href="#captured-output">#</a>What the lesson printed</h2>\n` +
    `<p>This is the real output of <code>npm start</code> in <code>${escapeHtml(folder)}</code> (its default run), ` +
    `captured when this site was built${took}.</p>\n` +
    `<pre class="terminal"><code>${renderTerminalOutput(capture.output)}</code></pre>\n` +
    (capture.charts.length === 0
      ? ""
      : `<h3 id="captured-charts"><a class="heading-anchor" aria-hidden="true" href="#captured-charts">#</a>Its charts, drawn from the same numbers</h3>\n${charts}\n`) +
    `</section>\n`
  );
}
