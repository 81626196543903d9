/**
 * Checks the claims of lesson 02, two ways:
 *   1. run lesson.ts as a learner does and read what it prints;
 *   2. recompute each claim independently with the packages and @gradschool/gradcheck.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Activation, activations, elu, gelu, getActivation, leakyRelu, relu, sigmoid, silu, softmax, tanh } from "@gradschool/activations";
import { capture, linesNotPrinted, quotedLines, runLessonScript, section } from "@gradschool/course";
import { checkGradient, formatReport } from "@gradschool/gradcheck";
import { type Tensor, add, full, map, matmul, matmulTransA, matmulTransB, mean, mul, ones, rand, randn, rng, tensor } from "@gradschool/tensor";
import { beforeAll, describe, expect, test } from "vitest";
import { type TinyNet, initTinyNet, lossAndGradients, train } from "./tiny-net.ts";

const lessonDir = fileURLToPath(new URL(".", import.meta.url));

const valueAt = (activation: Activation, x: number) => activation.forward(tensor([x])).item();
const slopeAt = (activation: Activation, x: number) => activation.backward(tensor([x]), ones([1])).item();
const rms = (t: Tensor) => Math.sqrt(mean(mul(t, t)));

/** Step 2's stack, rebuilt here: `depth` layers of width 32 from rng(3), RMS of ∂L/∂z per layer. */
function stackGradientSizes(activation: Activation, weightStd: number, depth = 10): number[] {
  const random = rng(3);
  const input = randn([64, 32], random);
  const weights = Array.from({ length: depth }, () => randn([32, 32], random, weightStd));
  const zs: Tensor[] = [];
  let hidden = input;
  for (const weight of weights) {
    zs.push(matmul(hidden, weight));
    hidden = activation.forward(zs[zs.length - 1]);
  }
  let grad = randn(hidden.shape, random);
  const sizes = new Array<number>(depth);
  for (let layer = depth - 1; layer >= 0; layer--) {
    grad = activation.backward(zs[layer], grad);
    sizes[layer] = rms(grad);
    grad = matmulTransB(grad, weights[layer]);
  }
  return sizes;
}

/** Step 3's layer, rebuilt here: the units that are never active over the batch at this bias. */
function deadUnitsAt(bias: number): number[] {
  const batch = randn([256, 10], rng(5));
  const z = add(matmul(batch, randn([10, 64], rng(9), Math.sqrt(2 / 10))), full([64], bias));
  return Array.from({ length: 64 }, (_, unit) => unit).filter((unit) =>
    Array.from({ length: 256 }, (_, row) => z.get(row, unit)).every((value) => value <= 0),
  );
}

/** Step 5's data: 64 points in [−3, 3) from rng(2), targets sin(x). */
function sineData(): { x: Tensor; y: Tensor } {
  const x = rand([64, 1], rng(2), -3, 3);
  return { x, y: map(x, Math.sin) };
}

