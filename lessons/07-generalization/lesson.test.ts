/**
 * Checks the claims of lesson 07, two ways:
 *   1. run lesson.ts once as a learner does (about half a minute) and check every claim it
 *      prints against the numbers it prints beside it, recomputing what can be recomputed
 *      (the split, the parameter counts, the gaps, the fold statistics);
 *   2. check the ideas directly at a small scale: symmetry under zeros and constant
 *      initialisation, variance through deep ReLU stacks under Glorot and He, inverted
 *      dropout, L2 as weight decay, batch normalisation, the sample standard deviation.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Dense, type Initializer, ReLU } from "@gradschool/backprop";
import { capture, linesNotPrinted, numbersIn, parseNumber, quotedLines, runLessonScript, section } from "@gradschool/course";
import { softmaxCrossEntropy } from "@gradschool/losses";
import { BatchNorm, Dropout, Sequential, initializers, l2 } from "@gradschool/mlp";
import { SGD } from "@gradschool/optimizers";
import { type Tensor, full, ones, randn, rng, tensor } from "@gradschool/tensor";
import { beforeAll, describe, expect, test } from "vitest";
import { meanAndSampleStd } from "./mean-and-std.ts";
import { lossOnRightAndWrong } from "./right-and-wrong.ts";
import { DEEP, FIXES, TRAINING, bigModel, loadSubsets, parameterCount, smallModel } from "./setup.ts";

const lessonDir = fileURLToPath(new URL(".", import.meta.url));

interface FixRow {
  method: string;
  train: number;
  validation: number;
  gap: number;
  trainLoss: number;
  validationLoss: number;
  bestLoss: number;
  bestEpoch: number;
  epochs: number;
}

/** Step 3's table, one row per fix. */
function fixRows(output: string): Map<string, FixRow> {
  const pattern = /^(.+?) {2,}(\d+\.\d)% +(\d+\.\d)% +(\d+\.\d) +(\d\.\d{4}) +(\d\.\d{4}) +(\d\.\d{4}) \((\d+)\) +(\d+)$/gm;
  const rows = [...section(output, "── Step 3").matchAll(pattern)].map((match) => {
    const [train, validation, gap, trainLoss, validationLoss, bestLoss, bestEpoch, epochs] = match.slice(2).map(Number);
    return { method: match[1].trim(), train, validation, gap, trainLoss, validationLoss, bestLoss, bestEpoch, epochs };
  });
  return new Map(rows.map((row) => [row.method, row]));
}

/** One initialiser's table in step 4: [layer, mean, std, zero %, dead units, units, ‖∂L/∂W‖] per hidden layer. */
function initTable(output: string, name: string): number[][] {
  const text = section(output, `\n${name}\n`, "\n\n");
  return [...text.matchAll(/^dense(\d) +(\d\.\d{4}) +(\d\.\d{4}) +(\d+\.\d)% +(\d+)\/(\d+) +(\S+)$/gm)].map((match) =>
    match.slice(1).map(Number),
  );
}

