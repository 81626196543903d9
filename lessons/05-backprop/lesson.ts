/**
 * Lesson 05 — Backpropagation.
 *
 * Lesson 01 ended with one neuron stuck on XOR. This lesson builds the machinery that lets
 * a network learn through a hidden layer: the chain rule run backwards over a graph of
 * numbers (Value), the same rule in matrix form for whole layers (Dense, Tanh,
 * Sequential), checked against each other; then a 2 → 4 → 1 network that solves XOR from
 * every seed, pictures of what its hidden units learned, and a live gradient check.
 *
 * Run it with `npm start` (here, or `npm start -- 5` from the repository root).
 */
import { Dense, Sequential, Tanh, type Value, formatGraph, topologicalOrder, value } from "@gradschool/backprop";
import { checkLayer, formatReport, relativeError } from "@gradschool/gradcheck";
import { bceWithLogits } from "@gradschool/losses";
import { Neuron, train } from "@gradschool/neuron";
import { Adam } from "@gradschool/optimizers";
import { type Tensor, formatShape, rng, tensor } from "@gradschool/tensor";
import { lossChart, table } from "@gradschool/viz";
import { codeTable, grid, xorPicture } from "./pictures.ts";
import { valueNet } from "./value-net.ts";
import { adamW, classify, hiddenCodes, hiddenUnits, mergedCornerGap, learningRate, steps, trainXor, weightDecay, xorInputs, xorLabels, xorNet } from "./xor-net.ts";

const heading = (text: string) => console.log(`\n── ${text} ${"─".repeat(Math.max(0, 72 - text.length))}\n`);
const fixed = (value: number, digits = 4) => value.toFixed(digits);
const signed = (value: number, digits = 2) => (value < 0 ? `− ${fixed(-value, digits)}` : `+ ${fixed(value, digits)}`);
const maxAbsDifference = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  Array.from(a).reduce((largest, ai, i) => Math.max(largest, Math.abs(ai - b[i])), 0);

// Step 1 — a neuron written with Value: every operation becomes a node that remembers its
// inputs, and backward() walks the graph from the output, multiplying local derivatives.
heading("Step 1 · the chain rule on a graph of numbers");
const x1 = value(2, "x1");
const x2 = value(0, "x2");
const w1 = value(-3, "w1");
const w2 = value(1, "w2");
const b = value(6.881373587019543, "b");
const neuronOutput = (weight1: Value) => {
  const x1w1 = x1.mul(weight1);
  const x2w2 = x2.mul(w2);
  x1w1.label = "x1·w1";
  x2w2.label = "x2·w2";
  const n = x1w1.add(x2w2).add(b);
  n.label = "n";
  const o = n.tanh();
  o.label = "o";
  return o;
};
const o = neuronOutput(w1);
o.backward();
console.log(`o = tanh(x1·w1 + x2·w2 + b) with x1 = 2, x2 = 0, w1 = -3, w2 = 1, b = ${fixed(b.data)}.`);
console.log(`Forward gives o = ${fixed(o.data)}; after o.backward() each node's grad is ∂o/∂(that node):\n`);
console.log(formatGraph(o));
const n = o.inputs[0]; // o = tanh(n)
console.log("\nThe same numbers by hand: multiply the local derivatives along the path from o down to each node.");
console.log("Each + passes its grad on unchanged (∂(a + b)/∂a = 1); each · passes it on times the other factor (∂(a·c)/∂a = c).\n");
const dn = 1 - o.data ** 2; // ∂o/∂n, tanh's local derivative
console.log(
  table(
    [
      ["∂o/∂n", `1 − o² = 1 − ${fixed(o.data)}²`, fixed(dn), fixed(n.grad)],
      ["∂o/∂b", `∂o/∂n · 1 = ${fixed(dn)} · 1`, fixed(dn), fixed(b.grad)],
      ["∂o/∂w1", `∂o/∂n · 1 · 1 · x1 = ${fixed(dn)} · 2`, fixed(dn * x1.data), fixed(w1.grad)],
      ["∂o/∂x1", `∂o/∂n · 1 · 1 · w1 = ${fixed(dn)} · (-3)`, fixed(dn * w1.data), fixed(x1.grad)],
      ["∂o/∂w2", `∂o/∂n · 1 · 1 · x2 = ${fixed(dn)} · 0`, fixed(dn * x2.data), fixed(w2.grad)],
    ],
    { header: ["gradient", "chain of local derivatives", "by hand", "backward()"], align: ["left", "left", "right", "right"] },
  ),
);
console.log("\nw2 learns nothing from this example: its input x2 is 0, so nudging w2 cannot move o.");
const epsilon = 1e-5;
const slope = (neuronOutput(value(w1.data + epsilon)).data - neuronOutput(value(w1.data - epsilon)).data) / (2 * epsilon);
console.log(
  `Central differences agree: nudging w1 by ±1e-5 moves o at a slope of ${fixed(slope)} ` +
    `(relative error ${relativeError(w1.grad, slope).toExponential(1)} against w1.grad)`,
);

