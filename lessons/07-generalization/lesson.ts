/**
 * Lesson 07 — Generalisation.
 *
 * Lesson 06's network read 93% of digits it had never seen. This lesson is about that gap
 * between the images a network trains on and the ones it has not seen: a model too small
 * to fit its data (underfitting), a model big enough to memorise it (overfitting), four
 * ways to fight the memorising (L2, dropout, batch normalisation, early stopping), why
 * the starting weights decide whether a deep network trains at all, and how 5-fold
 * cross-validation says how much a single validation score can be trusted.
 *
 * Run it with `npm start` (about half a minute; every number is seeded).
 */
import { loadMnist } from "@gradschool/datasets";
import { softmaxCrossEntropy } from "@gradschool/losses";
import { type Initializer, type Sequential, accuracy, earlyStopping, initializers, l2, stratifiedKFold } from "@gradschool/mlp";
import { SGD } from "@gradschool/optimizers";
import { Tensor, gatherRows, rng } from "@gradschool/tensor";
import { lossChart, table } from "@gradschool/viz";
import { layerStatistics, statisticsTable } from "./layer-statistics.ts";
import { meanAndSampleStd } from "./mean-and-std.ts";
import { lossOnRightAndWrong } from "./right-and-wrong.ts";
import { DEEP, FIXES, SEEDS, TRAINING, bigModel, deepReluNet, kernelsOf, loadSubsets, parameterCount, sameKernels, smallModel } from "./setup.ts";
import { type Run, kernelSquares, train } from "./training-run.ts";

const heading = (text: string) => console.log(`\n── ${text} ${"─".repeat(Math.max(0, 72 - text.length))}\n`);
const count = (value: number) => value.toLocaleString("en-US");
const percent = (fraction: number, digits = 1) => `${(100 * fraction).toFixed(digits)}%`;
const points = (value: number) => value.toFixed(1);
const loss = (value: number) => value.toFixed(4);
/** Text in the first column, numbers (printed as text, e.g. "89.0%") right-aligned in the rest. */
const firstLeft = (columns: number) => ["left" as const, ...Array.from({ length: columns - 1 }, () => "right" as const)];

// Step 1 — the data: a small, stratified subset, because small data is where overfitting shows.
heading("Step 1 · 1,000 images to train on, 1,000 to validate on");
const data = loadSubsets();
const testSet = loadMnist({ split: "test" });
const [trainCount, validationCount] = [data.xTrain.shape[0], data.xValidation.shape[0]];
console.log(
  `The first ${count(trainCount + validationCount)} MNIST training images, split by stratifiedSplit into ` +
    `${count(trainCount)} to train on and ${count(validationCount)} to validate on,\n` +
    `each digit's share the same in both halves. The ${count(testSet.count)} test images wait for one final check.\n`,
);
const perDigit = (labels: Int32Array) => Array.from({ length: 10 }, (_, digit) => labels.filter((label) => label === digit).length);
console.log(table([["train", ...perDigit(data.yTrain)], ["validation", ...perDigit(data.yValidation)]], { header: ["digit", ..."0123456789"] }));
console.log(
  `\nWhy so few? With 60,000 images a big network has little room to memorise; with ${count(trainCount)} it has plenty,\n` +
    "so every effect in this lesson is large enough to see, and each run takes seconds.",
);

