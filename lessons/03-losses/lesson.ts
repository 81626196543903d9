/**
 * Lesson 03 — Losses.
 *
 * A loss turns "how wrong is the network?" into one number, and its gradient tells every
 * weight which way to move. This lesson puts the losses of @gradschool/losses side by
 * side, then shows why the choice matters: with a sigmoid output, mean squared error
 * barely reacts to a confidently wrong answer while cross-entropy pushes at full strength,
 * and fusing softmax with cross-entropy makes the gradient both simple and unbreakable.
 *
 * Run it with `npm start` (here, or `npm start -- 3` from the repository root).
 */
import { sigmoid, softmax } from "@gradschool/activations";
import { blobs } from "@gradschool/datasets";
import {
  type Loss,
  bceWithLogits,
  binaryCrossEntropy,
  crossEntropy,
  huber,
  mae,
  mse,
  softmaxCrossEntropy,
} from "@gradschool/losses";
import { type Tensor, add, map, matmul, matmulTransA, randn, rng, scale, sub, sum, tensor } from "@gradschool/tensor";
import { lossChart, table } from "@gradschool/viz";

const heading = (text: string) => console.log(`\n── ${text} ${"─".repeat(Math.max(0, 72 - text.length))}\n`);
const list = (t: Tensor, digits = 4) => `[${Array.from(t.data, (v) => v.toFixed(digits)).join(", ")}]`;

// Step 1 — every loss on a small example: what it takes, what it gives.
heading("Step 1 · seven losses on small examples");
const regressionPred = tensor([2.5, 0, 2, 8]);
const regressionTarget = tensor([3, -0.5, 2, 7]);
const probs = tensor([0.9, 0.2, 0.6]); // a sigmoid's output: P(class 1) for three examples
const binaryLabels = tensor([1, 0, 0]);
const binaryLogits = map(probs, (p) => Math.log(p / (1 - p))); // the z with σ(z) = p
const classLogits = tensor([
  [2, 1, 0.1],
  [0.5, 2.5, 0.3],
]);
const classLabels = Int32Array.from([0, 2]); // class indices, as the datasets return them
const classProbs = softmax.forward(classLogits);
const huberLoss = huber(1);
console.log(
  table(
    [
      ["mse", "values [2.5, 0, 2, 8]", "[3, -0.5, 2, 7]", mse.forward(regressionPred, regressionTarget)],
      ["mae", "values (same)", "(same)", mae.forward(regressionPred, regressionTarget)],
      [huberLoss.name, "values (same)", "(same)", huberLoss.forward(regressionPred, regressionTarget)],
      ["binaryCrossEntropy", "probabilities [0.9, 0.2, 0.6]", "[1, 0, 0]", binaryCrossEntropy.forward(probs, binaryLabels)],
      ["bceWithLogits", `logits ${list(binaryLogits)}`, "[1, 0, 0]", bceWithLogits.forward(binaryLogits, binaryLabels)],
      ["crossEntropy", "probabilities softmax(z), z below", "classes [0, 2]", crossEntropy.forward(classProbs, classLabels)],
      [
        "softmaxCrossEntropy",
        "logits [[2, 1, 0.1], [0.5, 2.5, 0.3]]",
        "classes [0, 2]",
        softmaxCrossEntropy.forward(classLogits, classLabels),
      ],
    ],
    { header: ["loss", "prediction", "target", "value"], decimals: 4 },
  ),
);
console.log("\nbceWithLogits on logit(p) equals binaryCrossEntropy on p;");
console.log("softmaxCrossEntropy on logits equals crossEntropy on their softmax.");

// An outlier: one prediction off by 10 instead of 1. Squaring makes mse pay 100 for it.
const withOutlier = tensor([2.5, 0, 2, 17]);
console.log("\nMove the last prediction from 8 to 17 (an error of 10 instead of 1):");
for (const loss of [mse, mae, huberLoss]) {
  const before = loss.forward(regressionPred, regressionTarget);
  const after = loss.forward(withOutlier, regressionTarget);
  console.log(`  ${loss.name.padEnd(15)} ${before.toFixed(4)} → ${after.toFixed(4)}  (×${(after / before).toFixed(1)})`);
}

