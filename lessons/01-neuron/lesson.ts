/**
 * Lesson 01 — A single neuron.
 *
 * A neuron takes a weighted sum of its inputs, adds a bias and squashes the result into
 * (0, 1) with the sigmoid. This lesson computes one by hand, derives its gradient by hand
 * and checks it against central differences, trains it with plain gradient descent on the
 * AND and OR gates and on two clouds of points, and then watches it fail on XOR.
 *
 * Run it with `npm start` (here, or `npm start -- 1` from the repository root).
 */
import { type ClassificationSet, andGate, blobs, orGate, xor } from "@gradschool/datasets";
import { checkGradient, numericalGradient, relativeError } from "@gradschool/gradcheck";
import { Neuron, accuracy, decisionBoundary, sigmoid, train } from "@gradschool/neuron";
import { type Tensor, rng, scale, tensor } from "@gradschool/tensor";
import { lossChart, table } from "@gradschool/viz";

const heading = (text: string) => console.log(`\n── ${text} ${"─".repeat(Math.max(0, 72 - text.length))}\n`);
const fixed = (value: number, digits = 4) => value.toFixed(digits);
const signed = (value: number, format = fixed) => (value < 0 ? `− ${format(-value)}` : `+ ${format(value)}`);
/** A neuron's z as an equation, e.g. "7.4087·x1 + 7.4087·x2 − 11.2857". */
const equation = ({ weights, bias }: Neuron, format: (value: number) => string = fixed) =>
  `${weights.data[0] < 0 ? "−" : ""}${format(Math.abs(weights.data[0]))}·x1 ${signed(weights.data[1], format)}·x2 ${signed(bias, format)}`;
const gateLegend = "· predicted 0   ░ predicted 1   0 and 1: the four inputs, drawn as their target";
const percent = (fraction: number) => `${(100 * fraction).toFixed(0)}%`;

/** Two pictures next to each other, each under its caption. */
function sideBySide(left: string, right: string, captions: [string, string]): string {
  const leftLines = [captions[0], ...left.split("\n")];
  const rightLines = [captions[1], ...right.split("\n")];
  const leftWidth = Math.max(...leftLines.map((line) => line.length)) + 4;
  return leftLines.map((line, i) => `${line.padEnd(leftWidth)}${rightLines[i] ?? ""}`.trimEnd()).join("\n");
}

/** The four gate inputs, their probability, the neuron's class and the target, as a table. */
function truthTable(neuron: Neuron, data: ClassificationSet): string {
  const { a } = neuron.forward(data.x);
  const predictions = neuron.predict(data.x);
  const rows = Array.from(data.y, (target, i) => [
    data.x.get(i, 0),
    data.x.get(i, 1),
    fixed(a.data[i]),
    predictions[i],
    target,
    predictions[i] === target ? "✓" : "✗",
  ]);
  return table(rows, { header: ["x1", "x2", "a = σ(z)", "prediction", "target", ""] });
}

/** A picture of the unit square around the four gate inputs, small enough to set two side by side. */
const gatePicture = (neuron: Neuron, data: ClassificationSet) =>
  decisionBoundary((points) => neuron.predict(points), {
    xRange: [-0.5, 1.5],
    yRange: [-0.5, 1.5],
    width: 21,
    height: 11,
    points: data.x,
    labels: data.y,
    legend: false,
  });

// Step 1 — a neuron computes z = w·x + b, then squashes z into (0, 1) with the sigmoid.
heading("Step 1 · a neuron: a weighted sum, then a squash");
const and = andGate();
const handMade = Neuron.from([1, 1], -1.5);
console.log("A neuron with weights w = (1, 1) and bias b = -1.5, on the four inputs of the AND gate:\n");
const handForward = handMade.forward(and.x);
for (let i = 0; i < 4; i++) {
  const [x1, x2] = [and.x.get(i, 0), and.x.get(i, 1)];
  const z = handForward.z.data[i];
  const a = handForward.a.data[i];
  console.log(
    `x = (${x1}, ${x2}):  z = 1·${x1} + 1·${x2} − 1.5 = ${z.toFixed(1).padStart(4)}   ` +
      `a = σ(z) = 1 / (1 + e^${(-z).toFixed(1)}) = ${fixed(a)}   → class ${a >= 0.5 ? 1 : 0}, target ${and.y[i]}`,
  );
}
const handLoss = handMade.loss(and.x, and.y);
const handTerms = Array.from(handForward.a.data, (a, i) => (and.y[i] === 1 ? `ln ${fixed(a)}` : `ln(1 − ${fixed(a)})`));
console.log(`\nOnly (1, 1) reaches a ≥ 0.5: this neuron computes AND, but timidly (a = ${fixed(handForward.a.data[3])} for a sure 1).`);
console.log(`Binary cross-entropy, the mean over the 4 rows of −ln(probability given to the right answer):`);
console.log(`L = −(1/4)·[${handTerms.join(" + ")}] = ${fixed(handLoss)}`);
console.log(`Check the sigmoid by hand: σ(0.5) = 1 / (1 + e^-0.5) = ${fixed(1 / (1 + Math.exp(-0.5)))}, the package says ${fixed(sigmoid(0.5))}`);