// Step 2 — a model too small to fit the data, and one big enough to memorise it.
heading("Step 2 · underfitting and overfitting");
console.log(
  `Two models, ${TRAINING.epochs} epochs each with lesson 06's settings (Adam lr ${TRAINING.learningRate}, batch ${TRAINING.batchSize}) ` +
    "and the same batch order:\n",
);
const small = smallModel();
const smallRun = train(small, data);
const plain = bigModel();
const plainRun = train(plain, data);
const stepTwoRows = [
  ["small: 784 → 4 → 10", smallRun, small],
  ["big: 784 → 128 → 128 → 10", plainRun, plain],
] as const;
console.log(
  table(
    stepTwoRows.map(([name, run, model]) => [
      name,
      count(parameterCount(model)),
      percent(run.train.accuracy),
      percent(run.validation.accuracy),
      points(run.gapPoints),
      loss(run.train.loss),
      loss(run.validation.loss),
    ]),
    { header: ["model", "parameters", "train acc", "val acc", "gap", "train loss", "val loss"], align: firstLeft(7) },
  ),
);
console.log(`\n(accuracies and losses of the final weights on all ${count(trainCount)} training and ${count(validationCount)} validation images; gap = train − val, in points)`);
console.log(
  `\nsmall: ${percent(smallRun.train.accuracy)} of the training images and ${percent(smallRun.validation.accuracy)} of the validation images, ` +
    `${points(smallRun.gapPoints)} points apart.\n` +
    "       It cannot even fit the images it trains on: underfitting (high bias).",
);
console.log(
  `big:   ${percent(plainRun.train.accuracy)} of the training images but ${percent(plainRun.validation.accuracy)} of the validation images, ` +
    `${points(plainRun.gapPoints)} points apart.\n` +
    `       ${count(parameterCount(plain))} weights for ${count(trainCount)} images: it memorises them: overfitting (high variance).`,
);
const plainFinal = plainRun.validationLoss.at(-1)!;
const rise = plainFinal - plainRun.best.loss;
console.log(
  `\nThe big model's validation loss was lowest after epoch ${plainRun.best.epoch} of ${TRAINING.epochs} (${loss(plainRun.best.loss)}), ` +
    `then rose to ${loss(plainFinal)} (+${loss(rise)}, +${percent(rise / plainRun.best.loss, 0)}),\n` +
    `while its training loss kept falling, to ${loss(plainRun.history.loss.at(-1)!)} (the running mean of epoch ${TRAINING.epochs}).`,
);
const accuracyAtBest = plainRun.history.valMetrics!.accuracy[plainRun.best.epoch - 1];
console.log(
  `Its validation accuracy after epoch ${plainRun.best.epoch}: ${percent(accuracyAtBest)}; after epoch ${TRAINING.epochs}: ` +
    `${percent(plainRun.validation.accuracy)}.\nThe loss rose while the accuracy barely moved; step 3 shows where the extra loss comes from.\n`,
);
console.log(
  lossChart(
    {
      "small · train": smallRun.history.loss,
      "small · validation": smallRun.validationLoss,
      "big · train": plainRun.history.loss,
      "big · validation": plainRun.validationLoss,
    },
    { title: "Underfitting and overfitting — softmax cross-entropy per epoch", xLabel: "epoch" },
  ),
);

// Step 3 — four fixes, each a run from the same starting weights and the same batch order.
heading("Step 3 · four fixes, each from the same starting weights");
const l2Model = bigModel();
const dropoutModel = bigModel({ dropout: FIXES.dropoutRate });
const batchNormModel = bigModel({ batchNorm: true });
const earlyModel = bigModel();
const sameStart = [l2Model, dropoutModel, batchNormModel, earlyModel].every((model) => sameKernels(model, bigModel()));
console.log(`Every model below starts from the big model's ${count(parameterCount(plain))} starting weights (checked: ${sameStart}).\n`);

const l2Run = train(l2Model, data, { regularizers: kernelsOf(l2Model).map((param) => ({ param, regularizer: l2(FIXES.l2Lambda) })) });
const dropoutRun = train(dropoutModel, data);
const batchNormRun = train(batchNormModel, data);
const earlyRun = train(earlyModel, data, {
  callbacks: [earlyStopping({ monitor: "valLoss", patience: FIXES.patience, restoreBestWeights: true })],
});
const fixes: Array<{ method: string; run: Run; model: Sequential }> = [
  { method: "none (step 2)", run: plainRun, model: plain },
  { method: `L2, λ = ${FIXES.l2Lambda}`, run: l2Run, model: l2Model },
  { method: `dropout ${FIXES.dropoutRate}`, run: dropoutRun, model: dropoutModel },
  { method: "batchnorm", run: batchNormRun, model: batchNormModel },
  { method: `early stopping, patience ${FIXES.patience}`, run: earlyRun, model: earlyModel },
];
console.log(
  table(
    fixes.map(({ method, run }) => [
      method,
      percent(run.train.accuracy),
      percent(run.validation.accuracy),
      points(run.gapPoints),
      loss(run.train.loss),
      loss(run.validation.loss),
      `${loss(run.best.loss)} (${run.best.epoch})`,
      run.history.epochs.length,
    ]),
    {
      header: ["fix", "train acc", "val acc", "gap", "train loss", "val loss", "best val loss (epoch)", "epochs"],
      align: firstLeft(8),
    },
  ),
);
console.log("\n(losses without the L2 penalty, so that the rows compare; the final row's weights are those early stopping restored)\n");

