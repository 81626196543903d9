/**
 * Step 5 of lesson 09: a character-level language model that learns to write Genesis.
 *
 *   one-hot characters [windows, 32, 59] → LSTM(59 → 64, returnSequences)
 *     → TimeDistributed(Dense(64 → 59)) → logits [windows, 32, 59]: at every step, a score
 *     for each possible next character
 *
 * The text is Genesis 1–11 (King James Version, public domain, in packages/datasets). The
 * first 90% is for training; the last 10% (Genesis 10:31 to 11:32: the tower of Babel and
 * the genealogy from Shem to Abram) only measures the loss on text the model never saw. Each training step cuts 16
 * windows of 32 characters at random starts; the targets are the same windows shifted by
 * one character, so every step of every window is a prediction (16·32 = 512 of them).
 * Softmax cross-entropy over those predictions is the loss in nats per character: ln 59 =
 * 4.08 for a model that knows nothing, 0 for one that is never surprised.
 */
import { Dense } from "@gradschool/backprop";
import { type CharVocabulary, charVocabulary, genesisText } from "@gradschool/datasets";
import { softmaxCrossEntropy } from "@gradschool/losses";
import { Sequential } from "@gradschool/mlp";
import { Adam, clipGradNorm } from "@gradschool/optimizers";
import { LSTM, TimeDistributed, textWindows } from "@gradschool/rnn";
import { type Rng, Tensor, rng } from "@gradschool/tensor";

export const CHAR = {
  seed: 1,
  units: 64,
  windows: 16,
  length: 32,
  learningRate: 1e-2,
  clipGradNorm: 5,
  trainFraction: 0.9,
  validationWindows: 64,
  validationEvery: 25,
  quickSteps: 300,
  fullSteps: 2_000,
  quickCheckpoints: [0, 100, 300],
  fullCheckpoints: [0, 100, 400, 1_000, 2_000],
  primer: "And God said",
  sampleLength: 100,
  temperatures: [0.5, 1, 1.5],
  sampleSeed: 7,
} as const;

/** The text, its vocabulary, and where training text ends and validation text begins. */
export interface Corpus {
  text: string;
  vocabulary: CharVocabulary;
  encoded: Int32Array;
  /** Characters 0 … trainEnd − 1 train; the rest validate. */
  trainEnd: number;
}

export function genesisCorpus(): Corpus {
  const text = genesisText();
  const vocabulary = charVocabulary(text);
  return { text, vocabulary, encoded: vocabulary.encode(text), trainEnd: Math.floor(CHAR.trainFraction * text.length) };
}

/** LSTM(returnSequences) → TimeDistributed(Dense): logits for the next character at every step. */
export function charModel(vocabularySize: number, units: number, random: Rng): Sequential {
  return new Sequential(
    [
      new LSTM(vocabularySize, units, { rng: random, returnSequences: true, name: "lstm" }),
      new TimeDistributed(new Dense(units, vocabularySize, { rng: random, name: "next" }), { name: "next" }),
    ],
    { name: "char_lstm", inputShape: [CHAR.length, vocabularySize] },
  );
}

/** Softmax cross-entropy of a [windows, length, vocab] logit tensor against textWindows' targets, as rows. */
function windowLoss(logits: Tensor, targets: Int32Array): { rows: Tensor; loss: number } {
  const [windows, length, vocabularySize] = logits.shape;
  const rows = new Tensor(logits.data, [windows * length, vocabularySize]); // the same memory, one row per (window, step)
  return { rows, loss: softmaxCrossEntropy.forward(rows, targets) };
}

/** Evenly spaced windows across the validation text: the same ones at every checkpoint. */
export function validationWindows(corpus: Corpus) {
  const { encoded, trainEnd, vocabulary } = corpus;
  const room = encoded.length - trainEnd - CHAR.length - 1;
  const starts = Array.from({ length: CHAR.validationWindows }, (_, w) => trainEnd + Math.floor((w * room) / CHAR.validationWindows));
  return textWindows(encoded, starts, CHAR.length, vocabulary.size);
}

/** The mean loss per character on the validation windows, in nats. */
export function validationLoss(model: Sequential, windows: ReturnType<typeof validationWindows>): number {
  return windowLoss(model.forward(windows.x, { training: false }), windows.targets).loss;
}

/**
 * `steps` steps of Adam on random training windows, gradients clipped to norm 5 (an LSTM
 * rarely needs it; it costs nothing when it does not fire). Calls `afterStep(step, losses)`
 * once before training (step 0) and after every step, so the caller can measure the
 * validation loss or let the model write. Returns each step's training loss.
 */
export function trainCharModel(
  model: Sequential,
  corpus: Corpus,
  random: Rng,
  steps: number,
  afterStep: (step: number, losses: readonly number[]) => void = () => {},
): number[] {
  const { encoded, trainEnd, vocabulary } = corpus;
  const optimizer = new Adam({ lr: CHAR.learningRate });
  const params = model.params();
  const losses: number[] = [];
  afterStep(0, losses);
  for (let step = 1; step <= steps; step++) {
    const starts = Array.from({ length: CHAR.windows }, () => random.int(0, trainEnd - CHAR.length - 1));
    const { x, targets } = textWindows(encoded, starts, CHAR.length, vocabulary.size);
    optimizer.zeroGrad(params);
    const logits = model.forward(x, { training: true });
    const { rows, loss } = windowLoss(logits, targets);
    losses.push(loss);
    model.backwardParams(new Tensor(softmaxCrossEntropy.backward(rows, targets).data, logits.shape));
    clipGradNorm(params, CHAR.clipGradNorm);
    optimizer.step(params);
    afterStep(step, losses);
  }
  return losses;
}

/** A fresh model and its rng: every call starts from the same weights. */
export function charSetup(corpus: Corpus, units: number = CHAR.units): { model: Sequential; random: Rng } {
  const random = rng(CHAR.seed);
  return { model: charModel(corpus.vocabulary.size, units, random), random };
}
