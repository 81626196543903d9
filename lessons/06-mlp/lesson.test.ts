/**
 * Checks the claims of lesson 06, two ways:
 *   1. run lesson.ts once as a learner does (the quick run, about half a minute) and read
 *      what it prints;
 *   2. recompute the claims independently: the data from loadMnist, the untrained model
 *      and its loss from the same seed, the confusion matrix's arithmetic, the fused loss
 *      against softmax-then-crossEntropy, and a short seeded training run, twice, to show
 *      that a run is reproducible.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { softmax } from "@gradschool/activations";
import { capture, linesNotPrinted, numbersIn, parseNumber, quotedLines, runLessonScript, section } from "@gradschool/course";
import { loadMnist } from "@gradschool/datasets";
import { expectGradientsClose } from "@gradschool/gradcheck";
import { crossEntropy, softmaxCrossEntropy } from "@gradschool/losses";
import { accuracy } from "@gradschool/mlp";
import { Adam } from "@gradschool/optimizers";
import { argmax, randn, rng, tensor, zeros } from "@gradschool/tensor";
import { beforeAll, describe, expect, test } from "vitest";
import { BATCH_SIZE, LEARNING_RATE, QUICK, SHUFFLE_SEED, imageRows, referenceMlp } from "./reference-mlp.ts";

const lessonDir = fileURLToPath(new URL(".", import.meta.url));
const train = loadMnist({ split: "train", limit: QUICK.trainImages + QUICK.validationImages });
const testSet = loadMnist({ split: "test" });
const xValidation = imageRows(train.images, QUICK.trainImages, QUICK.trainImages + QUICK.validationImages);
const yValidation = train.labels.subarray(QUICK.trainImages);

/** The confusion matrix as printed: one row of 10 counts per true digit ("·" is 0), its total and recall. */
function printedConfusion(text: string): Array<{ counts: number[]; total: number; recall: number }> {
  const rows = [...text.matchAll(/^(\d) +((?:[\d·]+ +){10})(\d+) +(\d+\.\d)%$/gm)];
  return rows.map(([, , cells, total, recall]) => ({
    counts: cells.trim().split(/ +/).map((cell) => (cell === "·" ? 0 : Number(cell))),
    total: Number(total),
    recall: Number(recall),
  }));
}