describe("lesson 02 as a learner runs it", () => {
  let output = "";
  let secondOutput = "";

  beforeAll(async () => {
    output = await runLessonScript(lessonDir);
    secondOutput = await runLessonScript(lessonDir);
  }, 600_000);

  test("a second run prints exactly the same text, so the docs can embed it", () => {
    expect(secondOutput).toBe(output);
  });

  test("every line the README quotes as output is a line the lesson prints", () => {
    const quoted = quotedLines(readFileSync(new URL("README.md", import.meta.url), "utf8"));
    expect(quoted.length).toBeGreaterThan(10);
    expect(linesNotPrinted(quoted, output), "README lines the lesson does not print").toEqual([]);
  });

  test("with NO_COLOR=1 it prints no ANSI escape codes", () => {
    expect(output.includes("\u001b")).toBe(false);
  });

  test("it plots eight functions, each with its derivative, then ends with a loss chart", () => {
    const grid = section(output, "Step 1", "activation ");
    for (const name of ["sigmoid", "tanh", "relu", "leakyRelu(0.1)", "elu(1)", "softplus", "gelu", "silu"]) {
      expect(grid).toContain(`── ${name}`);
      expect(grid).toContain(`══ ${name}′`);
    }
    const chartTitle = output.lastIndexOf("Fitting sin(x): mean squared error by hidden activation");
    expect(chartTitle).toBeGreaterThan(output.indexOf("Step 5"));
    expect(output.slice(chartTitle)).toMatch(/── sigmoid .*══ tanh .*━━ relu /);
  });

  test("the table of f and f′ at −2, 0 and 2 matches each activation, to 4 decimals", () => {
    const rows = [...section(output, "activation ", "sigmoid′(0)").matchAll(/^(\S+) +((?:-?\d+\.\d{4} *){6})$/gm)];
    expect(rows.map(([, name]) => name)).toEqual(activations.filter((a) => a !== softmax).map((a) => a.name));
    for (const [, name, numbers] of rows) {
      const printed = numbers.trim().split(/ +/).map(Number);
      const activation = getActivation(name);
      const expected = [...[-2, 0, 2].map((x) => valueAt(activation, x)), ...[-2, 0, 2].map((x) => slopeAt(activation, x))];
      expected.forEach((value, i) => expect(printed[i], `${name} column ${i}`).toBeCloseTo(value, 4));
    }
  });

  test("sigmoid′(0) is 1/4 and tanh′(0) is 1", () => {
    expect(output).toContain("sigmoid′(0) = 0.25, its steepest; tanh′(0) = 1, four times steeper.");
  });

  test("every backward passes its gradient check, far below the 1e-6 bar", () => {
    const [worst] = capture(output, /worst relative error over all 11 activations × 24 points is (\d\.\d+e-\d+)/).map(Number);
    expect(worst).toBeLessThan(1e-6);
    expect(worst).toBeGreaterThan(0);
  });

  test("the table of slope¹⁰ matches sigmoid′, tanh′ and relu′ raised to the 10th power", () => {
    const rows = [...section(output, "where ", "Even at its").matchAll(/^x = (-?\d+(?:\.\d+)?) +(\S+) +(\S+) +(\S+)$/gm)];
    expect(rows.map(([, x]) => Number(x))).toEqual([0.5, 1, 2, 4, -1]);
    for (const [, xText, ...printed] of rows) {
      const x = Number(xText);
      [sigmoid, tanh, relu].forEach((activation, i) => {
        const expected = slopeAt(activation, x) ** 10;
        expect(Number(printed[i])).toBeCloseTo(expected, expected === 0 ? 10 : -Math.floor(Math.log10(expected)) + 2);
      });
    }
    expect(output).toContain("0.25^10 = 9.54e-7");
    expect(0.25 ** 10).toBeCloseTo(9.54e-7, 9);
  });

  test("in the 10-layer stack the sigmoid gradient shrinks at every layer, to under 1e-5 of its size", () => {
    const table = section(output, "A stack of 10 layers", "layer 1 gets");
    const rows = [...table.matchAll(/^layer (\d+) +(\S+) +(\S+) +(\S+) +(\S+)$/gm)];
    expect(rows.map(([, layer]) => Number(layer))).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    const sigmoidColumn = rows.map((row) => Number(row[2]));
    for (let i = 1; i < 10; i++) expect(sigmoidColumn[i]).toBeLessThan(sigmoidColumn[i - 1]);
    const ratios = Object.fromEntries(
      [...output.matchAll(/^(.+?) +layer 1 gets (\S+) × the gradient of layer 10$/gm)].map(([, label, ratio]) => [label, Number(ratio)]),
    );
    expect(ratios.sigmoid).toBeLessThan(1e-5);
    expect(ratios.tanh).toBeGreaterThan(0.1);
    expect(ratios.relu).toBeLessThan(0.1);
    expect(ratios["relu, He init"]).toBeGreaterThan(0.5);
    expect(ratios["relu, He init"]).toBeLessThan(2);
  });

  test("a bias of −4 kills 34 of 64 relu units; bias 0 kills none", () => {
    expect(output).toContain("bias 0:  0 of 64 units never active (0.0%)");
    expect(output).toContain("bias -4: 34 of 64 units never active (53.1%)");
    expect(output).toMatch(/largest weight gradient of a dead unit, relu: +0  —/);
    const [leaky] = capture(output, /smallest weight gradient of those units, leakyRelu\(0\.01\): (\S+)/).map(Number);
    expect(leaky).toBeGreaterThan(0);
  });

  test("the naive softmax gives NaN for ±1000 logits while the stable one gives a distribution", () => {
    const steps = section(output, "Step 4", "Step 5");
    expect(steps.match(/naive .*= \[NaN, NaN, NaN\]/g)).toHaveLength(2);
    expect(steps).toContain("stable e^(x−max) / Σ…     = [0.6652, 0.2447, 0.0900]");
    expect(steps).toContain("stable e^(x−max) / Σ…     = [0.3333, 0.3333, 0.3333]");
    expect(steps.match(/sums to 1\.000000000000/g)).toHaveLength(3);
  });

  test("the three networks end relu < tanh < sigmoid, and every loss falls", () => {
    const runs = [...output.matchAll(/^ +(\w+) +loss (\d\.\d+) → (\d\.\d+) after 200 steps → (\d\.\d+) after 2000$/gm)];
    expect(runs.map(([, name]) => name)).toEqual(["sigmoid", "tanh", "relu"]);
    for (const [, , first, middle, last] of runs) {
      expect(Number(middle)).toBeLessThan(Number(first));
      expect(Number(last)).toBeLessThan(Number(middle));
    }
    const final = Object.fromEntries(runs.map(([, name, , , last]) => [name, Number(last)]));
    expect(final.relu).toBeLessThan(final.tanh);
    expect(final.tanh).toBeLessThan(final.sigmoid);
    expect(output).toMatch(/final loss, best first: relu \S+, tanh \S+, sigmoid \S+\./);
  });
});