// Step 2 — the gradient by hand: with cross-entropy, ∂L/∂z = (a − y)/N, so
// ∂L/∂w = (1/N)·Xᵀ(a − y) and ∂L/∂b = mean(a − y). Then measure it and compare.
heading("Step 2 · the gradient by hand, checked by central differences");
const start = new Neuron(2, { rng: rng(1) });
const [w1, w2] = start.weights.data;
console.log(`A fresh neuron from rng(1): w = (${fixed(w1)}, ${fixed(w2)}), b = ${fixed(start.bias)}; its loss on AND is ${fixed(start.loss(and.x, and.y))}`);
const startA = start.forward(and.x).a;
const errors = Array.from(startA.data, (a, i) => a - and.y[i]);
console.log(`a − y for the four rows: [${errors.map((e) => fixed(e)).join(", ")}]`);
const { gradWeights, gradBias } = start.gradients(and.x, and.y);
console.log(`∂L/∂w = (1/4)·Xᵀ(a − y) = (${fixed(gradWeights.data[0])}, ${fixed(gradWeights.data[1])})`);
console.log(`∂L/∂b = mean(a − y)     = ${fixed(gradBias)}`);

const lossAtWeights = (weights: Tensor) => Neuron.from(weights, start.bias).loss(and.x, and.y);
const lossAtBias = (bias: Tensor) => Neuron.from(start.weights, bias.data[0]).loss(and.x, and.y);
const measuredWeights = numericalGradient(lossAtWeights, start.weights); // (L(w + ε) − L(w − ε)) / 2ε, per weight
const measuredBias = numericalGradient(lossAtBias, tensor([start.bias])).item();
const row = (name: string, byHand: number, measured: number) => [name, fixed(byHand, 10), fixed(measured, 10), relativeError(byHand, measured).toExponential(1)];
console.log("\nCentral differences nudge each parameter by ±1e-5 and measure how the loss moves:\n");
console.log(
  table(
    [
      row("w1", gradWeights.data[0], measuredWeights.data[0]),
      row("w2", gradWeights.data[1], measuredWeights.data[1]),
      row("b", gradBias, measuredBias),
    ],
    { header: ["parameter", "by hand", "measured", "relative error"], align: ["left", "right", "right", "right"] },
  ),
);
const weightCheck = checkGradient(lossAtWeights, start.weights, gradWeights);
const biasCheck = checkGradient(lossAtBias, tensor([start.bias]), tensor([gradBias]));
console.log(
  `\ngradient check: max relative error ${weightCheck.maxRelError.toExponential(1)} for w, ` +
    `${biasCheck.maxRelError.toExponential(1)} for b — ${weightCheck.ok && biasCheck.ok ? "passed" : "FAILED"} (tolerance 1e-6)`,
);
const forgotMean = checkGradient(lossAtWeights, start.weights, scale(gradWeights, 4));
console.log(
  `a derivation that forgets the 1/N: max relative error ${fixed(forgotMean.maxRelError, 2)} — ` +
    `${forgotMean.ok ? "passed" : "FAILED"}, as it should: the check has teeth`,
);

// Step 3 — plain gradient descent from that same fresh neuron, on AND and then on OR.
heading("Step 3 · training on AND and OR");
const steps = 1000;
const lr = 1;
console.log(`Each run starts from the same fresh neuron (rng(1)) and takes ${steps} steps of w ← w − ${lr}·∂L/∂w, b ← b − ${lr}·∂L/∂b.\n`);
const lossCurves: Record<string, number[]> = {};
const trained: Record<string, Neuron> = {};
const or = orGate();
for (const [name, data] of [["AND", and], ["OR", or]] as const) {
  const neuron = new Neuron(2, { rng: rng(1) });
  const losses = train(neuron, data.x, data.y, { steps, lr });
  lossCurves[name] = losses;
  trained[name] = neuron;
  const fraction = accuracy(neuron.predict(data.x), data.y);
  console.log(`${name}: loss ${fixed(losses[0])} → ${fixed(losses[steps - 1])}, accuracy ${percent(fraction)}`);
  console.log(`learned z = ${equation(neuron)}\n`);
  console.log(truthTable(neuron, data));
  console.log();
}
console.log("Where each neuron says 1 and where it says 0: one straight line splits the plane.\n");
console.log(sideBySide(gatePicture(trained.AND, and), gatePicture(trained.OR, or), ["AND", "OR"]));
console.log(gateLegend);