describe("lesson 07 as a learner runs it", () => {
  let output = "";
  let rows = new Map<string, FixRow>();

  beforeAll(async () => {
    output = await runLessonScript(lessonDir);
    rows = fixRows(output);
  }, 600_000); // about 30 s on a quiet machine; more when every workspace's tests run at once

  test("it ends with a loss chart of each fix's validation loss", () => {
    const chart = section(output, "── The validation loss of each fix");
    expect(chart).toContain("Validation loss, epochs 3–12");
    expect(chart).toContain("┤");
    expect(chart).toMatch(/── none \d\.\d{4} +══ L2 \d\.\d{4} +━━ dropout \d\.\d{4} +┄┄ batchnorm \d\.\d{4}/);
    expect(output.trimEnd().split("\n").at(-1)).toMatch(/^Early stopping is the "none" curve cut after epoch \d+/);
  });

  test("in the final chart batchnorm reaches the lowest point and rises after it, and dropout ends lowest", () => {
    const legend = capture(section(output, "── The validation loss of each fix"), /── none (\S+) +══ L2 (\S+) +━━ dropout (\S+) +┄┄ batchnorm (\S+)/).map(parseNumber);
    const named = ["none (step 2)", `L2, λ = ${FIXES.l2Lambda}`, "dropout 0.5", "batchnorm"].map((method) => rows.get(method)!);
    expect(legend).toEqual(named.map((row) => row.validationLoss));
    const [, , dropout, batchNorm] = named;
    expect(Math.min(...named.map((row) => row.bestLoss))).toBe(batchNorm.bestLoss);
    expect(batchNorm.bestEpoch).toBeLessThan(TRAINING.epochs);
    expect(Math.min(...legend)).toBe(dropout.validationLoss);
  });

  test("with NO_COLOR=1 it prints no ANSI escape codes", () => {
    expect(output.includes("\u001b")).toBe(false);
  });

  test("the split has 1,000 training and 1,000 validation images, each digit's count within one of the other half's", () => {
    const data = loadSubsets();
    expect([data.xTrain.shape[0], data.xValidation.shape[0]]).toEqual([1_000, 1_000]);
    const perDigit = (labels: Int32Array) => Array.from({ length: 10 }, (_, digit) => labels.filter((label) => label === digit).length);
    const [printedTrain] = capture(output, /^train +((?:\d+ +){9}\d+)$/m);
    const [printedValidation] = capture(output, /^validation +((?:\d+ +){9}\d+)$/m);
    expect(numbersIn(printedTrain)).toEqual(perDigit(data.yTrain));
    expect(numbersIn(printedValidation)).toEqual(perDigit(data.yValidation));
    perDigit(data.yTrain).forEach((n, digit) => expect(Math.abs(n - perDigit(data.yValidation)[digit])).toBeLessThanOrEqual(1));
  });

  test("the small model has 3,190 parameters and the big one 118,282, counted layer by layer", () => {
    expect(784 * 4 + 4 + 4 * 10 + 10).toBe(parameterCount(smallModel()));
    expect(784 * 128 + 128 + 128 * 128 + 128 + 128 * 10 + 10).toBe(parameterCount(bigModel()));
    expect(output).toMatch(/^small: 784 → 4 → 10 +3,190 /m);
    expect(output).toMatch(/^big: 784 → 128 → 128 → 10 +118,282 /m);
  });

  test("the small model underfits: under 80% on its own training images, and validation close behind", () => {
    const [train, validation, gap] = capture(output, /^small: (\d+\.\d)% of the training images and (\d+\.\d)% of the validation images, (\d+\.\d) points apart/m).map(parseNumber);
    expect(train).toBeLessThan(80);
    expect(validation).toBeLessThan(train);
    expect(gap).toBeCloseTo(train - validation, 6);
  });

  test("the big model overfits: training accuracy at least 8 points above validation accuracy", () => {
    const [train, validation, gap] = capture(output, /^big: +(\d+\.\d)% of the training images but (\d+\.\d)% of the validation images, (\d+\.\d) points apart/m).map(parseNumber);
    expect(train).toBeGreaterThanOrEqual(99.5);
    expect(train - validation).toBeGreaterThanOrEqual(8);
    expect(gap).toBeCloseTo(train - validation, 6);
  });

  test("the big model's validation loss is lowest before the last epoch and rises after it, while the accuracy barely moves", () => {
    const [bestEpoch, best, final, rise, risePercent] = capture(
      output,
      /lowest after epoch (\d+) of 12 \((\d\.\d{4})\), then rose to (\d\.\d{4}) \(\+(\d\.\d{4}), \+(\d+)%\)/,
    ).map(parseNumber);
    expect(bestEpoch).toBeLessThan(TRAINING.epochs);
    expect(final).toBeGreaterThan(best);
    expect(rise).toBeCloseTo(final - best, 3);
    expect(risePercent).toBe(Math.round((100 * rise) / best));
    const [atBest, atEnd] = capture(output, /validation accuracy after epoch \d+: (\d+\.\d)%; after epoch 12: (\d+\.\d)%/).map(parseNumber);
    expect(Math.abs(atEnd - atBest)).toBeLessThanOrEqual(1.5);
    expect(rows.get("none (step 2)")).toMatchObject({ bestEpoch, bestLoss: best, validationLoss: final, epochs: 12 });
  });

  test("step 3's table has the five runs, and each gap is train − validation accuracy", () => {
    expect([...rows.keys()]).toEqual(["none (step 2)", `L2, λ = ${FIXES.l2Lambda}`, "dropout 0.5", "batchnorm", "early stopping, patience 3"]);
    for (const row of rows.values()) {
      expect(row.gap).toBeCloseTo(row.train - row.validation, 6);
      expect(row.bestLoss).toBeLessThanOrEqual(row.validationLoss);
    }
    expect(output).toContain("starting weights (checked: true)");
  });

  test("L2 shrinks the weights and stops the memorising, but buys no more than the noise in validation accuracy", () => {
    const [without, withL2, ratio] = capture(output, /Σw² over the kernels (\d+\.\d) without, (\d+\.\d) with: (\d+\.\d)× smaller/).map(parseNumber);
    expect(ratio).toBeCloseTo(without / withL2, 1);
    expect(ratio).toBeGreaterThan(2);
    const [plain, regularised] = [rows.get("none (step 2)")!, rows.get(`L2, λ = ${FIXES.l2Lambda}`)!];
    expect(regularised.trainLoss).toBeGreaterThan(3 * plain.trainLoss);
    expect(output).toContain(`The training loss stays at ${regularised.trainLoss.toFixed(4)} instead of ${plain.trainLoss.toFixed(4)}`);
    expect(regularised.validation - plain.validation).toBeLessThan(1); // under the 1-point standard error of step 5
  });

  test("dropout shrinks the gap by at least 2 points and keeps the validation loss falling longer", () => {
    const [plain, dropout] = [rows.get("none (step 2)")!, rows.get("dropout 0.5")!];
    expect(plain.gap - dropout.gap).toBeGreaterThanOrEqual(2);
    expect(dropout.bestEpoch).toBeGreaterThan(plain.bestEpoch);
    expect(dropout.validationLoss).toBeLessThan(plain.validationLoss);
    expect(output).toContain(`the gap shrinks from ${plain.gap.toFixed(1)} to ${dropout.gap.toFixed(1)} points`);
  });

  test("batchnorm trains faster and reaches a lower validation loss, but leaves the gap", () => {
    const [after1, plainAfter1, best, plainBest] = capture(
      output,
      /validation loss (\d\.\d{4}) after one epoch \(without: (\d\.\d{4})\), best (\d\.\d{4}) \(without: (\d\.\d{4})\)/,
    ).map(parseNumber);
    expect(after1).toBeLessThan(plainAfter1);
    expect(best).toBeLessThan(plainBest);
    const [plain, normalised] = [rows.get("none (step 2)")!, rows.get("batchnorm")!];
    expect(normalised.bestLoss).toBe(best);
    expect(plainBest).toBe(plain.bestLoss);
    expect(normalised.train).toBeGreaterThanOrEqual(99.5);
    expect(normalised.gap).toBeGreaterThan(plain.gap - 2);
  });

  test("early stopping stops before the last epoch and restores the weights of the plain run's best epoch", () => {
    const [plain, early] = [rows.get("none (step 2)")!, rows.get("early stopping, patience 3")!];
    expect(early.epochs).toBeLessThan(TRAINING.epochs);
    expect(early.epochs).toBe(early.bestEpoch + FIXES.patience);
    expect(early.bestEpoch).toBe(plain.bestEpoch);
    expect(early.validationLoss).toBe(plain.bestLoss); // the restored weights score the best epoch's loss
    expect(output).toContain(
      `stopped after epoch ${early.epochs} of 12 and restored the weights of epoch ${early.bestEpoch}: validation loss ${plain.bestLoss.toFixed(4)}`,
    );
    expect(output).toContain(`equal the plain run's for all ${early.epochs} epochs (true)`);
  });

  test("the extra validation loss comes from the wrong answers: the two shares add up to each model's validation loss", () => {
    const [rightBefore, rightAfter, , , rightShareBefore, rightShareAfter] = capture(
      output,
      /images it gets right: (\d+) → (\d+), mean loss (\S+) → (\S+), share of the validation loss (\S+) → (\S+)/,
    ).map(parseNumber);
    const [wrongBefore, wrongAfter, , , wrongShareBefore, wrongShareAfter] = capture(
      output,
      /images it gets wrong: (\d+) → (\d+), mean loss (\S+) → (\S+), share of the validation loss (\S+) → (\S+)/,
    ).map(parseNumber);
    const [plain, early] = [rows.get("none (step 2)")!, rows.get("early stopping, patience 3")!];
    expect(rightBefore + wrongBefore).toBe(1_000);
    expect(rightAfter + wrongAfter).toBe(1_000);
    expect(rightBefore).toBe(Math.round(10 * early.validation));
    expect(rightAfter).toBe(Math.round(10 * plain.validation));
    expect(rightShareBefore + wrongShareBefore).toBeCloseTo(early.validationLoss, 3);
    expect(rightShareAfter + wrongShareAfter).toBeCloseTo(plain.validationLoss, 3);
    expect(wrongShareAfter - wrongShareBefore).toBeGreaterThan(rightShareBefore - rightShareAfter);
  });

  test("the validation set picks the row with the best validation accuracy, and it scores over 85% on the test set", () => {
    const [method, validation, testAccuracy] = capture(output, /picks "(.+)" \((\d+\.\d)%\)\. On the 10,000 test images, used once, here: (\d+\.\d\d)%/);
    const best = Math.max(...[...rows.values()].map((row) => row.validation));
    expect(rows.get(method)!.validation).toBe(best);
    expect(Number(validation)).toBe(best);
    expect(Number(testAccuracy)).toBeGreaterThan(85);
    expect(Number(testAccuracy)).toBeLessThan(best); // the winner's validation score flatters it
  });

  test("zeros: every hidden output is 0, every unit dead, every kernel gradient 0, and it stays at the share of one digit", () => {
    const zeros = initTable(output, "zeros");
    expect(zeros).toHaveLength(DEEP.hiddenLayers);
    for (const [, mean, std, zero, dead, units, gradNorm] of zeros) {
      expect([mean, std, zero, dead, gradNorm]).toEqual([0, 0, 100, units, 0]);
    }
    const accuracies = numbersIn(capture(output, /^zeros +((?:\d+\.\d% +){3})\d\.\d{4}$/m)[0]);
    accuracies.forEach((value) => expect(value).toBeLessThan(12.5)); // chance, or one digit's share
    const [digit, share] = capture(output, /answers "(\d)" for every image \((\d+\.\d)% of the validation images are \d+s\)/);
    const labels = loadSubsets().yValidation;
    expect(Number(share)).toBeCloseTo((100 * labels.filter((label) => label === Number(digit)).length) / labels.length, 6);
    expect(accuracies.at(-1)).toBe(Number(share));
    expect(output).toContain("the largest hidden weight or bias is 0:");
  });

  test("Glorot's activations shrink layer by layer (≈ (1/√2)^7), He's stay within a factor of 2 of layer 1's", () => {
    const glorot = initTable(output, "glorotUniform");
    const he = initTable(output, "heUniform");
    const stdRatio = (table: number[][]) => table.at(-1)![2] / table[0][2];
    expect(stdRatio(glorot)).toBeLessThan(0.2);
    expect(stdRatio(glorot)).toBeGreaterThan(Math.SQRT1_2 ** 7 / 2);
    expect(stdRatio(glorot)).toBeLessThan(Math.SQRT1_2 ** 7 * 2);
    glorot.slice(1).forEach((row, i) => expect(row[2]).toBeLessThan(glorot[i][2])); // every layer smaller than the one before
    expect(stdRatio(he)).toBeGreaterThan(0.5);
    expect(stdRatio(he)).toBeLessThan(2);
    const [printedGlorot, printedHe] = capture(output, /glorotUniform (\d\.\d{3}), heUniform (\d\.\d{3})/).map(parseNumber);
    expect(printedGlorot).toBeCloseTo(stdRatio(glorot), 2);
    expect(printedHe).toBeCloseTo(stdRatio(he), 2);
    he.forEach((row, i) => expect(row[6] / glorot[i][6]).toBeGreaterThan(10)); // ‖∂L/∂W‖, layer by layer
    he.forEach((row, i) => expect(row[6] / glorot[i][6]).toBeLessThan(20));
    he.forEach((row, i) => expect([row[3], row[4]]).toEqual([glorot[i][3], glorot[i][4]]));
    expect(output).toContain("are identical (true)");
  });

  test("with plain SGD, He trains far faster than Glorot, and zeros does not train", () => {
    const accuracyRow = (name: string) => numbersIn(capture(output, new RegExp(`^${name} +((?:\\d+\\.\\d% +){3}\\d\\.\\d{4})$`, "m"))[0]);
    const [glorot, he, zeros] = ["glorotUniform", "heUniform", "zeros"].map(accuracyRow);
    expect(he[2] - glorot[2]).toBeGreaterThan(20);
    expect(he[2]).toBeGreaterThan(60);
    expect(zeros[3]).toBeCloseTo(Math.log(10), 2); // training loss: still guessing
  });

  test("5-fold cross-validation: five folds of 800 / 200, and the printed mean ± sample std is the folds'", () => {
    const folds = [...output.matchAll(/^fold (\d): trains on (\d+), validates on (\d+): validation accuracy (\d+\.\d)%$/gm)];
    expect(folds.map(([, fold]) => Number(fold))).toEqual([1, 2, 3, 4, 5]);
    folds.forEach(([, , trained, validated]) => expect([Number(trained), Number(validated)]).toEqual([800, 200]));
    const accuracies = folds.map(([, , , , value]) => Number(value));
    const mean = accuracies.reduce((a, b) => a + b, 0) / 5;
    const std = Math.sqrt(accuracies.reduce((total, value) => total + (value - mean) ** 2, 0) / 4);
    const [printedMean, printedStd] = capture(output, /5-fold validation accuracy: (\d+\.\d\d)% ± (\d+\.\d\d)% \(mean ± sample standard deviation, n − 1 = 4\)/).map(parseNumber);
    expect(printedMean).toBeCloseTo(mean, 2);
    expect(printedStd).toBeCloseTo(std, 2);
    const [spread] = capture(output, /lands (\d+\.\d) points apart/).map(parseNumber);
    expect(spread).toBeCloseTo(Math.max(...accuracies) - Math.min(...accuracies), 6);
    const [epochs] = capture(output, /cross-validation of the big model, (\d+) epochs/).map(parseNumber);
    expect(epochs).toBe(rows.get("early stopping, patience 3")!.bestEpoch);
    expect(mean).toBeLessThan(rows.get("early stopping, patience 3")!.validation);
  });

  test("the standard error √(p(1 − p)/n) is recomputed from the printed p and n, and step 3's accuracies lie within two of it", () => {
    const [standardError, p] = capture(output, /= (\d\.\d) point for p = (\d+\.\d)%, n = 1,000/).map(parseNumber);
    expect(standardError).toBeCloseTo(100 * Math.sqrt(((p / 100) * (1 - p / 100)) / 1_000), 1);
    expect(p).toBe(rows.get("none (step 2)")!.validation);
    const validationAccuracies = [...rows.values()].map((row) => row.validation);
    expect(Math.max(...validationAccuracies) - Math.min(...validationAccuracies)).toBeLessThan(2 * standardError);
  });

  test("the README quotes the output truthfully", () => {
    const readme = readFileSync(new URL("./README.md", import.meta.url), "utf8");
    expect(quotedLines(readme).length).toBeGreaterThan(15);
    expect(linesNotPrinted(quotedLines(readme), output)).toEqual([]);
  });
});