// Step 2 — one confidently wrong answer: a = σ(z) with z = −6, but the label is 1.
// Backpropagation multiplies ∂L/∂a by σ'(z), and σ'(−6) is tiny.
heading("Step 2 · one confident wrong answer, two gradients");
const gradientAtLogit = (loss: Loss, z: number): number => {
  const logit = tensor([z]);
  const a = sigmoid.forward(logit);
  return sigmoid.backward(logit, loss.backward(a, tensor([1]))).item(); // ∂L/∂z = ∂L/∂a · σ'(z)
};
const logitsToTry = [-6, -2, 0, 2, 6];
console.log(
  table(
    logitsToTry.map((z) => {
      const a = sigmoid.forward(tensor([z])).item();
      return [z, a, a * (1 - a), gradientAtLogit(mse, z), gradientAtLogit(binaryCrossEntropy, z)];
    }),
    { header: ["logit z", "a = σ(z)", "σ'(z)", "mse ∂L/∂z", "cross-entropy ∂L/∂z"], decimals: 6 },
  ),
);
const wrongA = sigmoid.forward(tensor([-6])).item();
const mseGrad = gradientAtLogit(mse, -6);
const ceGrad = gradientAtLogit(binaryCrossEntropy, -6);
console.log(`\nAt z = −6 with label 1 the model says a = ${wrongA.toFixed(6)}: confidently wrong.`);
console.log(`mse:           ∂L/∂z = 2(a − y)·σ'(z) = ${mseGrad.toFixed(6)}`);
console.log(`cross-entropy: ∂L/∂z = a − y          = ${ceGrad.toFixed(6)}`);
console.log(`cross-entropy pushes ${(ceGrad / mseGrad).toFixed(1)}× harder, exactly when the model most needs correcting.`);

// The same a − y, computed from the logit without forming a: it survives any z.
const one = tensor([1]);
const fusedAtMinus6 = bceWithLogits.backward(tensor([-6]), one).item();
console.log(`\nbceWithLogits gets a − y straight from the logit: at z = −6 its gradient is ${fusedAtMinus6.toFixed(6)}.`);
const farLogit = tensor([-1000]);
const farA = sigmoid.forward(farLogit);
const clampedLoss = binaryCrossEntropy.forward(farA, one);
const clampedGrad = binaryCrossEntropy.backward(farA, one).item();
console.log(`At z = −1000, σ(z) rounds to ${farA.item()}: binaryCrossEntropy hits its clamp (loss ${clampedLoss.toFixed(4)}, gradient ${clampedGrad}),`);
console.log(`while bceWithLogits gives loss ${bceWithLogits.forward(farLogit, one)} and gradient ${bceWithLogits.backward(farLogit, one).item()}.`);

// Step 3 — the same cancellation for softmax: the fused gradient is softmax − onehot.
heading("Step 3 · softmax + cross-entropy, fused");
const logits = randn([4, 3], rng(3), 2);
const labels = Int32Array.from([2, 0, 1, 1]);
const chainedGradient = (z: Tensor, y: Int32Array): Tensor =>
  softmax.backward(z, crossEntropy.backward(softmax.forward(z), y));
const fused = softmaxCrossEntropy.backward(logits, labels);
const chained = chainedGradient(logits, labels);
const largestGap = Math.max(...Array.from(sub(fused, chained).data, Math.abs));
const fusedLoss = softmaxCrossEntropy.forward(logits, labels);
const chainedLoss = crossEntropy.forward(softmax.forward(logits), labels);
console.log(`4 examples, 3 classes, random logits: fused loss ${fusedLoss.toFixed(6)}, chained loss ${chainedLoss.toFixed(6)}`);
const firstRow = (t: Tensor) => tensor(Array.from(t.data.subarray(0, 3)));
console.log(`fused   (softmax − onehot) / N,                  row 0: ${list(firstRow(fused), 6)}`);
console.log(`chained softmax.backward(crossEntropy.backward), row 0: ${list(firstRow(chained), 6)}`);
console.log(`largest difference over all 12 entries: ${largestGap.toExponential(2)} (rounding only)`);

const extreme = tensor([[1000, -1000]]);
const extremeLabel = Int32Array.from([1]); // the class the model rules out
const extremeProbs = softmax.forward(extreme);
console.log(`\nLogits [1000, -1000], true class 1: softmax gives ${list(extremeProbs, 1)}, exactly.`);
const fusedExtreme = softmaxCrossEntropy.backward(extreme, extremeLabel);
const chainedExtreme = chainedGradient(extreme, extremeLabel);
console.log(`fused:   loss ${softmaxCrossEntropy.forward(extreme, extremeLabel)}, gradient ${list(fusedExtreme, 1)}`);
console.log(`chained: loss ${crossEntropy.forward(extremeProbs, extremeLabel)}, gradient ${list(chainedExtreme, 1)}`);
const ceGradAtExtreme = crossEntropy.backward(extremeProbs, extremeLabel);
console.log(`  crossEntropy.backward gives ${list(ceGradAtExtreme, 1)}, and softmax.backward needs Σ gⱼsⱼ = 0·1 + (−∞)·0 = NaN.`);
console.log("The fused loss works from the logits (log-sum-exp): it never takes log 0, so no ∞ ever meets a 0.");

