/**
 * Checks the claims of lesson 10, two ways:
 *   1. run lesson.ts once as a learner does (about 15 s) and read what it prints;
 *   2. recompute the claims independently: the same network trained here from mnist-mlp.ts
 *      (same seeds, so the same weights), the bias path of a ReLU network from its weights,
 *      the blank patches counted from the pixels, the toy tables and their importances.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Dense } from "@gradschool/backprop";
import { capture, linesNotPrinted, parseNumber, quotedLines, runLessonScript, section } from "@gradschool/course";
import { loadMnist } from "@gradschool/datasets";
import { gradientTimesInput, occlusion, permutationImportance, saliency } from "@gradschool/interpret";
import { softmaxCrossEntropy } from "@gradschool/losses";
import { type Sequential, accuracy } from "@gradschool/mlp";
import { Adam } from "@gradschool/optimizers";
import { rng } from "@gradschool/tensor";
import { beforeAll, describe, expect, test } from "vitest";
import { TRAIN_IMAGES, imageRows, mnistMlp, trainMnistMlp } from "./mnist-mlp.ts";
import { COPY_NOISE, TEST_SEED, TRAIN_SEED, toyTable, trainToyModel } from "./toy-table.ts";

const lessonDir = fileURLToPath(new URL(".", import.meta.url));
const train = loadMnist({ split: "train", limit: TRAIN_IMAGES });
const testSet = loadMnist({ split: "test" });
const firstImage = imageRows(testSet.images, 0, 1);

/** The rows of a printed importance table: feature, mean drop, std. */
function importanceRows(text: string): Map<string, { mean: number; std: number }> {
  const rows = [...text.matchAll(/^(x\d(?: \+ x\d)?) +.+? {2}([+−]\d\.\d{3}) ± (\d\.\d{3})/gm)];
  return new Map(rows.map(([, feature, mean, std]) => [feature, { mean: parseNumber(mean), std: Number(std) }]));
}

let output = "";
let model: Sequential;

beforeAll(async () => {
  const lessonRun = runLessonScript(lessonDir); // a subprocess: it runs while this process trains its own copy
  model = mnistMlp();
  trainMnistMlp(model, train.images, train.labels);
  output = await lessonRun;
}, 600_000); // about 15 s on a quiet machine; much more when every workspace's tests run at once