const [plainSquares, l2Squares] = [kernelSquares(plain), kernelSquares(l2Model)];
console.log(
  `L2:             Σw² over the kernels ${plainSquares.toFixed(1)} without, ${l2Squares.toFixed(1)} with: ` +
    `${(plainSquares / l2Squares).toFixed(1)}× smaller weights (in Σw²).\n` +
    `                The training loss stays at ${loss(l2Run.train.loss)} instead of ${loss(plainRun.train.loss)}: it no longer memorises every image.\n` +
    `                Validation accuracy ${percent(l2Run.validation.accuracy)} against ${percent(plainRun.validation.accuracy)}: with Adam, L2 buys no accuracy here.`,
);
console.log(
  `dropout:        the gap shrinks from ${points(plainRun.gapPoints)} to ${points(dropoutRun.gapPoints)} points, and the validation loss ` +
    `is lowest after epoch ${dropoutRun.best.epoch} of ${TRAINING.epochs}\n` +
    `                instead of ${plainRun.best.epoch}: it ends at ${loss(dropoutRun.validationLoss.at(-1)!)} instead of ${loss(plainFinal)}.`,
);
console.log(
  `batchnorm:      faster: validation loss ${loss(batchNormRun.validationLoss[0])} after one epoch (without: ${loss(plainRun.validationLoss[0])}), ` +
    `best ${loss(batchNormRun.best.loss)} (without: ${loss(plainRun.best.loss)}).\n` +
    `                But training accuracy is ${percent(batchNormRun.train.accuracy)} again: the gap stays (${points(batchNormRun.gapPoints)} points).`,
);
const sameCurve = earlyRun.history.valLoss!.every((value, i) => value === plainRun.history.valLoss![i]);
console.log(
  `early stopping: stopped after epoch ${earlyRun.history.epochs.length} of ${TRAINING.epochs} and restored the weights of epoch ${earlyRun.best.epoch}: ` +
    `validation loss ${loss(earlyRun.validation.loss)},\n` +
    `                the plain run's best. Its validation losses equal the plain run's for all ${earlyRun.history.epochs.length} epochs ` +
    `(${sameCurve}): the same run, cut short.`,
);
const [atBest, atEnd] = [lossOnRightAndWrong(earlyModel, data.xValidation, data.yValidation), lossOnRightAndWrong(plain, data.xValidation, data.yValidation)];
const share = (part: { count: number; meanLoss: number }) => (part.count * part.meanLoss) / validationCount;
console.log(
  `\nWhere the plain run's extra validation loss comes from: epoch ${earlyRun.best.epoch} (the restored weights) against epoch ${TRAINING.epochs}.\n` +
    `  images it gets right: ${atBest.right.count} → ${atEnd.right.count}, mean loss ${loss(atBest.right.meanLoss)} → ${loss(atEnd.right.meanLoss)}, ` +
    `share of the validation loss ${loss(share(atBest.right))} → ${loss(share(atEnd.right))}\n` +
    `  images it gets wrong: ${atBest.wrong.count} → ${atEnd.wrong.count}, mean loss ${loss(atBest.wrong.meanLoss)} → ${loss(atEnd.wrong.meanLoss)}, ` +
    `share of the validation loss ${loss(share(atBest.wrong))} → ${loss(share(atEnd.wrong))}\n` +
    "Training on made the model surer of its answers: the right ones now cost less, the wrong ones cost more, and the wrong ones win.",
);

