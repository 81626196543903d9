/**
 * Lesson 09 — Recurrent networks.
 *
 * A recurrent layer reads a sequence one step at a time and carries a state from each step
 * to the next. This lesson unrolls one by hand, follows its gradient back through time,
 * watches that gradient vanish (and an LSTM keep it), watches it explode (and clipping
 * tame it), trains the reference RNN of the Keras example on MNIST read row by row, and
 * ends with an LSTM that learns to write Genesis one character at a time.
 *
 * Run it with `npm start` (about a minute; every number is seeded), or
 * `npm start -- --full` for the full reproduction: the reference RNN on all 60,000 images
 * for 10 epochs, and the character model for 2,000 steps instead of 300.
 */
import { checkGradient } from "@gradschool/gradcheck";
import { accuracy, learningRateScheduler } from "@gradschool/mlp";
import { softmaxCrossEntropy } from "@gradschool/losses";
import { Adam } from "@gradschool/optimizers";
import { SimpleRNN, oneHotSequence, sampleText } from "@gradschool/rnn";
import { Tensor, rng, tensor, zeros } from "@gradschool/tensor";
import { lossChart, table } from "@gradschool/viz";
import { CHAR, charSetup, genesisCorpus, trainCharModel, validationLoss, validationWindows } from "./char-model.ts";
import { EXPLODING, explodingSetup, globalGradientNorm, lastStateGradientNorms, trainSine } from "./exploding.ts";
import { MEMORY, memoryRun, stateGradientNormsOn, trainMemoryRun } from "./memory-task.ts";
import { BATCH_SIZE, CLIP_NORM, FULL, LEARNING_RATE, QUICK, learningRateSchedule, mnistAsRows, seededReferenceRnn } from "./reference-rnn-run.ts";
import { meanEntropyBits, withTemperature } from "./temperature.ts";
import { bpttByHand, unrollByHand } from "./unrolled.ts";

const heading = (text: string) => console.log(`\n── ${text} ${"─".repeat(Math.max(0, 72 - text.length))}\n`);
const count = (value: number) => value.toLocaleString("en-US");
const percent = (fraction: number, digits = 1) => `${(100 * fraction).toFixed(digits)}%`;
const vector = (values: ArrayLike<number>, digits = 4) => `[${Array.from(values, (v) => v.toFixed(digits)).join(", ")}]`;
const sci = (value: number) => value.toExponential(1);
const visible = (text: string) => text.replaceAll("\n", "⏎");

const full = process.argv.includes("--full");
const lessonStarted = performance.now();

// Step 1 — a SimpleRNN unrolled by hand: the same W, U and b at every step.
heading("Step 1 · unrolling: one cell, the same weights at every step");
const toy = new SimpleRNN(1, 2, { rng: rng(6), returnSequences: true, name: "toy" });
const weights = { W: toy.kernel.value, U: toy.recurrentKernel.value, b: toy.bias.value };
const inputs = [1, 0.5, -1];
const toySteps = inputs.map((value) => tensor([[value]]));
const toySequence = new Tensor(Float64Array.from(inputs), [1, 3, 1]); // [batch 1, time 3, features 1]
console.log("A SimpleRNN with 1 input and 2 units reads the sequence x = 1, 0.5, −1. Its weights:");
console.log(`  W = ${vector(weights.W.data)}   input → units, [1, 2]`);
console.log(`  U = ${vector(weights.U.data)}   units → units, [2, 2], row by row`);
console.log(`  b = ${vector(weights.b.data)}   (biases start at 0)\n`);
const handStates = unrollByHand(toySteps, weights);
const layerStates = toy.forward(toySequence); // returnSequences: every h_t, [1, 3, 2]
handStates.forEach((h, t) => {
  console.log(`  h_${t + 1} = tanh(${String(inputs[t]).replace("-", "−")}·W + h_${t}·U + b) = ${vector(h.data)}`);
});
const forwardGap = Math.max(...handStates.flatMap((h, t) => Array.from(h.data, (v, u) => Math.abs(v - layerStates.data[2 * t + u]))));
console.log(`The layer's forward gives the same three states (largest difference ${forwardGap.toExponential(1)}).\n`);