describe("lesson 10 as a learner runs it", () => {
  test("it ends with the loss chart of the two toy models", () => {
    const chart = section(output, "── Two models, one task");
    expect(chart).toContain("Toy table — training loss per epoch, softmax cross-entropy");
    expect(chart).toContain("┤");
    expect(chart).toMatch(/── model A \(x0 … x4\) \d\.\d{4} +══ model B \(with the copy x5\) \d\.\d{4}/);
    expect(chart).toContain("it explains a model, not the data.");
  });

  test("with NO_COLOR=1 it prints no ANSI escape codes", () => {
    expect(output.includes("\u001b")).toBe(false);
  });

  test("the network is lesson 06's, retrained with the penalty: the printed test accuracy is this model's, at least 90%", () => {
    const [printed] = capture(output, /^test accuracy (\d+\.\d\d)% on the 10,000 test images$/m);
    const scores = model.evaluate(testSet.images, testSet.labels, { loss: softmaxCrossEntropy, metrics: [accuracy] });
    expect(printed).toBe((100 * scores.accuracy).toFixed(2));
    expect(scores.accuracy).toBeGreaterThanOrEqual(0.9);
  });

  test("the saliency agrees with central differences: tiny absolute gaps, relative error below 1e-6 where the gradient is clear", () => {
    const [gap] = capture(output, /the largest difference from the saliency is (\S+), float64 rounding/);
    const [worst, clearCount] = capture(output, /relative error at most (\S+) on the (\d+) pixels where \|∂z\/∂x\| > 0\.001/);
    expect(Number(gap)).toBeLessThan(1e-8);
    expect(Number(worst)).toBeLessThan(1e-6);
    const predicted = model.predictClasses(firstImage)[0];
    const map = saliency(model, firstImage, predicted);
    expect(Number(clearCount)).toBe(map.data.filter((value) => Math.abs(value) > 1e-3).length);
    expect(output).toContain(`Check on test image 0 (a ${testSet.labels[0]}, predicted ${predicted})`);
  });

  test("on 500 test digits, the ink gets at least 25% of |saliency|, at least 1.5× its share of the area, as recomputed", () => {
    const [area] = capture(output, /^ {2}pixels with ink +(\d+\.\d)% of the image$/m);
    const [share, ratio] = capture(output, /^ {2}their share of \|∂z\/∂x\| +(\d+\.\d)%, (\d+\.\d)× their share of the area$/m);
    expect(Number(share)).toBeGreaterThanOrEqual(25);
    expect(Number(ratio)).toBeGreaterThanOrEqual(1.5);
    const x = imageRows(testSet.images, 0, 500);
    const maps = saliency(model, x, model.predictClasses(x));
    let inkShare = 0;
    let inkArea = 0;
    for (let n = 0; n < 500; n++) {
      let total = 0;
      let onInk = 0;
      for (let pixel = n * 784; pixel < (n + 1) * 784; pixel++) {
        total += Math.abs(maps.data[pixel]);
        if (x.data[pixel] > 0) {
          onInk += Math.abs(maps.data[pixel]);
          inkArea += 1 / 784 / 500;
        }
      }
      inkShare += onInk / total / 500;
    }
    expect(share).toBe((100 * inkShare).toFixed(1));
    expect(area).toBe((100 * inkArea).toFixed(1));
  });

  test("gradient × input adds up to the logit minus the bias path, recomputed from the weights, and is 0 on blank pixels", () => {
    const [digit, logit, fromPixels, fromBiases] = capture(output, /^For test image 0: z_(\d) = (\S+) = (\S+) from the pixels \+ (\S+) from the biases\.$/m);
    const c = Number(digit);
    const hidden = model.layers[0] as Dense;
    const logits = model.layers[2] as Dense;
    const preActivation = hidden.forward(firstImage).data;
    let biasPath = logits.bias.value.data[c]; // b₂[c] + Σ over active units h of b₁[h]·W₂[h, c]
    for (let h = 0; h < 128; h++) if (preActivation[h] > 0) biasPath += hidden.bias.value.data[h] * logits.kernel.value.data[h * 10 + c];
    const z = model.forward(firstImage, { training: false }).data[c];
    const attributionSum = gradientTimesInput(model, firstImage, c).data.reduce((a, b) => a + b, 0);
    expect(attributionSum + biasPath).toBeCloseTo(z, 10);
    expect([logit, fromPixels, fromBiases]).toEqual([z.toFixed(3), attributionSum.toFixed(3), biasPath.toFixed(3)]);
    const blank = firstImage.data.filter((value) => value === 0).length;
    expect(output).toContain(`Pixels without ink get exactly 0: ${blank} of the ${blank} blank pixels of test image 0.`);
  });

  test("occlusion with fill 0 changes p by exactly 0 at every patch of blank paper, counted from the pixels", () => {
    const [unchanged, positions] = capture(output, /^ +(\d+) of (\d+) patches change p by exactly 0: they cover only blank paper$/m);
    expect(Number(positions)).toBe(13 * 13);
    let blankPatches = 0;
    for (let top = 0; top + 4 <= 28; top += 2) {
      for (let left = 0; left + 4 <= 28; left += 2) {
        let ink = 0;
        for (let row = top; row < top + 4; row++) for (let column = left; column < left + 4; column++) ink += firstImage.data[row * 28 + column];
        if (ink === 0) blankPatches++;
      }
    }
    expect(Number(unchanged)).toBe(blankPatches);
    const predicted = model.predictClasses(firstImage)[0];
    const map = occlusion(model, firstImage, predicted, { patch: 4, stride: 2 });
    const [largest, row, column] = capture(output, /the largest drop is (\d\.\d{4}), the patch at row (\d+), column (\d+)/);
    const at = map.drop.data.indexOf(Math.max(...map.drop.data));
    expect([largest, Number(row), Number(column)]).toEqual([map.drop.data[at].toFixed(4), Math.floor(at / 13) * 2, (at % 13) * 2]);
    expect(output).toMatch(/fill 1 \(a blot of ink\): 0 of 169 patches change nothing/);
  });

  test("the four panels show the first four test digits, each with its predicted class's probability and largest occlusion drop", () => {
    const captions = [...output.matchAll(/a (\d), p\((\d)\) = (\d\.\d\d) +\|saliency\| +occlusion, max (\d\.\d\d)/g)];
    expect(captions).toHaveLength(4);
    const x = imageRows(testSet.images, 0, 4);
    const predicted = model.predictClasses(x);
    captions.forEach(([, digit, predictedDigit, probability, largest], n) => {
      expect(Number(digit)).toBe(testSet.labels[n]);
      expect(Number(predictedDigit)).toBe(predicted[n]);
      const map = occlusion(model, imageRows(testSet.images, n, n + 1), predicted[n], { patch: 4, stride: 2 });
      expect(probability).toBe(map.baseline.toFixed(2));
      expect(largest).toBe(Math.max(...map.drop.data).toFixed(2));
    });
  });

  test("16 weight pictures are drawn, and the never-inked pixels, counted from the data, have their weights pulled to 0", () => {
    expect([...output.matchAll(/unit (\d+)/g)].map(([, unit]) => Number(unit))).toEqual([...Array(16).keys()]);
    const neverInked = [...Array(784).keys()].filter((pixel) => {
      for (let n = 0; n < TRAIN_IMAGES; n++) if (train.images.data[n * 784 + pixel] > 0) return false;
      return true;
    });
    expect(output).toContain(`${neverInked.length} of the 784 pixels have no ink in any of the 10,000 training images.`);
    const [initial, now] = capture(output, /mean \|w\| on those pixels: (\d\.\d{4}) at initialisation, (\S+) now/);
    // glorotUniform draws U(−l, l), l = √(6 / (784 + 128)), whose mean |w| is l / 2
    expect(Number(initial)).toBeCloseTo(Math.sqrt(6 / (784 + 128)) / 2, 3);
    expect(Number(now)).toBeLessThan(1e-6);
  });

  test("model A ranks the informative features first and the noise within 0.01 of 0; model B splits x0 with its copy", () => {
    const modelA = importanceRows(section(output, "Model A:", "Model B:"));
    const modelB = importanceRows(section(output, "Model B:", "── Step 8"));
    expect([...modelA.keys()]).toEqual(["x0", "x1", "x2", "x3", "x4"]);
    const rankingA = [...modelA.entries()].sort((a, b) => b[1].mean - a[1].mean).map(([feature]) => feature);
    expect(rankingA.slice(0, 2)).toEqual(["x0", "x1"]);
    for (const noise of ["x2", "x3", "x4"]) {
      expect(Math.abs(modelA.get(noise)!.mean)).toBeLessThanOrEqual(0.01);
      expect(Math.abs(modelB.get(noise)!.mean)).toBeLessThanOrEqual(0.01);
    }
    expect(modelA.get("x0")!.mean).toBeGreaterThan(0.3);
    expect(modelA.get("x1")!.mean).toBeGreaterThan(0.1);
    // The copy takes part of x0's credit; together they are worth what x0 alone is worth in model A.
    expect(modelB.get("x0")!.mean).toBeLessThan(modelA.get("x0")!.mean - 0.1);
    expect(modelB.get("x5")!.mean).toBeGreaterThan(0.05);
    expect(Math.abs(modelB.get("x0 + x5")!.mean - modelA.get("x0")!.mean)).toBeLessThan(0.02);
  });

  test("the printed importances are what permutationImportance gives on the same seeds", () => {
    const trainA = toyTable(TRAIN_SEED, { withCopy: false });
    const testA = toyTable(TEST_SEED, { withCopy: false });
    const result = permutationImportance(trainToyModel(trainA).model, testA.x, testA.y, { repeats: 10, rng: rng(4) });
    const printed = importanceRows(section(output, "Model A:", "Model B:"));
    result.mean.forEach((mean, feature) => {
      expect(printed.get(`x${feature}`)!.mean).toBeCloseTo(mean, 3);
      expect(printed.get(`x${feature}`)!.std).toBeCloseTo(result.std[feature], 3);
    });
    expect(output).toContain(`Model A: x0 … x4 (no copy). Test accuracy ${(100 * result.baseline).toFixed(1)}%.`);
  });

  test("it says what each of the five methods can and cannot tell", () => {
    const summary = section(output, "── Step 8");
    for (const method of ["saliency", "gradient × input", "occlusion", "permutation importance", "weight pictures"]) {
      expect(summary).toMatch(new RegExp(`^${method} +tells you {2}\\S`, "m"));
    }
    expect(summary.match(/^ +not {8}\S/gm)).toHaveLength(5);
  });

  test("the README quotes the output truthfully", () => {
    const readme = readFileSync(new URL("./README.md", import.meta.url), "utf8");
    expect(quotedLines(readme).length).toBeGreaterThan(40);
    expect(linesNotPrinted(quotedLines(readme), output)).toEqual([]);
  });
});

