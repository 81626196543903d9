/**
 * Lesson 02 — Activations.
 *
 * A neuron computes w·x + b and then bends it with an activation function f. This lesson
 * draws the usual choices and their slopes, then shows why the slope matters: a gradient
 * is multiplied by f′ once per layer, so flat regions starve deep networks (vanishing
 * gradients) and a ReLU that is never active gets no gradient at all (dead units). It
 * shows why softmax subtracts the row max, and ends by training the same tiny network
 * with sigmoid, tanh and relu hidden units.
 *
 * Run it with `npm start` (here, or `npm start -- 2` from the repository root).
 */
import {
  type Activation,
  activations,
  elu,
  gelu,
  leakyRelu,
  relu,
  sigmoid,
  silu,
  softmax,
  softplus,
  tanh,
} from "@gradschool/activations";
import { checkGradient } from "@gradschool/gradcheck";
import {
  type Tensor,
  add,
  arange,
  full,
  map,
  matmul,
  matmulTransA,
  matmulTransB,
  mean,
  mul,
  ones,
  rand,
  randn,
  reshape,
  rng,
  scale,
  sum,
  tensor,
} from "@gradschool/tensor";
import { lossChart, plotFunction, table, visibleLength } from "@gradschool/viz";
import { initTinyNet, train } from "./tiny-net.ts";

const heading = (text: string) => console.log(`\n── ${text} ${"─".repeat(Math.max(0, 72 - text.length))}\n`);

/** f(x) and f′(x) at one number, through the tensor API (a one-element tensor). */
const valueAt = (activation: Activation) => (x: number) => activation.forward(tensor([x])).item();
const slopeAt = (activation: Activation) => (x: number) => activation.backward(tensor([x]), ones([1])).item();
const rms = (t: Tensor): number => Math.sqrt(mean(mul(t, t)));

/** Two blocks of text next to each other, line by line (widths counted without colour codes). */
function sideBySide(left: string, right: string, gap = 4): string {
  const leftLines = left.split("\n");
  const rightLines = right.split("\n");
  const leftWidth = Math.max(...leftLines.map(visibleLength));
  return Array.from({ length: Math.max(leftLines.length, rightLines.length) }, (_, i) => {
    const leftLine = leftLines[i] ?? "";
    return (leftLine + " ".repeat(leftWidth - visibleLength(leftLine) + gap) + (rightLines[i] ?? "")).trimEnd();
  }).join("\n");
}

// Step 1 — what each function looks like, and its slope. Backward multiplies by the slope.
heading("Step 1 · the functions and their slopes");
// A grid of small charts, two side by side: each function (──) with its slope (══).
const plotted = [sigmoid, tanh, relu, leakyRelu(0.1), elu(), softplus, gelu, silu];
const charts = plotted.map((activation) =>
  plotFunction(
    { [activation.name]: valueAt(activation), [`${activation.name}′`]: slopeAt(activation) },
    [-3, 3],
    { width: 38, height: 8 },
  ),
);
for (let i = 0; i < charts.length; i += 2) console.log(sideBySide(charts[i], charts[i + 1]) + "\n");
const elementwise = activations.filter((activation) => activation !== softmax);
const points = [-2, 0, 2];
console.log(
  table(
    elementwise.map((activation) => [
      activation.name,
      ...points.map(valueAt(activation)),
      ...points.map(slopeAt(activation)),
    ]),
    { header: ["activation", "f(−2)", "f(0)", "f(2)", "f′(−2)", "f′(0)", "f′(2)"] },
  ),
);
console.log(`\nsigmoid′(0) = ${slopeAt(sigmoid)(0)}, its steepest; tanh′(0) = ${slopeAt(tanh)(0)}, four times steeper.`);
// Check every backward at 24 points x = −2.875, −2.625, …, 2.875: none at relu's kink x = 0.
const grid = reshape(add(scale(arange(24), 0.25), -2.875), [4, 6]);
let worstRelError = 0;
for (const activation of activations) {
  const projection = randn(grid.shape, rng(21)); // L = Σ f(x) ⊙ R, so ∂L/∂f(x) = R
  const loss = (input: Tensor) => sum(mul(activation.forward(input), projection));
  const report = checkGradient(loss, grid, activation.backward(grid, projection));
  worstRelError = Math.max(worstRelError, report.maxRelError);
}
console.log(
  `Every backward agrees with central differences: worst relative error over all ${activations.length} ` +
    `activations × 24 points is ${worstRelError.toExponential(2)} (a bug would be > 1e-6).`,
);