// Step 4 — two seeded clouds of points: the same neuron, the same training.
heading("Step 4 · two clouds of points");
const clouds = blobs({ samples: 100, centers: [[-2, -1], [2, 1]], std: 0.6, rng: rng(7) });
const cloudNeuron = new Neuron(2, { rng: rng(1) });
lossCurves.blobs = train(cloudNeuron, clouds.x, clouds.y, { steps, lr });
const cloudPredictions = cloudNeuron.predict(clouds.x);
const cloudCorrect = cloudPredictions.filter((p, i) => p === clouds.y[i]).length;
console.log(`100 points from blobs(rng(7)): class 0 around (-2, -1), class 1 around (2, 1), spread 0.6`);
console.log(`blobs: loss ${fixed(lossCurves.blobs[0])} → ${fixed(lossCurves.blobs[steps - 1])}, accuracy ${cloudCorrect}/100 = ${percent(accuracy(cloudPredictions, clouds.y))}`);
console.log(`the neuron's boundary is the line ${equation(cloudNeuron)} = 0\n`);
console.log(
  decisionBoundary((points) => cloudNeuron.predict(points), {
    xRange: [-4.5, 4.5],
    yRange: [-3, 3],
    width: 45,
    height: 15,
    points: clouds.x,
    labels: clouds.y,
  }),
);

// Step 5 — XOR: the same training stalls, because no straight line separates its classes.
heading("Step 5 · XOR: where one neuron gives up");
const xorData = xor();
const xorNeuron = new Neuron(2, { rng: rng(1) });
lossCurves.XOR = train(xorNeuron, xorData.x, xorData.y, { steps, lr });
const xorLoss = lossCurves.XOR[steps - 1];
const xorAccuracy = accuracy(xorNeuron.predict(xorData.x), xorData.y);
console.log(`XOR: loss ${fixed(lossCurves.XOR[0])} → ${fixed(xorLoss)}, accuracy ${percent(xorAccuracy)}`);
console.log(`the loss is stuck at ln 2 = ${fixed(Math.LN2)}: the loss of answering a = 0.5 to everything`);
const exponent = (value: number) => value.toExponential(1);
console.log(`learned z = ${equation(xorNeuron, exponent)}: gradient descent drove w and b to 0, down to rounding error\n`);
console.log(truthTable(xorNeuron, xorData));

// Is it the training, or is it the neuron? Try 10,000 random lines and keep the best.
const search = rng(2);
let bestAccuracy = 0;
let bestLine = Neuron.from([1, 1], 0);
let threeOfFour = 0;
for (let trial = 0; trial < 10_000; trial++) {
  const line = Neuron.from([search.normal(), search.normal()], search.uniform(-2, 2));
  const fraction = accuracy(line.predict(xorData.x), xorData.y);
  if (fraction === 0.75) threeOfFour++;
  if (fraction > bestAccuracy) [bestAccuracy, bestLine] = [fraction, line];
}
console.log(
  `\nIs it the training? Of 10,000 random lines, ${threeOfFour} classify 3 of the 4 rows, and the best any of them does is ` +
    `${percent(bestAccuracy)}. No line puts (0, 1) and (1, 0) on one side and (0, 0) and (1, 1) on the other.\n`,
);
console.log(sideBySide(gatePicture(xorNeuron, xorData), gatePicture(bestLine, xorData), ["the trained neuron (w, b ≈ 0)", "the best random line"]));
console.log(gateLegend);
console.log("\nLesson 05 adds a hidden layer: two neurons draw two lines, a third combines them, and XOR falls.");

heading("The loss of every run");
console.log(
  lossChart(
    { AND: lossCurves.AND, OR: lossCurves.OR, XOR: lossCurves.XOR, blobs: lossCurves.blobs },
    { title: "One neuron, binary cross-entropy, gradient descent at lr 1", logScale: true, height: 12, width: 78 },
  ),
);
console.log(`AND, OR and blobs fall towards 0 and keep falling; XOR stays flat at ln 2 = ${fixed(Math.LN2)}.`);