describe("lesson 10's claims, recomputed", () => {
  test("without the penalty, the weights of pixels that never have ink do not move at all: Adam's step is 0/(0 + ε)", () => {
    const images = imageRows(train.images, 0, 640);
    const unpenalised = mnistMlp();
    const kernel = (unpenalised.layers[0] as Dense).kernel.value.data;
    const before = Float64Array.from(kernel);
    unpenalised.fit(images, train.labels.subarray(0, 640), {
      epochs: 1, batchSize: 32, optimizer: new Adam({ lr: 1e-3 }), loss: softmaxCrossEntropy, rng: rng(7), verbose: false,
    });
    const neverInked = [...Array(784).keys()].filter((pixel) => [...Array(640).keys()].every((n) => images.data[n * 784 + pixel] === 0));
    expect(neverInked.length).toBeGreaterThan(100);
    for (const pixel of neverInked) expect(kernel.subarray(pixel * 128, (pixel + 1) * 128)).toEqual(before.subarray(pixel * 128, (pixel + 1) * 128));
    const inked = [...Array(784).keys()].find((pixel) => !neverInked.includes(pixel))!;
    expect(kernel.subarray(inked * 128, (inked + 1) * 128)).not.toEqual(before.subarray(inked * 128, (inked + 1) * 128));
  });

  test("gradient × input of the lesson's network is exactly 0 on every blank pixel of 500 test digits", () => {
    const x = imageRows(testSet.images, 0, 500);
    const attributions = gradientTimesInput(model, x, model.predictClasses(x));
    expect(attributions.data.every((value, i) => x.data[i] !== 0 || value === 0)).toBe(true);
  });

  test("the toy tables: the label is 2·x0 + x1 > 0, x5 follows x0 with correlation above 0.99, and both tables share x0 … x4", () => {
    const plain = toyTable(TRAIN_SEED, { withCopy: false });
    const withCopy = toyTable(TRAIN_SEED, { withCopy: true });
    const rows = plain.y.length;
    for (let row = 0; row < rows; row++) {
      expect(withCopy.x.data.subarray(row * 6, row * 6 + 5)).toEqual(plain.x.data.subarray(row * 5, row * 5 + 5));
      expect(plain.y[row]).toBe(2 * plain.x.data[row * 5] + plain.x.data[row * 5 + 1] > 0 ? 1 : 0);
    }
    const x0 = Array.from({ length: rows }, (_, row) => withCopy.x.data[row * 6]);
    const x5 = Array.from({ length: rows }, (_, row) => withCopy.x.data[row * 6 + 5]);
    expect(correlation(x0, x5)).toBeGreaterThan(0.99);
    expect(COPY_NOISE).toBe(0.05);
  });
});

/** The Pearson correlation of two equally long lists. */
function correlation(a: number[], b: number[]): number {
  const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;
  const [ma, mb] = [mean(a), mean(b)];
  let ab = 0;
  let aa = 0;
  let bb = 0;
  a.forEach((value, i) => {
    ab += (value - ma) * (b[i] - mb);
    aa += (value - ma) ** 2;
    bb += (b[i] - mb) ** 2;
  });
  return ab / Math.sqrt(aa * bb);
}
