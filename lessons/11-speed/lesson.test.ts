/**
 * Checks lesson 11. Speed itself is never tested: every timing varies from run to run, so
 * the tests check what must hold on any machine —
 *   1. every kernel variant computes the same product (exactly, where it adds the same
 *      products in the same order);
 *   2. the three training steps of step 4 compute the same numbers, and the allocation
 *      counts are what the code allocates;
 *   3. V8's trace lines are read correctly;
 *   4. the lesson, run once as a learner runs it, prints a row for every kernel, size and
 *      library with positive rates, its agreement claims hold, and the README quotes only
 *      lines it prints.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Dense, ReLU, Sequential } from "@gradschool/backprop";
import { capture, linesNotPrinted, parseNumber, quotedLines, runLessonScript, section } from "@gradschool/course";
import { loadMnist } from "@gradschool/datasets";
import { softmaxCrossEntropy } from "@gradschool/losses";
import { Adam } from "@gradschool/optimizers";
import { type Tensor, add, matmul, matmulIkj, matmulInto, matmulNaive, matmulTransA, matmulTransB, randn, rng, transpose, zeros } from "@gradschool/tensor";
import { beforeAll, describe, expect, test } from "vitest";
import { AllocatingStep } from "./allocating-step.ts";
import { countFloat64Arrays, countStepAllocations } from "./count-allocations.ts";
import { KERNELS, firstRows, maxAbsDifference, rowsOfA, squareMatrices } from "./kernel-rates.ts";
import { eventsDuring, median } from "./memory-watch.ts";
import { BATCH_SIZE, batchView, copyWeights, gradschoolMlp } from "./reference-mlp.ts";
import { ReusedBuffersStep } from "./reused-step.ts";
import { describeV8Line, parseJitDemo, timelineLines } from "./v8-trace.ts";

const lessonDir = fileURLToPath(new URL(".", import.meta.url));

/** [rows, inner, cols] of A·B: small, odd, prime, one-wide, and past the 4×4 tile in every direction. */
const SHAPES: Array<[number, number, number]> = [
  [1, 1, 1], [1, 7, 1], [2, 3, 4], [3, 5, 7], [4, 4, 4], [5, 1, 9], [7, 13, 5],
  [8, 8, 8], [17, 9, 23], [31, 64, 33], [64, 1, 64], [65, 67, 63],
];

function pair([rows, inner, cols]: [number, number, number], seed: number): [Tensor, Tensor] {
  const random = rng(seed);
  return [randn([rows, inner], random), randn([inner, cols], random)];
}

