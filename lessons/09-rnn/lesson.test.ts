/**
 * Checks the claims of lesson 09, two ways:
 *   1. run lesson.ts once as a learner does (the default run, about a minute) and check
 *      each claim it prints against the numbers beside it, recomputing the cheap ones from
 *      the same seeds (the unrolled states, the gradient norms before training, the
 *      parameter counts, the temperature table's odds);
 *   2. check the ideas directly at a small scale: BPTT by hand against the layer, clipping,
 *      the scaled orthogonal kernel, softmax(z/τ), and sampling from a tiny character model,
 *      twice with the same seed and once more by hand.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { capture, linesNotPrinted, numbersIn, parseNumber, quotedLines, runLessonScript, section } from "@gradschool/course";
import { softmax } from "@gradschool/activations";
import { type Param, clipGradNorm } from "@gradschool/optimizers";
import { SimpleRNN, oneHotSequence, sampleText } from "@gradschool/rnn";
import { Tensor, randn, rng, tensor } from "@gradschool/tensor";
import { beforeAll, describe, expect, test } from "vitest";
import { CHAR, charSetup, genesisCorpus, trainCharModel } from "./char-model.ts";
import { EXPLODING, explodingSetup, globalGradientNorm, lastStateGradientNorms, scaledOrthogonal } from "./exploding.ts";
import { MEMORY, memoryRun, stateGradientNormsOn } from "./memory-task.ts";
import { QUICK, seededReferenceRnn } from "./reference-rnn-run.ts";
import { meanEntropyBits, withTemperature } from "./temperature.ts";
import { bpttByHand, unrollByHand } from "./unrolled.ts";

const lessonDir = fileURLToPath(new URL(".", import.meta.url));
const sci = (value: number) => Number(value.toExponential(1));

describe("lesson 09 as a learner runs it (the default run)", () => {
  let output = "";

  beforeAll(async () => {
    output = await runLessonScript(lessonDir);
  }, 600_000); // about a minute on a quiet machine; several when every workspace's tests run at once

  test("it ends with the character model's loss chart: every step's training loss and the validation loss", () => {
    const chart = section(output, "── The loss of the character model");
    expect(chart).toContain(`LSTM(64) writing Genesis — cross-entropy per character, ${CHAR.quickSteps} steps`);
    expect(chart).toMatch(/── train \(per step\) \d\.\d{4} +══ validation \(every 25 steps\) \d\.\d{4}/);
    expect(chart).toContain("┤");
  });

  test("with NO_COLOR=1 it prints no ANSI escape codes", () => {
    expect(output.includes("\u001b")).toBe(false);
  });

  test("step 1: the states unrolled by hand are the seeded layer's, printed to 4 decimals", () => {
    const layer = new SimpleRNN(1, 2, { rng: rng(6), returnSequences: true });
    const steps = [1, 0.5, -1].map((value) => tensor([[value]]));
    const states = unrollByHand(steps, { W: layer.kernel.value, U: layer.recurrentKernel.value, b: layer.bias.value });
    for (let t = 1; t <= 3; t++) {
      const [printed] = capture(output, new RegExp(`^ {2}h_${t} = tanh\\(.*\\) = (\\[.*\\])$`, "m"));
      expect(numbersIn(printed)).toEqual(Array.from(states[t - 1].data, (v) => Number(v.toFixed(4))));
    }
    expect(output).toContain("The layer's forward gives the same three states (largest difference 0.0e+0).");
  });

  test("step 1: ∂L/∂U is the sum of the per-step terms, equals the layer's, and central differences agree", () => {
    const terms = [1, 2, 3].map((t) => numbersIn(capture(output, new RegExp(`^ {2}step ${t}: (\\[.*?\\])`, "m"))[0]));
    const [sum] = capture(output, /^ {2}sum: +(\[.*\])$/m);
    const [layer] = capture(output, /^ {2}layer: +(\[.*?\])/m);
    expect(terms[0]).toEqual([0, 0, 0, 0]); // h_0 = 0
    numbersIn(sum).forEach((value, i) => expect(Math.abs(value - (terms[1][i] + terms[2][i]))).toBeLessThanOrEqual(1.5e-4));
    expect(numbersIn(layer)).toEqual(numbersIn(sum));
    const [relativeError] = capture(output, /largest relative error (\S+)\.$/m);
    expect(parseNumber(relativeError)).toBeLessThan(1e-6);
  });

  test("step 2: before training, the gradient reaching step 1 is the seeded models', under 1e-6 of step 40's in the SimpleRNN", () => {
    const [simpleRun, lstmRun] = [memoryRun("SimpleRNN"), memoryRun("LSTM")];
    const norms = {
      SimpleRNN: stateGradientNormsOn(simpleRun, simpleRun.test.x, simpleRun.test.labels),
      LSTM: stateGradientNormsOn(lstmRun, lstmRun.test.x, lstmRun.test.labels),
    };
    const rows = [...section(output, "── Step 2").matchAll(/^ *(\d+) {2}(\S+) +(\S+)$/gm)].map((match) => match.slice(1).map(parseNumber));
    expect(rows.map(([t]) => t)).toEqual([40, 35, 30, 25, 20, 15, 10, 5, 1]);
    for (const [t, simple, lstm] of rows) {
      expect(simple).toBe(sci(norms.SimpleRNN[t - 1]));
      expect(lstm).toBe(sci(norms.LSTM[t - 1]));
    }
    const [simpleRatio, lstmRatio, times] = capture(output, /SimpleRNN (\S+) \(×[\d.]+ per step back\), LSTM (\S+) \(×[\d.]+ per step back\)\.\nThrough the LSTM, ([\d,]+) times/);
    expect(parseNumber(simpleRatio)).toBe(sci(norms.SimpleRNN[0] / norms.SimpleRNN[MEMORY.steps - 1]));
    expect(parseNumber(simpleRatio)).toBeLessThan(1e-6);
    expect(parseNumber(lstmRatio)).toBeGreaterThan(1e-6);
    expect(Number(times.replaceAll(",", ""))).toBeGreaterThanOrEqual(100);
  });

  test("step 2: the LSTM learns the memory task (≥ 95% of the test sequences) and the SimpleRNN stays near chance (≤ 60%)", () => {
    const [lstm, epoch] = capture(output, /^LSTM: (\d+\.\d)% of the test sequences right; it crossed 95% in epoch (\d+)/m);
    const [simple, simpleTrain] = capture(output, /^SimpleRNN: (\d+\.\d)% \(chance is 50%\)\. Its training accuracy crept up to (\d+\.\d)%/m);
    expect(Number(lstm)).toBeGreaterThanOrEqual(95);
    expect(Number(simple)).toBeLessThanOrEqual(60);
    expect(Number(simpleTrain)).toBeGreaterThan(Number(simple));
    expect(Number(epoch)).toBeGreaterThan(1);
    expect(output).toMatch(/^ {3}30 {2}\d+\.\d% +(\d+\.\d)% +\d+\.\d% +100\.0%$/m);
  });

  test("step 3: the gradient grows at least 50-fold from t = 30 back to t = 1, as recomputed from the same seed", () => {
    const setup = explodingSetup();
    const norms = lastStateGradientNorms(setup.model, setup.cell, setup.train.x, setup.train.y);
    const [printed, growth] = capture(output, /^Before training, ‖∂L\/∂h_t‖ at t = 30, 20, 10, 1: (.*): (\d+) times larger at t = 1/m);
    expect(numbersIn(printed)).toEqual([30, 20, 10, 1].map((t) => sci(norms[t - 1])));
    expect(Number(growth)).toBe(Math.round(norms[0] / norms[EXPLODING.length - 1]));
    expect(Number(growth)).toBeGreaterThanOrEqual(50);
    const [firstNorm] = capture(output, /^The first step's gradient has norm (\d+),/m);
    expect(Number(firstNorm)).toBeGreaterThan(20 * EXPLODING.maxNorm);
  });

  test("step 3: without clipping the loss explodes; with clipGradNorm 5 the same run trains to a tenth of the baseline", () => {
    const [worst, noClipTest] = capture(output, /^Without clipping the loss reached (\S+) \(step \d+\); the test mse at the end is (\S+)\.$/m);
    const [shortened, steps, clippedTest, baseline] = capture(
      output,
      /^With clipGradNorm\(params, 5\): (\d+) of (\d+) steps were shortened; the test mse at the end is (\d\.\d{4}) \(always predicting 0 scores (\d\.\d{4})\)/m,
    );
    expect(parseNumber(worst)).toBeGreaterThan(1e6);
    expect(parseNumber(noClipTest)).toBeGreaterThan(1e3);
    expect(Number(shortened)).toBeGreaterThan(0);
    expect(Number(shortened)).toBeLessThan(Number(steps));
    expect(Number(clippedTest)).toBeLessThan(Number(baseline) / 10);
    const firstRows = [...section(output, "── Step 3").matchAll(/^ +(\d) +(\d+\.\d) +(\d+\.\d{3}) +(\d+\.\d) +(\d+\.\d{3})$/gm)];
    expect(firstRows).toHaveLength(8);
    expect(firstRows[0][2]).toBe(firstRows[0][4]); // the same weights, the same first batch: the same gradient
  });

  test("step 4: summary() shows the Keras example's 14,858 parameters, layer by layer", () => {
    const step = section(output, "── Step 4");
    expect(step).toMatch(/^simpleRnn1 \(SimpleRNN\) +\(None, 28, 64\) +5,952$/m);
    expect(step).toMatch(/^simpleRnn2 \(SimpleRNN\) +\(None, 64\) +8,256$/m);
    expect(step).toMatch(/^dense \(Dense\) +\(None, 10\) +650$/m);
    expect(step).toContain("Total params: 14,858");
    expect(step).toContain("total:      14,858 parameters, as the Keras model has");
  });

  test("step 4: the quick run trains on a subset with a progress bar and reads at least 80% of the 10,000 test digits", () => {
    const { trainImages, epochs } = QUICK;
    expect(output).toMatch(new RegExp(`^epoch ${epochs}/${epochs} +${trainImages}/${trainImages} 100% \\[█{20}\\]`, "m"));
    expect(output).toContain(`This run trains on the first ${QUICK.trainImages.toLocaleString("en-US")} training images for ${QUICK.epochs} epochs`);
    const [accuracyPercent, right] = capture(output, /^test accuracy (\d+\.\d\d)% \(([\d,]+) of 10,000 right\)/m);
    expect(Number(accuracyPercent)).toBeGreaterThanOrEqual(80);
    expect(Number(right.replaceAll(",", ""))).toBe(Math.round(Number(accuracyPercent) * 100));
  });

  test("step 5: the character model starts at ln 59 and its validation loss falls by more than half", () => {
    const [start] = capture(output, /^after 0 steps: validation loss (\d\.\d{3})$/m);
    expect(Math.abs(Number(start) - Math.log(59))).toBeLessThan(0.05);
    const [first, last] = capture(output, /^validation loss (\d\.\d{3}) → (\d\.\d{3}) nats per character/m);
    expect(first).toBe(start);
    expect(Number(last)).toBeLessThan(Number(first) / 2);
    const [trainLoss] = capture(output, new RegExp(`^after ${CHAR.quickSteps} steps: training loss (\\d\\.\\d{3})`, "m"));
    expect(Number(trainLoss)).toBeLessThan(1.8);
  });

  test("step 5: at every checkpoint it writes 100 characters after the primer at τ = 0.5, 1.0 and 1.5", () => {
    const samples = [...output.matchAll(/^ {2}τ = (\d\.\d) {2}(.*)$/gm)];
    expect(samples.map(([, temperature]) => temperature)).toEqual(["0.5", "1.0", "1.5", "0.5", "1.0", "1.5", "0.5", "1.0", "1.5"]);
    for (const [, , text] of samples) {
      expect(text.startsWith(CHAR.primer)).toBe(true);
      expect([...text].length).toBe(CHAR.primer.length + CHAR.sampleLength);
    }
  });

  test("step 5: the temperature table is softmax(z/τ): the odds between two characters are e^((z_a − z_b)/τ)", () => {
    const rows = [...output.matchAll(/^(\S) +(-?\d+\.\d\d) +(\d\.\d{3}) +(\d\.\d{3}) +(\d\.\d{3})$/gm)].map((match) => match.slice(2).map(Number));
    expect(rows).toHaveLength(5);
    const [top, second] = rows;
    [0.5, 1, 1.5].forEach((temperature, k) => {
      const odds = top[k + 1] / second[k + 1]; // printed to 3 decimals, the logits to 2: a few per cent of slack
      expect(Math.abs(odds / Math.exp((top[0] - second[0]) / temperature) - 1)).toBeLessThan(0.05);
    });
    rows.forEach((row, i) => i > 0 && expect(row[0]).toBeLessThanOrEqual(rows[i - 1][0])); // the likeliest first
  });

  test("step 5: low temperatures leave less choice: fewer bits per character and fewer distinct characters written", () => {
    const lines = [...output.matchAll(/^ {2}τ = (\d\.\d): (\d\.\d\d) bits per character, (\d+) distinct characters written$/gm)];
    const bits = lines.map((match) => Number(match[2]));
    const distinct = lines.map((match) => Number(match[3]));
    expect(lines.map((match) => match[1])).toEqual(["0.5", "1.0", "1.5"]);
    expect(bits[0]).toBeLessThan(bits[1]);
    expect(bits[1]).toBeLessThan(bits[2]);
    expect(distinct[0]).toBeLessThan(distinct[2]);
  });

  test("the README quotes the output truthfully", () => {
    const readme = readFileSync(new URL("./README.md", import.meta.url), "utf8");
    expect(quotedLines(readme).length).toBeGreaterThan(10);
    expect(linesNotPrinted(quotedLines(readme), output)).toEqual([]);
  });
});

describe("lesson 09's claims, recomputed", () => {
  test("BPTT by hand gives SimpleRNN's states and its gradients for W, U and b, for 5 steps of 3 units", () => {
    const layer = new SimpleRNN(2, 3, { rng: rng(20), returnSequences: true });
    layer.bias.value.data.set([0.1, -0.2, 0.3]); // a non-zero bias, so ∂L/∂b is tested too
    const x = randn([1, 5, 2], rng(21));
    const steps = Array.from({ length: 5 }, (_, t) => new Tensor(x.data.slice(2 * t, 2 * t + 2), [1, 2]));
    const weights = { W: layer.kernel.value, U: layer.recurrentKernel.value, b: layer.bias.value };
    const states = unrollByHand(steps, weights);
    const out = layer.forward(x);
    states.forEach((h, t) => h.data.forEach((value, u) => expect(value).toBeCloseTo(out.data[3 * t + u], 14)));
    const gradLast = tensor([[0.5, -1, 2]]);
    const gradOut = new Tensor(new Float64Array(15), [1, 5, 3]);
    gradOut.data.set(gradLast.data, 12);
    layer.backward(gradOut);
    const hand = bpttByHand(steps, states, weights, gradLast);
    for (const [mine, theirs] of [[hand.gradU, layer.recurrentKernel.grad], [hand.gradW, layer.kernel.grad], [hand.gradB, layer.bias.grad]]) {
      expect(mine.shape).toEqual(theirs.shape);
      mine.data.forEach((value, i) => expect(value).toBeCloseTo(theirs.data[i], 13));
    }
    const norms = layer.stateGradientNorms();
    hand.gradStates.forEach((g, t) => expect(Math.hypot(...g.data)).toBeCloseTo(norms[t], 13));
  });

  test("clipGradNorm rescales a gradient of norm 263 to norm 5, keeps its direction, and leaves a small one alone", () => {
    const big: Param = { name: "w", value: tensor([0, 0]), grad: tensor([263 * 0.6, 263 * 0.8]) };
    expect(clipGradNorm([big], 5)).toBeCloseTo(263, 10); // the norm before clipping
    expect(globalGradientNorm([big])).toBeCloseTo(5, 5);
    expect(big.grad.data[0] / big.grad.data[1]).toBeCloseTo(0.75, 12);
    const small: Param = { name: "w", value: tensor([0, 0]), grad: tensor([3, 4]) };
    clipGradNorm([small], 5 + 1e-3);
    expect(Array.from(small.grad.data)).toEqual([3, 4]);
  });

  test("U = 2·Q stretches every vector by exactly 2, so a linear step back doubles the gradient", () => {
    const U = scaledOrthogonal(2)([16, 16], 16, 16, rng(5));
    const v = randn([1, 16], rng(6));
    const stretched = new Float64Array(16);
    for (let j = 0; j < 16; j++) for (let i = 0; i < 16; i++) stretched[j] += v.data[i] * U.data[i * 16 + j];
    expect(Math.hypot(...stretched) / Math.hypot(...v.data)).toBeCloseTo(2, 12);
  });

  test("the reference RNN's 14,858 parameters are 28·64 + 64·64 + 64, 64·64 + 64·64 + 64 and 64·10 + 10", () => {
    const { model } = seededReferenceRnn();
    expect(model.params().map((param) => [param.name, param.value.shape])).toEqual([
      ["simpleRnn1.kernel", [28, 64]],
      ["simpleRnn1.recurrentKernel", [64, 64]],
      ["simpleRnn1.bias", [64]],
      ["simpleRnn2.kernel", [64, 64]],
      ["simpleRnn2.recurrentKernel", [64, 64]],
      ["simpleRnn2.bias", [64]],
      ["dense.kernel", [64, 10]],
      ["dense.bias", [10]],
    ]);
    expect(28 * 64 + 64 * 64 + 64 + (64 * 64 + 64 * 64 + 64) + (64 * 10 + 10)).toBe(14_858);
  });

  test("softmax(z/τ): τ = 1 is the softmax, τ = 0.5 squares the odds, and the entropy rises with τ", () => {
    const logits = tensor([[2, 1, 0.5, -1]]);
    expect(Array.from(withTemperature(logits, 1).data)).toEqual(Array.from(softmax.forward(logits).data));
    const [p1, pHalf] = [withTemperature(logits, 1).data, withTemperature(logits, 0.5).data];
    expect(pHalf[0] / pHalf[1]).toBeCloseTo((p1[0] / p1[1]) ** 2, 12);
    const entropies = [0.25, 0.5, 1, 1.5, 4].map((t) => meanEntropyBits(withTemperature(logits, t)));
    entropies.slice(1).forEach((h, i) => expect(h).toBeGreaterThan(entropies[i]));
    expect(meanEntropyBits(tensor([[0.25, 0.25, 0.25, 0.25]]))).toBeCloseTo(2, 14);
    expect(() => withTemperature(logits, 0)).toThrow(/withTemperature: temperature must be a finite number > 0; received 0/);
  });

  test("sampling is seeded: the same seed writes the same text twice, and a sampler written out by hand agrees", () => {
    const corpus = genesisCorpus();
    const { model, random } = charSetup(corpus, 8);
    const losses = trainCharModel(model, corpus, random, 20);
    expect(losses).toHaveLength(20);
    const options = { seed: "And God", length: 40, temperature: 0.8, context: CHAR.length };
    const once = sampleText(model, corpus.vocabulary, { ...options, rng: rng(3) });
    expect(sampleText(model, corpus.vocabulary, { ...options, rng: rng(3) })).toBe(once);
    expect(sampleText(model, corpus.vocabulary, { ...options, rng: rng(4) })).not.toBe(once);

    // The same draw by hand: run the model on the text so far, take the last step's
    // logits, weight each character by e^((z − max)/τ), and walk a uniform draw through them.
    const byHand = rng(3);
    const text = Array.from(corpus.vocabulary.encode(options.seed));
    for (let k = 0; k < options.length; k++) {
      const logits = model.forward(oneHotSequence(text.slice(-options.context), corpus.vocabulary.size), { training: false });
      const last = logits.data.slice(-corpus.vocabulary.size);
      const top = Math.max(...last);
      const weights = Array.from(last, (z) => Math.exp((z - top) / options.temperature));
      let remaining = byHand.uniform() * weights.reduce((a, b) => a + b, 0);
      let next = weights.findIndex((weight) => (remaining -= weight) < 0);
      if (next === -1) next = last.indexOf(top);
      text.push(next);
    }
    expect(corpus.vocabulary.decode(text.slice(options.seed.length))).toBe(once);
  });

  test("two seeded runs of the character model's training give the same losses", () => {
    const corpus = genesisCorpus();
    const run = () => {
      const { model, random } = charSetup(corpus, 8);
      return trainCharModel(model, corpus, random, 10);
    };
    expect(run()).toEqual(run());
  });
});
