import { describe, expect, test } from "vitest";
import { type Tensor, map, randn, rng, sum } from "@gradschool/tensor";
import { checkGradient } from "./check-gradient.ts";
import { checkLayer } from "./check-layer.ts";
import { formatReport } from "./format-report.ts";
import { TestDense } from "./test-layers.ts";

const sumOfTanh = (x: Tensor): number => sum(map(x, Math.tanh));
const tanhGradient = (x: Tensor): Tensor => map(x, (value) => 1 - Math.tanh(value) ** 2);

describe("formatReport", () => {
  test("a passing layer check prints every tensor's relative error and its worst element", () => {
    const text = formatReport(checkLayer(new TestDense(4, 3, rng(1)), [5, 4], rng(2)));
    const lines = text.split("\n");
    expect(lines[0]).toMatch(/^gradient check passed: max relative error \d\.\d\de-\d+ ≤ tolerance 1e-6$/);
    expect(lines[1]).toMatch(/^tensor\s+shape\s+max rel\. error\s+result$/);
    expect(lines[2]).toMatch(/^input\s+\[5, 4\]\s+\d\.\d\de-\d+\s+ok$/);
    expect(lines[3]).toMatch(/^kernel\s+\[4, 3\]\s+\d\.\d\de-\d+\s+ok$/);
    expect(lines[4]).toMatch(/^bias\s+\[3\]\s+\d\.\d\de-\d+\s+ok$/);
    expect(lines.slice(6).map((line) => line.split(/\s+/)[0])).toEqual(["tensor", "input", "kernel", "bias"]);
  });

  test("a failing layer check lists the worst elements of the failing tensor only", () => {
    const report = checkLayer(new TestDense(4, 3, rng(1), "biasGradientMissing"), [5, 4], rng(2));
    const text = formatReport(report);
    expect(text).toMatch(/^gradient check FAILED: max relative error 1\.00e\+0 > tolerance 1e-6/);
    expect(text).toMatch(/^bias\s+\[3\]\s+1\.00e\+0\s+FAIL$/m);
    const worstRows = text.split("\n\n")[1].split("\n").slice(1);
    expect(worstRows).toHaveLength(3);
    worstRows.forEach((row, i) => {
      const entry = report.params.bias.worst[i];
      const cells = row.trim().split(/\s{2,}/);
      expect(cells).toEqual(["bias", `[${entry.index[0]}]`, "0.000000e+0", entry.numeric.toExponential(6), "1.00e+0"]);
    });
  });

  test("columns line up: every row of a table has the same width up to its last column", () => {
    const x = randn([3, 4], rng(3));
    const analytic = map(tanhGradient(x), (value) => -value);
    const lines = formatReport(checkGradient(sumOfTanh, x, analytic)).split("\n").slice(1);
    const widths = new Set(lines.map((line) => line.length));
    expect(widths.size).toBe(1);
  });

  test("a single gradient check calls its tensor x and prints multi-indices", () => {
    const x = randn([2, 3], rng(4));
    const analytic = tanhGradient(x);
    analytic.set(0.5, 1, 2);
    const text = formatReport(checkGradient(sumOfTanh, x, analytic));
    expect(text.split("\n")[1]).toMatch(/^tensor\s+index\s+analytic\s+numeric\s+rel\. error$/);
    expect(text.split("\n")[2]).toMatch(/^x\s+\[1, 2\]\s+5\.000000e-1\s+/);
  });

  test("a NaN gradient is named in the headline and printed as NaN", () => {
    const x = randn([2, 2], rng(5));
    const analytic = tanhGradient(x);
    analytic.set(NaN, 0, 1);
    const text = formatReport(checkGradient(sumOfTanh, x, analytic));
    expect(text).toMatch(/^gradient check FAILED: a gradient is NaN \(tolerance 1e-6\)/);
    expect(text.split("\n")[2]).toMatch(/^x\s+\[0, 1\]\s+NaN\s+\S+\s+NaN$/);
  });

  test("prints a custom tolerance as written", () => {
    const x = randn([2], rng(6));
    expect(formatReport(checkGradient(sumOfTanh, x, tanhGradient(x), { tolerance: 2.5e-7 }))).toMatch(/tolerance 2\.5e-7/);
  });
});
