/**
 * Checks the claims of lesson 00, two ways:
 *   1. run lesson.ts as a learner does and read what it prints;
 *   2. recompute each claim independently with @gradschool/tensor and @gradschool/gradcheck.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { capture, linesNotPrinted, numbersIn, quotedLines, runLessonScript } from "@gradschool/course";
import { checkGradient, formatReport } from "@gradschool/gradcheck";
import {
  type Tensor,
  add,
  allClose,
  arange,
  broadcastShapes,
  div,
  matmul,
  matmulNaive,
  matmulTransA,
  mean,
  mul,
  rand,
  randn,
  reshape,
  rng,
  scale,
  sub,
  sum,
  tensor,
  transpose,
  zeros,
} from "@gradschool/tensor";
import { beforeAll, describe, expect, test } from "vitest";

const lessonDir = fileURLToPath(new URL(".", import.meta.url));

/** Step 6's data: 100 points on y = 3x − 0.5 plus N(0, 0.1²) noise, drawn in the lesson's order. */
function lineData(): { points: Tensor; targets: Tensor; noise: Tensor } {
  const random = rng(2024);
  const points = rand([100, 1], random, -1, 1);
  const noise = randn([100, 1], random, 0.1);
  return { points, targets: add(add(scale(points, 3), -0.5), noise), noise };
}

const meanSquaredError = (predictions: Tensor, targets: Tensor): number => {
  const errors = sub(predictions, targets);
  return mean(mul(errors, errors));
};