describe("every kernel variant gives the same product", () => {
  test("naive i-j-k, i-k-j and the packed 4×4 kernel agree to the last bit on every shape, odd sizes included", () => {
    SHAPES.forEach((shape, i) => {
      const [a, b] = pair(shape, i);
      const reference = matmulNaive(a, b);
      expect(reference.shape).toEqual([shape[0], shape[2]]);
      expect(Array.from(matmulIkj(a, b).data)).toEqual(Array.from(reference.data));
      expect(Array.from(matmul(a, b).data)).toEqual(Array.from(reference.data));
    });
  });

  test("matmulTransA and matmulTransB equal, exactly, the product with the transpose built", () => {
    SHAPES.forEach((shape, i) => {
      const [a, b] = pair(shape, 100 + i);
      const aStoredTransposed = transpose(a); // [inner, rows]: matmulTransA reads it as a
      const bStoredTransposed = transpose(b); // [cols, inner]: matmulTransB reads it as b
      expect(Array.from(matmulTransA(aStoredTransposed, b).data)).toEqual(Array.from(matmulNaive(a, b).data));
      expect(Array.from(matmulTransB(a, bStoredTransposed).data)).toEqual(Array.from(matmulNaive(a, b).data));
    });
  });

  test("matmulInto with accumulate adds the product to what out held, exactly as out + A·B", () => {
    SHAPES.forEach((shape, i) => {
      const [a, b] = pair(shape, 200 + i);
      const held = randn([shape[0], shape[2]], rng(300 + i));
      const out = add(held, 0); // a copy of held
      matmulInto(out, a, b, { accumulate: true });
      expect(Array.from(out.data)).toEqual(Array.from(add(held, matmulNaive(a, b)).data));
    });
  });

  test("matmulInto with transA and accumulate, as Dense fills ∂W += xᵀ·gradOut, is exact too", () => {
    SHAPES.forEach((shape, i) => {
      const [inFeatures, batchSize, outFeatures] = shape;
      const random = rng(400 + i);
      const x = randn([batchSize, inFeatures], random);
      const gradOut = randn([batchSize, outFeatures], random);
      const grad = zeros([inFeatures, outFeatures]);
      matmulInto(grad, x, gradOut, { transA: true, accumulate: true });
      matmulInto(grad, x, gradOut, { transA: true, accumulate: true });
      const once = matmulNaive(transpose(x), gradOut);
      expect(Array.from(grad.data)).toEqual(Array.from(add(once, once).data));
    });
  });

  test("adding the products in another order changes the rounding, not the maths: within 1e-12 relative", () => {
    SHAPES.filter(([, inner]) => inner >= 2).forEach((shape, i) => {
      const [a, b] = pair(shape, 500 + i);
      const [rows, inner, cols] = shape;
      const half = Math.floor(inner / 2);
      // A·B = A[:, :half]·B[:half, :] + A[:, half:]·B[half:, :]: two partial sums, then one addition.
      const aColumns = (from: number, to: number) => matrixFrom(rows, to - from, (r, c) => a.data[r * inner + from + c]);
      const bRows = (from: number, to: number) => matrixFrom(to - from, cols, (r, c) => b.data[(from + r) * cols + c]);
      const split = add(matmulNaive(aColumns(0, half), bRows(0, half)), matmulNaive(aColumns(half, inner), bRows(half, inner)));
      const whole = matmulNaive(a, b);
      const scaleOfSums = Math.max(...Array.from({ length: rows * cols }, (_, k) => absoluteSum(a, b, k)));
      expect(maxAbsDifference(split, whole)).toBeLessThanOrEqual(1e-12 * scaleOfSums);
    });
  });

  test("the first rows of A times B are exactly the first rows of A·B, so step 3's slabs time the same work", () => {
    const [a, b] = squareMatrices(64, 9);
    const rows = 12;
    for (const kernel of KERNELS) {
      expect(Array.from(kernel.multiply(firstRows(a, rows), b).data)).toEqual(Array.from(matmulNaive(a, b).data.subarray(0, rows * 64)));
    }
    expect(KERNELS.map((kernel) => rowsOfA(256, kernel))).toEqual([256, 256, 256]);
    expect(KERNELS.map((kernel) => rowsOfA(1024, kernel))).toEqual([32, 32, 128]);
  });
});

/** A [rows, cols] matrix filled by `value(r, c)`. */
function matrixFrom(rows: number, cols: number, value: (r: number, c: number) => number): Tensor {
  const out = zeros([rows, cols]);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out.data[r * cols + c] = value(r, c);
  return out;
}

/** Σₖ |A[i, k]·B[k, j]| for the entry i·cols + j: the scale that rounding errors in the sum are relative to. */
function absoluteSum(a: Tensor, b: Tensor, entry: number): number {
  const [, inner] = a.shape;
  const cols = b.shape[1];
  const [i, j] = [Math.floor(entry / cols), entry % cols];
  let total = 0;
  for (let k = 0; k < inner; k++) total += Math.abs(a.data[i * inner + k] * b.data[k * cols + j]);
  return total;
}

