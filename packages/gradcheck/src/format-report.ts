import { formatShape } from "@gradschool/tensor";
import type { GradientEntry, GradientReport } from "./check-gradient.ts";
import type { LayerReport } from "./check-layer.ts";

/**
 * A gradient check as a small table a learner can read, e.g. for a layer whose backward
 * forgot the bias:
 *
 *   gradient check FAILED: max relative error 1.00e+0 > tolerance 1e-6
 *   tensor  shape   max rel. error  result
 *   input   [5, 4]         1.27e-9  ok
 *   kernel  [4, 3]        3.14e-10  ok
 *   bias    [3]            1.00e+0  FAIL
 *
 *   tensor  index     analytic      numeric  rel. error
 *   bias    [0]    0.000000e+0  2.963143e+0     1.00e+0
 *   bias    [1]    0.000000e+0  1.045534e+0     1.00e+0
 *   bias    [2]    0.000000e+0  7.520421e-1     1.00e+0
 *
 * The second table lists the worst elements of every failing tensor; when all pass, the
 * single worst element of each, so you can see analytic and numeric agree digit for digit.
 */
export function formatReport(report: GradientReport | LayerReport): string {
  const tensors: Array<[name: string, report: GradientReport]> =
    "input" in report ? [["input", report.input], ...Object.entries(report.params)] : [["x", report]];
  const reports = tensors.map(([, tensorReport]) => tensorReport);
  const anyNaN = reports.some((tensorReport) => Number.isNaN(tensorReport.maxRelError));
  const maxRelError = anyNaN ? NaN : Math.max(...reports.map((tensorReport) => tensorReport.maxRelError));
  const tolerance = formatTolerance(reports[0].tolerance);

  const lines: string[] = [];
  if (anyNaN) lines.push(`gradient check FAILED: a gradient is NaN (tolerance ${tolerance})`);
  else if (reports.every((tensorReport) => tensorReport.ok)) {
    lines.push(`gradient check passed: max relative error ${formatError(maxRelError)} ≤ tolerance ${tolerance}`);
  } else lines.push(`gradient check FAILED: max relative error ${formatError(maxRelError)} > tolerance ${tolerance}`);

  if ("input" in report) {
    const summary = tensors.map(([name, tensorReport]) => [
      name,
      formatShape(tensorReport.shape),
      formatError(tensorReport.maxRelError),
      tensorReport.ok ? "ok" : "FAIL",
    ]);
    lines.push(...alignTable(["tensor", "shape", "max rel. error", "result"], summary, [false, false, true, false]), "");
  }

  const anyFailed = reports.some((tensorReport) => !tensorReport.ok);
  const worstRows: string[][] = [];
  for (const [name, tensorReport] of tensors) {
    const entries: GradientEntry[] = anyFailed ? (tensorReport.ok ? [] : tensorReport.worst) : tensorReport.worst.slice(0, 1);
    for (const entry of entries) {
      worstRows.push([
        name,
        formatShape(entry.index),
        formatValue(entry.analytic),
        formatValue(entry.numeric),
        formatError(entry.relError),
      ]);
    }
  }
  lines.push(...alignTable(["tensor", "index", "analytic", "numeric", "rel. error"], worstRows, [false, false, true, true, true]));
  return lines.join("\n");
}

/** Columns padded to their widest cell; numbers right-aligned so their digits line up. */
function alignTable(header: string[], rows: string[][], rightAlign: boolean[]): string[] {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const render = (cells: string[]): string =>
    cells
      .map((cell, column) => (rightAlign[column] ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
      .join("  ")
      .trimEnd();
  return [header, ...rows].map(render);
}

/** Gradient values: 7 significant digits, enough to see where analytic and numeric part. */
function formatValue(value: number): string {
  return Number.isNaN(value) ? "NaN" : value.toExponential(6);
}

function formatError(relError: number): string {
  return Number.isNaN(relError) ? "NaN" : relError.toExponential(2);
}

/** 1e-6 as "1e-6", 1.5e-6 as "1.5e-6". */
function formatTolerance(tolerance: number): string {
  return tolerance.toExponential();
}