// Step 2 — backprop multiplies one f′ per layer. Below 1, ten of them make a tiny number.
heading("Step 2 · saturation and vanishing gradients");
const depth = 10;
console.log(`The chain rule through ${depth} layers multiplies ${depth} slopes. If every unit sits at the same x:`);
console.log(
  table(
    [0.5, 1, 2, 4, -1].map((x) => [`x = ${x}`, ...[sigmoid, tanh, relu].map((f) => (slopeAt(f)(x) ** depth).toExponential(2))]),
    { header: ["where", `sigmoid′^${depth}`, `tanh′^${depth}`, `relu′^${depth}`], align: ["left", "right", "right", "right"] },
  ),
);
console.log(
  `Even at its steepest point, x = 0, sigmoid passes on only 0.25^${depth} = ${(0.25 ** depth).toExponential(2)} ` +
    "of the gradient. tanh passes on all of it at x = 0 but saturates once |x| grows; relu passes on all of it " +
    "for any x > 0, and none of it for x < 0.",
);

// A real deep stack: 10 layers of width 32, weights N(0, 1/32), a batch of 64 random inputs.
// Backprop a random gradient from the top and measure its size (RMS) at every layer.
const width = 32;
function gradientSizes(activation: Activation, weightStd: number): number[] {
  const random = rng(3);
  const input = randn([64, width], random);
  const weights = Array.from({ length: depth }, () => randn([width, width], random, weightStd));
  const preActivations: Tensor[] = [];
  let hidden = input;
  for (const weight of weights) {
    const z = matmul(hidden, weight);
    preActivations.push(z); // backward needs z: f′ is evaluated where the forward pass was
    hidden = activation.forward(z);
  }
  let grad = randn(hidden.shape, random); // ∂L/∂output for L = Σ output ⊙ R
  const sizes: number[] = [];
  for (let layer = depth - 1; layer >= 0; layer--) {
    grad = activation.backward(preActivations[layer], grad); // ∂L/∂z of this layer
    sizes.unshift(rms(grad));
    grad = matmulTransB(grad, weights[layer]); // ∂L/∂(previous layer's output)
  }
  return sizes;
}
const stacks = [
  { label: "sigmoid", sizes: gradientSizes(sigmoid, 1 / Math.sqrt(width)) },
  { label: "tanh", sizes: gradientSizes(tanh, 1 / Math.sqrt(width)) },
  { label: "relu", sizes: gradientSizes(relu, 1 / Math.sqrt(width)) },
  { label: "relu, He init", sizes: gradientSizes(relu, Math.sqrt(2 / width)) },
];
console.log(`\nA stack of ${depth} layers (width ${width}, weights N(0, 1/${width}), He init N(0, 2/${width})): RMS of ∂L/∂z at each layer`);
console.log(
  table(
    Array.from({ length: depth }, (_, index) => {
      const layer = depth - 1 - index; // top first, as backprop visits them
      return [`layer ${layer + 1}`, ...stacks.map((stack) => stack.sizes[layer].toExponential(2))];
    }),
    { header: ["", ...stacks.map((stack) => stack.label)], align: ["left", "right", "right", "right", "right"] },
  ),
);
for (const stack of stacks) {
  const ratio = stack.sizes[0] / stack.sizes[depth - 1];
  console.log(`${stack.label.padEnd(14)} layer 1 gets ${ratio.toExponential(2)} × the gradient of layer ${depth}`);
}

// Step 3 — a relu unit whose input is negative for every example outputs 0 and gets 0 gradient.
heading("Step 3 · dead ReLUs");
const batch = randn([256, 10], rng(5)); // 256 examples, 10 features
const units = 64;
const heWeights = randn([10, units], rng(9), Math.sqrt(2 / 10));
function deadUnits(bias: number): number[] {
  const z = add(matmul(batch, heWeights), full([units], bias));
  const dead: number[] = [];
  for (let unit = 0; unit < units; unit++) {
    let everActive = false;
    for (let row = 0; row < batch.shape[0]; row++) if (z.get(row, unit) > 0) everActive = true;
    if (!everActive) dead.push(unit);
  }
  return dead;
}
const goodDead = deadUnits(0);
const badBias = -4;
const badDead = deadUnits(badBias);
console.log(`A layer of ${units} relu units on a batch of ${batch.shape[0]} seeded inputs, He-initialised weights N(0, 2/10):`);
console.log(`  bias 0:  ${goodDead.length} of ${units} units never active (${((100 * goodDead.length) / units).toFixed(1)}%)`);
console.log(`  bias ${badBias}: ${badDead.length} of ${units} units never active (${((100 * badDead.length) / units).toFixed(1)}%)`);