const gradLast = tensor([[1, 1]]); // L = h_3[0] + h_3[1], so ∂L/∂h_3 = [1, 1]
const gradOut = zeros([1, 3, 2]);
gradOut.data.set(gradLast.data, 4); // the loss reads step 3 only
for (const param of toy.params()) param.grad.data.fill(0);
toy.backward(gradOut);
const hand = bpttByHand(toySteps, handStates, weights, gradLast);
console.log("Backpropagation through time for L = h_3[0] + h_3[1], walking back from t = 3:");
for (let t = 2; t >= 0; t--) console.log(`  ∂L/∂h_${t + 1} = ${vector(hand.gradStates[t].data)}`);
console.log("U is used at every step, so ∂L/∂U is the sum of one term per step, h_{t−1}ᵀ·∂L/∂z_t:");
hand.gradUTerms.forEach((term, t) => console.log(`  step ${t + 1}: ${vector(term.data)}${t === 0 ? "   (h_0 = 0)" : ""}`));
console.log(`  sum:    ${vector(hand.gradU.data)}`);
console.log(`  layer:  ${vector(toy.recurrentKernel.grad.data)}   (SimpleRNN.backward)`);
const lastStateSum = () => {
  const states = toy.forward(toySequence);
  return states.data[4] + states.data[5];
};
const uCheck = checkGradient(lastStateSum, toy.recurrentKernel.value, toy.recurrentKernel.grad);
console.log(`Central differences on U agree with the layer: largest relative error ${uCheck.maxRelError.toExponential(1)}.`);