// Step 4 — does it matter in training? One logistic model, σ(x·w + b), trained from the
// same bad start on the same data for the same number of steps; only the loss differs
// (and, in a third run, mse gets twice the learning rate — see the fairness note below).
heading("Step 4 · training with mse and with cross-entropy");
const data = blobs({ samples: 200, centers: [[-1, -1], [1, 1]], std: 0.7, rng: rng(3) });
const labelColumn = tensor(Float64Array.from(data.y), [data.y.length, 1]);
const badStart = tensor([[-3], [-3]]); // z ≈ −6 for class 1 and ≈ +6 for class 0: confidently wrong
const learningRate = 0.5;
const steps = 200;

/** The share of points on the right side of a = 0.5. */
const accuracyOf = (a: Tensor): number => a.data.filter((p, i) => (p > 0.5 ? 1 : 0) === data.y[i]).length / data.y.length;

/** Gradient descent on σ(x·w + b); every run is scored by the same yardsticks, cross-entropy and accuracy. */
function train(loss: Loss, lr: number): { crossEntropy: number[]; accuracy: number[] } {
  let weight = badStart;
  let bias = 0;
  const history = { crossEntropy: [] as number[], accuracy: [] as number[] };
  for (let step = 0; step < steps; step++) {
    const z = add(matmul(data.x, weight), bias);
    const a = sigmoid.forward(z);
    history.crossEntropy.push(binaryCrossEntropy.forward(a, labelColumn));
    history.accuracy.push(accuracyOf(a));
    const gradZ = sigmoid.backward(z, loss.backward(a, labelColumn)); // the only line where the loss matters
    weight = sub(weight, scale(matmulTransA(data.x, gradZ), lr)); // ∂L/∂w = xᵀ · ∂L/∂z
    bias -= lr * sum(gradZ); // ∂L/∂b = Σ ∂L/∂z
  }
  return history;
}

const runs = {
  [`cross-entropy, lr ${learningRate}`]: train(binaryCrossEntropy, learningRate),
  [`mse, lr ${learningRate}`]: train(mse, learningRate),
  [`mse, lr ${2 * learningRate}`]: train(mse, 2 * learningRate),
};
const atStart = Object.values(runs)[0]; // every run starts from the same weights, so any run's step 0 will do
const startLoss = atStart.crossEntropy[0];
console.log(`200 points in two blobs; start w = [-3, -3], b = 0: cross-entropy ${startLoss.toFixed(4)}, accuracy ${(100 * atStart.accuracy[0]).toFixed(1)}%`);
console.log("Each run is scored by cross-entropy and accuracy, whatever loss it trains on: mse values (at most 1) and");
console.log("cross-entropy values (unbounded) are on different scales, so comparing each run's own loss would mean nothing.\n");
console.log(
  table(
    Object.entries(runs).map(([name, run]) => {
      const firstGood = run.accuracy.findIndex((accuracy) => accuracy >= 0.95); // updates made before that score
      return [name, firstGood, run.crossEntropy[50], run.crossEntropy[steps - 1], `${(100 * run.accuracy[steps - 1]).toFixed(1)}%`];
    }),
    {
      header: ["trained on", "updates to 95% accuracy", "CE at step 50", `CE at step ${steps - 1}`, `accuracy at step ${steps - 1}`],
      decimals: 4,
    },
  ),
);
console.log("\nmse with twice the learning rate is the generous comparison: 2(a − y)·σ'(z) is at most half of a − y,");
console.log("so doubling its step makes its largest push equal cross-entropy's. It still waits on the plateau.");
console.log(
  "\n" +
    lossChart(
      Object.fromEntries(Object.entries(runs).map(([name, run]) => [name, run.crossEntropy])),
      {
        title: "Logistic regression from a confidently wrong start — cross-entropy of σ(x·w + b)",
        logScale: true,
        height: 12,
        width: 78,
        xRange: [0, steps - 1],
      },
    ),
);
