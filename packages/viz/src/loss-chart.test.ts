import { afterEach, describe, expect, test, vi } from "vitest";
import { lossChart } from "./loss-chart.ts";
import { stripAnsi, visibleLength } from "./terminal.ts";

const ansi = /\x1b\[/;
const decay = (length: number, scale: number, floor: number) =>
  Array.from({ length }, (_, step) => scale * Math.exp(-step / (length / 6)) + floor);
const train = decay(2000, 2.3, 0.05);
const validation = decay(10, 2.0, 0.1);

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("lossChart", () => {
  test("names every series in the legend with its last value", () => {
    const chart = lossChart({ train, validation }, { width: 72, colors: false });
    expect(chart).toContain(`── train ${train.at(-1)!.toFixed(4)}`);
    expect(chart).toContain(`══ validation ${validation.at(-1)!.toFixed(4)}`);
  });

  test("a plain array is one series called loss", () => {
    expect(lossChart([3, 2, 1], { width: 40, colors: false })).toContain("── loss 1.0000");
  });

  test("fits every line in the width asked for and draws `height` rows of plot", () => {
    const chart = lossChart({ train, validation }, { width: 60, height: 8, title: "Training loss", colors: false });
    const lines = chart.split("\n");
    for (const line of lines) expect(visibleLength(line)).toBeLessThanOrEqual(60);
    const plotRows = lines.filter((line) => /[┤┼]/.test(line));
    expect(plotRows.length).toBeLessThanOrEqual(8);
    expect(plotRows.length).toBeGreaterThanOrEqual(6);
    expect(lines[0]).toBe("Training loss");
  });

  test("resamples a 2000-step series onto the columns left beside the labels", () => {
    const chart = lossChart(train, { width: 50, colors: false });
    const axis = chart.split("\n").find((line) => line.includes("└"))!;
    const firstRow = chart.split("\n")[0];
    const gutter = firstRow.indexOf("┼") - 1; // labels, then a space, then the axis
    expect(axis.trim().length).toBe(50 - gutter - 1);
  });

  test("shows the step range under the plot", () => {
    const chart = lossChart(train, { width: 72, colors: false });
    expect(chart).toMatch(/\nstep 1 .* 2000\n/);
  });

  test("puts a per-epoch validation value at the end of its epoch, not at step 1", () => {
    const perBatch = decay(1000, 2.3, 0.05);
    const perEpoch = decay(5, 1.0, 0.1);
    const lines = lossChart({ train: perBatch, validation: perEpoch }, { width: 64, colors: false }).split("\n");
    const axisCell = lines[0].indexOf("┼");
    const columns = lines.find((line) => line.includes("└"))!.trim().length; // 59
    const validationColumns = lines
      .filter((line) => /[┤┼]/.test(line))
      .flatMap((line) => [...line].flatMap((char, cell) => (/[═╚╔╗╝║]/.test(char) ? [cell - axisCell] : [])));
    // Epoch 1 ends a fifth of the way through the run: column ⌈59 / 5⌉ − 1 = 11.
    expect(Math.min(...validationColumns)).toBe(Math.ceil(columns / 5) - 1);
    expect(Math.max(...validationColumns)).toBe(columns - 1);
  });

  test("xRange and xLabel relabel the x-axis, e.g. for one value per epoch", () => {
    const chart = lossChart({ validation }, { width: 60, xRange: [1, 10], xLabel: "epoch", colors: false });
    expect(chart).toMatch(/\nepoch 1 .* 10\n/);
  });

  test("draws each series in its own line style so plain text still tells them apart", () => {
    const chart = lossChart({ train, validation }, { width: 72, colors: false });
    expect(chart).toMatch(/[╰╭╮╯]/);
    expect(chart).toMatch(/[═╚╔╗╝║]/);
  });

  test("eight series get eight different legend samples and eight different colours", () => {
    const series = Object.fromEntries(Array.from({ length: 8 }, (_, j) => [`run ${j}`, decay(100, 1 + j / 4, 0.01)]));
    const legend = lossChart(series, { width: 100, colors: false });
    const samples = [...legend.matchAll(/(\S)\1 run \d/g)].map((match) => match[1]);
    expect(samples).toHaveLength(8);
    expect(new Set(samples).size).toBe(8);
    const coloured = lossChart(series, { width: 100, colors: true });
    const colours = new Set([...coloured.matchAll(/\x1b\[(\d+)m(\S)\2\x1b\[0m run/g)].map((match) => match[1]));
    expect(colours.size).toBe(8);
  });

  test("prints no escape code when colors is false", () => {
    expect(lossChart({ train, validation }, { width: 72, colors: false })).not.toMatch(ansi);
  });

  test("prints no escape code when NO_COLOR is set and colour is not forced", () => {
    vi.stubEnv("NO_COLOR", "1");
    expect(lossChart({ train, validation }, { width: 72 })).not.toMatch(ansi);
  });

  test("colours each series differently when colors is true", () => {
    const chart = lossChart({ train, validation }, { width: 72, colors: true });
    expect(chart).toContain("\x1b[36m"); // cyan: first series
    expect(chart).toContain("\x1b[35m"); // magenta: second series
    expect(stripAnsi(chart)).toBe(lossChart({ train, validation }, { width: 72, colors: false }));
  });

  test("labels a log scale with real values, so a fall from 1 to 0.001 reads as such", () => {
    const chart = lossChart(
      Array.from({ length: 100 }, (_, step) => 10 ** (-step / 33)),
      { width: 60, height: 7, logScale: true, colors: false },
    );
    expect(chart).toContain("(log scale)");
    expect(chart).toMatch(/^ *1\.00 ┼/m);
    expect(chart).toMatch(/^ *0\.001\d* ┤/m);
  });

  test("skips NaN and Infinity, says how many and where the first was", () => {
    const diverged = [...decay(50, 1, 0.1), NaN, Infinity, NaN];
    const chart = lossChart({ diverged }, { width: 100, colors: false });
    expect(chart).toContain("(3 non-finite values skipped, first NaN at index 50)");
    expect(chart).toContain(`diverged ${diverged[49].toFixed(4)}`);
  });

  test("skips values a log scale cannot show", () => {
    const chart = lossChart([1, 0.1, 0, 0.01], { width: 100, logScale: true, colors: false });
    expect(chart).toContain("(1 non-positive or non-finite value skipped, first 0 at index 2)");
    const plotRows = chart.split("\n").filter((line) => /[┤┼]/.test(line));
    expect(plotRows.at(-1)).toMatch(/^ *0\.0100 ┤/); // the 0 does not drag the line below 0.01
  });

  test("draws a flat series on a row labelled with its value: a loss stuck at ln 2 reads 0.69", () => {
    const chart = lossChart(new Array(50).fill(Math.LN2), { width: 40, height: 5, colors: false });
    expect(chart).toMatch(/^0\.69 ┼─+$/m);
  });

  test("uses 80 columns when output is not a terminal and no width is given", () => {
    const stdout = process.stdout as { isTTY?: boolean };
    const wasTTY = stdout.isTTY;
    stdout.isTTY = false;
    try {
      const widest = Math.max(...lossChart(train, { colors: false }).split("\n").map(visibleLength));
      expect(widest).toBeLessThanOrEqual(80);
      expect(widest).toBeGreaterThan(70);
    } finally {
      stdout.isTTY = wasTTY;
    }
  });
});

describe("lossChart errors", () => {
  test("rejects an empty series and names it", () => {
    expect(() => lossChart({ train, validation: [] })).toThrow(/lossChart: series "validation" is empty/);
    expect(() => lossChart([])).toThrow(/lossChart: series "loss" is empty/);
  });

  test("rejects something that is neither an array nor a record of arrays", () => {
    class Tensor {
      data = new Float64Array(3);
    }
    expect(() => lossChart(new Tensor() as unknown as number[])).toThrow(/lossChart: received a Tensor; expected an array of numbers/);
  });

  test("rejects an empty record", () => {
    expect(() => lossChart({})).toThrow(/lossChart: received an empty record/);
  });

  test("rejects a series with no finite value", () => {
    expect(() => lossChart({ train: [NaN, NaN] })).toThrow(/lossChart: series "train" has no value to plot — all 2 are not finite/);
  });

  test("rejects a log scale of a series with no positive value", () => {
    expect(() => lossChart([0, -1], { logScale: true })).toThrow(/lossChart: .*a log scale shows only positive values/);
  });

  test("rejects a width that leaves no room for the plot", () => {
    expect(() => lossChart(train, { width: 5 })).toThrow(/lossChart: width 5 leaves no room for the plot/);
  });

  test("rejects a height under two rows", () => {
    expect(() => lossChart(train, { height: 1 })).toThrow(/lossChart: height must be an integer of at least 2 rows; received 1/);
  });
});