// Step 2 — vanishing gradients: a 40-step memory task, SimpleRNN against LSTM.
heading(`Step 2 · vanishing gradients: remember the first of ${MEMORY.steps} steps`);
const memory = { SimpleRNN: memoryRun("SimpleRNN"), LSTM: memoryRun("LSTM") };
const example = memory.SimpleRNN.train;
const firstSteps = Array.from({ length: 5 }, (_, t) => `[${example.x.get(0, t, 0).toFixed(2)}, ${example.x.get(0, t, 1)}]`);
console.log(`rememberFirstToken: ${count(MEMORY.trainCount)} training and ${MEMORY.testCount} test sequences of ${MEMORY.steps} steps, 2 features each.`);
console.log(`Sequence 0 starts ${firstSteps.join(" ")} … and its label is ${example.labels[0]}.`);
console.log("Step 1 holds the token (±1) and a marker 1; steps 2–40 hold noise (σ = 3) on the token's own input.");
console.log("The label is 1 if the token was +1: to answer at step 40 the network must carry one number for 39 steps.\n");
const initialNorms = {
  SimpleRNN: stateGradientNormsOn(memory.SimpleRNN, memory.SimpleRNN.test.x, memory.SimpleRNN.test.labels),
  LSTM: stateGradientNormsOn(memory.LSTM, memory.LSTM.test.x, memory.LSTM.test.labels),
};
console.log(`Both untrained, cell(2 → ${MEMORY.units}) → Dense(${MEMORY.units} → 2): ‖∂L/∂h_t‖, the gradient of the loss reaching step t`);
console.log("(the mean over the 256 test sequences, from stateGradientNorms() after one backward):\n");
const shownSteps = [40, 35, 30, 25, 20, 15, 10, 5, 1];
console.log(table(shownSteps.map((t) => [t, sci(initialNorms.SimpleRNN[t - 1]), sci(initialNorms.LSTM[t - 1])]), { header: ["t", "SimpleRNN", "LSTM"] }));
const ratio = (norms: Float64Array) => norms[0] / norms[norms.length - 1];
const perStep = (norms: Float64Array) => ratio(norms) ** (1 / (norms.length - 1));
console.log(
  `\n‖∂L/∂h_1‖ / ‖∂L/∂h_40‖: SimpleRNN ${sci(ratio(initialNorms.SimpleRNN))} (×${perStep(initialNorms.SimpleRNN).toFixed(2)} per step back), ` +
    `LSTM ${sci(ratio(initialNorms.LSTM))} (×${perStep(initialNorms.LSTM).toFixed(2)} per step back).`,
);
console.log(
  `Through the LSTM, ${count(Math.round(ratio(initialNorms.LSTM) / ratio(initialNorms.SimpleRNN)))} times more of the gradient reaches step 1, ` +
    "the only step that matters.\n",
);
console.log(
  lossChart(
    { SimpleRNN: initialNorms.SimpleRNN, LSTM: initialNorms.LSTM },
    { title: "‖∂L/∂h_t‖ before training, log scale: the error enters at t = 40 and flows back", logScale: true, xLabel: "t", yLabel: "‖∂L/∂h_t‖" },
  ),
);
console.log(`\nTraining both: Adam lr ${MEMORY.learningRate}, batch ${MEMORY.batchSize}, ${MEMORY.epochs} epochs, gradients clipped to norm ${MEMORY.clipGradNorm}.`);
const memoryHistory = { SimpleRNN: trainMemoryRun(memory.SimpleRNN), LSTM: trainMemoryRun(memory.LSTM) };
const shownEpochs = memoryHistory.LSTM.epochs.filter((epoch) => epoch % 5 === 0 || epoch === 1);
console.log(
  table(
    shownEpochs.map((epoch) => [
      epoch,
      percent(memoryHistory.SimpleRNN.metrics.accuracy[epoch - 1]),
      percent(memoryHistory.SimpleRNN.valMetrics!.accuracy[epoch - 1]),
      percent(memoryHistory.LSTM.metrics.accuracy[epoch - 1]),
      percent(memoryHistory.LSTM.valMetrics!.accuracy[epoch - 1]),
    ]),
    { header: ["epoch", "SimpleRNN train", "SimpleRNN test", "LSTM train", "LSTM test"] },
  ),
);
const finalTest = (kind: "SimpleRNN" | "LSTM") => memoryHistory[kind].valMetrics!.accuracy.at(-1)!;
const solvedAt = memoryHistory.LSTM.valMetrics!.accuracy.findIndex((value) => value >= 0.95) + 1;
console.log(`\nLSTM: ${percent(finalTest("LSTM"))} of the test sequences right; it crossed 95% in epoch ${solvedAt}, after a long plateau at chance.`);
console.log(`SimpleRNN: ${percent(finalTest("SimpleRNN"))} (chance is 50%). Its training accuracy crept up to ${percent(memoryHistory.SimpleRNN.metrics.accuracy.at(-1)!)}:`);
console.log("it memorised some of the noise in 512 sequences, and none of it carries over to new ones.");