describe("lesson 07's ideas, checked directly", () => {
  /** A small ReLU net: 6 → 5 → 5 → 3, every kernel drawn by `init`. */
  const smallNet = (init: Initializer) => {
    const random = rng(1);
    return new Sequential([
      new Dense(6, 5, { rng: random, init, name: "a" }),
      new ReLU(),
      new Dense(5, 5, { rng: random, init, name: "b" }),
      new ReLU(),
      new Dense(5, 3, { rng: random, init, name: "out" }),
    ]);
  };
  const x = randn([16, 6], rng(2));
  const labels = Int32Array.from({ length: 16 }, (_, i) => i % 3);

  test("a zeros-initialised ReLU net gives every hidden unit the same gradient, 0; only the output bias gets one", () => {
    const net = smallNet(initializers.zeros);
    for (const param of net.params()) param.grad.data.fill(0);
    net.computeGradients(x, labels, softmaxCrossEntropy);
    for (const param of net.params()) {
      const isOutputBias = param.name === "out.bias";
      expect(param.grad.data.some((g) => g !== 0)).toBe(isOutputBias);
    }
  });

  test("a constant-initialised net keeps the units of each layer identical through 20 steps of training", () => {
    const constant: Initializer = (shape) => full(shape, 0.1);
    const net = smallNet(constant);
    const optimizer = new SGD({ lr: 0.1, momentum: 0.9 });
    for (let step = 0; step < 20; step++) {
      optimizer.zeroGrad(net.params());
      net.computeGradients(x, labels, softmaxCrossEntropy);
      optimizer.step(net.params());
    }
    for (const name of ["a.kernel", "b.kernel"]) {
      const kernel = net.params().find((param) => param.name === name)!.value;
      const [rows, columns] = kernel.shape;
      expect(kernel.get(0, 0)).not.toBeCloseTo(0.1, 6); // it did train
      for (let row = 0; row < rows; row++) {
        for (let column = 1; column < columns; column++) expect(kernel.get(row, column)).toBeCloseTo(kernel.get(row, 0), 12);
      }
    }
  });

  test("through 6 ReLU layers of 256, Glorot shrinks the rms by ≈ 1/√2 a layer and He keeps it", () => {
    const input = randn([512, 256], rng(3));
    const rmsRatio = (init: Initializer) => {
      const random = rng(4);
      let h: Tensor = input;
      const rms: number[] = [];
      for (let layer = 0; layer < 6; layer++) {
        h = new ReLU().forward(new Dense(256, 256, { rng: random, init }).forward(h));
        rms.push(Math.sqrt(h.data.reduce((total, value) => total + value * value, 0) / h.size));
      }
      return rms[5] / rms[0];
    };
    expect(rmsRatio(initializers.glorotUniform)).toBeCloseTo(Math.SQRT1_2 ** 5, 1);
    expect(Math.abs(rmsRatio(initializers.heUniform) - 1)).toBeLessThan(0.15);
  });

  test("inverted dropout keeps each element's expected value: x·m/(1 − p) averages to x, and inference is the identity", () => {
    const dropout = new Dropout(0.5, { rng: rng(5) });
    const input = ones([200, 500]);
    const trained = dropout.forward(input, { training: true });
    expect(new Set(trained.data)).toEqual(new Set([0, 2]));
    expect(trained.data.reduce((a, b) => a + b, 0) / trained.size).toBeCloseTo(1, 1);
    expect(dropout.forward(input, { training: false })).toBe(input);
  });

  test("L2 adds 2λw to the gradient, so an SGD step on it alone is weight decay: w ← (1 − 2·lr·λ)·w", () => {
    const weights = { name: "w", value: tensor([1.5, -2, 0.25]), grad: tensor([0, 0, 0]) };
    l2(0.01).addGradient(weights.value, weights.grad);
    [0.03, -0.04, 0.005].forEach((g, i) => expect(weights.grad.data[i]).toBeCloseTo(g, 15));
    new SGD({ lr: 0.1 }).step([weights]);
    [1.5, -2, 0.25].forEach((w, i) => expect(weights.value.data[i]).toBeCloseTo((1 - 2 * 0.1 * 0.01) * w, 14));
  });

  test("BatchNorm in training gives every feature mean 0 and variance 1 over the batch", () => {
    const shifted = randn([64, 4], rng(6), 5, 3);
    const normalised = new BatchNorm(4, { name: "bn" }).forward(shifted, { training: true });
    for (let feature = 0; feature < 4; feature++) {
      const column = Array.from({ length: 64 }, (_, row) => normalised.get(row, feature));
      const mean = column.reduce((a, b) => a + b, 0) / 64;
      expect(mean).toBeCloseTo(0, 10);
      expect(column.reduce((total, value) => total + (value - mean) ** 2, 0) / 64).toBeCloseTo(1, 3); // 1 − eps/σ²
    }
  });

  test("meanAndSampleStd divides by n − 1 and refuses a single score", () => {
    const { mean, std } = meanAndSampleStd([1, 2, 3, 4]);
    expect(mean).toBe(2.5);
    expect(std).toBeCloseTo(Math.sqrt(5 / 3), 14);
    expect(() => meanAndSampleStd([0.9])).toThrow(/meanAndSampleStd: received 1 score/);
  });

  test("the right and wrong shares of the loss add up to evaluate's loss", () => {
    const data = loadSubsets();
    const model = smallModel();
    const { right, wrong } = lossOnRightAndWrong(model, data.xValidation, data.yValidation);
    const { loss } = model.evaluate(data.xValidation, data.yValidation, { loss: softmaxCrossEntropy });
    expect(right.count + wrong.count).toBe(1_000);
    expect((right.count * right.meanLoss + wrong.count * wrong.meanLoss) / 1_000).toBeCloseTo(loss, 12);
  });

  test("every variant of the big model starts from the same kernels", () => {
    const kernels = (model: Sequential) => model.params().filter((p) => p.name.endsWith(".kernel")).map((p) => [...p.value.data]);
    const reference = kernels(bigModel());
    expect(kernels(bigModel({ dropout: 0.5 }))).toEqual(reference);
    expect(kernels(bigModel({ batchNorm: true }))).toEqual(reference);
  });
});
