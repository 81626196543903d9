import { describe, expect, test } from "vitest";
import { plotFunction } from "./plot-function.ts";
import { visibleLength } from "./terminal.ts";

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

describe("plotFunction", () => {
  test("draws several functions with a legend naming each", () => {
    const chart = plotFunction({ "sigmoid(x)": sigmoid, "sigmoid'(x)": (x) => sigmoid(x) * (1 - sigmoid(x)) }, [-6, 6], {
      width: 60,
      colors: false,
    });
    expect(chart).toContain("── sigmoid(x)");
    expect(chart).toContain("══ sigmoid'(x)");
  });

  test("labels the x-axis with the range and round values inside it", () => {
    const chart = plotFunction(Math.tanh, [-4, 4], { width: 70, colors: false });
    expect(chart).toMatch(/\n +x -4 .* 0 .* 4\n/);
  });

  test("a single function is named after itself", () => {
    expect(plotFunction(Math.tanh, [-2, 2], { width: 40, colors: false })).toContain("── tanh");
    expect(plotFunction((x) => x * x, [-2, 2], { width: 40, colors: false })).toContain("── f(x)");
  });

  test("spans the function's range on the y-axis: relu on [-1, 3] runs from 0 to 3", () => {
    const chart = plotFunction({ relu: (x) => Math.max(0, x) }, [-1, 3], { width: 50, height: 7, colors: false });
    const rows = chart.split("\n").filter((line) => /[┤┼]/.test(line));
    expect(rows[0]).toMatch(/^ *3\.0 ┤/);
    expect(rows.at(-1)).toMatch(/^ *0\.0 ┼──/); // flat at 0 from the left edge
  });

  test("fits the width asked for", () => {
    const chart = plotFunction(Math.sin, [0, 2 * Math.PI], { width: 45, colors: false });
    for (const line of chart.split("\n")) expect(visibleLength(line)).toBeLessThanOrEqual(45);
  });

  test("rejects a range that is empty or backwards", () => {
    expect(() => plotFunction(Math.sin, [3, 1])).toThrow(/plotFunction: range must be \[from, to\] with finite from < to; received \[3, 1\]/);
  });

  test("rejects a function that is nowhere finite", () => {
    expect(() => plotFunction({ broken: () => NaN }, [0, 1], { width: 40 })).toThrow(/plotFunction: series "broken" has no finite values/);
  });
});
