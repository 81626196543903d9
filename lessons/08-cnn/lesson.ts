/**
 * Lesson 08 — Convolutional networks.
 *
 * The MLP of lesson 06 reads a digit as 784 unrelated numbers. A convolution puts the
 * picture back: one small filter slid over the image, the same weights at every position.
 * The lesson computes a convolution by hand on a 6×6 image, turns it into one matrix
 * product (im2col), pools, and then trains the reference CNN (Conv → Pool → Conv → Pool →
 * Dense → Dense, 121,930 parameters) on MNIST, and draws the filters it learnt and what they
 * see in one digit.
 *
 * Run it with `npm start` (a quick run on 4,000 training images, about a minute), or
 * `npm start -- --full` for the full run: all 60,000 images, 3 epochs, ≥ 99.0% on the test set.
 */
import { AvgPool2D, type Conv2D, MaxPool2D, col2im, conv2dReference, im2col, windowGeometry } from "@gradschool/cnn";
import { loadMnist } from "@gradschool/datasets";
import { softmaxCrossEntropy } from "@gradschool/losses";
import { accuracy, learningRateScheduler } from "@gradschool/mlp";
import { Adam } from "@gradschool/optimizers";
import { Tensor, matmul, rng, tensor } from "@gradschool/tensor";
import { lossChart, renderDigit, renderImages, table } from "@gradschool/viz";
import { epochTimer } from "./epoch-timer.ts";
import { cosineSimilarity, mostLike } from "./filter-similarity.ts";
import { filterPictures, grid, plane, rowsOf, upsample2x } from "./pictures.ts";
import { BATCH_SIZE, FULL, LEARNING_RATE, QUICK, SHUFFLE_SEED, asImages, learningRateSchedule, seededCnn } from "./reference-cnn.ts";
import { edgeBatch, edgeImage, handPosition, noBias, poolingMap, pooledGradient, sobelKernel, sobelVertical } from "./tiny-examples.ts";
import { validationCurve } from "./validation-curve.ts";

const heading = (text: string) => console.log(`\n── ${text} ${"─".repeat(Math.max(0, 72 - text.length))}\n`);
const count = (value: number) => value.toLocaleString("en-US");
const percent = (fraction: number, digits = 2) => `${(100 * fraction).toFixed(digits)}%`;
const mapRows = (map: Tensor) => rowsOf(map.data, map.shape[map.rank - 1]);

const full = process.argv.includes("--full");

// Step 1 — one filter slid over a tiny image: every output is 9 products and a sum.
heading("Step 1 · what a convolution computes");
console.log("A 6×6 image, dark on the left and bright on the right:\n");
console.log(grid(edgeImage));
console.log("\nand a 3×3 filter that looks for vertical edges (Sobel's: right column minus left column):\n");
console.log(grid(sobelVertical));
const edgeMap = conv2dReference(edgeBatch(), sobelKernel(), noBias());
console.log("\nSlide the filter over every 3×3 window; each output is the sum of the 9 products of filter and window.");
console.log(`conv2dReference(image, filter) is ${edgeMap.shape.slice(2).join("×")}:\n`);
console.log(grid(mapRows(edgeMap)));
const { row, col } = handPosition;
const products = sobelVertical.flatMap((filterRow, ki) => filterRow.map((weight, kj) => [weight, edgeImage[row + ki][col + kj]]));
const byHand = products.reduce((sum, [weight, pixel]) => sum + weight * pixel, 0);
const signed = (value: number) => (value < 0 ? `(${value})` : String(value));
console.log(`\nBy hand, the output at row ${row}, column ${col} covers image rows ${row}–${row + 2}, columns ${col}–${col + 2}:`);
console.log(`  ${products.map(([weight, pixel]) => `${signed(weight)}·${pixel}`).join(" + ")}`);
console.log(`  = ${products.map(([weight, pixel]) => weight * pixel).join(" + ")} = ${byHand}`);
console.log(`conv2dReference gives out[${row}][${col}] = ${edgeMap.get(0, 0, row, col)}, the same.`);
const flatColumns = [0, 1, 2, 3].filter((j) => mapRows(edgeMap).every((mapRow) => mapRow[j] === 0));
console.log(`Columns ${flatColumns.join(" and ")} of the map are 0: there the window is flat (all dark or all bright),`);
console.log("and the filter's −1, −2, −1 cancel its 1, 2, 1. The filter answers only where the brightness changes.");

