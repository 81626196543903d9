/**
 * Checks the claims of lesson 08, two ways:
 *   1. run lesson.ts once as a learner does (the quick run, under a minute on a quiet machine)
 *      and read what it prints: every small map of steps 1–3 against numbers recomputed here,
 *      the parameter counts, the training run's scores;
 *   2. recompute the lesson's general claims directly: flat patches give 0, a shifted image
 *      gives a shifted map, im2col · kernel is the convolution, the output-size formula, where
 *      pooling sends the gradient, and a seeded training run that repeats number for number.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { AvgPool2D, Conv2D, MaxPool2D, col2im, conv2dReference, im2col, windowGeometry } from "@gradschool/cnn";
import { capture, linesNotPrinted, numbersIn, parseNumber, quotedLines, runLessonScript, section } from "@gradschool/course";
import { loadMnist } from "@gradschool/datasets";
import { softmaxCrossEntropy } from "@gradschool/losses";
import { accuracy } from "@gradschool/mlp";
import { Adam } from "@gradschool/optimizers";
import { Tensor, full, matmul, randn, rng, tensor, zeros } from "@gradschool/tensor";
import { beforeAll, describe, expect, test } from "vitest";
import { epochTimer } from "./epoch-timer.ts";
import { cosineSimilarity, mostLike } from "./filter-similarity.ts";
import { grid, upsample2x } from "./pictures.ts";
import { BATCH_SIZE, LEARNING_RATE, QUICK, SHUFFLE_SEED, asImages, learningRateSchedule, seededCnn } from "./reference-cnn.ts";
import { edgeImage, handPosition, poolingMap, pooledGradient, sobelVertical } from "./tiny-examples.ts";
import { validationCurve } from "./validation-curve.ts";

const lessonDir = fileURLToPath(new URL(".", import.meta.url));

/** The `rows` lines of numbers printed right after the line containing `marker`, as numbers (labels before "│" dropped). */
function gridAfter(text: string, marker: string, rows: number): number[][] {
  const lines = text.slice(text.indexOf(marker)).split("\n").slice(1);
  const numberLines = lines.filter((line) => line.trim() !== "" && !line.includes("─")).slice(0, rows);
  return numberLines.map((line) => numbersIn(line.includes("│") ? line.slice(line.indexOf("│") + 1) : line));
}

/** The plain definition, written again here: out[i][j] = Σ filter[ki][kj] · image[i·s + ki − p][j·s + kj − p]. */
function convolve(image: number[][], filter: number[][], stride = 1, pad = 0): number[][] {
  const n = image.length;
  const k = filter.length;
  const size = Math.floor((n + 2 * pad - k) / stride) + 1;
  const pixel = (i: number, j: number) => (i < 0 || j < 0 || i >= n || j >= n ? 0 : image[i][j]);
  return Array.from({ length: size }, (_, i) =>
    Array.from({ length: size }, (_, j) =>
      filter.reduce((sum, filterRow, ki) => sum + filterRow.reduce((rowSum, w, kj) => rowSum + w * pixel(i * stride + ki - pad, j * stride + kj - pad), 0), 0),
    ),
  );
}