// Step 2 — the same chain rule, a layer at a time: Dense and Tanh compute whole matrices
// of these local products at once. First the Step 1 neuron, then the XOR network.
heading("Step 2 · the same chain rule, a layer at a time");
const neuronLayer = new Sequential([
  // An Initializer that ignores its rng: the kernel [2, 1] holds w1 and w2 of Step 1.
  new Dense(2, 1, { rng: rng(0), init: () => tensor([[w1.data], [w2.data]]), name: "neuron" }),
  new Tanh(),
]);
const [neuronDense] = neuronLayer.layers as [Dense, Tanh];
neuronDense.bias.value.data[0] = b.data;
const layerOutput = neuronLayer.forward(tensor([[x1.data, x2.data]]));
const gradInput = neuronLayer.backward(tensor([[1]])); // gradOut = ∂o/∂o = 1
console.log("The Step 1 neuron as Dense(2, 1) → Tanh, on a batch of one row x = [[2, 0]], backward from gradOut = [[1]]:\n");
console.log(
  table(
    [
      ["∂o/∂w1", fixed(w1.grad), fixed(neuronDense.kernel.grad.data[0]), "kernel.grad = xᵀ·gradZ"],
      ["∂o/∂w2", fixed(w2.grad), fixed(neuronDense.kernel.grad.data[1]), "kernel.grad = xᵀ·gradZ"],
      ["∂o/∂b", fixed(b.grad), fixed(neuronDense.bias.grad.data[0]), "bias.grad = Σ_rows gradZ"],
      ["∂o/∂x1", fixed(x1.grad), fixed(gradInput.data[0]), "gradIn = gradZ·Wᵀ"],
      ["∂o/∂x2", fixed(x2.grad), fixed(gradInput.data[1]), "gradIn = gradZ·Wᵀ"],
    ],
    { header: ["gradient", "Value", "layers", "where the layers get it"], align: ["left", "right", "right", "left"] },
  ),
);
const layerO = layerOutput.item();
console.log(`(o = ${fixed(layerO)} both ways; gradZ = ∂o/∂n = 1 − o² = ${fixed(1 - layerO ** 2)}, the Tanh layer's backward)`);