console.log("\nThe stride moves the window more than one pixel; padding puts zeros around the image first.");
console.log("With p zeros on each side and stride s, an n-pixel side with a k-pixel filter gives");
console.log("  out = floor((n + 2p − k) / s) + 1\n");
const settings = [
  { label: "stride 1, no padding (valid)", stride: 1, padding: "valid", p: 0 },
  { label: "stride 2, no padding", stride: 2, padding: "valid", p: 0 },
  { label: "stride 1, padding 1 (same)", stride: 1, padding: "same", p: 1 },
  { label: "stride 2, padding 1", stride: 2, padding: 1, p: 1 },
] as const;
const shapeRows = settings.map(({ label, stride, padding, p }) => {
  const out = conv2dReference(edgeBatch(), sobelKernel(), noBias(), { stride, padding });
  return [label, `floor((6 + ${2 * p} − 3) / ${stride}) + 1 = ${Math.floor((6 + 2 * p - 3) / stride) + 1}`, out.shape.slice(2).join("×")];
});
console.log(table(shapeRows, { header: ["setting", "formula", "conv2dReference's output"] }));
const stride2 = conv2dReference(edgeBatch(), sobelKernel(), noBias(), { stride: 2 });
const same = conv2dReference(edgeBatch(), sobelKernel(), noBias(), { padding: "same" });
console.log("\nStride 2 keeps every other window:\n");
console.log(grid(mapRows(stride2)));
console.log('\nPadding "same" keeps the 6×6 size:\n');
console.log(grid(mapRows(same)));
console.log("\nThe padding invents edges: the zeros past the right border are darker than the image, so the last");
console.log(`column reads ${same.get(0, 0, 2, 5)}, a bright-to-dark edge that is not in the picture. In the top and bottom rows one row`);
console.log("of the filter lies on the zeros, so the edge there gives 3 instead of 4.");
console.log("\nThe reference CNN below uses no padding and stride 1, so its 28×28 digits shrink step by step:");
console.log("  28 → conv 3×3 → 26 → pool 2 → 13 → conv 3×3 → 11 → pool 2 → 5");

// Step 2 — im2col: copy every window into a column, and the convolution is one matrix product.
heading("Step 2 · im2col: a convolution as one matrix product");
const geometry = windowGeometry("lesson 08", "kernel", 6, 6, { kernelHeight: 3, kernelWidth: 3, strideHeight: 1, strideWidth: 1, padding: "valid" });
const positions = geometry.outHeight * geometry.outWidth;
const cols = new Tensor(new Float64Array(9 * positions), [9, positions]);
im2col(edgeBatch().data, 0, 1, geometry, cols.data, 0);
const positionLabels = Array.from({ length: positions }, (_, p) => `${Math.floor(p / geometry.outWidth)},${p % geometry.outWidth}`);
const offsetLabels = Array.from({ length: 9 }, (_, r) => `${Math.floor(r / 3)},${r % 3}`);
console.log("im2col copies the window under each output position (i, j) into one column: row (ki, kj) of column");
console.log("(i, j) is the pixel at image row i + ki, column j + kj. For the 6×6 image, cols is [9, 16]:\n");
console.log(grid(mapRows(cols), { rowLabels: offsetLabels, colLabels: positionLabels, corner: "ki,kj" }));
const kernelRow = new Tensor(Float64Array.from(sobelVertical.flat()), [1, 9]);
const product = matmul(kernelRow, cols);
const largestGap = Math.max(...Array.from(product.data, (value, p) => Math.abs(value - edgeMap.data[p])));
console.log("\nThe filter read as one row of 9 weights, in the same (ki, kj) order:");
console.log(`  kernel row  = [${Array.from(kernelRow.data).join(" ")}]`);
console.log(`  kernel row · cols = [${Array.from(product.data).join(" ")}]`);
console.log(`Read 4 at a time, that is step 1's 4×4 map: the largest difference is ${largestGap}.`);
console.log("With 32 filters the kernel is 32 rows, [32, 9] · [9, 16]: every filter at every position in one product.");
// col2im adds each entry of cols back into the pixel it came from; on a cols of ones that counts the copies.
const windowsPerPixel = new Float64Array(36);
col2im(new Float64Array(cols.size).fill(1), 0, 1, geometry, windowsPerPixel, 0);
console.log("\nThe price is memory: each pixel is copied once per window it sits in, up to k² = 9 times. col2im, which");
console.log("adds every entry of cols back into its pixel (backward uses it to sum the gradients), counts them:\n");
console.log(grid(rowsOf(windowsPerPixel, 6)));
console.log(`\nThe 6×6 image has 36 pixels; cols has ${count(cols.size)} numbers. In the reference CNN's second convolution`);
const conv2In = 32 * 13 * 13;
const conv2Cols = 32 * 9 * 11 * 11;
console.log(`one image's input is 32×13×13 = ${count(conv2In)} numbers and its cols [288, 121] = ${count(conv2Cols)}, ` +
  `${(conv2Cols / conv2In).toFixed(1)} times as many.`);
