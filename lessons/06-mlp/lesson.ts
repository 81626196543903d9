/**
 * Lesson 06 — The MLP on MNIST.
 *
 * Everything so far comes together: tensors, ReLU, the fused softmax cross-entropy, Adam,
 * backpropagation through Dense layers, and now a Keras-like model with fit, evaluate and
 * summary. It trains the reference network of the classic Keras example,
 * 784 → Dense(128, relu) → Dense(10, softmax), on handwritten digits, tests it on 10,000
 * digits it has never seen, and looks at the ones it gets wrong.
 *
 * Run it with `npm start` (a quick run on 10,000 training images, under a minute), or
 * `npm start -- --full` for the full reproduction: all 60,000 images, 5 epochs.
 */
import { softmax } from "@gradschool/activations";
import { loadMnist } from "@gradschool/datasets";
import { crossEntropy, softmaxCrossEntropy } from "@gradschool/losses";
import { accuracy } from "@gradschool/mlp";
import { Adam } from "@gradschool/optimizers";
import { Tensor, argmax, rng, tensor } from "@gradschool/tensor";
import { confusionCounts, confusionMatrix, lossChart, renderDigit, renderImages, table } from "@gradschool/viz";
import { BATCH_SIZE, FULL, LEARNING_RATE, QUICK, SHUFFLE_SEED, imageRows, referenceMlp } from "./reference-mlp.ts";

const heading = (text: string) => console.log(`\n── ${text} ${"─".repeat(Math.max(0, 72 - text.length))}\n`);
const count = (value: number) => value.toLocaleString("en-US");
const percent = (fraction: number, digits = 2) => `${(100 * fraction).toFixed(digits)}%`;
const fixed = (values: ArrayLike<number>, digits: number) => Array.from(values, (value) => value.toFixed(digits)).join(" ");

const full = process.argv.includes("--full");

// Step 1 — the data: rows of 784 pixels in [0, 1], and a digit for each.
heading("Step 1 · MNIST: 70,000 handwritten digits");
const trainFile = loadMnist({ split: "train", limit: full ? undefined : QUICK.trainImages + QUICK.validationImages });
const testSet = loadMnist({ split: "test" });
const trainCount = full ? FULL.trainImages : QUICK.trainImages;
const xTrain = imageRows(trainFile.images, 0, trainCount);
const yTrain = trainFile.labels.subarray(0, trainCount);
// The quick run holds out the next 2,000 training images to watch for overfitting; the full run
// trains on all 60,000, so it watches the test set instead, as the Keras example does.
const validation: [Tensor, Int32Array] = full
  ? [testSet.images, testSet.labels]
  : [imageRows(trainFile.images, trainCount, trainCount + QUICK.validationImages), trainFile.labels.subarray(trainCount)];
const validationName = full ? "test" : "validation";

console.log(
  full
    ? `This run trains on all ${count(trainCount)} training images (the --full run).`
    : `This run trains on the first ${count(trainCount)} of the 60,000 training images and holds out the next ` +
        `${count(QUICK.validationImages)} for validation\n(npm start -- --full trains on all 60,000).`,
);
console.log(
  `Each image is one row of x: 28×28 = ${trainFile.rows * trainFile.cols} pixels, scaled to [0, 1] (pixel / 255),\n` +
    `so x is [${count(xTrain.shape[0])}, ${xTrain.shape[1]}] and y holds ${count(yTrain.length)} digits.`,
);
console.log(
  `The test set: ${count(testSet.count)} more digits, written by other people, ` +
    (full ? "scored after every epoch and at the end (nothing is chosen with it).\n" : "used once, at the end.\n"),
);
const classCounts = Array.from({ length: 10 }, (_, digit) => yTrain.filter((label) => label === digit).length);
console.log(`training images per digit: ${classCounts.map((n, digit) => `${digit}: ${count(n)}`).join(", ")}`);
console.log(
  `The classes are close to balanced, so accuracy is a fair score: ` +
    `always guessing "${classCounts.indexOf(Math.max(...classCounts))}" would get ${percent(Math.max(...classCounts) / trainCount, 1)}.\n`,
);
console.log(`The first training image, labelled ${yTrain[0]}:`);
console.log(renderDigit(xTrain.data.subarray(0, 784)));