const network = xorNet(0);
const [hiddenDense, hiddenTanh, outputDense] = network.layers as [Dense, Tanh, Dense];
const parameterCount = network.params().reduce((total, param) => total + param.value.size, 0);
console.log(`\nNow the network Step 3 trains: Dense(2, ${hiddenUnits}) → Tanh → Dense(${hiddenUnits}, 1), ${parameterCount} parameters, from rng(0),`);
console.log("on all four XOR rows, loss bceWithLogits. Sequential.backward is this loop, run here by hand:\n");
const logits = network.forward(xorInputs);
const networkLoss = bceWithLogits.forward(logits, xorLabels);
network.params().forEach((param) => param.grad.data.fill(0));
const gradLogits = bceWithLogits.backward(logits, xorLabels);
const gradHidden = outputDense.backward(gradLogits);
const gradPreActivation = hiddenTanh.backward(gradHidden);
const gradX = hiddenDense.backward(gradPreActivation);
const shape = (t: Tensor) => formatShape(t.shape);
const product = (a: readonly number[], c: readonly number[], out: Tensor) => `${formatShape(a)}·${formatShape(c)} → ${shape(out)}`;
const { kernel: W1, bias: b1 } = hiddenDense;
const { kernel: W2, bias: b2 } = outputDense;
console.log(
  table(
    [
      ["∂L/∂z", "bceWithLogits.backward", "(σ(z) − y)/4", shape(gradLogits)],
      ["output.kernel.grad", "output.backward", "hᵀ·∂L/∂z", product([4, 4], [4, 1], W2.grad)],
      ["output.bias.grad", "output.backward", "Σ_rows ∂L/∂z", shape(b2.grad)],
      ["∂L/∂h", "output.backward", "∂L/∂z·W2ᵀ", product([4, 1], [1, 4], gradHidden)],
      ["∂L/∂a", "tanh.backward", "∂L/∂h ⊙ (1 − h²)", shape(gradPreActivation)],
      ["hidden.kernel.grad", "hidden.backward", "xᵀ·∂L/∂a", product([2, 4], [4, 4], W1.grad)],
      ["hidden.bias.grad", "hidden.backward", "Σ_rows ∂L/∂a", shape(b1.grad)],
      ["∂L/∂x", "hidden.backward", "∂L/∂a·W1ᵀ", product([4, 4], [4, 2], gradX)],
    ],
    { header: ["gradient", "computed by", "formula", "shape"] },
  ),
);
const scalarNet = valueNet({ hiddenKernel: W1.value, hiddenBias: b1.value, outputKernel: W2.value, outputBias: b2.value }, xorInputs, xorLabels);
scalarNet.loss.backward();
const nodeCount = topologicalOrder(scalarNet.loss).length;
const grads = (values: Value[]) => values.map((v) => v.grad);
const differences = [
  maxAbsDifference(grads(scalarNet.params.hiddenKernel), W1.grad.data),
  maxAbsDifference(grads(scalarNet.params.hiddenBias), b1.grad.data),
  maxAbsDifference(grads(scalarNet.params.outputKernel), W2.grad.data),
  maxAbsDifference(grads(scalarNet.params.outputBias), b2.grad.data),
];
console.log(`\nThe same network built from Values is a graph of ${nodeCount} nodes; its backward() is Step 1's chain rule, one number at a time.`);
console.log(`loss: Value ${fixed(scalarNet.loss.data, 10)}, layers ${fixed(networkLoss, 10)}`);
console.log(
  `largest |Value grad − layer grad| over all ${parameterCount} parameters: ${Math.max(...differences).toExponential(1)} ` +
    `(hidden.kernel ${differences[0].toExponential(1)}, hidden.bias ${differences[1].toExponential(1)}, ` +
    `output.kernel ${differences[2].toExponential(1)}, output.bias ${differences[3].toExponential(1)})`,
);

// Step 3 — train it. AdamW on the full batch of four rows; the logit goes to bceWithLogits.
heading("Step 3 · XOR, solved");
console.log(`Dense(2, ${hiddenUnits}) → Tanh → Dense(${hiddenUnits}, 1) from rng(0), trained on the 4 XOR rows at once for ${steps} steps`);
console.log(`with AdamW (lr ${learningRate}, weight decay ${weightDecay}) on bceWithLogits of the output logit z; p = σ(z).\n`);
const model = xorNet(0);
const run = trainXor(model, adamW());
console.log(
  `seed 0: loss ${fixed(run.losses[0])} → ${fixed(run.losses[steps])} after ${steps} steps, accuracy ${100 * run.accuracy}%; ` +
    `all 4 rows right from step ${run.solvedAt} on`,
);
const [hidden, , output] = model.layers as [Dense, Tanh, Dense];
const codes = hiddenCodes(model);
console.log(`\n${codeTable(codes, output.forward(codes))}`);