// Step 3 — exploding gradients: a SimpleRNN with U = 2·orthogonal, plain SGD, with and without clipping.
heading("Step 3 · exploding gradients, and clipping");
const sine = explodingSetup();
const sineNorms = lastStateGradientNorms(sine.model, sine.cell, sine.train.x, sine.train.y);
const weightNorm = Math.hypot(...sine.model.params().flatMap((param) => Array.from(param.value.data))); // ‖w‖, all weights as one vector
console.log(
  `SimpleRNN(1 → ${EXPLODING.units}, tanh) → Dense(${EXPLODING.units} → 1) predicts the next value of ${count(EXPLODING.trainCount)} sine windows ` +
    `of ${EXPLODING.length} steps (mse).\nIts recurrent kernel starts at U = ${EXPLODING.gain}·Q, Q orthogonal: every direction is stretched by ${EXPLODING.gain} at each step.`,
);
console.log(
  `Before training, ‖∂L/∂h_t‖ at t = 30, 20, 10, 1: ${[30, 20, 10, 1].map((t) => sci(sineNorms[t - 1])).join(", ")}: ` +
    `${ratio(sineNorms).toFixed(0)} times larger at t = 1 (×${perStep(sineNorms).toFixed(2)} per step back).`,
);
const noClip = trainSine();
const clipped = trainSine(EXPLODING.maxNorm);
console.log(
  `The first step's gradient has norm ${noClip.gradNorms[0].toFixed(0)}, for weights of norm ${weightNorm.toFixed(1)}: ` +
    `an SGD step of lr·‖g‖ = ${(EXPLODING.learningRate * noClip.gradNorms[0]).toFixed(1)}.\n`,
);
console.log(`Two runs from the same weights and the same batches, SGD lr ${EXPLODING.learningRate}, ${noClip.losses.length} steps:\n`);
console.log(
  table(
    Array.from({ length: 8 }, (_, step) => [step + 1, noClip.gradNorms[step].toFixed(1), noClip.losses[step].toFixed(3), clipped.gradNorms[step].toFixed(1), clipped.losses[step].toFixed(3)]),
    { header: ["step", "‖g‖, no clipping", "loss", `‖g‖, clipped to ${EXPLODING.maxNorm}`, "loss"] },
  ),
);
const worstLoss = Math.max(...noClip.losses);
const baseline = sine.test.y.data.reduce((total, y) => total + y * y, 0) / sine.test.y.size; // the mse of always predicting 0
console.log(`\nWithout clipping the loss reached ${sci(worstLoss)} (step ${noClip.losses.indexOf(worstLoss) + 1}); the test mse at the end is ${sci(noClip.testLoss)}.`);
console.log(
  `With clipGradNorm(params, ${EXPLODING.maxNorm}): ${clipped.clippedSteps} of ${clipped.losses.length} steps were shortened; ` +
    `the test mse at the end is ${clipped.testLoss.toFixed(4)} (always predicting 0 scores ${baseline.toFixed(4)}).\n`,
);
console.log(
  lossChart(
    { "no clipping": noClip.losses, [`clipGradNorm ${EXPLODING.maxNorm}`]: clipped.losses },
    { title: `SimpleRNN with U = ${EXPLODING.gain}·Q on sine windows, SGD lr ${EXPLODING.learningRate} — mse, log scale`, logScale: true, xLabel: "step" },
  ),
);