const chosen = fixes.reduce((best, fix) => (fix.run.validation.accuracy > best.run.validation.accuracy ? fix : best));
const testScores = chosen.model.evaluate(testSet.images, testSet.labels, { loss: softmaxCrossEntropy, metrics: [accuracy] });
console.log(
  `\nThe validation set picks "${chosen.method}" (${percent(chosen.run.validation.accuracy)}). ` +
    `On the ${count(testSet.count)} test images, used once, here: ${percent(testScores.accuracy, 2)}.`,
);

// Step 4 — initialisation: the same deep ReLU network from three kinds of starting weights.
heading(`Step 4 · initialisation: a deep ReLU network, ${DEEP.hiddenLayers} × Dense(${DEEP.width})`);
const batch = new Tensor(data.xTrain.data.subarray(0, DEEP.batchRows * 784), [DEEP.batchRows, 784]);
const batchLabels = data.yTrain.subarray(0, DEEP.batchRows);
const inits: Array<[string, Initializer]> = [
  ["zeros", initializers.zeros],
  ["glorotUniform", initializers.glorotUniform],
  ["heUniform", initializers.heUniform],
];
console.log(`784 → ${DEEP.hiddenLayers} × (Dense(${DEEP.width}) → ReLU) → Dense(10), forward and backward on ${DEEP.batchRows} training images:`);
const stdRatios = new Map<string, number>();
const deepNets = inits.map(([name, init]) => {
  const net = deepReluNet(init);
  const statistics = layerStatistics(net, batch, batchLabels);
  console.log(`\n${name}\n${statisticsTable(statistics)}`);
  stdRatios.set(name, statistics.at(-1)!.std / statistics[0].std);
  return { name, net, statistics };
});
const squareLayers = DEEP.hiddenLayers - 1;
console.log(
  `\nstd of layer ${DEEP.hiddenLayers} ÷ std of layer 1: glorotUniform ${stdRatios.get("glorotUniform")!.toFixed(3)}, ` +
    `heUniform ${stdRatios.get("heUniform")!.toFixed(3)}; zeros has no signal at all.`,
);
console.log(
  `Glorot's Var(W) = 2/(${DEEP.width}+${DEEP.width}) makes each of the ${squareLayers} square layers (${DEEP.width} → ${DEEP.width}) ` +
    `keep half the signal's power (ReLU drops the other half):\n` +
    `its std shrinks by about 1/√2 a layer, (1/√2)^${squareLayers} = ${(Math.SQRT1_2 ** squareLayers).toFixed(3)} over ${squareLayers} layers. ` +
    `He's Var(W) = 2/${DEEP.width} puts the half back.`,
);
const [glorotRows, heRows] = [deepNets[1].statistics, deepNets[2].statistics];
const samePattern = glorotRows.every((row, i) => row.zeroFraction === heRows[i].zeroFraction && row.deadUnits === heRows[i].deadUnits);
console.log(
  `The zero and dead-unit columns of glorotUniform and heUniform are identical (${samePattern}): both scale the same uniform draws,\n` +
    "by different limits, and scaling a layer's weights does not change which ReLUs are off.",
);

console.log(`\nThen ${DEEP.epochs} epochs each with plain SGD (lr ${DEEP.learningRate}, momentum ${DEEP.momentum}), whose steps scale with the gradients:\n`);
const deepRows = deepNets.map(({ name, net }) => {
  const history = net.fit(data.xTrain, data.yTrain, {
    epochs: DEEP.epochs,
    batchSize: TRAINING.batchSize,
    optimizer: new SGD({ lr: DEEP.learningRate, momentum: DEEP.momentum }),
    loss: softmaxCrossEntropy,
    metrics: [accuracy],
    validationData: [data.xValidation, data.yValidation],
    rng: rng(SEEDS.shuffle),
    verbose: false,
  });
  return [name, ...history.valMetrics!.accuracy.map((value) => percent(value)), loss(history.loss.at(-1)!)];
});
console.log(
  table(deepRows, {
    header: ["init", ...Array.from({ length: DEEP.epochs }, (_, i) => `val acc ${i + 1}`), "train loss"],
    align: firstLeft(DEEP.epochs + 2),
  }),
);
const zerosNet = deepNets[0].net;
const largestHiddenWeight = zerosNet
  .params()
  .filter((param) => param.name.startsWith("dense"))
  .reduce((largest, param) => param.value.data.reduce((top, w) => Math.max(top, Math.abs(w)), largest), 0);