describe("lesson 00 as a learner runs it", () => {
  let output = "";
  let secondOutput = "";

  beforeAll(async () => {
    output = await runLessonScript(lessonDir);
    secondOutput = await runLessonScript(lessonDir);
  }, 600_000);

  test("it ends with a loss chart of the mean squared error", () => {
    expect(output).toContain("┤");
    expect(output).toContain("mean squared error");
    expect(output.lastIndexOf("┤")).toBeGreaterThan(output.indexOf("step 80"));
  });

  test("every line the README quotes is printed by the lesson, or is the exact error the library throws", () => {
    const quoted = quotedLines(readFileSync(new URL("README.md", import.meta.url), "utf8"));
    expect(quoted.length).toBeGreaterThan(8);
    // The README quotes one error the lesson does not print (the learner meets it in an
    // exercise): it must be the message add really throws for [4, 3] + [4].
    let broadcastError = "";
    try {
      add(reshape(arange(12), [4, 3]), tensor([1, 2, 3, 4]));
    } catch (error) {
      broadcastError = (error as Error).message;
    }
    expect(linesNotPrinted(quoted, output, { partial: true }), "README lines the lesson does not print").toEqual([broadcastError]);
  });

  test("with NO_COLOR=1 it prints no ANSI escape codes", () => {
    expect(output.includes("\u001b")).toBe(false);
  });

  test("a second run prints exactly the same text, so the docs can embed it", () => {
    expect(secondOutput).toBe(output);
  });

  test("x[1, 2] is 6 and is found at data[5]", () => {
    expect(output).toContain("stored as data = [1, 2, 3, 4, 5, 6]");
    expect(output).toContain("x[1, 2] = 6, found at data[1 · 3 + 2] = data[5] = 6");
  });

  test("dividing by the row sums makes every row sum to 1", () => {
    const [printed] = capture(output, /the rows now sum to (tensor\(\[.*\]\))/);
    const rowTotals = numbersIn(printed);
    expect(rowTotals).toHaveLength(4);
    for (const total of rowTotals) expect(total).toBeCloseTo(1, 10);
  });

  test("the fast matmul agrees with the four-line definition", () => {
    expect(output).toMatch(/agrees with the four-line definition on 64×64 random matrices: true$/m);
  });

  test("a seeded generator repeats itself: rng(42) twice gives the same numbers, rng(7) others", () => {
    const draws = [...output.matchAll(/^rng\((\d+)\): +([\d., ]+?)(?: +←.*)?$/gm)].map(([, seed, numbers]) => ({
      seed,
      numbers: numbersIn(numbers),
    }));
    expect(draws.map((draw) => draw.seed)).toEqual(["42", "42", "7"]);
    expect(draws[0].numbers).toHaveLength(3);
    expect(draws[1].numbers).toEqual(draws[0].numbers);
    expect(draws[2].numbers).not.toEqual(draws[0].numbers);
  });

  test("10,000 normal samples have mean near 0 and standard deviation near 1", () => {
    const pattern = /mean (-?\d+\.\d+), standard deviation (\d+\.\d+)/;
    const [sampleMean, sampleStd] = capture(output, pattern).map(Number);
    expect(Math.abs(sampleMean)).toBeLessThan(0.03); // 3 standard errors of 1/√10000
    expect(Math.abs(sampleStd - 1)).toBeLessThan(0.03);
  });

  test("the seeded shuffle is a permutation of 0 … 9", () => {
    const [printed] = capture(output, /a seeded shuffle of 0 … 9: \[(.*)\]/);
    expect(numbersIn(printed).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  test("gradient descent recovers the line: w within 0.05 of 3, b within 0.05 of −0.5", () => {
    const pattern = /fitted w = (-?\d+\.\d+) \(true 3\), b = (-?\d+\.\d+) \(true -0\.5\)/;
    const [weight, bias] = capture(output, pattern).map(Number);
    expect(Math.abs(weight - 3)).toBeLessThan(0.05);
    expect(Math.abs(bias - -0.5)).toBeLessThan(0.05);
  });

  test("the loss falls over 100× and ends within 25% of the noise variance 0.01", () => {
    const pattern = /loss (\d+\.\d+) → (\d+\.\d+), close to the noise variance/;
    const [firstLoss, finalLoss] = capture(output, pattern).map(Number);
    expect(finalLoss).toBeLessThan(firstLoss / 100);
    expect(Math.abs(finalLoss - 0.01)).toBeLessThan(0.25 * 0.01);
  });

  test("the logged loss never rises from one report to the next", () => {
    const logged = [...output.matchAll(/^step +(\d+) +loss (\d+\.\d+)/gm)].map(([, , loss]) => Number(loss));
    expect(logged).toHaveLength(5);
    for (let i = 1; i < logged.length; i++) expect(logged[i]).toBeLessThanOrEqual(logged[i - 1]);
  });
});

describe("lesson 00's claims, recomputed", () => {
  const x = tensor([
    [1, 2, 3],
    [4, 5, 6],
  ]);
  const batch = reshape(arange(12), [4, 3]);

  test("row-major: x.get(i, j) is x.data[i · cols + j] for every i, j", () => {
    const [rows, cols] = x.shape;
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) expect(x.get(i, j)).toBe(x.data[i * cols + j]);
    }
  });

  test("in n dimensions the offset is Σ index·stride: a [2, 3, 4] tensor has strides [12, 4, 1]", () => {
    const cube = reshape(arange(24), [2, 3, 4]);
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < 3; j++) {
        for (let k = 0; k < 4; k++) expect(cube.get(i, j, k)).toBe(cube.data[i * 12 + j * 4 + k]);
      }
    }
    expect(cube.get(1, 2, 3)).toBe(23);
  });

  test("reshape keeps the numbers in their order and changes only the shape", () => {
    const reshaped = reshape(x, [3, 2]);
    expect(reshaped.shape).toEqual([3, 2]);
    expect([...reshaped.data]).toEqual([...x.data]);
    expect(reshaped.toArray()).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
  });

  test("transpose swaps rows and columns and really moves the numbers", () => {
    const transposed = transpose(x);
    expect(transposed.toArray()).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
    expect([...transposed.data]).toEqual([1, 4, 2, 5, 3, 6]);
  });

  test("transposing twice gives back the original", () => {
    const twice = transpose(transpose(x));
    expect(twice.shape).toEqual(x.shape);
    expect([...twice.data]).toEqual([...x.data]);
  });

  test("broadcasting lines shapes up from the right: the lesson's table of shapes", () => {
    expect(broadcastShapes("add", [4, 3], [3])).toEqual([4, 3]);
    expect(broadcastShapes("div", [4, 3], [4, 1])).toEqual([4, 3]);
    expect(broadcastShapes("add", [4, 1], [1, 3])).toEqual([4, 3]);
    expect(broadcastShapes("add", [4, 1], [3])).toEqual([4, 3]);
    expect(() => broadcastShapes("add", [4, 3], [4])).toThrow(
      /add: shapes \[4, 3\] and \[4\] cannot be broadcast/,
    );
  });

  test("batch + bias adds the bias to every row: row 0 is [100, 201, 302]", () => {
    expect(add(batch, tensor([100, 200, 300])).toArray()).toEqual([
      [100, 201, 302],
      [103, 204, 305],
      [106, 207, 308],
      [109, 210, 311],
    ]);
  });

  test("batch − column means centres every column on 0", () => {
    const columnMeans = mean(batch, 0);
    expect([...columnMeans.data]).toEqual([4.5, 5.5, 6.5]);
    const centred = sub(batch, columnMeans);
    expect([...centred.data.subarray(0, 3)]).toEqual([-4.5, -4.5, -4.5]);
    expect([...mean(centred, 0).data]).toEqual([0, 0, 0]);
  });

  test("batch / row sums (keepDims, shape [4, 1]) makes every row sum to 1", () => {
    const rowSums = sum(batch, 1, { keepDims: true });
    expect(rowSums.shape).toEqual([4, 1]);
    expect([...rowSums.data]).toEqual([3, 12, 21, 30]);
    expect(allClose(sum(div(batch, rowSums), 1), tensor([1, 1, 1, 1]))).toBe(true);
  });

  test("without keepDims the row sums are [4] and the division names both shapes", () => {
    expect(() => div(batch, sum(batch, 1))).toThrow(/div: shapes \[4, 3\] and \[4\] cannot be broadcast/);
  });

  test("[4, 1] + [1, 3] is the outer sum of a column and a row", () => {
    const column = reshape(arange(4), [4, 1]);
    const row = tensor([[10, 20, 30]]);
    const outer = add(column, row);
    expect(outer.shape).toEqual([4, 3]);
    expect(outer.get(2, 1)).toBe(2 + 20);
    expect(add(column, tensor([10, 20, 30])).toArray()).toEqual(outer.toArray()); // [3] is read as [1, 3]
  });

  test("inputs [2, 3] · weights [3, 2] is [2, 2], and entry [0, 0] is 1·1 + 2·0 + 3·1 = 4", () => {
    const weights = tensor([
      [1, 0],
      [0, 1],
      [1, -1],
    ]);
    const outputs = matmul(x, weights);
    expect(outputs.toArray()).toEqual([
      [4, -1],
      [10, -1],
    ]);
    expect(outputs.get(0, 0)).toBe(1 * 1 + 2 * 0 + 3 * 1);
  });

  test("matmul rejects mismatched inner dimensions and names both shapes", () => {
    expect(() => matmul(x, x)).toThrow(/matmul: inner dimensions differ — a is \[2, 3\], b is \[2, 3\]/);
    expect(() => matmul(zeros([32, 784]), zeros([128, 10]))).toThrow(/matmul: .*\[32, 784\].*\[128, 10\]/);
  });

  test("the fast kernel agrees with the four-line definition on 64×64 random matrices", () => {
    const left = randn([64, 64], rng(1));
    const right = randn([64, 64], rng(2));
    expect(allClose(matmul(left, right), matmulNaive(left, right))).toBe(true);
  });

  test("matmulTransA(X, E) is Xᵀ·E without building the transpose", () => {
    const inputs = randn([100, 3], rng(3));
    const errors = randn([100, 1], rng(4));
    expect(allClose(matmulTransA(inputs, errors), matmul(transpose(inputs), errors))).toBe(true);
  });

  test("a seeded generator repeats itself: rng(42) twice gives the same numbers", () => {
    const first = rng(42);
    const second = rng(42);
    const fromFirst = Array.from({ length: 5 }, () => first.uniform());
    const fromSecond = Array.from({ length: 5 }, () => second.uniform());
    expect(fromSecond).toEqual(fromFirst);
    const other = rng(7);
    expect(Array.from({ length: 5 }, () => other.uniform())).not.toEqual(fromFirst);
  });

  test("the line-fit gradients (2/N)·Xᵀ(ŷ − y) and (2/N)·Σ(ŷ − y) match central differences", () => {
    const { points, targets } = lineData();
    const weight = tensor([[1.3]]); // away from the minimum, so the gradient is not ~0
    const bias = tensor([0.2]);
    const errors = sub(add(matmul(points, weight), bias), targets);
    const count = points.shape[0];

    const gradWeight = scale(matmulTransA(points, errors), 2 / count);
    const lossOfWeight = (w: Tensor) => meanSquaredError(add(matmul(points, w), bias), targets);
    const weightReport = checkGradient(lossOfWeight, weight, gradWeight);
    expect(weightReport.ok, formatReport(weightReport)).toBe(true);

    const gradBias = tensor([2 * mean(errors)]);
    const lossOfBias = (b: Tensor) => meanSquaredError(add(matmul(points, weight), b), targets);
    const biasReport = checkGradient(lossOfBias, bias, gradBias);
    expect(biasReport.ok, formatReport(biasReport)).toBe(true);
  });

  test("the same tensor formula (2/N)·Xᵀ(ŷ − y) is the gradient for 3 features too", () => {
    const random = rng(5);
    const inputs = randn([20, 3], random);
    const targets = randn([20, 1], random);
    const weight = randn([3, 1], random);
    const errors = sub(matmul(inputs, weight), targets);
    const gradWeight = scale(matmulTransA(inputs, errors), 2 / 20);
    const report = checkGradient((w) => meanSquaredError(matmul(inputs, w), targets), weight, gradWeight);
    expect(report.ok, formatReport(report)).toBe(true);
  });

  test("the fitted line is as good as the noise allows: least squares gives w ≈ 3.014, b ≈ −0.511, loss 0.0112", () => {
    const { points, targets, noise } = lineData();
    // Closed form for one feature: w = cov(x, y) / var(x), b = mean(y) − w·mean(x).
    const centredX = sub(points, mean(points));
    const centredY = sub(targets, mean(targets));
    const bestWeight = sum(mul(centredX, centredY)) / sum(mul(centredX, centredX));
    const bestBias = mean(targets) - bestWeight * mean(points);
    const bestLoss = meanSquaredError(add(scale(points, bestWeight), bestBias), targets);
    expect(bestWeight).toBeCloseTo(3.014, 3);
    expect(bestBias).toBeCloseTo(-0.511, 3);
    expect(bestLoss).toBeCloseTo(0.0112, 4);
    // The noise these 100 points drew has mean square 0.0113; two fitted numbers absorb a little of it.
    expect(mean(mul(noise, noise))).toBeCloseTo(0.0113, 4);
    expect(bestLoss).toBeLessThan(mean(mul(noise, noise)));
  });

  test("at learning rate 1.0 the bias bounces and the loss stalls near 0.24; at 3.5 it explodes", () => {
    const { points, targets } = lineData();
    const finalLoss = (learningRate: number): number => {
      let weight = zeros([1, 1]);
      let bias = 0;
      let loss = 0;
      for (let step = 0; step < 100; step++) {
        const errors = sub(add(matmul(points, weight), bias), targets);
        loss = mean(mul(errors, errors));
        weight = sub(weight, scale(matmulTransA(points, errors), (2 / 100) * learningRate));
        bias -= learningRate * 2 * mean(errors);
      }
      return loss;
    };
    expect(finalLoss(0.1)).toBeCloseTo(0.0112, 4);
    expect(Math.abs(finalLoss(1.0) - 0.24)).toBeLessThan(0.01);
    expect(finalLoss(3.5)).toBeGreaterThan(1e100);
  });
});