describe("lesson 08 as a learner runs it (the quick run)", () => {
  let output = "";

  beforeAll(async () => {
    output = await runLessonScript(lessonDir);
  }, 600_000); // about 45 s on a busy machine; much more when every workspace's tests run at once

  test("it ends with a loss chart of the per-batch training loss and the validation loss every 25 steps", () => {
    const chart = section(output, "── The loss, step by step");
    expect(chart).toContain("Reference CNN on MNIST — softmax cross-entropy, 1 epoch of 4,000 images");
    expect(chart).toContain("┤");
    expect(chart).toMatch(/── train \(per batch\) \d+\.\d{4} +══ validation \(every 25 steps\) \d+\.\d{4}/);
  });

  test("with NO_COLOR=1 it prints no ANSI escape codes", () => {
    expect(output.includes("\u001b")).toBe(false);
  });

  test("step 1 prints the image, the filter and the convolution that conv2dReference and the definition give", () => {
    const step1 = section(output, "── Step 1");
    expect(gridAfter(step1, "dark on the left", 6)).toEqual(edgeImage);
    expect(gridAfter(step1, "looks for vertical edges", 3)).toEqual(sobelVertical);
    expect(gridAfter(step1, "conv2dReference(image, filter) is 4×4:", 4)).toEqual(convolve(edgeImage, sobelVertical));
  });

  test("the hand-computed output is the 9 products of filter and window, and equals the printed map's entry", () => {
    const step1 = section(output, "── Step 1");
    const map = gridAfter(step1, "conv2dReference(image, filter) is 4×4:", 4);
    const { row, col } = handPosition;
    const [factors] = capture(step1, /covers image rows 1–3, columns 2–4:\n {2}(.*)\n/);
    const pairs = factors.split(" + ").map((term) => term.replace(/[()]/g, "").split("·").map(parseNumber));
    expect(pairs).toEqual(sobelVertical.flatMap((filterRow, ki) => filterRow.map((w, kj) => [w, edgeImage[row + ki][col + kj]])));
    const [terms, total] = capture(step1, /^ {2}= (.*) = (\d+)$/m);
    expect(numbersIn(terms)).toEqual(pairs.map(([w, x]) => w * x + 0)); // + 0: (−1)·0 is −0, printed "0"
    expect(Number(total)).toBe(pairs.reduce((sum, [w, x]) => sum + w * x, 0));
    expect(Number(total)).toBe(map[row][col]);
    expect(step1).toContain(`conv2dReference gives out[1][2] = ${map[row][col]}, the same.`);
  });

  test("the map is 0 exactly on the flat columns, as printed", () => {
    const map = gridAfter(section(output, "── Step 1"), "conv2dReference(image, filter) is 4×4:", 4);
    const zeroColumns = [0, 1, 2, 3].filter((j) => map.every((mapRow) => mapRow[j] === 0));
    expect(zeroColumns).toEqual([0, 3]);
    expect(output).toContain("Columns 0 and 3 of the map are 0");
  });

  test("each output shape in the table follows floor((n + 2p − k)/s) + 1, and the stride-2 and 'same' maps are right", () => {
    const step1 = section(output, "── Step 1");
    const rows = [...step1.matchAll(/^stride (\d), .*floor\(\(6 \+ (\d) − 3\) \/ (\d)\) \+ 1 = (\d) +(\d)×(\d)$/gm)];
    expect(rows).toHaveLength(4);
    for (const [, stride, twoP, strideInFormula, result, height, width] of rows) {
      expect(strideInFormula).toBe(stride);
      expect(Number(result)).toBe(Math.floor((6 + Number(twoP) - 3) / Number(stride)) + 1);
      expect([Number(height), Number(width)]).toEqual([Number(result), Number(result)]);
    }
    expect(rows.map(([, , , , result]) => Number(result))).toEqual([4, 2, 6, 3]);
    expect(gridAfter(step1, "Stride 2 keeps every other window:", 2)).toEqual(convolve(edgeImage, sobelVertical, 2));
    expect(gridAfter(step1, 'Padding "same" keeps the 6×6 size:', 6)).toEqual(convolve(edgeImage, sobelVertical, 1, 1));
    expect(step1).toContain("column reads -4, a bright-to-dark edge");
  });

  test("im2col's printed columns are the windows, and kernel row · cols is the convolution", () => {
    const step2 = section(output, "── Step 2");
    const cols = gridAfter(step2, "┼", 9); // the rows under the header's rule
    expect(cols).toHaveLength(9);
    cols.forEach((colsRow, r) =>
      colsRow.forEach((value, p) => expect(value).toBe(edgeImage[Math.floor(p / 4) + Math.floor(r / 3)][(p % 4) + (r % 3)])),
    );
    const [kernelRow] = capture(step2, /kernel row {2}= \[(.*)\]/);
    expect(numbersIn(kernelRow)).toEqual(sobelVertical.flat());
    const [product] = capture(step2, /kernel row · cols = \[(.*)\]/);
    const byMatmul = matmul(tensor([sobelVertical.flat()]), tensor(cols));
    expect(numbersIn(product)).toEqual([...byMatmul.data]);
    expect(numbersIn(product)).toEqual(convolve(edgeImage, sobelVertical).flat());
    expect(step2).toContain("the largest difference is 0.");
  });

  test("the copies per pixel are the windows each pixel sits in, 9 at most, 144 in all", () => {
    const copies = gridAfter(section(output, "── Step 2"), "counts them:", 6);
    const windowsAlong = (i: number) => Math.min(i, 3) - Math.max(i - 2, 0) + 1; // output rows whose window covers row i
    expect(copies).toEqual(edgeImage.map((_, i) => edgeImage.map((__, j) => windowsAlong(i) * windowsAlong(j))));
    expect(copies.flat().reduce((a, b) => a + b, 0)).toBe(144);
    expect(output).toContain("cols has 144 numbers");
    expect(output).toContain("one image's input is 32×13×13 = 5,408 numbers and its cols [288, 121] = 34,848, 6.4 times as many.");
  });

  test("max and average pooling print the window maxima and means, and backward routes the gradient as stated", () => {
    const step3 = section(output, "── Step 3");
    expect(gridAfter(step3, "max pooled", 2)).toEqual([[6, 4], [3, 9]]);
    expect(gridAfter(step3, "average pooled", 2)).toEqual([[3.75, 1.75], [1.5, 7.25]]);
    const maxGrad = gridAfter(step3, "0 to the other three:", 4);
    const avgGrad = gridAfter(step3, "a quarter to each input of the window:", 4);
    poolingMap.forEach((mapRow, i) =>
      mapRow.forEach((value, j) => {
        const window = [0, 1].flatMap((di) => [0, 1].map((dj) => poolingMap[2 * (i >> 1) + di][2 * (j >> 1) + dj]));
        const arriving = pooledGradient[i >> 1][j >> 1];
        expect(maxGrad[i][j]).toBe(value === Math.max(...window) ? arriving : 0);
        expect(avgGrad[i][j]).toBe(arriving / 4);
      }),
    );
  });

  test("summary() lists the layers and 121,930 parameters, and the per-layer sums add up", () => {
    const step4 = section(output, "── Step 4");
    expect(step4).toMatch(/^conv1 \(Conv2D\) +\(None, 32, 26, 26\) +320$/m);
    expect(step4).toMatch(/^conv2 \(Conv2D\) +\(None, 64, 11, 11\) +18,496$/m);
    expect(step4).toMatch(/^dense1 \(Dense\) +\(None, 64\) +102,464$/m);
    expect(step4).toMatch(/^dense2 \(Dense\) +\(None, 10\) +650$/m);
    expect(step4).toContain("Total params: 121,930");
    expect([32 * 9 + 32, 2048 * 9 + 64, 102_400 + 64, 64 * 10 + 10]).toEqual([320, 18_496, 102_464, 650]);
    expect(32 * 64).toBe(2048);
    expect(320 + 18_496 + 102_464 + 650).toBe(121_930);
    expect(step4).toMatch(/total +=\s+121,930/);
    expect(step4).toContain(`784 · 21,632 = ${(784 * 32 * 26 * 26).toLocaleString("en-US")} weights`);
  });

  test("the multiply-adds per layer are positions × filters × weights per filter, and conv2 does 88% of them", () => {
    const rows = [...section(output, "── Step 4").matchAll(/^(conv1|conv2|dense1|dense2) +([\d,]+) +([\d,]+) +(\d+\.\d)%$/gm)];
    const macs = rows.map(([, , , m]) => Number(m.replaceAll(",", "")));
    expect(macs).toEqual([26 * 26 * 32 * 9, 11 * 11 * 64 * 32 * 9, 1600 * 64, 64 * 10]);
    const total = macs.reduce((a, b) => a + b, 0);
    rows.forEach(([, , , , share], i) => expect(Number(share)).toBeCloseTo((100 * macs[i]) / total, 1));
    expect(output).toContain("conv2 has 15% of the weights and does 88% of the work");
  });

  test("fit shows a progress bar that finishes the 125 steps of 32", () => {
    expect(output).toMatch(/^epoch 1\/1 +4000\/4000 100% \[█{20}\]/m);
    expect(output).toContain("1 epoch of 4,000 images (125 steps)");
    expect(Math.ceil(QUICK.trainImages / BATCH_SIZE)).toBe(125);
  });

  test("the validation curve has a point every 25 steps, and the loss falls while the accuracy passes 85%", () => {
    const rows = [...output.matchAll(/^ +(\d+) +([\d,]+) +(\d\.\d{4}) +(\d+\.\d\d)%$/gm)].map((match) => match.slice(1).map((cell) => Number(cell.replaceAll(",", ""))));
    expect(rows.map(([step]) => step)).toEqual([25, 50, 75, 100, 125]);
    rows.forEach(([step, images]) => expect(images).toBe(step * BATCH_SIZE));
    expect(rows.at(-1)![2]).toBeLessThan(rows[0][2] / 2);
    expect(rows.at(-1)![3]).toBeGreaterThan(85);
  });

  test("test accuracy is at least 87% on the first 2,000 test images, and the counts agree", () => {
    const [accuracyPercent, right] = capture(output, /^test accuracy (\d+\.\d\d)% \(([\d,]+) of 2,000 right, the first 2,000 test images\)/m);
    expect(Number(accuracyPercent)).toBeGreaterThanOrEqual(87);
    expect(Number(accuracyPercent)).toBeCloseTo((100 * Number(right.replaceAll(",", ""))) / 2000, 10);
    expect(output).toContain(`final test accuracy ${accuracyPercent}% on the first 2,000 test images`);
  });

  test("step 6 draws all 32 filters and the maps of the filters it names, for the first test digit", () => {
    const step6 = section(output, "── Step 6");
    const captions = step6.split("\n").filter((line) => /^ +0 +1 +2 /.test(line) || /^ +24 +25 /.test(line));
    expect(captions).toHaveLength(2);
    const [vertical] = capture(step6, /vertical-edge filter: filter (\d+) \(cosine similarity (?:-?\d\.\d\d)\)/);
    const [horizontal] = capture(step6, /horizontal-edge filter: filter (\d+) \(cosine -?\d\.\d\d\)/);
    const [mapsOf, and, busiest] = capture(step6, /The maps of filters (\d+) and (\d+), and of filter (\d+),/);
    expect([mapsOf, and]).toEqual([vertical, horizontal]);
    for (const filter of [vertical, horizontal, busiest]) {
      expect(step6).toContain(`filter ${filter}, conv1`);
      expect(step6).toContain(`filter ${filter}, pool1`);
    }
    const testSet = loadMnist({ split: "test", limit: 1 });
    expect(step6).toContain(`The first test image, a ${testSet.labels[0]}, and its feature maps: conv1 then ReLU gives 32×26×26 numbers`);
  });

  test("the README quotes the output truthfully", () => {
    const readme = readFileSync(new URL("./README.md", import.meta.url), "utf8");
    expect(quotedLines(readme).length).toBeGreaterThan(10);
    expect(linesNotPrinted(quotedLines(readme), output)).toEqual([]);
  });
});

