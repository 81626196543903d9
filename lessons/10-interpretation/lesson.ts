/**
 * Lesson 10 — Looking inside a trained network.
 *
 * A network that reads 92% of handwritten digits correctly does not say how. This lesson
 * asks it, four ways: which pixels its answer is most sensitive to (saliency), which
 * pixels' ink pushed the answer (gradient × input), which patches it cannot do without
 * (occlusion), and what its first layer looks for (weight pictures). Then, on a table of
 * six features whose roles we know, which features it uses (permutation importance), and
 * where that measure misleads. Each method answers a different question; the lesson says
 * which.
 *
 * Run it with `npm start` (about 15 s).
 */
import { Dense } from "@gradschool/backprop";
import { loadMnist } from "@gradschool/datasets";
import { numericalGradient, relativeError } from "@gradschool/gradcheck";
import { firstLayerWeights, gradientTimesInput, occlusion, permutationImportance, saliency } from "@gradschool/interpret";
import { softmaxCrossEntropy } from "@gradschool/losses";
import { accuracy } from "@gradschool/mlp";
import { Tensor, rng } from "@gradschool/tensor";
import { lossChart, renderImages, table } from "@gradschool/viz";
import { EPOCHS, L2_PENALTY, TRAIN_IMAGES, imageRows, mnistMlp, trainMnistMlp } from "./mnist-mlp.ts";
import { COPY_NOISE, FEATURE_ROLES, TEST_SEED, TRAIN_SEED, toyTable, trainToyModel } from "./toy-table.ts";

const heading = (text: string) => console.log(`\n── ${text} ${"─".repeat(Math.max(0, 72 - text.length))}\n`);
const count = (value: number) => value.toLocaleString("en-US");
const percent = (fraction: number, digits = 1) => `${(100 * fraction).toFixed(digits)}%`;
const signed = (value: number, digits = 3) => `${value < 0 ? "−" : "+"}${Math.abs(value).toFixed(digits)}`;
const bar = (value: number, full: number) => "█".repeat(Math.max(0, Math.round((30 * value) / full)));
const pixelsOf = (images: Tensor, index: number) => images.data.subarray(index * 784, (index + 1) * 784);

// Step 1 — a network to look inside: lesson 06's MLP, trained again, with a small L2 penalty.
heading("Step 1 · a trained network to look inside");
const train = loadMnist({ split: "train", limit: TRAIN_IMAGES });
const testSet = loadMnist({ split: "test" });
const model = mnistMlp();
const initialKernel = Float64Array.from((model.layers[0] as Dense).kernel.value.data);
const started = performance.now();
trainMnistMlp(model, train.images, train.labels);
const seconds = (performance.now() - started) / 1000;
const testScores = model.evaluate(testSet.images, testSet.labels, { loss: softmaxCrossEntropy, metrics: [accuracy] });
console.log("Lesson 06's network, 784 → Dense(128) → ReLU → Dense(10), trained the same way:");
console.log(`the first ${count(TRAIN_IMAGES)} training images, ${EPOCHS} epochs, Adam lr 0.001, batch 32, the same seeds,`);
console.log(`plus an L2 penalty of ${L2_PENALTY} on the first layer's weights (lesson 07; step 6 says why).`);
console.log(`Trained in ${seconds.toFixed(1)} s (the time varies from run to run).`);
console.log(`test accuracy ${percent(testScores.accuracy, 2)} on the ${count(testSet.count)} test images\n`);
console.log("It ends on 10 logits z, one score per digit; softmax(z) gives the probabilities p.");