// Step 4 — the reference RNN: MNIST read row by row, 28 steps of 28 pixels.
heading("Step 4 · the reference RNN: MNIST, one row of pixels per step");
const settings = full ? FULL : QUICK;
const mnistTrain = mnistAsRows("train", full ? undefined : settings.trainImages);
const mnistTest = mnistAsRows("test");
const { model: reference, random: referenceRandom } = seededReferenceRnn();
console.log(reference.summary());
console.log("\nsimpleRnn1: 28·64 (W) + 64·64 (U) + 64 (b) = 5,952");
console.log("simpleRnn2: 64·64 (W) + 64·64 (U) + 64 (b) = 8,256");
console.log("dense:      64·10 + 10                    =   650");
console.log(`total:      ${count(reference.params().reduce((total, param) => total + param.value.size, 0))} parameters, as the Keras model has\n`);
console.log(
  `Each image is a sequence of 28 steps: step t is row t, 28 pixels. The first layer hands all 28 states to the second,\n` +
    `which keeps its last: a summary of the digit read top to bottom. ${full ? "This run trains on all" : "This run trains on the first"} ` +
    `${count(mnistTrain.count)} training images for ${settings.epochs} epochs\n(Adam, lr from ${LEARNING_RATE} down to 0 along a cosine, batch ${BATCH_SIZE}, clipGradNorm ${CLIP_NORM})` +
    (full ? "; the test set is scored after every epoch." : "; npm start -- --full trains on all 60,000.") +
    "\n",
);
const epochSeconds: number[] = [];
let epochStarted = performance.now();
const mnistStarted = performance.now();
const mnistHistory = reference.fit(mnistTrain.rows, mnistTrain.labels, {
  epochs: settings.epochs,
  batchSize: BATCH_SIZE,
  optimizer: new Adam({ lr: LEARNING_RATE }),
  loss: softmaxCrossEntropy,
  metrics: [accuracy],
  clipGradNorm: CLIP_NORM,
  validationData: full ? [mnistTest.rows, mnistTest.labels] : undefined,
  rng: referenceRandom,
  callbacks: [
    learningRateScheduler(learningRateSchedule(settings.epochs * Math.ceil(mnistTrain.count / BATCH_SIZE)), { every: "batch" }),
    { onEpochBegin: () => void (epochStarted = performance.now()), onEpochEnd: () => void epochSeconds.push((performance.now() - epochStarted) / 1000) },
  ],
});
const mnistSeconds = (performance.now() - mnistStarted) / 1000;
console.log(
  `\n${settings.epochs} epochs of ${count(mnistTrain.count)} images in ${mnistSeconds.toFixed(1)} s: ` +
    `${count(Math.round((settings.epochs * mnistTrain.count) / mnistSeconds))} images/s (timings vary from run to run)`,
);
if (full) {
  console.log(
    "\n" +
      table(
        mnistHistory.epochs.map((epoch, i) => [
          epoch,
          mnistHistory.loss[i].toFixed(4),
          percent(mnistHistory.metrics.accuracy[i], 2),
          mnistHistory.valLoss![i].toFixed(4),
          percent(mnistHistory.valMetrics!.accuracy[i], 2),
          epochSeconds[i].toFixed(0),
        ]),
        { header: ["epoch", "train loss", "train accuracy", "test loss", "test accuracy", "seconds"] },
      ),
  );
}
const mnistScore = reference.evaluate(mnistTest.rows, mnistTest.labels, { loss: softmaxCrossEntropy, metrics: [accuracy] });
console.log(
  `\ntest accuracy ${percent(mnistScore.accuracy, 2)} (${count(Math.round(mnistScore.accuracy * mnistTest.count))} of ${count(mnistTest.count)} right), ` +
    `test loss ${mnistScore.loss.toFixed(4)}\n`,
);
console.log(
  lossChart(
    { "train (per batch)": mnistHistory.batchLoss },
    { title: `Reference RNN on MNIST rows — softmax cross-entropy, ${settings.epochs} epochs of ${count(mnistTrain.count)} images`, xLabel: "step" },
  ),
);

// Step 5 — a character-level language model: an LSTM that learns to write Genesis.
heading("Step 5 · a character-level language model");
const corpus = genesisCorpus();
const { model: writer, random: writerRandom } = charSetup(corpus);
const validation = validationWindows(corpus);
console.log(
  `Genesis 1–11 (King James Version): ${count(corpus.text.length)} characters, ${corpus.vocabulary.size} distinct. ` +
    `The first ${count(corpus.trainEnd)} train;\nthe last ${count(corpus.text.length - corpus.trainEnd)} (from Genesis 10:31 to the end of chapter 11) only measure the loss.\n`,
);
console.log(writer.summary());
const writerSteps = full ? CHAR.fullSteps : CHAR.quickSteps;
const checkpoints: readonly number[] = full ? CHAR.fullCheckpoints : CHAR.quickCheckpoints;
console.log(
  `\nEach step: ${CHAR.windows} windows of ${CHAR.length} characters at random places, a prediction at every character ` +
    `(${CHAR.windows * CHAR.length} per step),\nAdam lr ${CHAR.learningRate}, gradients clipped to norm ${CHAR.clipGradNorm}; ${count(writerSteps)} steps. ` +
    `Loss in nats per character; knowing nothing costs ln ${corpus.vocabulary.size} = ${Math.log(corpus.vocabulary.size).toFixed(2)}.`,
);
const write = (temperature: number, length: number = CHAR.sampleLength) =>
  sampleText(writer, corpus.vocabulary, { seed: CHAR.primer, length, temperature, rng: rng(CHAR.sampleSeed), context: CHAR.length });