const kernel = hidden.kernel.value;
const leading = (value: number) => `${value < 0 ? "−" : ""}${fixed(Math.abs(value), 2)}`;
const hiddenEquation = (j: number) =>
  `${leading(kernel.get(0, j))}·x1 ${signed(kernel.get(1, j))}·x2 ${signed(hidden.bias.value.data[j])}`;
console.log("\nEach hidden unit is one neuron of lesson 01, so each draws one straight line: ░ where its h > 0, · where h < 0.\n");
const unitPictures = Array.from({ length: hiddenUnits }, (_, j) =>
  xorPicture((points) => {
    const h = hiddenCodes(model, points);
    return Array.from({ length: points.shape[0] }, (_, row) => (h.get(row, j) > 0 ? 1 : 0));
  }),
);
console.log(grid(unitPictures, unitPictures.map((_, j) => `h${j + 1} = tanh(${hiddenEquation(j)})`), 2));
const outputWeights = output.kernel.value.data;
const outputSum = Array.from(outputWeights, (w, j) => `${j === 0 ? leading(w) : signed(w)}·h${j + 1}`).join(" ");
console.log(`\nThe output neuron adds them up: z = ${outputSum} ${signed(output.bias.value.data[0])}`);
console.log("and the lines together fence off the two corners where XOR is 1:\n");
console.log(xorPicture((points) => classify(model.forward(points)), { width: 41, height: 17, legend: true }));

// Every seed: XOR must fall whatever the starting weights.
const seeds = 50;
const seedRuns = Array.from({ length: seeds }, (_, seed) => trainXor(xorNet(seed), adamW()));
const solvedAt = seedRuns.map((seedRun) => seedRun.solvedAt ?? Number.NaN);
const solvedCount = seedRuns.filter((seedRun) => seedRun.solvedAt !== undefined && seedRun.accuracy === 1).length;
const slowest = solvedAt.reduce((worst, at, seed) => (at > solvedAt[worst] ? seed : worst), 0);
const sortedSteps = [...solvedAt].sort((a, c) => a - c);
const finalLosses = seedRuns.map((seedRun) => seedRun.losses[steps]);
console.log(`\nIs seed 0 lucky? The same training from seeds 0–${seeds - 1}; the step from which each gets all 4 rows right:\n`);
for (let first = 0; first < seeds; first += 10) {
  const row = solvedAt.slice(first, first + 10).map((at) => String(at).padStart(4)).join("");
  console.log(`  seeds ${`${first}–${first + 9}`.padEnd(6)}${row}`);
}
console.log(
  `\n${solvedCount} of ${seeds} seeds reach 100% accuracy and keep it to step ${steps}; the slowest, seed ${slowest}, ` +
    `needs ${solvedAt[slowest]} steps (median ${(sortedSteps[seeds / 2 - 1] + sortedSteps[seeds / 2]) / 2}).`,
);
console.log(`Final losses lie between ${fixed(Math.min(...finalLosses))} and ${fixed(Math.max(...finalLosses))}.`);