console.log("What it buys: the whole layer becomes one [64, 288] · [288, 121] product per image, run by the packed");
console.log("matmul kernel of lesson 00, which keeps its numbers in cache and does several multiply-adds per load,");
console.log("instead of conv2dReference's seven nested loops, which work out an index and test for padding at every");
console.log("multiply-add. On the reference CNN the packed version is many times faster (lesson 11 measures it).");

// Step 3 — pooling: keep the strongest response in each 2×2 window.
heading("Step 3 · pooling");
const mapBatch = tensor([[poolingMap]]);
const maxPool = new MaxPool2D(2);
const avgPool = new AvgPool2D(2);
const maxPooled = maxPool.forward(mapBatch);
const avgPooled = avgPool.forward(mapBatch);
console.log("A 4×4 map, cut into four 2×2 windows:\n");
console.log(grid(poolingMap));
console.log("\nMaxPool2D(2) keeps each window's largest value; AvgPool2D(2) its mean. Both halve each side:\n");
console.log("  max pooled");
console.log(grid(mapRows(maxPooled)));
console.log("\n  average pooled");
console.log(grid(mapRows(avgPooled)));
const gradOut = tensor([[pooledGradient]]);
const maxGrad = maxPool.backward(gradOut);
const avgGrad = avgPool.backward(gradOut);
console.log(`\nBackward, with the gradient ${JSON.stringify(pooledGradient)} arriving at the pooled output:`);
console.log("max pooling sends each window's gradient to the one input that won it, and 0 to the other three:\n");
console.log(grid(mapRows(maxGrad)));
console.log("\naverage pooling shares it equally, a quarter to each input of the window:\n");
console.log(grid(mapRows(avgGrad)));
console.log("\nA max is a switch: the winner passes through unchanged (derivative 1), the losers do not count (0).");
console.log("Forward remembers where each max was, so backward only routes. No parameters either way.");