// Step 2 — saliency: backpropagate from the class score instead of the loss.
heading("Step 2 · saliency: ∂ logit / ∂ pixel");
const shown = 500;
const xShown = imageRows(testSet.images, 0, shown);
const predicted = model.predictClasses(xShown);
const saliencyMaps = saliency(model, xShown, predicted);
console.log("Training runs backward from ∂L/∂z. Start instead from gradOut = e_c, a one-hot at class c,");
console.log("and the same backward pass returns ∂z_c/∂x: how fast the score of c moves with each pixel.");
console.log(`One forward and one backward give all 784 numbers; here for the first ${shown} test digits at once.\n`);
const firstImage = imageRows(testSet.images, 0, 1);
const firstClass = predicted[0];
const logitOf = (image: Tensor) => model.forward(image, { training: false }).data[firstClass];
const numeric = numericalGradient(logitOf, new Tensor(Float64Array.from(firstImage.data), [1, 784]));
const gap = Math.max(...Array.from(numeric.data, (n, pixel) => Math.abs(n - saliencyMaps.data[pixel])));
const clearPixels = Array.from(numeric.data.keys()).filter((pixel) => Math.abs(saliencyMaps.data[pixel]) > 1e-3);
const worstError = Math.max(...clearPixels.map((pixel) => relativeError(saliencyMaps.data[pixel], numeric.data[pixel])));
console.log(`Check on test image 0 (a ${testSet.labels[0]}, predicted ${firstClass}), by central differences on all 784 pixels:`);
console.log(`  the largest difference from the saliency is ${gap.toExponential(1)}, float64 rounding divided by 2ε`);
console.log(`  relative error at most ${worstError.toExponential(1)} on the ${clearPixels.length} pixels where |∂z/∂x| > 0.001`);
console.log("  (on gradients near 0 that rounding is all there is, so a relative error says nothing)\n");
let inkShare = 0;
let inkArea = 0;
for (let n = 0; n < shown; n++) {
  const pixels = pixelsOf(xShown, n);
  const magnitudes = Array.from(pixelsOf(saliencyMaps, n), Math.abs);
  const total = magnitudes.reduce((a, b) => a + b, 0);
  inkShare += magnitudes.reduce((sum, value, pixel) => sum + (pixels[pixel] > 0 ? value : 0), 0) / total / shown;
  inkArea += pixels.filter((value) => value > 0).length / 784 / shown;
}
console.log(`Where is the saliency? Averaged over the ${shown} digits (each for its predicted class):`);
console.log(`  pixels with ink         ${percent(inkArea)} of the image`);
console.log(`  their share of |∂z/∂x|  ${percent(inkShare)}, ${(inkShare / inkArea).toFixed(1)}× their share of the area`);
console.log("The rest lies on blank paper: a pixel with no ink can still matter, because ink there");
console.log("would change the score (close the top of a 4 and it becomes a 9). Saliency is about change.");

// Step 3 — gradient × input: the evidence that is there.
heading("Step 3 · gradient × input: the evidence that is there");
const attributions = gradientTimesInput(model, firstImage, firstClass);
const attributionTotal = attributions.data.reduce((a, b) => a + b, 0);
const firstLogit = model.forward(firstImage, { training: false }).data[firstClass];
const blank = firstImage.data.filter((value) => value === 0).length;
const blankAtZero = attributions.data.filter((value, pixel) => firstImage.data[pixel] === 0 && value === 0).length;
console.log("Multiply each pixel's gradient by the pixel: xᵢ·∂z/∂xᵢ. A ReLU network is linear as long as no");
console.log("unit switches on or off, so near x it is exactly z = Σᵢ xᵢ·∂z/∂xᵢ + (what the biases add).");
console.log(`For test image 0: z_${firstClass} = ${firstLogit.toFixed(3)} = ${attributionTotal.toFixed(3)} from the pixels + ${(firstLogit - attributionTotal).toFixed(3)} from the biases.`);
console.log(`Pixels without ink get exactly 0: ${blankAtZero} of the ${blank} blank pixels of test image 0.`);
console.log("It credits the ink that is there and is blind to ink that is missing.\n");
console.log(
  renderImages([pixelsOf(firstImage, 0), Array.from(pixelsOf(saliencyMaps, 0), Math.abs), Array.from(attributions.data, Math.abs)], {
    compact: true,
    normalize: true,
    columns: 3,
    labels: [`test image 0: a ${testSet.labels[0]}`, "|saliency|", "|gradient × input|"],
  }),
);

// Step 4 — occlusion: hide a patch, ask again.
heading("Step 4 · occlusion: hide a patch and ask again");
const patch = 4;
const stride = 2;
const blankFill = occlusion(model, firstImage, firstClass, { patch, stride, fill: 0 });
const inkFill = occlusion(model, firstImage, firstClass, { patch, stride, fill: 1 });
const positions = blankFill.drop.size;
const unchanged = (map: { drop: Tensor }) => map.drop.data.filter((drop) => drop === 0).length;
const largest = blankFill.drop.data.indexOf(Math.max(...blankFill.drop.data));
const [largestRow, largestColumn] = [Math.floor(largest / blankFill.drop.shape[1]) * stride, (largest % blankFill.drop.shape[1]) * stride];
console.log(`Paint a ${patch}×${patch} patch over the image at every ${stride}-pixel step (${blankFill.drop.shape[0]}×${blankFill.drop.shape[1]} = ${positions} positions),`);
console.log("run all the copies through the model as one batch, and record how far p(class) falls.");
console.log(`No gradients: the question is asked directly. Test image 0 has p(${firstClass}) = ${blankFill.baseline.toFixed(4)}.`);
console.log(`  fill 0 (blank paper): the largest drop is ${blankFill.drop.data[largest].toFixed(4)}, the patch at row ${largestRow}, column ${largestColumn}`);
console.log(`                        ${unchanged(blankFill)} of ${positions} patches change p by exactly 0: they cover only blank paper`);
console.log(`  fill 1 (a blot of ink): ${unchanged(inkFill)} of ${positions} patches change nothing; the largest drop is ${Math.max(...inkFill.drop.data).toFixed(4)}`);
console.log("Same model, same image, two maps: what 'hidden' means is part of the question.");

