/**
 * Lesson 00 — Tensors.
 *
 * Every network in this course is arithmetic on tensors: blocks of numbers with a shape.
 * This lesson builds one, reshapes it, broadcasts it, multiplies it, fills it with seeded
 * random numbers, and finally uses all of that to fit a line to noisy data.
 *
 * Run it with `npm start` (here, or `npm start -- 0` from the repository root).
 */
import {
  add,
  allClose,
  arange,
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
import { lossChart } from "@gradschool/viz";

const heading = (text: string) => console.log(`\n── ${text} ${"─".repeat(Math.max(0, 72 - text.length))}\n`);

// Step 1 — a tensor is a flat row of numbers plus a shape that says how to read them.
heading("Step 1 · a tensor is numbers in a row, plus a shape");
const x = tensor([
  [1, 2, 3],
  [4, 5, 6],
]);
console.log(`x =\n${x}`);
console.log(`shape [${x.shape.join(", ")}], size ${x.size}, stored as data = [${x.data.join(", ")}]`);
// Row-major: element [row, col] of a [rows, cols] tensor sits at data[row · cols + col].
console.log(`x[1, 2] = ${x.get(1, 2)}, found at data[1 · 3 + 2] = data[5] = ${x.data[5]}`);

// Step 2 — reshape keeps the numbers in their order and changes only the shape;
// transpose really moves them.
heading("Step 2 · reshape and transpose");
console.log(`reshape(x, [3, 2]) =\n${reshape(x, [3, 2])}`);
console.log(`transpose(x) =\n${transpose(x)}`);
console.log("The same six numbers: reshape reads them in the same order, transpose swaps rows and columns.");

// Step 3 — broadcasting: shapes are lined up from the right, and a dimension of 1 (or a
// missing one) is stretched to fit. This is how a layer adds one bias to every example.
heading("Step 3 · broadcasting");
const batch = reshape(arange(12), [4, 3]);
const bias = tensor([100, 200, 300]);
console.log(`batch [4, 3] =\n${batch}`);
console.log(`\nbatch + bias [3] adds the bias to every row:\n${add(batch, bias)}`);
const columnMeans = mean(batch, 0);
console.log(`\ncolumn means [3] = ${columnMeans}; batch − means centres every column on 0:\n${sub(batch, columnMeans)}`);
const rowSums = sum(batch, 1, { keepDims: true });
const rowShares = div(batch, rowSums);
console.log(`\nrow sums [4, 1] =\n${rowSums}`);
console.log(`batch / row sums divides each row by its own sum; the rows now sum to ${sum(rowShares, 1)}`);

// Step 4 — matrix multiplication: [m, k] · [k, n] → [m, n]. Entry [i, j] is the dot
// product of row i of the left with column j of the right. A dense layer is one matmul.
heading("Step 4 · matrix multiplication");
const inputs = tensor([
  [1, 2, 3],
  [4, 5, 6],
]); // 2 examples, 3 features each
const weights = tensor([
  [1, 0],
  [0, 1],
  [1, -1],
]); // 3 inputs → 2 outputs
const outputs = matmul(inputs, weights);
console.log(`inputs [2, 3] · weights [3, 2] = outputs [${outputs.shape.join(", ")}] =\n${outputs}`);
console.log(`by hand, outputs[0, 0] = 1·1 + 2·0 + 3·1 = ${1 * 1 + 2 * 0 + 3 * 1}, and the tensor says ${outputs.get(0, 0)}`);
try {
  matmul(inputs, inputs);
} catch (error) {
  console.log(`\nThe inner dimensions must agree. Multiplying inputs by inputs gives:\n  ${(error as Error).message}`);
}
const bigLeft = randn([64, 64], rng(1));
const bigRight = randn([64, 64], rng(2));
console.log(
  `\nThe fast kernel (register-blocked, see packages/tensor/src/gemm.ts) agrees with the four-line ` +
    `definition on 64×64 random matrices: ${allClose(matmul(bigLeft, bigRight), matmulNaive(bigLeft, bigRight))}`,
);

// Step 5 — seeded randomness: a generator started from the same seed gives the same
// numbers, so every lesson prints the same results on every run.
heading("Step 5 · seeded randomness");
const first = rng(42);
const second = rng(42);
const draws = (generator: ReturnType<typeof rng>) => [1, 2, 3].map(() => generator.uniform().toFixed(6)).join(", ");
console.log(`rng(42): ${draws(first)}`);
console.log(`rng(42): ${draws(second)}   ← the same seed, the same numbers`);
console.log(`rng(7):  ${draws(rng(7))}   ← another seed, other numbers`);
const samples = randn([10_000], rng(0));
const sampleMean = mean(samples);
const sampleStd = Math.sqrt(mean(mul(sub(samples, sampleMean), sub(samples, sampleMean))));
console.log(`10,000 normal samples from rng(0): mean ${sampleMean.toFixed(4)}, standard deviation ${sampleStd.toFixed(4)}`);
console.log(`a seeded shuffle of 0 … 9: [${rng(1).permutation(10).join(", ")}]`);

// Step 6 — everything together: fit y = w·x + b to 100 noisy points by gradient descent.
// Gradient descent gets its own lessons (01 and 04); here it shows tensors doing real work.
heading("Step 6 · fitting a line with tensors");
const trueWeight = 3;
const trueBias = -0.5;
const noiseStd = 0.1;
const random = rng(2024);
const points = rand([100, 1], random, -1, 1); // [100 examples, 1 feature]
const targets = add(add(scale(points, trueWeight), trueBias), randn([100, 1], random, noiseStd));
console.log(`100 points on y = ${trueWeight}x − ${-trueBias} plus noise (std ${noiseStd}); start from w = 0, b = 0`);

let weight = zeros([1, 1]);
let biasValue = 0;
const learningRate = 0.1;
const losses: number[] = [];
for (let step = 0; step < 100; step++) {
  const predictions = add(matmul(points, weight), biasValue); // ŷ = x·w + b, shape [100, 1]
  const errors = sub(predictions, targets); // ŷ − y
  losses.push(mean(mul(errors, errors))); // mean squared error
  if (step % 20 === 0) {
    console.log(`step ${String(step).padStart(2)}  loss ${losses[step].toFixed(4)}  w ${weight.item().toFixed(4)}  b ${biasValue.toFixed(4)}`);
  }
  // d loss / d w = (2/N) · xᵀ·(ŷ − y)   and   d loss / d b = (2/N) · Σ (ŷ − y)
  const gradWeight = scale(matmulTransA(points, errors), 2 / points.shape[0]);
  const gradBias = 2 * mean(errors);
  weight = sub(weight, scale(gradWeight, learningRate));
  biasValue -= learningRate * gradBias;
}

console.log(
  "\n" +
    lossChart(
      { "mean squared error": losses },
      { title: "Fitting y = 3x − 0.5 with tensors", logScale: true, height: 10, width: 78, xRange: [0, 99] },
    ),
);
const finalLoss = losses[losses.length - 1];
console.log(`after 100 steps: fitted w = ${weight.item().toFixed(4)} (true ${trueWeight}), b = ${biasValue.toFixed(4)} (true ${trueBias})`);
console.log(
  `loss ${losses[0].toFixed(4)} → ${finalLoss.toFixed(4)}, close to the noise variance ${noiseStd}² = ${(noiseStd ** 2).toFixed(2)}: ` +
    "the line is as good as the noise allows.",
);
