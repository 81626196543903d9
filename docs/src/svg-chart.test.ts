import { describe, expect, test } from "vitest";
import type { ChartRecord } from "./svg-chart.ts";
import { linearAxis, logAxis, renderChart, sample } from "./svg-chart.ts";

const record = (overrides: Partial<ChartRecord> = {}): ChartRecord => ({
  title: "MLP on blobs",
  series: { train: [2.3, 1.2, 0.8, 0.5, 0.4, 0.35], validation: [1.0, 0.45] },
  logScale: false,
  yLabel: "loss",
  xLabel: "step",
  xRange: [1, 6],
  ...overrides,
});

const paths = (svg: string) => [...svg.matchAll(/<path class="line (s\d)" d="([^"]*)"/g)].map((match) => ({ style: match[1], d: match[2] }));

describe("renderChart", () => {
  test("draws one path per series, each in its own style, and names them in the legend with their last value", () => {
    const html = renderChart(record(), "chart-1");
    expect(paths(html).map((path) => path.style)).toEqual(["s0", "s1"]);
    expect(html).toContain('<span class="name">train</span> <span class="last">0.3500</span>');
    expect(html).toContain('<span class="name">validation</span> <span class="last">0.4500</span>');
    expect(html).toMatch(/^<figure class="chart" id="chart-1"><figcaption>MLP on blobs<\/figcaption><svg viewBox="0 0 640 300" role="img"/);
  });

  test("has axes with tick labels, and the axis names", () => {
    const html = renderChart(record(), "c");
    expect(html.match(/class="axis"/g)!.length).toBeGreaterThanOrEqual(2);
    for (const label of ["0.5", "1.0", "2.0", ">step<", ">loss<"]) expect(html).toContain(label);
  });

  test("a shorter series ends where the longest does, as in the terminal chart", () => {
    const [train, validation] = paths(renderChart(record(), "c"));
    const lastX = (d: string) => Number(/([\d.]+) [\d.]+$/.exec(d)![1]);
    expect(lastX(validation.d)).toBeCloseTo(lastX(train.d), 5);
  });

  test("NaN and Infinity (recorded as null) lift the pen, so a gap shows where they were", () => {
    const [diverged] = paths(renderChart(record({ series: { diverged: [1, 2, null, 3, 4] }, xRange: [1, 5] }), "c"));
    expect(diverged.d.match(/M/g)).toHaveLength(2);
  });

  test("a log scale plots log10 and labels the ticks with real values", () => {
    const html = renderChart(record({ logScale: true, series: { loss: [3.37, 0.5, 0.0112] } }), "c");
    for (const label of [">0.01<", ">0.1<", ">1<", ">10<", "(log scale)"]) expect(html).toContain(label);
  });

  test("titles and series names are escaped", () => {
    const html = renderChart(record({ title: "<b>x</b>", series: { "a<b": [1, 2] } }), "c");
    expect(html).toContain("&lt;b&gt;x&lt;/b&gt;");
    expect(html).not.toContain("<b>");
  });

  test("a chart with nothing to plot is an error naming it", () => {
    expect(() => renderChart(record({ series: { empty: [null, null] } }), "c")).toThrow('chart "MLP on blobs" has no value to plot');
  });
});

describe("axes and sampling", () => {
  test("linear ticks are 1, 2 or 5 × 10^k apart and cover the values", () => {
    expect(linearAxis(0.03, 2.4).ticks.map((tick) => tick.label)).toEqual(["0.0", "0.5", "1.0", "1.5", "2.0", "2.5"]);
    expect(linearAxis(1, 626, 6, true).ticks.map((tick) => tick.value)).toEqual([100, 200, 300, 400, 500, 600]);
  });

  test("a log axis over many decades labels every few decades, at most about 7", () => {
    expect(logAxis(-12, 2).ticks.map((tick) => tick.label)).toEqual(["1e-12", "1e-9", "1e-6", "0.001", "1", "1000"]);
    expect(logAxis(0, 308.2).ticks.map((tick) => tick.label)).toEqual(["1", "1e100", "1e200", "1e300", "1e400"]);
  });

  test("a log axis within two decades adds 2× and 5× ticks", () => {
    expect(logAxis(-0.9, -0.3).ticks.map((tick) => tick.label)).toEqual(["0.1", "0.2", "0.5", "1"]);
  });

  test("a long series is averaged into buckets; a short one keeps every value", () => {
    expect(sample([1, 2, 3], 3)).toEqual([{ x: 0, y: 1 }, { x: 1, y: 2 }, { x: 2, y: 3 }]);
    const long = sample(Array.from({ length: 4800 }, (_, i) => i % 2), 4800);
    expect(long).toHaveLength(480);
    expect(long[0].y).toBeCloseTo(0.5);
  });
});