// Step 2 — the network: two Dense layers with a ReLU between them, and its parameter count.
heading("Step 2 · 784 → Dense(128) → ReLU → Dense(10)");
const model = referenceMlp();
console.log(model.summary());
console.log("\nhidden: 784 inputs × 128 units + 128 biases = 100,480 parameters");
console.log("logits: 128 inputs × 10 units + 10 biases   =   1,290 parameters");
console.log(`total: ${count(model.params().reduce((total, param) => total + param.value.size, 0))} parameters, the same as the Keras model`);

// Step 3 — why the model ends on logits and the softmax lives inside the loss.
heading("Step 3 · the softmax lives in the loss");
const [xValidation, yValidation] = validation;
const firstLogits = model.forward(imageRows(xValidation, 0, 1), { training: false });
const firstLabel = yValidation.subarray(0, 1);
const probabilities = softmax.forward(firstLogits);
console.log(`The untrained network on the first ${validationName} image (a ${firstLabel[0]}):`);
console.log(`  logits z        ${fixed(firstLogits.data, 2)}`);
console.log(`  softmax(z)      ${fixed(probabilities.data, 3)}`);
const unfused = crossEntropy.forward(probabilities, firstLabel);
const fused = softmaxCrossEntropy.forward(firstLogits, firstLabel);
console.log(`  −log softmax(z)[${firstLabel[0]}] = ${unfused.toFixed(6)} (softmax, then crossEntropy)`);
console.log(`  softmaxCrossEntropy(z) = ${fused.toFixed(6)} (one step, from the logits)`);
const gradient = softmaxCrossEntropy.backward(firstLogits, firstLabel);
const oneHot = Array.from({ length: 10 }, (_, digit) => (digit === firstLabel[0] ? 1 : 0));
const gapToPMinusY = Math.max(...Array.from(gradient.data, (g, j) => Math.abs(g - (probabilities.data[j] - oneHot[j]))));
console.log(`  its gradient ∂L/∂z is softmax(z) − y: largest difference ${gapToPMinusY.toExponential(1)}`);
const confidentlyWrong = tensor([[0, 0, 0, 800, 0, 0, 0, 0, 0, 0]]); // "certainly a 3" …
const actuallyFive = new Int32Array([5]); // … for a 5
const underflowed = crossEntropy.forward(softmax.forward(confidentlyWrong), actuallyFive);
const fusedValue = softmaxCrossEntropy.forward(confidentlyWrong, actuallyFive);
console.log("\nA network certain of the wrong digit: logit 800 for a 3 and 0 for the rest, on an image of a 5.");
console.log(`softmax rounds p(5) = e^−800 to 0, so softmax then crossEntropy gives ${underflowed}; softmaxCrossEntropy gives ${fusedValue}.\n`);
const initialLoss = model.evaluate(xValidation, yValidation, { loss: softmaxCrossEntropy }).loss;
console.log(
  `Before training, the mean loss on the ${count(xValidation.shape[0])} ${validationName} images is ${initialLoss.toFixed(4)},\n` +
    `close to ln 10 = ${Math.log(10).toFixed(4)}, the loss of guessing all 10 digits equally.`,
);
console.log("To predict, take the largest logit: softmax never changes which score is largest.");

// Step 4 — train: shuffled batches of 32, Adam, a validation pass after every epoch.
heading(`Step 4 · training: Adam lr ${LEARNING_RATE}, batch ${BATCH_SIZE}, ${full ? FULL.epochs : QUICK.epochs} epochs`);
const epochs = full ? FULL.epochs : QUICK.epochs;
const started = performance.now();
const history = model.fit(xTrain, yTrain, {
  epochs,
  batchSize: BATCH_SIZE,
  optimizer: new Adam({ lr: LEARNING_RATE }),
  loss: softmaxCrossEntropy,
  metrics: [accuracy],
  validationData: validation,
  rng: rng(SHUFFLE_SEED),
});
const seconds = (performance.now() - started) / 1000;
console.log(
  `\n${epochs} epochs of ${count(trainCount)} images (${count(history.batchLoss.length)} steps) in ${seconds.toFixed(1)} s: ` +
    `${count(Math.round((epochs * trainCount) / seconds))} images/s,\n` +
    `${(seconds / epochs).toFixed(1)} s per epoch (the timings vary from run to run and machine to machine)\n`,
);
console.log(
  table(
    history.epochs.map((epoch, i) => [
      epoch,
      history.loss[i].toFixed(4),
      percent(history.metrics.accuracy[i]),
      history.valLoss![i].toFixed(4),
      percent(history.valMetrics!.accuracy[i]),
    ]),
    { header: ["epoch", "train loss", "train accuracy", `${validationName} loss`, `${validationName} accuracy`] },
  ),
);
console.log("\nThe training columns are running means over each epoch, while the weights were still moving;");
console.log(`the ${validationName} columns are measured at the end of the epoch.`);