describe("lesson 02's claims, recomputed", () => {
  test("the slopes quoted in the text: sigmoid′ ≤ 1/4 everywhere, tanh′(0) = 1, relu′(−1) = 0", () => {
    for (let x = -8; x <= 8; x += 0.05) expect(slopeAt(sigmoid, x)).toBeLessThanOrEqual(0.25);
    expect(slopeAt(tanh, 0)).toBe(1);
    expect(slopeAt(relu, -1)).toBe(0);
    expect(slopeAt(sigmoid, 2)).toBeCloseTo(0.105, 3);
  });

  test("the 10-layer stack: sigmoid passes on 2.83e-6 of the gradient, He-initialised relu 1.11", () => {
    const ratio = (sizes: number[]) => sizes[0] / sizes[9];
    expect(ratio(stackGradientSizes(sigmoid, 1 / Math.sqrt(32)))).toBeCloseTo(2.83e-6, 8);
    expect(ratio(stackGradientSizes(tanh, 1 / Math.sqrt(32)))).toBeCloseTo(0.348, 3);
    expect(ratio(stackGradientSizes(relu, 1 / Math.sqrt(32)))).toBeCloseTo(0.0489, 4);
    expect(ratio(stackGradientSizes(relu, Math.sqrt(2 / 32)))).toBeCloseTo(1.11, 2);
  });

  test("exercise 3: at depth 20 sigmoid passes on 9.55e-13, relu 2.19e-3, He-initialised relu 1.59", () => {
    const ratio = (sizes: number[]) => sizes[0] / sizes[19];
    expect(ratio(stackGradientSizes(sigmoid, 1 / Math.sqrt(32), 20))).toBeCloseTo(9.55e-13, 15);
    expect(ratio(stackGradientSizes(relu, 1 / Math.sqrt(32), 20))).toBeCloseTo(2.19e-3, 5);
    expect(ratio(stackGradientSizes(relu, Math.sqrt(2 / 32), 20))).toBeCloseTo(1.59, 2);
  });

  test("a dead relu unit gets exactly zero weight gradient, a leaky one does not", () => {
    const batch = randn([256, 10], rng(5));
    const z = add(matmul(batch, randn([10, 64], rng(9), Math.sqrt(2 / 10))), full([64], -4));
    const deadUnits = deadUnitsAt(-4);
    expect(deadUnits).toHaveLength(34);
    const upstream = randn(z.shape, rng(6));
    const reluGradW = matmulTransA(batch, relu.backward(z, upstream));
    const leakyGradW = matmulTransA(batch, leakyRelu(0.01).backward(z, upstream));
    for (const unit of deadUnits) {
      for (let row = 0; row < 10; row++) {
        expect(reluGradW.get(row, unit)).toBe(0);
        expect(leakyGradW.get(row, unit)).not.toBe(0);
      }
    }
  });

  test("exercise 2: a bias of −3 kills 7 of 64 units and −5 kills 56", () => {
    expect(deadUnitsAt(-3)).toHaveLength(7);
    expect(deadUnitsAt(-5)).toHaveLength(56);
    expect(deadUnitsAt(0)).toHaveLength(0);
  });

  test("softmax: shifting the logits by a constant changes nothing, and the naive form overflows", () => {
    const near = softmax.forward(tensor([1, 2, 3])).data;
    const far = softmax.forward(tensor([1000, 999, 998])).data;
    [0, 1, 2].forEach((i) => expect(far[i]).toBeCloseTo(near[2 - i], 15));
    expect(Math.exp(1000) / (3 * Math.exp(1000))).toBeNaN();
    expect(Math.exp(-1000) / (3 * Math.exp(-1000))).toBeNaN();
  });

  test("the tiny network's hand-written backward matches central differences for W₁, b₁, W₂ and b₂", () => {
    const { x, y } = sineData();
    for (const activation of [sigmoid, tanh, relu]) {
      const net = initTinyNet(16, rng(7));
      train(net, activation, x, y, 20, 0.05); // move off the initial point, so no gradient is trivially 0
      const { grads } = lossAndGradients(net, activation, x, y);
      for (const key of ["W1", "b1", "W2", "b2"] as const) {
        const lossOf = (param: Tensor) => lossAndGradients({ ...net, [key]: param } as TinyNet, activation, x, y).loss;
        const report = checkGradient(lossOf, net[key], grads[key]);
        expect(report.ok, `${activation.name} ${key}\n${formatReport(report)}`).toBe(true);
      }
    }
  });

  test("training recomputed: relu 0.000855, tanh 0.00590, sigmoid 0.0158 after 2000 steps", () => {
    const { x, y } = sineData();
    const finalLoss = (activation: Activation) => train(initTinyNet(16, rng(7)), activation, x, y, 2000, 0.05).at(-1)!;
    expect(finalLoss(relu)).toBeCloseTo(0.000855, 6);
    expect(finalLoss(tanh)).toBeCloseTo(0.0059, 5);
    expect(finalLoss(sigmoid)).toBeCloseTo(0.0158, 4);
  });

  test("relu ends about 18× lower than sigmoid; exercise 1: leakyRelu ≈ relu, gelu and silu beat tanh, elu does not", () => {
    const { x, y } = sineData();
    const finalLoss = (activation: Activation) => train(initTinyNet(16, rng(7)), activation, x, y, 2000, 0.05).at(-1)!;
    const [reluLoss, tanhLoss, sigmoidLoss] = [relu, tanh, sigmoid].map(finalLoss);
    const [leakyLoss, geluLoss, siluLoss, eluLoss] = [leakyRelu(0.01), gelu, silu, elu()].map(finalLoss);
    expect(Math.round(sigmoidLoss / reluLoss)).toBe(18);
    expect(leakyLoss).toBeCloseTo(0.000868, 6);
    expect(geluLoss).toBeCloseTo(0.00214, 5);
    expect(siluLoss).toBeCloseTo(0.00247, 5);
    expect(eluLoss).toBeCloseTo(0.007, 5);
    expect(Math.max(geluLoss, siluLoss)).toBeLessThan(tanhLoss);
    expect(eluLoss).toBeGreaterThan(tanhLoss);
  });

  test("with sigmoid each ∂L/∂z is at most a quarter of ∂L/∂h", () => {
    const z = randn([8, 16], rng(30), 3);
    const gradH = randn([8, 16], rng(31));
    const gradZ = sigmoid.backward(z, gradH);
    gradZ.data.forEach((value, i) => expect(Math.abs(value)).toBeLessThanOrEqual(Math.abs(gradH.data[i]) / 4));
  });
});