const zBad = add(matmul(batch, heWeights), full([units], badBias));
const upstream = randn(zBad.shape, rng(6)); // some ∂L/∂h from the layers above
/** The size (largest |entry|) of the gradient reaching each unit's 10 incoming weights. */
const columnGradient = (activation: Activation) => {
  const gradWeights = matmulTransA(batch, activation.backward(zBad, upstream)); // ∂L/∂W = xᵀ·∂L/∂z, [10, 64]
  return (unit: number) => Math.max(...Array.from({ length: 10 }, (_, row) => Math.abs(gradWeights.get(row, unit))));
};
const reluGrad = columnGradient(relu);
const leakyGrad = columnGradient(leakyRelu(0.01));
const largestReluDead = Math.max(...badDead.map(reluGrad));
const smallestLeakyDead = Math.min(...badDead.map(leakyGrad));
console.log(`  largest weight gradient of a dead unit, relu:              ${largestReluDead}  — gradient descent never moves them`);
console.log(`  smallest weight gradient of those units, leakyRelu(0.01): ${smallestLeakyDead.toExponential(2)}  — not 0, so gradient descent can still move them`);

// Step 4 — eˣ overflows above x ≈ 709.78; softmax only needs differences of logits.
heading("Step 4 · why softmax subtracts the max");
const naiveSoftmax = (logits: number[]) => {
  const exps = logits.map(Math.exp);
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((value) => value / total);
};
const format = (values: ArrayLike<number>) => `[${Array.from(values, (v) => (Number.isNaN(v) ? "NaN" : v.toFixed(4))).join(", ")}]`;
for (const logits of [
  [1, 2, 3],
  [1000, 999, 998],
  [-1000, -1000, -1000],
]) {
  const stable = softmax.forward(tensor(logits)).data;
  console.log(`logits [${logits.join(", ")}]`);
  console.log(`  naive  e^x / Σe^x         = ${format(naiveSoftmax(logits))}`);
  console.log(`  stable e^(x−max) / Σ…     = ${format(stable)}   sums to ${sum(tensor(Array.from(stable))).toFixed(12)}`);
}
console.log(`e^1000 = ${Math.exp(1000)} and Infinity / Infinity = NaN; e^−1000 = ${Math.exp(-1000)} and 0 / 0 = NaN.`);
console.log("[1000, 999, 998] and [1, 2, 3] differ by a constant, so their softmax is the same, as the stable version shows.");

// Step 5 — the same network, the same data, the same seed; only the hidden activation changes.
heading("Step 5 · one network, three activations");
const dataRandom = rng(2);
const inputs = rand([64, 1], dataRandom, -3, 3);
const targets = map(inputs, Math.sin);
const hiddenUnits = 16;
const steps = 2000;
const learningRate = 0.05;
console.log(
  `Fit y = sin(x) on 64 points in [−3, 3) with 1 → ${hiddenUnits} hidden → 1, plain gradient descent, ` +
    `${steps} full-batch steps at learning rate ${learningRate}, every network initialised from rng(7):`,
);
const curves: Record<string, number[]> = {};
for (const activation of [sigmoid, tanh, relu]) {
  const losses = train(initTinyNet(hiddenUnits, rng(7)), activation, inputs, targets, steps, learningRate);
  curves[activation.name] = losses;
  console.log(
    `  ${activation.name.padEnd(8)} loss ${losses[0].toFixed(4)} → ${losses[199].toFixed(4)} after 200 steps → ` +
      `${losses[steps - 1].toPrecision(3)} after ${steps}`,
  );
}
console.log(
  "\n" +
    lossChart(curves, {
      title: "Fitting sin(x): mean squared error by hidden activation",
      logScale: true,
      width: 78,
      height: 12,
      xRange: [0, steps - 1],
    }),
);
const ranking = Object.entries(curves).sort(([, a], [, b]) => a[steps - 1] - b[steps - 1]);
console.log(
  `final loss, best first: ${ranking.map(([name, losses]) => `${name} ${losses[steps - 1].toPrecision(3)}`).join(", ")}. ` +
    "Same data, same start, same steps: only f changed. sigmoid learns slowest: its slope is at most 1/4, " +
    "so each ∂L/∂z is at most a quarter of ∂L/∂h, where tanh and relu can pass on all of it.",
);