// Step 5 — the three maps side by side for four test digits.
heading("Step 5 · four digits, their saliency and their occlusion maps");
const pictures: ArrayLike<number>[] = [];
const captions: string[] = [];
for (let n = 0; n < 4; n++) {
  const image = imageRows(testSet.images, n, n + 1);
  const map = occlusion(model, image, predicted[n], { patch, stride });
  pictures.push(pixelsOf(testSet.images, n), Array.from(pixelsOf(saliencyMaps, n), Math.abs), map.perPixel.data.map((drop) => Math.max(0, drop)));
  captions.push(`a ${testSet.labels[n]}, p(${predicted[n]}) = ${map.baseline.toFixed(2)}`, "|saliency|", `occlusion, max ${Math.max(...map.drop.data).toFixed(2)}`);
}
console.log(renderImages(pictures, { compact: true, normalize: true, columns: 3, labels: captions }));
console.log("\nSaliency (middle) is speckled and spread out: a derivative is exact but local, and it jumps");
console.log("from pixel to pixel. Occlusion (right, each map scaled to its own largest drop) is coarse,");
console.log("one value per 4×4 patch, but it answers a plain question: which strokes does the answer need?");

// Step 6 — the first layer's weights as pictures.
heading("Step 6 · what the first layer looks for: weight pictures");
const weights = firstLayerWeights(model);
const kernel = (model.layers[0] as Dense).kernel.value.data;
const neverInked = Array.from({ length: 784 }, (_, pixel) => pixel).filter((pixel) => {
  for (let n = 0; n < TRAIN_IMAGES; n++) if (train.images.data[n * 784 + pixel] > 0) return false;
  return true;
});
const meanAbs = (values: ArrayLike<number>) => Array.from(values).reduce((sum, value) => sum + Math.abs(value), 0) / values.length;
const neverInkedWeights = neverInked.flatMap((pixel) => Array.from(kernel.subarray(pixel * 128, (pixel + 1) * 128)));
console.log(`Hidden unit u computes Σᵢ xᵢ·W[i, u] + b_u: column u of the [784, 128] kernel, reshaped to ${weights.height}×${weights.width},`);
console.log("is the pattern of ink that excites it most. The first 16 of the 128 units:");
console.log("# strong positive weight (ink here excites the unit), + positive, - negative, = strong negative,");
console.log("blank about 0. Each picture is scaled to its unit's 99th percentile of |w|, so one large weight");
console.log("does not wash out the rest.\n");
const signedRamp = "=- +#"; // −scale … 0 … +scale; the middle character, a space, is 0
const signedPicture = (picture: Float64Array) => {
  const sorted = Array.from(picture, Math.abs).sort((a, b) => a - b);
  const scale = sorted[Math.floor(0.99 * (sorted.length - 1))];
  return picture.map((weight) => 0.5 + Math.max(-1, Math.min(1, weight / scale)) / 2); // 0 ↦ 0.5, the blank
};
const units = weights.images.slice(0, 16);
console.log(renderImages(units.map(signedPicture), { compact: true, columns: 4, ramp: signedRamp, labels: units.map((_, u) => `unit ${u}`) }));
console.log(`\n${neverInked.length} of the 784 pixels have no ink in any of the ${count(TRAIN_IMAGES)} training images. Their rows of`);
console.log("∂L/∂W = xᵀ·gradOut are 0, so the data never moves their weights; only the L2 penalty does:");
const initialWeights = neverInked.flatMap((pixel) => Array.from(initialKernel.subarray(pixel * 128, (pixel + 1) * 128)));
console.log(`  mean |w| on those pixels: ${meanAbs(initialWeights).toFixed(4)} at initialisation, ${meanAbs(neverInkedWeights).toExponential(1)} now`);
console.log(`  (over all 784 pixels it is ${meanAbs(kernel).toFixed(4)} now)`);
console.log("Without the penalty they would keep their random starting values, and every picture and");
console.log("saliency map would carry that noise. Only this layer's weights are pictures: the next");
console.log("layer's weights multiply hidden units, which have no place in the image.");