describe("lesson 08's claims, recomputed", () => {
  const edgeFilter = tensor([[sobelVertical]]);
  const noBias = zeros([1]);

  test("the vertical-edge filter gives 0 on any flat patch, and 0 on a horizontal edge", () => {
    for (const level of [0, 0.37, 1]) {
      expect([...conv2dReference(full([1, 1, 5, 5], level), edgeFilter, noBias).data]).toEqual(Array(9).fill(0));
    }
    const horizontalEdge = tensor([[edgeImage[0].map((_, i) => edgeImage.map((imageRow) => imageRow[i]))]]); // the image turned a quarter
    expect([...conv2dReference(horizontalEdge, edgeFilter, noBias).data].every((value) => value === 0)).toBe(true);
  });

  test("a convolution is translation equivariant: shift the image one pixel right and the map shifts with it", () => {
    const image = randn([1, 1, 8, 8], rng(1));
    const shifted = zeros([1, 1, 8, 8]);
    for (let i = 0; i < 8; i++) for (let j = 1; j < 8; j++) shifted.set(image.get(0, 0, i, j - 1), 0, 0, i, j);
    const kernel = randn([1, 1, 3, 3], rng(2));
    const map = conv2dReference(image, kernel, noBias);
    const shiftedMap = conv2dReference(shifted, kernel, noBias);
    for (let i = 0; i < 6; i++) for (let j = 1; j < 6; j++) expect(shiftedMap.get(0, 0, i, j)).toBeCloseTo(map.get(0, 0, i, j - 1), 12);
  });

  test("im2col then one matmul equals conv2dReference, for 3 channels in and 4 filters out", () => {
    const image = randn([1, 3, 7, 6], rng(3));
    const kernel = randn([4, 3, 3, 3], rng(4));
    const geometry = windowGeometry("test", "kernel", 7, 6, { kernelHeight: 3, kernelWidth: 3, strideHeight: 1, strideWidth: 1, padding: "valid" });
    const cols = new Tensor(new Float64Array(27 * 5 * 4), [27, 20]);
    im2col(image.data, 0, 3, geometry, cols.data, 0);
    const product = matmul(new Tensor(kernel.data, [4, 27]), cols);
    const reference = conv2dReference(image, kernel, zeros([4]));
    product.data.forEach((value, i) => expect(value).toBeCloseTo(reference.data[i], 12));
  });

  test("col2im of a cols of ones counts each pixel's windows: 9 in the middle of the 6×6 image", () => {
    const geometry = windowGeometry("test", "kernel", 6, 6, { kernelHeight: 3, kernelWidth: 3, strideHeight: 1, strideWidth: 1, padding: "valid" });
    const counts = new Float64Array(36);
    col2im(new Float64Array(144).fill(1), 0, 1, geometry, counts, 0);
    expect([counts[0], counts[2], counts[14], counts[35]]).toEqual([1, 3, 9, 1]);
  });

  test("out = floor((n + 2p − k)/s) + 1 is the size Conv2D produces, for many n, k, s and p", () => {
    for (const n of [5, 6, 7, 28]) {
      for (const k of [1, 2, 3, 5]) {
        for (const s of [1, 2, 3]) {
          for (const p of [0, 1, 2]) {
            const conv = new Conv2D(1, 1, k, { rng: rng(0), stride: s, padding: p });
            const size = Math.floor((n + 2 * p - k) / s) + 1;
            expect(conv.outputShape([1, 1, n, n])).toEqual([1, 1, size, size]);
          }
        }
      }
    }
  });

  test("max pooling's gradient goes only to each window's max; average pooling's is spread evenly", () => {
    const x = randn([2, 3, 6, 6], rng(5));
    const gradOut = randn([2, 3, 3, 3], rng(6));
    const maxPool = new MaxPool2D(2);
    const pooled = maxPool.forward(x);
    const grad = maxPool.backward(gradOut);
    const nonZero = [...grad.data.keys()].filter((i) => grad.data[i] !== 0);
    expect(nonZero).toHaveLength(gradOut.size);
    expect(nonZero.map((i) => x.data[i]).sort()).toEqual([...pooled.data].sort());
    const avgPool = new AvgPool2D(2);
    avgPool.forward(x);
    const avgGrad = avgPool.backward(gradOut);
    expect(avgGrad.get(1, 2, 4, 5)).toBeCloseTo(gradOut.get(1, 2, 2, 2) / 4, 15);
  });

  test("a Conv2D(in → out, k×k) has out·in·k² + out parameters, and the reference CNN adds up to 121,930", () => {
    const model = seededCnn();
    expect(model.params().map((param) => [param.name, param.value.shape])).toEqual([
      ["conv1.kernel", [32, 1, 3, 3]],
      ["conv1.bias", [32]],
      ["conv2.kernel", [64, 32, 3, 3]],
      ["conv2.bias", [64]],
      ["dense1.kernel", [1600, 64]],
      ["dense1.bias", [64]],
      ["dense2.kernel", [64, 10]],
      ["dense2.bias", [10]],
    ]);
    expect(model.params().reduce((total, param) => total + param.value.size, 0)).toBe(121_930);
  });

  test("a seeded training run is reproducible: the same batch losses and weights, twice", () => {
    const train = loadMnist({ split: "train", limit: 64 });
    const run = () => {
      const model = seededCnn();
      const history = model.fit(asImages(train.images, 0, 64), train.labels, {
        epochs: 1, batchSize: BATCH_SIZE, optimizer: new Adam({ lr: LEARNING_RATE }), loss: softmaxCrossEntropy, rng: rng(SHUFFLE_SEED), verbose: false,
      });
      return { batchLoss: history.batchLoss, weights: model.params().map((param) => [...param.value.data]) };
    };
    const first = run();
    const second = run();
    expect(first.batchLoss).toHaveLength(2);
    expect(second).toEqual(first);
  });

  test("the quick run keeps lr at 1e-3; --full's cosine falls from 1e-3 through half at mid-run to nearly 0", () => {
    const quick = learningRateSchedule("quick", 125);
    expect([0, 62, 124].map(quick)).toEqual([LEARNING_RATE, LEARNING_RATE, LEARNING_RATE]);
    const fullRun = learningRateSchedule("full", 3750);
    expect(fullRun(0)).toBe(LEARNING_RATE);
    expect(fullRun(1875)).toBeCloseTo(LEARNING_RATE / 2, 15);
    expect(fullRun(3749)).toBeLessThan(1e-9);
    const rates = Array.from({ length: 3750 }, (_, step) => fullRun(step));
    expect(rates.every((rate, step) => step === 0 || rate < rates[step - 1])).toBe(true);
  });

  test("validationCurve scores the held-out images every `every` steps, and its last point is evaluate's", () => {
    const train = loadMnist({ split: "train", limit: 96 });
    const model = seededCnn();
    const [xHeld, yHeld] = [asImages(train.images, 64, 96), train.labels.subarray(64)];
    const curve = validationCurve(xHeld, yHeld, { every: 2 });
    model.fit(asImages(train.images, 0, 64), train.labels.subarray(0, 64), {
      epochs: 2, batchSize: 16, optimizer: new Adam({ lr: LEARNING_RATE }), loss: softmaxCrossEntropy, rng: rng(1), verbose: false, callbacks: [curve],
    });
    expect(curve.steps).toEqual([2, 4, 6, 8]);
    const scores = model.evaluate(xHeld, yHeld, { loss: softmaxCrossEntropy, metrics: [accuracy] });
    expect(curve.loss.at(-1)).toBe(scores.loss);
    expect(curve.accuracy.at(-1)).toBe(scores.accuracy);
    expect(() => validationCurve(xHeld, yHeld, { every: 0 })).toThrow(/validationCurve: every must be a positive whole number of steps; received 0/);
  });

  test("epochTimer records each epoch's training time, from its first batch to the end of its last", () => {
    let clock = 0;
    const timer = epochTimer(() => clock);
    const context = (batch: number) => ({ batch, batchesPerEpoch: 3 }) as Parameters<NonNullable<typeof timer.onBatchEnd>>[0];
    for (const epochMs of [1500, 2500]) {
      timer.onEpochBegin!(context(0));
      for (let batch = 1; batch <= 3; batch++) {
        clock += epochMs / 3;
        timer.onBatchEnd!(context(batch));
      }
      clock += 10_000; // validation after the epoch: not counted
    }
    expect(timer.seconds.map((s) => Number(s.toFixed(6)))).toEqual([1.5, 2.5]);
  });

  test("cosineSimilarity is 1 for a filter and its double, −1 for its negative; mostLike finds either", () => {
    const flat = sobelVertical.flat();
    expect(cosineSimilarity(flat, flat.map((w) => 2 * w))).toBeCloseTo(1, 15);
    expect(cosineSimilarity(flat, flat.map((w) => -w))).toBeCloseTo(-1, 15);
    const kernel = randn([4, 1, 3, 3], rng(8), 0.1);
    flat.forEach((w, i) => kernel.data.set([-w], 2 * 9 + i)); // filter 2 is the negated Sobel filter
    expect(mostLike(kernel, sobelVertical)).toBe(2);
    expect(mostLike(kernel, sobelVertical, [2])).not.toBe(2);
    expect(() => cosineSimilarity([1, 2], [1])).toThrow(/cosineSimilarity: a has 2 numbers and b has 1/);
  });

  test("grid right-aligns numbers under labels, and upsample2x draws each pixel as a 2×2 block", () => {
    expect(grid([[1, -4], [0.5, 10]], { rowLabels: ["a", "b"], colLabels: ["x", "y"], corner: "·" }).split("\n")).toEqual([
      "  · │    x    y",
      "  ──┼──────────",
      "  a │    1   -4",
      "  b │ 0.50   10",
    ]);
    expect([...upsample2x([1, 2, 3, 4], 2)]).toEqual([1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4]);
  });
});