// Step 4 — the reference CNN, and where its parameters and its arithmetic are.
heading("Step 4 · the reference CNN: 121,930 parameters");
const model = seededCnn();
console.log(model.summary());
console.log("\nA Conv2D(in → out, k×k) has one k×k filter per pair of channels and one bias per output channel:");
console.log("  conv1    1·32 filters of 3×3 + 32 biases   = 32·9 + 32      =     320");
console.log("  conv2   32·64 filters of 3×3 + 64 biases   = 2,048·9 + 64   =  18,496");
console.log("  dense1  1,600 inputs × 64 units + 64 biases = 102,400 + 64  = 102,464");
console.log("  dense2  64 inputs × 10 units + 10 biases                    =     650");
const total = model.params().reduce((sum, param) => sum + param.value.size, 0);
console.log(`  total                                                       = ${count(total)}`);
console.log("\nThe MLP of lesson 06 has 101,770. A Dense layer from the 784 pixels to conv1's 32×26×26 outputs alone");
console.log(`would need 784 · 21,632 = ${count(784 * 21_632)} weights; conv1 uses 288, the same 9 at every position.`);
console.log("Parameters and arithmetic sit in different places. Multiply-adds for one image, forward:\n");
const work = [
  { layer: "conv1", params: 320, multiplyAdds: 26 * 26 * 32 * 9 }, // 26×26 positions × 32 filters × 9 weights
  { layer: "conv2", params: 18_496, multiplyAdds: 11 * 11 * 64 * 288 }, // 11×11 positions × 64 filters × 32·9 weights
  { layer: "dense1", params: 102_464, multiplyAdds: 1600 * 64 },
  { layer: "dense2", params: 650, multiplyAdds: 64 * 10 },
];
const totalWork = work.reduce((sum, { multiplyAdds }) => sum + multiplyAdds, 0);
console.log(
  table(
    work.map(({ layer, params, multiplyAdds }) => [layer, count(params), count(multiplyAdds), percent(multiplyAdds / totalWork, 1)]),
    { header: ["layer", "parameters", "multiply-adds", "share"], align: ["left", "right", "right", "right"] },
  ),
);
const conv2 = work[1];
console.log(
  `\nconv2 has ${percent(conv2.params / total, 0)} of the weights and does ${percent(conv2.multiplyAdds / totalWork, 0)} of the work: ` +
    "each of its weights is used 121 times",
);
console.log("per image, once per position. That is the cost of weight sharing, and why this network trains at one or");
console.log("two hundred images a second where the MLP did thousands.");

// Step 5 — train on a subset, with a validation curve, and score it on test digits.
const epochs = full ? FULL.epochs : QUICK.epochs;
const trainCount = full ? FULL.trainImages : QUICK.trainImages;
const testCount = full ? FULL.testImages : QUICK.testImages;
heading(`Step 5 · training: Adam, batch ${BATCH_SIZE}, ${epochs} epoch${epochs > 1 ? "s" : ""} of ${count(trainCount)} images`);
const trainFile = loadMnist({ split: "train", limit: full ? undefined : QUICK.trainImages + QUICK.validationImages });
const testFile = loadMnist({ split: "test", limit: testCount });
const xTrain = asImages(trainFile.images, 0, trainCount);
const yTrain = trainFile.labels.subarray(0, trainCount);
const xTest = asImages(testFile.images, 0, testCount);
const yTest = testFile.labels;
// The quick run holds out the next 500 training images and scores them every 25 steps; the full
// run trains on all 60,000 and scores the test set after each epoch (nothing is chosen with it).
const [xValidation, yValidation] = full
  ? [xTest, yTest]
  : [asImages(trainFile.images, trainCount, trainCount + QUICK.validationImages), trainFile.labels.subarray(trainCount)];