// Step 7 — permutation importance on a table whose answer we know.
heading("Step 7 · permutation importance on a table we understand");
const plainTrain = toyTable(TRAIN_SEED, { withCopy: false });
const plainTest = toyTable(TEST_SEED, { withCopy: false });
const copyTrain = toyTable(TRAIN_SEED, { withCopy: true });
const copyTest = toyTable(TEST_SEED, { withCopy: true });
console.log("1,000 training and 1,000 test rows of six features, each about N(0, 1):");
FEATURE_ROLES.forEach((role, feature) => console.log(`  x${feature}  ${role}`));
console.log(`The class is 1 exactly when 2·x0 + x1 > 0. x5 = x0 + ${COPY_NOISE}·N(0, 1).\n`);
console.log("Shuffle one column of the test set, which keeps its values but breaks their link to the");
console.log("rest of the row, and measure how far the accuracy falls; 10 seeded shuffles per feature.\n");
const plain = trainToyModel(plainTrain);
const withCopy = trainToyModel(copyTrain);
const plainImportance = permutationImportance(plain.model, plainTest.x, plainTest.y, { repeats: 10, rng: rng(4) });
const copyImportance = permutationImportance(withCopy.model, copyTest.x, copyTest.y, { repeats: 10, rng: rng(4) });
const pairImportance = permutationImportance(withCopy.model, copyTest.x, copyTest.y, { repeats: 10, rng: rng(4), groups: [[0, 5]] });
const fullBar = plainImportance.mean[0];
const importanceRows = (result: typeof plainImportance) =>
  result.mean.map((mean, feature) => [`x${feature}`, FEATURE_ROLES[feature], `${signed(mean)} ± ${result.std[feature].toFixed(3)}`, bar(mean, fullBar)]);
console.log(`Model A: x0 … x4 (no copy). Test accuracy ${percent(plainImportance.baseline)}.`);
console.log(table(importanceRows(plainImportance), { header: ["feature", "role", "accuracy drop", ""] }));
const noiseLargest = Math.max(...[2, 3, 4].map((feature) => Math.abs(plainImportance.mean[feature])));
console.log(`\nThe two informative features come first, x0 (weight 2) above x1 (weight 1); the three noise`);
console.log(`features are within ${noiseLargest.toFixed(3)} of 0: the model learnt to ignore them.\n`);
console.log(`Model B: the same, plus x5, the noisy copy of x0. Test accuracy ${percent(copyImportance.baseline)}.`);
console.log(
  table([...importanceRows(copyImportance), ["x0 + x5", "shuffled together", `${signed(pairImportance.mean[0])} ± ${pairImportance.std[0].toFixed(3)}`, bar(pairImportance.mean[0], fullBar)]], {
    header: ["feature", "role", "accuracy drop", ""],
  }),
);
console.log(`\nx0 now scores ${copyImportance.mean[0].toFixed(3)} instead of ${plainImportance.mean[0].toFixed(3)}, and the copy ${copyImportance.mean[5].toFixed(3)}, although it adds nothing:`);
console.log("shuffle x0 alone and the model still reads most of it from x5. The credit is split between");
console.log(`the two. Shuffled together they lose ${pairImportance.mean[0].toFixed(3)}, what x0 alone is worth in model A.`);

// Step 8 — what each method can and cannot tell you.
heading("Step 8 · what each method can and cannot tell you");
const methods = [
  ["saliency", "which pixels the score is most sensitive to, near this image", "how much each pixel contributed, or what a large change would do"],
  ["gradient × input", "how the score splits over the ink that is there", "anything about ink that is missing"],
  ["occlusion", "which patches the answer cannot do without", "fine detail, or the answer for another fill"],
  ["permutation importance", "which features the model uses, on this data", "the worth of features that share information"],
  ["weight pictures", "what each first-layer unit looks for", "anything about the deeper layers"],
];
for (const [method, tells, doesNot] of methods) {
  console.log(`${method.padEnd(24)}${"tells you".padEnd(11)}${tells}`);
  console.log(`${"".padEnd(24)}${"not".padEnd(11)}${doesNot}`);
}
console.log("\nNone of them says why the network is right, or whether it would be right on other data.");

// The loss of the two toy models: equally good, with different stories about x0.
heading("Two models, one task");
console.log(
  lossChart(
    { "model A (x0 … x4)": plain.history.loss, "model B (with the copy x5)": withCopy.history.loss },
    { title: "Toy table — training loss per epoch, softmax cross-entropy", xLabel: "epoch", logScale: true },
  ),
);
console.log(
  `\nBoth models end near the same loss (${plain.history.loss.at(-1)!.toFixed(4)} and ${withCopy.history.loss.at(-1)!.toFixed(4)}) and test accuracy ` +
    `(${percent(plainImportance.baseline)} and ${percent(copyImportance.baseline)}),`,
);
console.log("yet permutation importance tells different stories about x0: it explains a model, not the data.");