describe("the three training steps of step 4", () => {
  const mnist = loadMnist({ split: "train", limit: 5 * BATCH_SIZE });
  const batches = Array.from({ length: 5 }, (_, i) => ({
    x: batchView(mnist.images.data, i * BATCH_SIZE),
    labels: mnist.labels.subarray(i * BATCH_SIZE, (i + 1) * BATCH_SIZE),
  }));

  test("allocating, gradschool's and the reused-buffer step give bit-identical losses and weights over 5 steps", () => {
    const model = gradschoolMlp();
    const allocating = new AllocatingStep(copyWeights(model));
    const reused = new ReusedBuffersStep(copyWeights(model));
    const params = model.params();
    const optimizer = new Adam({ lr: 1e-3 });
    const losses: number[][] = [[], [], []];
    for (const { x, labels } of batches) {
      losses[0].push(allocating.step(x, labels));
      optimizer.zeroGrad(params);
      losses[1].push(model.computeGradients(x, labels, softmaxCrossEntropy));
      optimizer.step(params);
      losses[2].push(reused.step(x, labels));
    }
    expect(losses[0]).toEqual(losses[1]);
    expect(losses[2]).toEqual(losses[1]);
    expect(losses[1][4]).toBeLessThan(losses[1][0]); // it trains
    params.forEach((param, i) => {
      expect(maxAbsDifference(allocating.weights[i], param.value)).toBe(0);
      expect(maxAbsDifference(reused.params[i].value, param.value)).toBe(0);
    });
  });

  test("the gradschool network of this lesson is the reference MLP: 101,770 parameters, as the bench builds it", () => {
    const params = gradschoolMlp().params();
    expect(params.map((param) => param.value.shape)).toEqual([[784, 128], [128], [128, 10], [10]]);
    expect(params.reduce((total, param) => total + param.value.size, 0)).toBe(101_770);
    const random = rng(2024); // bench/src/train-mlp.ts
    const bench = new Sequential([new Dense(784, 128, { rng: random }), new ReLU(), new Dense(128, 10, { rng: random })]);
    bench.params().forEach((param, i) => expect(Array.from(param.value.data)).toEqual(Array.from(params[i].value.data)));
  });

  test("countFloat64Arrays counts each new array and its bytes, but not a view of an existing buffer", () => {
    const existing = new Float64Array(100);
    const counted = countFloat64Arrays(() => {
      void new Float64Array(10);
      void Float64Array.from([1, 2, 3]);
      void existing.subarray(0, 50);
      void new Float64Array(existing.buffer, 0, 20);
      expect(existing instanceof Float64Array).toBe(true);
    });
    expect(counted).toEqual({ arrays: 2, bytes: 8 * 13 });
    expect(new Float64Array(1).constructor).toBe(Float64Array); // restored
  });

  test("the reused step allocates nothing, and the allocating one at least 14 arrays the size of W₁ per step", () => {
    const counts = countStepAllocations();
    expect(counts.reused).toEqual({ arrays: 0, bytes: 0 });
    expect(counts.gradschool.arrays).toBeGreaterThan(0);
    expect(counts.gradschool.bytes).toBeLessThan(counts.allocating.bytes / 50);
    // W₁'s Adam update (13 tensor operations) and its gradient, each 784·128 numbers of 8 bytes.
    expect(counts.allocating.bytes).toBeGreaterThanOrEqual(14 * 784 * 128 * 8);
  });
});

