import { mkdtempSync, readFileSync, existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import type { ChartRecord } from "./chart-recording.ts";
import { lossChart } from "./loss-chart.ts";

let folder = "";
let chartsFile = "";

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "viz-charts-"));
  chartsFile = join(folder, "charts.jsonl");
});

afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(folder, { recursive: true, force: true });
});

const recorded = (): ChartRecord[] =>
  readFileSync(chartsFile, "utf8")
    .trimEnd()
    .split("\n")
    .map((line) => JSON.parse(line) as ChartRecord);

describe("chart recording (GRADSCHOOL_CHARTS_FILE)", () => {
  test("every lossChart call appends one JSON line with its title, series and options", () => {
    vi.stubEnv("GRADSCHOOL_CHARTS_FILE", chartsFile);
    lossChart({ train: [3, 2, 1], validation: new Float64Array([2.5, 1.5]) }, { title: "XOR", yLabel: "loss", width: 40, colors: false });
    lossChart([1, 0.1, 0.01], { logScale: true, xLabel: "epoch", xRange: [0, 2], width: 40, colors: false });
    expect(recorded()).toEqual([
      { title: "XOR", series: { train: [3, 2, 1], validation: [2.5, 1.5] }, logScale: false, yLabel: "loss", xLabel: "step", xRange: [1, 3] },
      { series: { loss: [1, 0.1, 0.01] }, logScale: true, xLabel: "epoch", xRange: [0, 2] },
    ]);
  });

  test("NaN and Infinity are recorded as null, so the line stays valid JSON", () => {
    vi.stubEnv("GRADSCHOOL_CHARTS_FILE", chartsFile);
    lossChart({ diverged: [1, 4, NaN, Infinity] }, { width: 40, colors: false });
    expect(recorded()[0].series).toEqual({ diverged: [1, 4, null, null] });
  });

  test("nothing is written when the variable is unset or empty, or when the chart is refused", () => {
    vi.stubEnv("GRADSCHOOL_CHARTS_FILE", "");
    lossChart([3, 2, 1], { width: 40, colors: false });
    expect(existsSync(chartsFile)).toBe(false);
    vi.stubEnv("GRADSCHOOL_CHARTS_FILE", chartsFile);
    expect(() => lossChart({ empty: [] }, { width: 40, colors: false })).toThrow(/lossChart: series "empty" is empty/);
    expect(existsSync(chartsFile)).toBe(false);
  });
});