// Step 5 — the score that counts: all 10,000 test images, and which digits get confused.
heading("Step 5 · accuracy on the 10,000 test images");
const testScores = model.evaluate(testSet.images, testSet.labels, { loss: softmaxCrossEntropy, metrics: [accuracy] });
const predicted = model.predictClasses(testSet.images);
const mistakes = predicted.reduce((total, digit, i) => total + (digit === testSet.labels[i] ? 0 : 1), 0);
console.log(
  `test accuracy ${percent(testScores.accuracy)} (${count(testSet.count - mistakes)} of ${count(testSet.count)} right), ` +
    `test loss ${testScores.loss.toFixed(4)}\n`,
);
console.log(confusionMatrix(testSet.labels, predicted, { classes: 10 }));
const counts = confusionCounts(testSet.labels, predicted, 10);
let worst = { trueDigit: 0, predictedDigit: 0, times: -1 };
counts.forEach((row, trueDigit) =>
  row.forEach((times, predictedDigit) => {
    if (trueDigit !== predictedDigit && times > worst.times) worst = { trueDigit, predictedDigit, times };
  }),
);
const recalls = counts.map((row, digit) => row[digit] / row.reduce((a, b) => a + b, 0));
const hardest = recalls.indexOf(Math.min(...recalls));
console.log(`\nThe most common mistake: a ${worst.trueDigit} read as a ${worst.predictedDigit}, ${worst.times} times.`);
console.log(`The hardest digit to find: ${hardest}, recall ${percent(recalls[hardest], 1)}.`);

// Step 6 — look at the mistakes: most are digits a person would hesitate over too.
heading("Step 6 · what it gets wrong");
const wrongIndices: number[] = [];
for (let i = 0; i < testSet.count && wrongIndices.length < 6; i++) if (predicted[i] !== testSet.labels[i]) wrongIndices.push(i);
const wrongImages = wrongIndices.map((i) => testSet.images.data.subarray(i * 784, (i + 1) * 784));
const wrongBatch = new Tensor(Float64Array.from(wrongImages.flatMap((image) => [...image])), [wrongImages.length, 784]);
const wrongProbabilities = softmax.forward(model.predict(wrongBatch)); // probabilities, only to report them
console.log(`The first ${wrongIndices.length} of the ${count(mistakes)} misclassified test images:\n`);
console.log(
  renderImages(wrongImages, {
    compact: true,
    labels: wrongIndices.map((i) => `true ${testSet.labels[i]}, predicted ${predicted[i]}`),
  }),
);
console.log("");
wrongIndices.forEach((i, k) => {
  const row = wrongProbabilities.data.subarray(k * 10, (k + 1) * 10);
  console.log(
    `test image ${String(i).padStart(4)}: true ${testSet.labels[i]}, predicted ${predicted[i]} ` +
      `with probability ${row[predicted[i]].toFixed(3)}; the true digit got ${row[testSet.labels[i]].toFixed(3)}`,
  );
});
const argmaxAgrees = argmax(wrongProbabilities, 1).every((digit, k) => digit === predicted[wrongIndices[k]]);
console.log(`(predictClasses took the largest logit; the largest probability picks the same digit: ${argmaxAgrees})`);

// The loss curves: every batch's training loss, and the validation loss after each epoch.
heading("The loss, batch by batch");
console.log(
  lossChart(
    { "train (per batch)": history.batchLoss, [`${validationName} (per epoch)`]: history.valLoss! },
    { title: `MLP on MNIST — softmax cross-entropy, ${epochs} epochs of ${count(trainCount)} images`, xLabel: "step" },
  ),
);
console.log(`\nfinal test accuracy ${percent(testScores.accuracy)}`);
if (!full) console.log("npm start -- --full trains on all 60,000 images for 5 epochs: about 97.7%, as the Keras example gets.");
