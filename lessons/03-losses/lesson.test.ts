/**
 * Checks the claims of lesson 03, two ways:
 *   1. run lesson.ts as a learner does and read what it prints;
 *   2. recompute each claim independently, from the formulas, without @gradschool/losses.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { capture, linesNotPrinted, numbersIn, quotedLines, runLessonScript } from "@gradschool/course";
import { blobs } from "@gradschool/datasets";
import { checkGradient, formatReport } from "@gradschool/gradcheck";
import { type Tensor, randn, rng, tensor } from "@gradschool/tensor";
import { beforeAll, describe, expect, test } from "vitest";

const lessonDir = fileURLToPath(new URL(".", import.meta.url));

// ── the formulas, written out independently ─────────────────────────────────
const sigma = (z: number): number => 1 / (1 + Math.exp(-z));
const mean = (values: number[]): number => values.reduce((total, v) => total + v, 0) / values.length;

function softmaxRow(logits: number[]): number[] {
  const top = Math.max(...logits);
  const exps = logits.map((z) => Math.exp(z - top));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

/** The lesson's step-4 data: two blobs around (−1, −1) and (1, 1), seeded as in lesson.ts. */
function twoBlobs(): { x: number[][]; y: number[] } {
  const data = blobs({ samples: 200, centers: [[-1, -1], [1, 1]], std: 0.7, rng: rng(3) });
  const x = Array.from({ length: 200 }, (_, i) => [data.x.data[2 * i], data.x.data[2 * i + 1]]);
  return { x, y: Array.from(data.y) };
}

/**
 * Logistic regression by hand, from w = start (the lesson's [−3, −3]) and b = 0. The gradient with respect to each
 * logit is (a − y)/N for cross-entropy and 2(a − y)·a(1 − a)/N for mse.
 */
function trainByHand(lossName: "ce" | "mse", lr: number, steps = 200, start = [-3, -3]): { crossEntropy: number[]; accuracy: number[] } {
  const { x, y } = twoBlobs();
  const n = y.length;
  let [w0, w1, b] = [start[0], start[1], 0];
  const history = { crossEntropy: [] as number[], accuracy: [] as number[] };
  for (let step = 0; step < steps; step++) {
    const a = x.map(([x0, x1]) => sigma(x0 * w0 + x1 * w1 + b));
    const clamped = a.map((p) => Math.min(Math.max(p, 1e-7), 1 - 1e-7));
    history.crossEntropy.push(-mean(clamped.map((p, i) => (y[i] === 1 ? Math.log(p) : Math.log(1 - p)))));
    history.accuracy.push(a.filter((p, i) => (p > 0.5 ? 1 : 0) === y[i]).length / n);
    const gradZ = a.map((p, i) => (lossName === "ce" ? p - y[i] : 2 * (p - y[i]) * p * (1 - p)) / n);
    w0 -= lr * gradZ.reduce((total, g, i) => total + g * x[i][0], 0);
    w1 -= lr * gradZ.reduce((total, g, i) => total + g * x[i][1], 0);
    b -= lr * gradZ.reduce((total, g) => total + g, 0);
  }
  return history;
}

