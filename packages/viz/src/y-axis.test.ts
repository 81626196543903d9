import { describe, expect, test } from "vitest";
import { yScale } from "./y-axis.ts";

const labels = (low: number, high: number, height: number, logScale = false): string[] => {
  const scale = yScale(low, high, height, logScale);
  const spacing = (scale.max - scale.min) / (scale.rows - 1);
  return Array.from({ length: scale.rows }, (_, row) => scale.label(scale.max - row * spacing));
};

describe("yScale", () => {
  test("puts the rows of a linear axis at round values", () => {
    expect(labels(0.05, 2.18, 12)).toEqual(["2.2", "2.0", "1.8", "1.6", "1.4", "1.2", "1.0", "0.8", "0.6", "0.4", "0.2", "0.0"]);
    expect(labels(-1, 1, 5)).toEqual(["1.0", "0.5", "0.0", "-0.5", "-1.0"]);
  });

  test("never uses more rows than asked for", () => {
    for (const height of [2, 5, 8, 12, 20]) {
      expect(yScale(0.013, 7.91, height, false).rows).toBeLessThanOrEqual(height);
    }
  });

  test("a log axis is evenly spaced in log10 and labelled with real values", () => {
    expect(labels(-2, 0, 3, true)).toEqual(["1.00", "0.100", "0.0100"]);
  });

  test("a flat series sits on the middle row, labelled with its value", () => {
    expect(labels(0.7, 0.7, 3)).toEqual(["0.71", "0.70", "0.69"]);
    expect(labels(Math.LN2, Math.LN2, 6)).toEqual(["0.71", "0.70", "0.69", "0.68", "0.67"]);
    expect(labels(0, 0, 3)).toEqual(["0.1", "0.0", "-0.1"]);
  });
});