describe("lesson 06 as a learner runs it (the quick run)", () => {
  let output = "";

  beforeAll(async () => {
    output = await runLessonScript(lessonDir);
  }, 600_000); // about 25 s on a quiet machine; much more when every workspace's tests run at once

  test("it ends with a loss chart of the per-batch training loss and the per-epoch validation loss", () => {
    const chart = section(output, "── The loss, batch by batch");
    expect(chart).toContain("MLP on MNIST — softmax cross-entropy, 2 epochs of 10,000 images");
    expect(chart).toContain("┤");
    expect(chart).toMatch(/── train \(per batch\) \d+\.\d{4} +══ validation \(per epoch\) \d+\.\d{4}/);
  });

  test("with NO_COLOR=1 it prints no ANSI escape codes", () => {
    expect(output.includes("\u001b")).toBe(false);
  });

  test("it trains on the first 10,000 training images and holds out the next 2,000", () => {
    expect(output).toContain("This run trains on the first 10,000 of the 60,000 training images and holds out the next 2,000 for validation");
    expect(output).toContain("so x is [10,000, 784] and y holds 10,000 digits.");
  });

  test("the digits per class are those of the first 10,000 labels, and guessing the largest class gets 11.3%", () => {
    const [printed] = capture(output, /^training images per digit: (.*)$/m);
    const perDigit = [...printed.matchAll(/(\d): ([\d,]+)/g)].map(([, , n]) => Number(n.replaceAll(",", "")));
    const labels = train.labels.subarray(0, QUICK.trainImages);
    const expected = Array.from({ length: 10 }, (_, digit) => labels.filter((label) => label === digit).length);
    expect(perDigit).toEqual(expected);
    expect(expected[1]).toBe(Math.max(...expected));
    expect(output).toContain(`always guessing "1" would get ${((100 * expected[1]) / QUICK.trainImages).toFixed(1)}%`);
  });

  test("the picture is the first training image, with its label", () => {
    expect(output).toContain(`The first training image, labelled ${train.labels[0]}:`);
    expect(train.labels[0]).toBe(5);
  });

  test("summary() lists the three layers and 101,770 parameters, as the Keras model has", () => {
    const summary = section(output, "── Step 2");
    expect(summary).toMatch(/^hidden \(Dense\) +\(None, 128\) +100,480$/m);
    expect(summary).toMatch(/^relu \(ReLU\) +\(None, 128\) +0$/m);
    expect(summary).toMatch(/^logits \(Dense\) +\(None, 10\) +1,290$/m);
    expect(summary).toContain("Total params: 101,770");
    expect(summary).toContain("total: 101,770 parameters");
  });

  test("the logits and the loss of the untrained network on the first validation image are the seeded model's", () => {
    const model = referenceMlp();
    const logits = model.forward(imageRows(xValidation, 0, 1), { training: false });
    const label = yValidation.subarray(0, 1);
    expect(output).toContain(`on the first validation image (a ${label[0]})`);
    const [printedLogits] = capture(output, /^ {2}logits z +(.*)$/m);
    expect(numbersIn(printedLogits)).toEqual(Array.from(logits.data, (z) => Number(z.toFixed(2))));
    const [unfused, fused] = [
      capture(output, /= (\d+\.\d+) \(softmax, then crossEntropy\)/),
      capture(output, /softmaxCrossEntropy\(z\) = (\d+\.\d+) \(one step/),
    ].map(([value]) => Number(value));
    expect(fused).toBe(unfused);
    expect(fused).toBe(Number(softmaxCrossEntropy.forward(logits, label).toFixed(6)));
    const [gap] = capture(output, /softmax\(z\) − y: largest difference (\S+)/);
    expect(Number(gap)).toBeLessThan(1e-12);
  });

  test("logits certain of the wrong digit give Infinity through softmax, 800 through the fused loss", () => {
    expect(output).toContain("softmax then crossEntropy gives Infinity; softmaxCrossEntropy gives 800.");
  });

  test("before training the validation loss is the seeded model's, within 0.1 of ln 10", () => {
    const [printed] = capture(output, /mean loss on the 2,000 validation images is (\d+\.\d+),\nclose to ln 10 = 2\.3026/);
    const initial = referenceMlp().evaluate(xValidation, yValidation, { loss: softmaxCrossEntropy }).loss;
    expect(Number(printed)).toBe(Number(initial.toFixed(4)));
    expect(Math.abs(initial - Math.log(10))).toBeLessThan(0.1);
  });

  test("fit shows a progress bar that finishes both epochs, 626 steps of batch 32", () => {
    expect(output).toMatch(/^epoch 1\/2 +10000\/10000 100% \[█{20}\]/m);
    expect(output).toMatch(/^epoch 2\/2 +10000\/10000 100% \[█{20}\].*valLoss \d\.\d{4} +valAccuracy \d\.\d{4}$/m);
    expect(output).toContain("2 epochs of 10,000 images (626 steps)");
    expect(2 * Math.ceil(QUICK.trainImages / BATCH_SIZE)).toBe(626);
  });

  test("the epoch table shows the training and validation loss falling", () => {
    const rows = [...output.matchAll(/^ +([12]) +(\d\.\d{4}) +(\d+\.\d\d)% +(\d\.\d{4}) +(\d+\.\d\d)%$/gm)].map((match) =>
      match.slice(1).map(Number),
    );
    expect(rows.map((row) => row[0])).toEqual([1, 2]);
    expect(rows[1][1]).toBeLessThan(rows[0][1]); // train loss
    expect(rows[1][3]).toBeLessThan(rows[0][3]); // validation loss
    expect(rows[1][4]).toBeGreaterThan(90); // validation accuracy, %
  });

  test("test accuracy is at least 92% on all 10,000 test images, and the counts agree", () => {
    const [accuracyPercent, right] = capture(output, /^test accuracy (\d+\.\d\d)% \(([\d,]+) of 10,000 right\)/m);
    const rightCount = Number(right.replaceAll(",", ""));
    expect(Number(accuracyPercent)).toBeGreaterThanOrEqual(92);
    expect(Number(accuracyPercent)).toBeCloseTo(rightCount / 100, 10);
    expect(output).toContain(`accuracy ${rightCount}/10000 = `);
    expect(output).toContain(`The first 6 of the ${(10_000 - rightCount).toLocaleString("en-US")} misclassified test images`);
    expect(output).toMatch(new RegExp(`final test accuracy ${accuracyPercent.replace(".", "\\.")}%`));
  });

  test("the confusion matrix has a row per digit whose total is that digit's count in the test set", () => {
    const rows = printedConfusion(output);
    expect(rows).toHaveLength(10);
    const testCounts = Array.from({ length: 10 }, (_, digit) => testSet.labels.filter((label) => label === digit).length);
    expect(rows.map((row) => row.total)).toEqual(testCounts);
    rows.forEach((row, digit) => {
      expect(row.counts.reduce((a, b) => a + b, 0)).toBe(row.total);
      expect(row.recall).toBeCloseTo((100 * row.counts[digit]) / row.total, 1);
    });
    const [right] = capture(output, /^accuracy (\d+)\/10000/m);
    expect(rows.reduce((total, row, digit) => total + row.counts[digit], 0)).toBe(Number(right));
  });

  test("the most common mistake and the hardest digit are read correctly off the matrix", () => {
    const rows = printedConfusion(output);
    let worst = { trueDigit: -1, predictedDigit: -1, times: -1 };
    rows.forEach((row, trueDigit) =>
      row.counts.forEach((times, predictedDigit) => {
        if (trueDigit !== predictedDigit && times > worst.times) worst = { trueDigit, predictedDigit, times };
      }),
    );
    expect(output).toContain(`The most common mistake: a ${worst.trueDigit} read as a ${worst.predictedDigit}, ${worst.times} times.`);
    const recalls = rows.map((row, digit) => row.counts[digit] / row.total);
    const hardest = recalls.indexOf(Math.min(...recalls));
    expect(output).toContain(`The hardest digit to find: ${hardest}, recall ${(100 * recalls[hardest]).toFixed(1)}%.`);
  });

  test("the misclassified digits are real test images whose label is the printed true digit", () => {
    const listed = [...output.matchAll(/^test image +(\d+): true (\d), predicted (\d) with probability (\d\.\d{3}); the true digit got (\d\.\d{3})$/gm)];
    expect(listed).toHaveLength(6);
    const indices = listed.map(([, index]) => Number(index));
    expect([...indices].sort((a, b) => a - b)).toEqual(indices); // the first ones, in order
    for (const [, index, trueDigit, predictedDigit, pPredicted, pTrue] of listed) {
      expect(testSet.labels[Number(index)]).toBe(Number(trueDigit));
      expect(predictedDigit).not.toBe(trueDigit);
      expect(parseNumber(pPredicted)).toBeGreaterThanOrEqual(parseNumber(pTrue));
    }
    const captions = [...output.matchAll(/true (\d), predicted (\d)(?! with)/g)].map(([caption]) => caption);
    expect(captions).toEqual(listed.map(([, , t, p]) => `true ${t}, predicted ${p}`));
    expect(output).toContain("the largest probability picks the same digit: true");
  });

  test("the README quotes the output truthfully", () => {
    const readme = readFileSync(new URL("./README.md", import.meta.url), "utf8");
    expect(quotedLines(readme).length).toBeGreaterThan(10);
    expect(linesNotPrinted(quotedLines(readme), output)).toEqual([]);
  });
});

describe("lesson 06's claims, recomputed", () => {
  test("784·128 + 128 + 128·10 + 10 = 101,770 parameters, and the model has exactly those", () => {
    const model = referenceMlp();
    expect(784 * 128 + 128 + 128 * 10 + 10).toBe(101_770);
    expect(model.params().map((param) => [param.name, param.value.shape])).toEqual([
      ["hidden.kernel", [784, 128]],
      ["hidden.bias", [128]],
      ["logits.kernel", [128, 10]],
      ["logits.bias", [10]],
    ]);
    expect(model.summary()).toContain("Total params: 101,770");
  });

  test("a seeded training run is reproducible: the same batch losses and weights, twice", () => {
    const run = () => {
      const model = referenceMlp();
      const history = model.fit(imageRows(train.images, 0, 640), train.labels.subarray(0, 640), {
        epochs: 1,
        batchSize: BATCH_SIZE,
        optimizer: new Adam({ lr: LEARNING_RATE }),
        loss: softmaxCrossEntropy,
        rng: rng(SHUFFLE_SEED),
        verbose: false,
      });
      return { batchLoss: history.batchLoss, weights: model.params().map((param) => [...param.value.data]) };
    };
    const first = run();
    const second = run();
    expect(first.batchLoss).toHaveLength(20);
    expect(second.batchLoss).toEqual(first.batchLoss);
    expect(second.weights).toEqual(first.weights);
  });

  test("one epoch on 2,000 images already gets over 80% of the validation images right", () => {
    const model = referenceMlp();
    model.fit(imageRows(train.images, 0, 2_000), train.labels.subarray(0, 2_000), {
      epochs: 1,
      batchSize: BATCH_SIZE,
      optimizer: new Adam({ lr: LEARNING_RATE }),
      loss: softmaxCrossEntropy,
      rng: rng(SHUFFLE_SEED),
      verbose: false,
    });
    const scores = model.evaluate(xValidation, yValidation, { loss: softmaxCrossEntropy, metrics: [accuracy] });
    expect(scores.accuracy).toBeGreaterThan(0.8);
  });

  test("softmaxCrossEntropy on logits equals crossEntropy on softmax(logits) for ordinary logits", () => {
    const logits = randn([8, 10], rng(1), 3);
    const labels = new Int32Array([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(softmaxCrossEntropy.forward(logits, labels)).toBeCloseTo(crossEntropy.forward(softmax.forward(logits), labels), 12);
  });

  test("its gradient with respect to the logits is (softmax(z) − y) / N, and central differences agree", () => {
    const logits = randn([4, 10], rng(2));
    const labels = new Int32Array([3, 1, 4, 1]);
    const gradient = softmaxCrossEntropy.backward(logits, labels);
    const probabilities = softmax.forward(logits);
    gradient.data.forEach((g, i) => {
      const isTrue = i % 10 === labels[Math.floor(i / 10)] ? 1 : 0;
      expect(g).toBeCloseTo((probabilities.data[i] - isTrue) / 4, 14);
    });
    expectGradientsClose((z) => softmaxCrossEntropy.forward(z, labels), logits, gradient);
  });

  test("a logit of 800 for the wrong digit: Infinity through softmax, exactly 800 fused", () => {
    const logits = tensor([[0, 0, 0, 800, 0, 0, 0, 0, 0, 0]]);
    expect(softmax.forward(logits).data[5]).toBe(0); // e^−800 underflows
    expect(crossEntropy.forward(softmax.forward(logits), new Int32Array([5]))).toBe(Infinity);
    expect(softmaxCrossEntropy.forward(logits, new Int32Array([5]))).toBe(800); // 800 + log(1 + 9e^−800) − 0
  });

  test("guessing every digit equally (all logits equal) costs exactly ln 10", () => {
    expect(softmaxCrossEntropy.forward(zeros([3, 10]), new Int32Array([0, 4, 9]))).toBeCloseTo(Math.log(10), 14);
  });

  test("softmax never changes which logit is largest, so predicting needs no softmax", () => {
    const logits = randn([50, 10], rng(3), 4);
    expect([...argmax(softmax.forward(logits), 1)]).toEqual([...argmax(logits, 1)]);
  });
});