const validationCurve: number[] = [];
const writerStarted = performance.now();
const writerLosses = trainCharModel(writer, corpus, writerRandom, writerSteps, (step, losses) => {
  if (step % CHAR.validationEvery === 0) validationCurve.push(validationLoss(writer, validation));
  if (!checkpoints.includes(step)) return;
  const recent = losses.slice(-50);
  const trainLoss = recent.length === 0 ? NaN : recent.reduce((total, loss) => total + loss, 0) / recent.length;
  console.log(
    `\nafter ${count(step)} steps: ` +
      (step === 0 ? "" : `training loss ${trainLoss.toFixed(3)} (mean of the last ${recent.length} steps), `) +
      `validation loss ${validationCurve.at(-1)!.toFixed(3)}`,
  );
  for (const temperature of CHAR.temperatures) console.log(`  τ = ${temperature.toFixed(1)}  ${visible(CHAR.primer + write(temperature))}`);
});
const writerSeconds = (performance.now() - writerStarted) / 1000;
console.log(`\n${count(writerSteps)} steps in ${writerSeconds.toFixed(1)} s, sampling included (timings vary from run to run).`);

// What the temperature does: the same logits, divided by τ before the softmax.
const context = "And God ";
const contextLogits = writer.forward(oneHotSequence(corpus.vocabulary.encode(context), corpus.vocabulary.size));
const lastLogits = new Tensor(contextLogits.data.slice(-corpus.vocabulary.size), [1, corpus.vocabulary.size]);
const byTemperature = CHAR.temperatures.map((temperature) => withTemperature(lastLogits, temperature).data);
const ranked = Array.from(lastLogits.data.keys()).sort((a, b) => lastLogits.data[b] - lastLogits.data[a]).slice(0, 5);
const shown = (char: string) => (char === " " ? "␣" : char === "\n" ? "⏎" : char);
console.log(`\nThe next character after "${context}", as softmax(z/τ) over the model's logits z (the five likeliest):\n`);
console.log(
  table(
    ranked.map((j) => [shown(corpus.vocabulary.chars[j]), lastLogits.data[j].toFixed(2), ...byTemperature.map((p) => p[j].toFixed(3))]),
    { header: ["next", "logit z", ...CHAR.temperatures.map((t) => `p at τ = ${t.toFixed(1)}`)] },
  ),
);
const validationLogits = writer.forward(validation.x, { training: false });
const validationRows = new Tensor(validationLogits.data, [validation.targets.length, corpus.vocabulary.size]);
const entropies = CHAR.temperatures.map((temperature) => meanEntropyBits(withTemperature(validationRows, temperature)));
const distinct = CHAR.temperatures.map((temperature) => new Set(write(temperature, 200)).size);
console.log(`\nHow much choice the sampler has, on the ${count(validation.targets.length)} validation characters and in 200 written ones:`);
CHAR.temperatures.forEach((temperature, k) =>
  console.log(`  τ = ${temperature.toFixed(1)}: ${entropies[k].toFixed(2)} bits per character, ${distinct[k]} distinct characters written`),
);
console.log("Low τ keeps to the commonest words and repeats them; high τ invents words; τ = 1 samples what the model learned.");

// The loss curve of the character model: every step's training loss, and the validation loss every 25 steps.
heading("The loss of the character model");
console.log(
  lossChart(
    { "train (per step)": writerLosses, [`validation (every ${CHAR.validationEvery} steps)`]: validationCurve.slice(1) },
    { title: `LSTM(${CHAR.units}) writing Genesis — cross-entropy per character, ${count(writerSteps)} steps`, xLabel: "step" },
  ),
);
console.log(
  `\nvalidation loss ${validationCurve[0].toFixed(3)} → ${validationCurve.at(-1)!.toFixed(3)} nats per character ` +
    `(${(validationCurve.at(-1)! / Math.LN2).toFixed(2)} bits); the whole lesson took ${((performance.now() - lessonStarted) / 1000).toFixed(0)} s`,
);