const stepsPerEpoch = Math.ceil(trainCount / BATCH_SIZE);
const every = full ? stepsPerEpoch : QUICK.validateEvery;
const validationName = full ? "test" : "validation";
console.log(
  full
    ? `All ${count(trainCount)} training images, as x [${xTrain.shape.map(count).join(", ")}] (NCHW: one channel of 28×28 per image).\n` +
        `After every epoch the model is scored on all ${count(testCount)} test images.`
    : `The first ${count(trainCount)} of the 60,000 training images, as x [${xTrain.shape.map(count).join(", ")}] (NCHW: one channel of 28×28\n` +
        `per image). The next ${count(QUICK.validationImages)} are held out and scored every ${every} steps, and the first ` +
        `${count(testCount)} test images\nat the end. (npm start -- --full trains on all 60,000 for ${FULL.epochs} epochs.)`,
);
const totalSteps = epochs * stepsPerEpoch;
const schedule = learningRateSchedule(full ? "full" : "quick", totalSteps);
console.log(`One epoch is ${count(stepsPerEpoch)} steps of ${BATCH_SIZE} images.`);
console.log(
  full
    ? "Adam's learning rate follows lesson 04's cosine schedule, from 0.001 at the first step down to 0 after the\n" +
        `last: ${[0, Math.floor(totalSteps / 2), totalSteps - 1].map((step) => `step ${count(step + 1)}: ${schedule(step).toPrecision(2)}`).join(", ")}.\n`
    : `Adam's learning rate stays at ${LEARNING_RATE}: this short run needs every step to count (--full lowers it as it goes).\n`,
);
const curve = validationCurve(xValidation, yValidation, { every });
const timer = epochTimer();
const started = performance.now();
const history = model.fit(xTrain, yTrain, {
  epochs,
  batchSize: BATCH_SIZE,
  optimizer: new Adam({ lr: LEARNING_RATE }),
  loss: softmaxCrossEntropy,
  metrics: [accuracy],
  rng: rng(SHUFFLE_SEED),
  callbacks: [learningRateScheduler(schedule, { every: "batch" }), timer, curve], // the timer before the curve: its clock stops before the last scoring
});
const fitSeconds = (performance.now() - started) / 1000;
const trainSeconds = fitSeconds - curve.seconds;
console.log(
  `\n${epochs} epoch${epochs > 1 ? "s" : ""} of ${count(trainCount)} images (${count(history.batchLoss.length)} steps): ` +
    `${trainSeconds.toFixed(1)} s of training, ${count(Math.round((epochs * trainCount) / trainSeconds))} images/s,\n` +
    `and ${curve.seconds.toFixed(1)} s scoring the ${validationName} images ${curve.steps.length} times ` +
    "(the timings vary from run to run and machine to machine)\n",
);
if (full) {
  console.log(
    table(
      history.epochs.map((epoch, i) => [
        epoch,
        history.loss[i].toFixed(4),
        percent(history.metrics.accuracy[i]),
        curve.loss[i].toFixed(4),
        percent(curve.accuracy[i]),
        `${timer.seconds[i].toFixed(0)} s`,
      ]),
      { header: ["epoch", "train loss", "train accuracy", "test loss", "test accuracy", "time"] },
    ),
  );
  console.log("\nThe training columns are running means over the epoch; the test columns are measured at its end.");
} else {
  console.log(
    table(
      curve.steps.map((step, i) => [step, count(step * BATCH_SIZE), curve.loss[i].toFixed(4), percent(curve.accuracy[i])]),
      { header: ["step", "images seen", "validation loss", "validation accuracy"] },
    ),
  );
  console.log(`\nThe training loss and accuracy of the epoch, as running means: ${history.loss[0].toFixed(4)} and ${percent(history.metrics.accuracy[0])}.`);
}
const testScores = full
  ? { loss: curve.loss.at(-1)!, accuracy: curve.accuracy.at(-1)! }
  : model.evaluate(xTest, yTest, { loss: softmaxCrossEntropy, metrics: [accuracy] });
const right = Math.round(testScores.accuracy * testCount);
console.log(
  `\ntest accuracy ${percent(testScores.accuracy)} (${count(right)} of ${count(testCount)} right${full ? "" : `, the first ${count(testCount)} test images`}), ` +
    `test loss ${testScores.loss.toFixed(4)}`,
);