// Why 4 hidden units, and why weight decay: two ways to get stuck.
console.log("\nWhy 4 hidden units and weight decay? Take either away:");
const twoUnitModels = Array.from({ length: seeds }, (_, seed) => xorNet(seed, 2));
const twoUnitRuns = twoUnitModels.map((twoUnits) => trainXor(twoUnits, adamW()));
const twoUnitStuck = twoUnitModels.filter((_, seed) => twoUnitRuns[seed].accuracy < 1);
const stuckLosses = twoUnitRuns.filter((seedRun) => seedRun.accuracy < 1).map((seedRun) => seedRun.losses[steps]);
const stuckGaps = twoUnitStuck.map((stuck) => mergedCornerGap(stuck).gap);
console.log(
  `  2 hidden units, the same AdamW, seeds 0–${seeds - 1}: ${seeds - twoUnitStuck.length} of ${seeds} reach 100%; the other ${twoUnitStuck.length} ` +
    `end with loss ${fixed(Math.min(...stuckLosses), 3)}–${fixed(Math.max(...stuckLosses), 3)}, just above ln 2 / 2 = ${fixed(Math.LN2 / 2)}`,
);
console.log(
  `  (in each of those ${twoUnitStuck.length}, two corners with different targets share one hidden code, at most ` +
    `${Math.max(...stuckGaps).toExponential(1)} apart)`,
);
const stuckSeed = 60;
const noDecay = xorNet(stuckSeed);
const noDecayRun = trainXor(noDecay, new Adam({ lr: learningRate }));
console.log(
  `  4 hidden units, Adam (lr ${learningRate}) without weight decay, seed ${stuckSeed}: loss ${fixed(noDecayRun.losses[steps])}, ` +
    `accuracy ${100 * noDecayRun.accuracy}% after ${steps} steps`,
);
const stuckCodes = hiddenCodes(noDecay);
console.log(`\n${codeTable(stuckCodes, noDecay.layers[2].forward(stuckCodes))}`);
const merged = mergedCornerGap(noDecay);
const corner = (row: number) => `(${xorInputs.get(row, 0)}, ${xorInputs.get(row, 1)})`;
console.log(
  `\n${corner(merged.rows[0])} and ${corner(merged.rows[1])} have the same hidden code (they differ by at most ` +
    `${merged.gap.toExponential(1)}), but targets ${xorLabels[merged.rows[0]]} and ${xorLabels[merged.rows[1]]}:`,
);
console.log("no output weights can tell one point from itself, so it says p = 0.5 for both, two shrugs out of four rows.");
console.log("Every unit sits where tanh is flat (h = ±1, 1 − h² ≈ 0), so almost no gradient comes back to move them.");
const rescued = trainXor(xorNet(stuckSeed), adamW());
const shrinkPerStep = Math.round(learningRate * weightDecay * 100); // AdamW: θ ← θ − lr·λ·θ, before the Adam step
console.log(
  `With weight decay, each step shrinks every weight by lr·λ = ${shrinkPerStep}%, which keeps the units on tanh's slope: ` +
    `seed ${stuckSeed} with AdamW gets all 4 rows right from step ${rescued.solvedAt}.`,
);

// Step 4 — check the trained network's backward pass against central differences.
heading("Step 4 · a live gradient check");
console.log(`checkLayer(model, [4, 2], rng(4)) on the trained network from Step 3: it draws a random batch x [4, 2] and a random`);
console.log("R [4, 1], takes L = Σ z ⊙ R (so ∂L/∂z = R), runs backward, then nudges every input and every weight by ±1e-5:\n");
const report = checkLayer(model, [4, 2], rng(4));
console.log(formatReport(report));
const inputCount = report.input.shape.reduce((size, dim) => size * dim, 1);
const worstError = Math.max(report.input.maxRelError, ...Object.values(report.params).map((paramReport) => paramReport.maxRelError));
console.log(
  `\n${inputCount + parameterCount} numbers checked (${inputCount} inputs, ${parameterCount} parameters): the largest relative error is ` +
    `${worstError.toExponential(1)}, ${report.ok ? "far below" : "ABOVE"} the 1e-6 a wrong formula would exceed.`,
);

heading("The loss of every run");
const neuron = new Neuron(2, { rng: rng(1) });
const neuronLosses = train(neuron, xorInputs, xorLabels, { steps, lr: 1 });
console.log(
  lossChart(
    {
      "seed 0": run.losses,
      [`seed ${stuckSeed}`]: rescued.losses,
      [`seed ${stuckSeed}, no decay`]: noDecayRun.losses,
      "one neuron (lesson 01)": neuronLosses,
    },
    { title: "XOR, binary cross-entropy: a hidden layer against one neuron", logScale: true, height: 16, width: 78, xRange: [0, steps] },
  ),
);
console.log(`One neuron stays at ln 2 = ${fixed(Math.LN2)}, the loss of p = 0.5 everywhere. Without weight decay, seed ${stuckSeed} stays at`);
console.log(`ln 2 / 2 = ${fixed(Math.LN2 / 2)}, two corners merged; with it, seed ${stuckSeed} leaves that plateau and falls with seed 0.`);