describe("lesson 03 as a learner runs it", () => {
  let output = "";
  let secondOutput = "";

  beforeAll(async () => {
    output = await runLessonScript(lessonDir);
    secondOutput = await runLessonScript(lessonDir);
  }, 600_000);

  test("it ends with a loss chart of the three training runs", () => {
    const chartStart = output.indexOf("Logistic regression from a confidently wrong start");
    expect(chartStart).toBeGreaterThan(output.indexOf("Step 4"));
    expect(output.lastIndexOf("┤")).toBeGreaterThan(chartStart);
    expect(output.trimEnd()).toMatch(/── cross-entropy, lr 0\.5 .*\n.*══ mse, lr 0\.5 .*\n.*━━ mse, lr 1 [\d.]+$/);
  });

  test("with NO_COLOR=1 it prints no ANSI escape codes", () => {
    expect(output.includes("\u001b")).toBe(false);
  });

  test("a second run prints exactly the same text, so the docs can embed it", () => {
    expect(secondOutput).toBe(output);
  });

  test("every line the README quotes in a text block is a line the lesson prints", () => {
    const quoted = quotedLines(readFileSync(new URL("README.md", import.meta.url), "utf8"));
    expect(quoted.length).toBeGreaterThan(30);
    expect(linesNotPrinted(quoted, output), "README lines the lesson does not print").toEqual([]);
  });

  test("step 1: the table's values match the formulas", () => {
    const value = (name: string): number => Number(capture(output, new RegExp(`^${name.replace(/[()]/g, "\\$&")} .* (\\d+\\.\\d{4})$`, "m"))[0]);
    const residuals = [2.5 - 3, 0 + 0.5, 2 - 2, 8 - 7];
    expect(value("mse")).toBeCloseTo(mean(residuals.map((r) => r * r)), 4);
    expect(value("mae")).toBeCloseTo(mean(residuals.map(Math.abs)), 4);
    expect(value("huber(delta=1)")).toBeCloseTo(mean(residuals.map((r) => (Math.abs(r) <= 1 ? r * r / 2 : Math.abs(r) - 0.5))), 4);
    const bce = -(Math.log(0.9) + Math.log(1 - 0.2) + Math.log(1 - 0.6)) / 3;
    expect(value("binaryCrossEntropy")).toBeCloseTo(bce, 4);
    expect(value("bceWithLogits")).toBeCloseTo(bce, 4);
    const ce = -(Math.log(softmaxRow([2, 1, 0.1])[0]) + Math.log(softmaxRow([0.5, 2.5, 0.3])[2])) / 2;
    expect(value("crossEntropy")).toBeCloseTo(ce, 4);
    expect(value("softmaxCrossEntropy")).toBeCloseTo(ce, 4);
  });

  test("step 1: the logits printed for bceWithLogits are log(p / (1 − p)) of [0.9, 0.2, 0.6]", () => {
    const [printed] = capture(output, /^bceWithLogits +logits (\[.*?\])/m);
    const expected = [0.9, 0.2, 0.6].map((p) => Math.log(p / (1 - p)));
    numbersIn(printed).forEach((z, i) => expect(z).toBeCloseTo(expected[i], 4));
  });

  test("step 1: an error of 10 multiplies mse by 67, mae by 5.5 and huber by 13", () => {
    const before = [-0.5, 0.5, 0, 1];
    const after = [-0.5, 0.5, 0, 10];
    const formulas: Record<string, (r: number) => number> = {
      mse: (r) => r * r,
      mae: Math.abs,
      "huber(delta=1)": (r) => (Math.abs(r) <= 1 ? (r * r) / 2 : Math.abs(r) - 0.5),
    };
    for (const [name, formula] of Object.entries(formulas)) {
      const pattern = new RegExp(`^  ${name.replace(/[()]/g, "\\$&")} +(\\d+\\.\\d+) → (\\d+\\.\\d+)  \\(×(\\d+\\.\\d)\\)$`, "m");
      const [printedBefore, printedAfter, ratio] = capture(output, pattern).map(Number);
      const exactBefore = mean(before.map(formula));
      const exactAfter = mean(after.map(formula));
      expect(printedBefore).toBeCloseTo(exactBefore, 4);
      expect(printedAfter).toBeCloseTo(exactAfter, 4);
      expect(ratio).toBeCloseTo(exactAfter / exactBefore, 1);
    }
    expect(output).toMatch(/mse +0\.3750 → 25\.1250 +\(×67\.0\)/);
  });

  test("step 2: each row of the gradient table is σ(z), σ(z)(1 − σ(z)), 2(a − 1)σ'(z) and a − 1", () => {
    const rows = [...output.matchAll(/^ +(-?\d+) +(\d\.\d{6}) +(\d\.\d{6}) +(-\d\.\d{6}) +(-\d\.\d{6})$/gm)].map((m) => m.slice(1).map(Number));
    expect(rows.map((row) => row[0])).toEqual([-6, -2, 0, 2, 6]);
    for (const [z, a, slope, mseGrad, ceGrad] of rows) {
      const exactA = sigma(z);
      expect(a).toBeCloseTo(exactA, 6);
      expect(slope).toBeCloseTo(exactA * (1 - exactA), 6);
      expect(mseGrad).toBeCloseTo(2 * (exactA - 1) * exactA * (1 - exactA), 6);
      expect(ceGrad).toBeCloseTo(exactA - 1, 6);
      expect(Math.abs(mseGrad)).toBeLessThanOrEqual(Math.abs(ceGrad) / 2); // σ' ≤ 1/4
    }
  });

  test("step 2: at z = −6 cross-entropy's gradient is ≈ −1 and 202.7× mse's", () => {
    const [a] = capture(output, /the model says a = (\d\.\d+): confidently wrong/).map(Number);
    const [mseGrad] = capture(output, /^mse: +∂L\/∂z = 2\(a − y\)·σ'\(z\) = (-\d\.\d+)$/m).map(Number);
    const [ceGrad] = capture(output, /^cross-entropy: ∂L\/∂z = a − y += (-\d\.\d+)$/m).map(Number);
    const [ratio] = capture(output, /cross-entropy pushes (\d+\.\d)× harder/).map(Number);
    expect(a).toBeCloseTo(sigma(-6), 6);
    expect(mseGrad).toBeCloseTo(-0.004921, 6);
    expect(ceGrad).toBeCloseTo(-0.997527, 6);
    expect(ratio).toBeCloseTo(1 / (2 * sigma(-6) * (1 - sigma(-6))), 1); // (a − y) / (2(a − y)σ') = 1 / (2σ')
    expect(ratio).toBeGreaterThan(200);
  });

  test("step 2: bceWithLogits gives a − y from the logit, and −1 at z = −1000 where the clamp gives 0", () => {
    const [fusedAtMinus6] = capture(output, /at z = −6 its gradient is (-\d\.\d+)/).map(Number);
    expect(fusedAtMinus6).toBeCloseTo(sigma(-6) - 1, 6);
    expect(output).toContain("At z = −1000, σ(z) rounds to 0: binaryCrossEntropy hits its clamp (loss 16.1181, gradient 0),");
    expect(-Math.log(1e-7)).toBeCloseTo(16.1181, 4);
    expect(sigma(-1000)).toBe(0);
    expect(output).toContain("while bceWithLogits gives loss 1000 and gradient -1.");
  });

  test("step 3: the fused and chained softmax cross-entropy agree on random logits, to rounding", () => {
    const [fusedLoss, chainedLoss] = capture(output, /fused loss (\d\.\d+), chained loss (\d\.\d+)/).map(Number);
    expect(fusedLoss).toBe(chainedLoss);
    const [fusedRow] = capture(output, /^fused +\(softmax − onehot\) \/ N, +row 0: (\[.*\])$/m);
    const [chainedRow] = capture(output, /^chained softmax\.backward\(crossEntropy\.backward\), row 0: (\[.*\])$/m);
    expect(numbersIn(chainedRow)).toEqual(numbersIn(fusedRow));
    const [gap] = capture(output, /largest difference over all 12 entries: (\S+) \(rounding only\)/).map(Number);
    expect(gap).toBeLessThan(1e-15);

    // Recompute row 0 and the loss from the definition: logits randn([4, 3], rng(3), 2), labels [2, 0, 1, 1].
    const logits = randn([4, 3], rng(3), 2);
    const labels = [2, 0, 1, 1];
    const rows = labels.map((_, i) => Array.from(logits.data.subarray(3 * i, 3 * i + 3)));
    const expectedRow0 = softmaxRow(rows[0]).map((s, j) => (s - (j === labels[0] ? 1 : 0)) / 4);
    numbersIn(fusedRow).forEach((value, j) => expect(value).toBeCloseTo(expectedRow0[j], 6));
    expect(fusedLoss).toBeCloseTo(-mean(rows.map((row, i) => Math.log(softmaxRow(row)[labels[i]]))), 6);
  });

  test("step 3: at logits ±1000 the fused loss is 2000 with gradient [1, −1], the chained one Infinity and NaN", () => {
    expect(output).toContain("Logits [1000, -1000], true class 1: softmax gives [1.0, 0.0], exactly.");
    expect(output).toContain("fused:   loss 2000, gradient [1.0, -1.0]");
    expect(output).toContain("chained: loss Infinity, gradient [NaN, NaN]");
    expect(output).toContain("crossEntropy.backward gives [0.0, -Infinity]");
    // By hand: log-sum-exp of [1000, −1000] is 1000 + log(1 + e^−2000) = 1000, minus the true logit −1000.
    expect(1000 + Math.log1p(Math.exp(-2000)) - -1000).toBe(2000);
    expect(softmaxRow([1000, -1000])).toEqual([1, 0]);
    expect(0 * 1 + -Infinity * 0).toBeNaN();
  });

  test("step 4: the start is confidently wrong: cross-entropy 6.0966 and accuracy 3.5%", () => {
    const [startCe, startAccuracy] = capture(output, /b = 0: cross-entropy (\d+\.\d+), accuracy (\d+\.\d)%/).map(Number);
    const byHand = trainByHand("ce", 0.5, 1);
    expect(startCe).toBeCloseTo(byHand.crossEntropy[0], 4);
    expect(startAccuracy).toBeCloseTo(100 * byHand.accuracy[0], 1);
    expect(startAccuracy).toBeLessThan(5);
  });

  test("step 4: every training number in the table matches logistic regression done by hand", () => {
    const runs = { "cross-entropy, lr 0.5": trainByHand("ce", 0.5), "mse, lr 0.5": trainByHand("mse", 0.5), "mse, lr 1": trainByHand("mse", 1) };
    for (const [name, run] of Object.entries(runs)) {
      const pattern = new RegExp(`^${name.replace(/\./g, "\\.")} +(\\d+) +(\\d+\\.\\d{4}) +(\\d+\\.\\d{4}) +(\\d+\\.\\d)%$`, "m");
      const [updates, ceAt50, ceAt199, accuracy] = capture(output, pattern).map(Number);
      expect(updates).toBe(run.accuracy.findIndex((a) => a >= 0.95));
      expect(ceAt50).toBeCloseTo(run.crossEntropy[50], 4);
      expect(ceAt199).toBeCloseTo(run.crossEntropy[199], 4);
      expect(accuracy).toBeCloseTo(100 * run.accuracy[199], 1);
    }
  });

  test("step 4: cross-entropy reaches 95% within 10 updates; mse takes over 10× as long, and still over 5× with twice the rate", () => {
    const updates = (name: string): number => Number(capture(output, new RegExp(`^${name.replace(/\./g, "\\.")} +(\\d+) `, "m"))[0]);
    const ce = updates("cross-entropy, lr 0.5");
    expect(ce).toBeLessThanOrEqual(10);
    expect(updates("mse, lr 0.5")).toBeGreaterThan(10 * ce);
    expect(updates("mse, lr 1")).toBeGreaterThan(5 * ce);
    expect(updates("mse, lr 1")).toBeLessThan(updates("mse, lr 0.5"));
  });

  test("step 4: all three runs end above 95% accuracy, and cross-entropy lowest in cross-entropy", () => {
    const final = [...output.matchAll(/^(?:cross-entropy|mse), lr [\d.]+ +\d+ +[\d.]+ +([\d.]+) +([\d.]+)%$/gm)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(final).toHaveLength(3);
    for (const [, accuracy] of final) expect(accuracy).toBeGreaterThan(95);
    expect(final[0][0]).toBeLessThan(Math.min(final[1][0], final[2][0]));
  });
});

describe("lesson 03's claims, recomputed", () => {
  test("(softmax − onehot)/N, derived on paper, matches central differences of the cross-entropy of softmax", () => {
    const logits = randn([5, 4], rng(8), 3);
    const labels = [0, 3, 1, 1, 2];
    const loss = (z: Tensor): number =>
      -mean(labels.map((label, i) => Math.log(softmaxRow(Array.from(z.data.subarray(4 * i, 4 * i + 4)))[label])));
    const derived = tensor(
      labels.map((label, i) => softmaxRow(Array.from(logits.data.subarray(4 * i, 4 * i + 4))).map((s, j) => (s - (j === label ? 1 : 0)) / 5)),
    );
    const report = checkGradient(loss, logits, derived);
    expect(report.ok, formatReport(report)).toBe(true);
  });

  test("a − y, derived on paper for a sigmoid and binary cross-entropy, matches central differences", () => {
    const logits = randn([6], rng(9), 3);
    const labels = [1, 0, 0, 1, 1, 0];
    const loss = (z: Tensor): number =>
      -mean(Array.from(z.data, (zi, i) => (labels[i] === 1 ? Math.log(sigma(zi)) : Math.log(1 - sigma(zi)))));
    const derived = tensor(Array.from(logits.data, (zi, i) => (sigma(zi) - labels[i]) / 6));
    const report = checkGradient(loss, logits, derived);
    expect(report.ok, formatReport(report)).toBe(true);
  });

  test("the fairness argument: 2(a − y)·σ'(z) is never more than half of a − y, since σ' peaks at 1/4", () => {
    for (let z = -10; z <= 10; z += 0.01) expect(sigma(z) * (1 - sigma(z))).toBeLessThanOrEqual(0.25);
    expect(sigma(0) * (1 - sigma(0))).toBe(0.25);
  });

  test("the README's worked example: at z = −6, 1/(2σ'(−6)) ≈ 202.7", () => {
    expect(1 / (2 * sigma(-6) * (1 - sigma(-6)))).toBeCloseTo(202.7, 1);
  });

  test("exercise 1: huber(20) has mse's outlier ratio, 67; huber(0.1) moves towards mae's 5.5", () => {
    const huberMean = (delta: number, residuals: number[]) =>
      mean(residuals.map((r) => (Math.abs(r) <= delta ? (r * r) / 2 : delta * (Math.abs(r) - delta / 2))));
    const ratio = (delta: number) => huberMean(delta, [-0.5, 0.5, 0, 10]) / huberMean(delta, [-0.5, 0.5, 0, 1]);
    expect(ratio(20)).toBeCloseTo(67, 10);
    expect(ratio(0.1)).toBeCloseTo(5.86, 2);
  });

  test("exercise 2: from w = [0, 0] all three runs pass 95% after one update, and cross-entropy still ends lowest", () => {
    const runs = [trainByHand("ce", 0.5, 200, [0, 0]), trainByHand("mse", 0.5, 200, [0, 0]), trainByHand("mse", 1, 200, [0, 0])];
    for (const run of runs) expect(run.accuracy.findIndex((a) => a >= 0.95)).toBe(1);
    expect(runs[0].crossEntropy[199]).toBeLessThan(Math.min(runs[1].crossEntropy[199], runs[2].crossEntropy[199]));
  });

  test("exercise 4: σ(z) first rounds to exactly 1 at z = 37, where 1 + e^−z rounds to 1", () => {
    expect(sigma(36)).toBeLessThan(1);
    expect(sigma(37)).toBe(1);
    expect(Math.exp(-37)).toBeLessThan(2 ** -53);
    expect(Math.exp(-36.7)).toBeGreaterThan(2 ** -53 * 0.99);
  });
});