// Step 6 — what the first layer learnt, and what it makes of one digit.
heading("Step 6 · the learnt filters and one digit's feature maps");
const conv1 = model.layers[0] as Conv2D;
const initialKernel = seededCnn().params()[0].value;
const kernel = conv1.kernel.value;
let moved = 0;
let startSize = 0;
for (let i = 0; i < kernel.size; i++) {
  moved += Math.abs(kernel.data[i] - initialKernel.data[i]) / kernel.size;
  startSize += Math.abs(initialKernel.data[i]) / kernel.size;
}
console.log("conv1's 32 filters, each 3×3 and drawn on its own scale (blank = its most negative weight, @ = its most");
console.log("positive). A filter with a dark side and a bright side is an edge detector, as Sobel's was.\n");
console.log(filterPictures(kernel));
console.log(`\nAfter ${count(history.batchLoss.length)} steps a weight has moved ${moved.toFixed(3)} from its start on average, against a`);
console.log(
  `typical starting size of ${startSize.toFixed(3)}: ` +
    (moved > startSize ? "the weights have travelled further than they started out." : "the filters still carry much of their random start."),
);
// Which filters to show: the ones most like step 1's vertical-edge filter and its transpose, the
// horizontal-edge filter, and (below) the one that responds most to the digit.
const sobelHorizontal = sobelVertical.map((_, i) => sobelVertical.map((filterRow) => filterRow[i]));
const vertical = mostLike(kernel, sobelVertical);
const horizontal = mostLike(kernel, sobelHorizontal, [vertical]);
const similarity = (o: number, pattern: number[][]) => cosineSimilarity(plane(kernel, o, 0), pattern.flat()).toFixed(2);
console.log(`Most like step 1's vertical-edge filter: filter ${vertical} (cosine similarity ${similarity(vertical, sobelVertical)});`);
console.log(`most like its transpose, a horizontal-edge filter: filter ${horizontal} (cosine ${similarity(horizontal, sobelHorizontal)}).`);
console.log("(A negative cosine is the same edge with dark and bright swapped.)");

const digitImage = asImages(testFile.images, 0, 1);
const conv1Maps = model.layers[1].forward(conv1.forward(digitImage, { training: false }), { training: false }); // conv1 → ReLU
const pool1Maps = model.layers[2].forward(conv1Maps, { training: false });
const mapMeans = Array.from({ length: 32 }, (_, c) => plane(conv1Maps, 0, c).reduce((sum, value) => sum + value, 0) / (26 * 26));
const busiest = [...mapMeans.keys()].filter((c) => c !== vertical && c !== horizontal).sort((a, b) => mapMeans[b] - mapMeans[a])[0];
const shown = [vertical, horizontal, busiest];
const silent = mapMeans.filter((mean) => mean === 0).length;
console.log(`\nThe first test image, a ${yTest[0]}, and its feature maps: conv1 then ReLU gives ${conv1Maps.shape.slice(1).join("×")} numbers,`);
console.log(`one 26×26 map per filter; pool1 halves each side to ${pool1Maps.shape.slice(1).join("×")}. The digit:\n`);
console.log(renderDigit(digitImage.data, { compact: true }));
console.log(`\nThe maps of filters ${vertical} and ${horizontal}, and of filter ${busiest}, the one that responds most to this digit (largest`);
console.log("mean after ReLU). Each row: the map after conv1 and ReLU (26×26), then after pool1 (13×13, each pixel");
console.log("drawn 2×2 to the same size), each on its own scale:\n");
console.log(
  renderImages(
    shown.flatMap((c) => [plane(conv1Maps, 0, c), upsample2x(plane(pool1Maps, 0, c), 13)]),
    { compact: true, normalize: true, columns: 2, labels: shown.flatMap((c) => [`filter ${c}, conv1`, `filter ${c}, pool1`]) },
  ),
);
console.log(
  silent === 0
    ? "\nNone of the 32 maps is all zero: every filter finds something in this digit."
    : `\n${silent} of the 32 maps are all zero on this digit: ReLU cuts everything those filters see in it.`,
);
console.log("Each map lights up wherever its filter's pattern occurs: move the digit and the maps move with it");
console.log("(translation equivariance). Pooling keeps the strongest responses and a quarter of the positions.");

// The loss curves: every step's training loss, and the held-out loss where it was measured.
heading("The loss, step by step");
console.log(
  lossChart(
    { "train (per batch)": history.batchLoss, [full ? "test (per epoch)" : `validation (every ${every} steps)`]: curve.loss },
    { title: `Reference CNN on MNIST — softmax cross-entropy, ${epochs} epoch${epochs > 1 ? "s" : ""} of ${count(trainCount)} images`, xLabel: "step" },
  ),
);
console.log(`\nfinal test accuracy ${percent(testScores.accuracy)}${full ? "" : ` on the first ${count(testCount)} test images`}`);
if (!full) console.log("npm start -- --full trains on all 60,000 images for 3 epochs and reaches 99.12% on all 10,000 test images.");