const zerosGuesses = new Set(zerosNet.predictClasses(data.xValidation));
const onlyGuess = [...zerosGuesses][0];
const shareOfGuess = data.yValidation.filter((label) => label === onlyGuess).length / validationCount;
console.log(
  `\nzeros: after ${DEEP.epochs} epochs the largest hidden weight or bias is ${largestHiddenWeight}: every hidden unit computes 0 and gets gradient 0.\n` +
    `Only the output bias learned, so the network answers ${zerosGuesses.size === 1 ? `"${onlyGuess}" for every image` : `${zerosGuesses.size} different digits`}` +
    ` (${percent(shareOfGuess)} of the validation images are ${onlyGuess}s).`,
);

// Step 5 — 5-fold cross-validation: the score of a recipe, with its spread.
const foldCount = 5;
const foldEpochs = earlyRun.best.epoch;
heading(`Step 5 · ${foldCount}-fold cross-validation of the big model, ${foldEpochs} epochs`);
console.log(
  `The recipe early stopping chose: the big model trained for ${foldEpochs} epochs. ` +
    `Each fold trains a fresh one on ${foldCount - 1}/${foldCount} of the ${count(trainCount)} training images:\n`,
);
const folds = stratifiedKFold(data.yTrain, foldCount, { rng: rng(SEEDS.folds) });
const labelsAt = (indices: Int32Array) => Int32Array.from(indices, (index) => data.yTrain[index]);
const foldAccuracies = folds.map(({ train: trainRows, validation: validationRows }, fold) => {
  const foldData = {
    xTrain: gatherRows(data.xTrain, trainRows),
    yTrain: labelsAt(trainRows),
    xValidation: gatherRows(data.xTrain, validationRows),
    yValidation: labelsAt(validationRows),
  };
  const foldRun = train(bigModel(), foldData, { epochs: foldEpochs });
  console.log(
    `fold ${fold + 1}: trains on ${trainRows.length}, validates on ${validationRows.length}: ` +
      `validation accuracy ${percent(foldRun.validation.accuracy)}`,
  );
  return foldRun.validation.accuracy;
});
const { mean, std } = meanAndSampleStd(foldAccuracies);
console.log(
  `\n${foldCount}-fold validation accuracy: ${percent(mean, 2)} ± ${percent(std, 2)} ` +
    `(mean ± sample standard deviation, n − 1 = ${foldCount - 1})`,
);
const spread = 100 * (Math.max(...foldAccuracies) - Math.min(...foldAccuracies));
console.log(
  `The same recipe, trained and scored on different images, lands ${points(spread)} points apart from its worst fold to its best.`,
);
const validationAccuracy = plainRun.validation.accuracy;
const standardError = Math.sqrt((validationAccuracy * (1 - validationAccuracy)) / validationCount);
console.log(
  `Even the score on all ${count(validationCount)} validation images is uncertain: an accuracy p measured on n images has a standard error\n` +
    `of √(p(1 − p)/n) = ${points(100 * standardError)} point for p = ${percent(validationAccuracy)}, n = ${count(validationCount)}. ` +
    "Differences of a point between the rows of step 3 are within that noise.",
);

// The validation loss of each fix, epoch by epoch.
heading("The validation loss of each fix");
// From epoch 3 on: dropout's first epochs (above 1) would squeeze the rest into two rows.
const fromEpoch = 3;
const fromThird = (run: Run) => run.validationLoss.slice(fromEpoch - 1);
console.log(
  lossChart(
    { none: fromThird(plainRun), L2: fromThird(l2Run), dropout: fromThird(dropoutRun), batchnorm: fromThird(batchNormRun) },
    {
      title: `Validation loss, epochs ${fromEpoch}–${TRAINING.epochs} (softmax cross-entropy, without the L2 penalty)`,
      xLabel: "epoch",
      xRange: [fromEpoch, TRAINING.epochs],
      height: 14,
    },
  ),
);
console.log(
  `\nEarly stopping is the "none" curve cut after epoch ${earlyRun.history.epochs.length}, keeping epoch ${earlyRun.best.epoch}'s weights.`,
);