describe("V8's trace, in plain words", () => {
  const v8 = {
    mark: "[marking 0x1f74b3092491 <JSFunction dotProduct (sfi = 0x9009e8e9669)> for optimization to TURBOFAN, ConcurrencyMode::kConcurrent, reason: small function]",
    osr: "[compiling method 0x09e389a7e861 <JSFunction freshIkjKernel (sfi = 0x9009e8e9619)> (target TURBOFAN) OSR, mode: ConcurrencyMode::kConcurrent]",
    done: "[completed optimizing 0x1f74b3092491 <JSFunction dotProduct (sfi = 0x9009e8e9669)> (target TURBOFAN)]",
    deopt: "[bailout (kind: deopt-eager, reason: wrong map): begin. deoptimizing 0x1f74b3092491 <JSFunction dotProduct (sfi = 0x9009e8e9669)>, opt id 11",
    other: "[marking 0x1f74b3092491 <JSFunction someTsxFunction (sfi = 0x9009e8e9669)> for optimization to TURBOFAN, reason: hot and stable]",
  };

  test("describeV8Line names the function, the reason, and an on-stack replacement; other functions are left out", () => {
    expect(describeV8Line(v8.mark)).toBe("V8 marks dotProduct for optimisation (small function)");
    expect(describeV8Line(v8.osr)).toBe("V8 compiles the loop freshIkjKernel is running (on-stack replacement)");
    expect(describeV8Line(v8.done)).toBe("V8 installs optimised code for dotProduct");
    expect(describeV8Line(v8.deopt)).toBe("V8 deoptimises dotProduct: wrong map (deopt-eager)");
    expect(describeV8Line(v8.other)).toBeUndefined();
    expect(describeV8Line("demo: dot Array 12.5")).toBeUndefined();
  });

  test("parseJitDemo gives each timed run the V8 events printed just before it", () => {
    const output = ["demo: kernel 64", v8.osr, "demo: kernel call 1 9000.5", "demo: kernel call 2 600", v8.other, v8.mark, v8.done,
      "demo: dot Float64Array 30.1", "demo: dot Float64Array 2.5", v8.deopt, "demo: dot Array 40", "demo: done"].join("\n");
    const runs = parseJitDemo(output);
    expect(runs.map((run) => [run.label, run.index, run.micros, run.events.length])).toEqual([
      ["kernel", 1, 9000.5, 1], ["kernel", 2, 600, 0], ["Float64Array", 1, 30.1, 2], ["Float64Array", 2, 2.5, 0], ["Array", 1, 40, 1],
    ]);
    expect(runs[4].events).toEqual(["V8 deoptimises dotProduct: wrong map (deopt-eager)"]);
  });

  test("timelineLines gives a run with events a line of its own and sums up quiet runs as a median", () => {
    const quiet = (index: number, micros: number) => ({ label: "kernel", index, micros, events: [] });
    const lines = timelineLines([{ ...quiet(1, 9000), events: ["V8 a", "V8 b"] }, quiet(2, 3), quiet(3, 5), quiet(4, 4)], () => "call", "µs", 12);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^ {2}call 1 +9,000 µs +V8 a$/);
    expect(lines[1].trim()).toBe("V8 b");
    expect(lines[1].indexOf("V8 b")).toBe(lines[0].indexOf("V8 a"));
    expect(lines[2]).toMatch(/^ {2}call 2–4 +median 4\.00 µs$/);
  });

  test("a collection counts against the step during which it started", () => {
    const events = [3, 12, 25].map((start) => ({ start, duration: 1, kind: "minor" as const }));
    expect(eventsDuring(events, [[0, 5], [10, 20]]).map((event) => event.start)).toEqual([3, 12]);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe("lesson 11 as a learner runs it", () => {
  let output = "";
  const readme = readFileSync(new URL("./README.md", import.meta.url), "utf8");

  beforeAll(async () => {
    output = await runLessonScript(lessonDir);
  }, 600_000); // about 35 s on a busy 2-core machine; more when every workspace's tests run at once

  test("step 1: the three kernels agree exactly on the 256×256 product, and each has a row with a positive rate", () => {
    const step = section(output, "── Step 1");
    expect(step).toContain("max |naive − i-k-j| = 0\n");
    expect(step).toContain("max |naive − packed| = 0\n");
    expect(step).toContain("One product is 256³ = 16,777,216 multiply-adds: 33.6 MFLOP.");
    for (const kernel of KERNELS) {
      const [rate, ms] = capture(step, new RegExp(`^${kernel.name} +(\\d+\\.\\d\\d) +(\\d+\\.\\d) +\\d+\\.\\d×$`, "m")).map(parseNumber);
      expect(rate).toBeGreaterThan(0);
      // ms per product = 33.55 MFLOP / rate, with the rate printed to ±0.005 GFLOP/s
      const megaflop = (2 * 256 ** 3) / 1e6;
      expect(ms).toBeGreaterThanOrEqual(megaflop / (rate + 0.005) - 0.05);
      expect(ms).toBeLessThanOrEqual(megaflop / Math.max(rate - 0.005, 1e-9) + 0.05);
    }
    expect(step).toMatch(/^naive i-j-k +\d+\.\d\d +\d+\.\d +1\.0×$/m);
  });

  test("step 2: V8 narrates the warm-up of the fresh kernel and deoptimises dotProduct on the plain Array", () => {
    const step = section(output, "── Step 2");
    expect(step).toMatch(/^ {2}call 1 +[\d,.]+ µs/m);
    expect(step).toContain("V8 marks freshIkjKernel for optimisation");
    expect(step).toMatch(/^ {2}plain Array round 1 +[\d,.]+ µs a call +V8 /m);
    expect(step).toContain("On the plain Array: V8 deoptimises dotProduct: wrong map");
    const [firstCallRatio] = capture(step, /The first call took (\d+\.\d)× as long as the median of calls 11–30\./);
    expect(parseNumber(firstCallRatio)).toBeGreaterThan(0);
  });

  test("step 3: a row for each size from 64 to 1024, with the size of B and three positive rates", () => {
    const step = section(output, "── Step 3");
    for (const size of [64, 128, 256, 512, 1024]) {
      const [bytesOfB, column, ...rates] = capture(step, new RegExp(`^ *${size} +([\\d,]+) KB +([\\d,]+) KB +(\\d+\\.\\d\\d) +(\\d+\\.\\d\\d) +(\\d+\\.\\d\\d)$`, "m"));
      expect(parseNumber(bytesOfB.replaceAll(",", ""))).toBe((size * size * 8) / 1024);
      expect(parseNumber(column.replaceAll(",", ""))).toBe(size / 16);
      rates.map(parseNumber).forEach((rate) => expect(rate).toBeGreaterThan(0));
    }
  });

  test("step 4: the three steps agree exactly, and the allocation counts are what count-allocations.ts counts", () => {
    const step = section(output, "── Step 4");
    expect(step).toContain("max |difference| from gradschool's losses and weights: allocating 0, reused buffers 0");
    const counts = countStepAllocations();
    const rows = { allocating: "allocating", gradschool: "gradschool", reused: "reused buffers" } as const;
    for (const [key, name] of Object.entries(rows) as Array<[keyof typeof rows, string]>) {
      const [arrays, megabytes, ms] = capture(step, new RegExp(`^${name} +(\\d+) +(\\d+\\.\\d\\d) +(\\d+\\.\\d) +\\d+ \\+ \\d+ +\\d+\\.\\d\\d$`, "m"));
      expect(Number(arrays)).toBe(counts[key].arrays);
      expect(megabytes).toBe((counts[key].bytes / 1e6).toFixed(2));
      expect(parseNumber(ms)).toBeGreaterThan(0);
    }
  });

  test("step 5: gradschool, TF.js on cpu and wasm, and ConvNetJS each train the 101,770 weights, and every loss falls", () => {
    const step = section(output, "── Step 5");
    for (const library of ["gradschool", "TF.js \\(cpu\\)", "TF.js \\(wasm\\)", "ConvNetJS"]) {
      const [rate, ratio, first, last] = capture(step, new RegExp(`^${library} +([\\d,]+) +(\\d+\\.\\d\\d)× +101,770 +(\\d\\.\\d\\d) → (\\d\\.\\d\\d)$`, "m"));
      expect(parseNumber(rate.replaceAll(",", ""))).toBeGreaterThan(0);
      expect(parseNumber(ratio)).toBeGreaterThan(0);
      expect(parseNumber(last)).toBeLessThan(parseNumber(first));
    }
    expect(step).toMatch(/^gradschool +[\d,]+ +1\.00×/m);
  });

  test("it ends with a chart of GFLOP/s against log₂ n for the three kernels", () => {
    const chart = section(output, "── GFLOP/s against matrix size");
    expect(chart).toContain("Matrix multiply: GFLOP/s of each kernel at n = 64, 128, 256, 512, 1024");
    expect(chart).toContain("┤");
    expect(chart).toMatch(/── naive i-j-k \d+\.\d+ +══ i-k-j \d+\.\d+ +━━ packed 4×4 \d+\.\d+/);
  });

  test("with NO_COLOR=1 it prints no ANSI escape codes", () => {
    expect(output.includes("\u001b")).toBe(false);
  });

  test("the README quotes only lines the lesson prints, and no timing as exact output", () => {
    const quoted = quotedLines(readme);
    expect(quoted.length).toBeGreaterThanOrEqual(5);
    expect(linesNotPrinted(quoted, output)).toEqual([]);
    expect(quoted.filter((line) => /µs|ms per|GFLOP\/s|samples\/s/.test(line))).toEqual([]);
  });
});
