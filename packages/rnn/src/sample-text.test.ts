import { describe, expect, test } from "vitest";
import { Tensor, argmax, rng } from "@gradschool/tensor";
import { Dense, Sequential } from "@gradschool/backprop";
import { softmaxCrossEntropy } from "@gradschool/losses";
import { Adam, clipGradNorm } from "@gradschool/optimizers";
import { charVocabulary, genesisText } from "@gradschool/datasets";
import { LSTM } from "./lstm.ts";
import { TimeDistributed } from "./time-distributed.ts";
import { oneHotSequence, textWindows } from "./text-windows.ts";
import { sampleText } from "./sample-text.ts";

const text = genesisText().slice(0, 3000); // Genesis 1:1 – 1:23 or so
const vocabulary = charVocabulary(text);

/**
 * The lesson's character model, trained briefly: one-hot characters → LSTM(32,
 * returnSequences) → TimeDistributed(Dense(32 → vocabulary)), softmax cross-entropy on the
 * logits reshaped to [windows·steps, vocabulary], Adam, gradients clipped to norm 5.
 */
function trainCharacterModel(steps: number): { model: Sequential; losses: number[] } {
  const random = rng(1);
  const encoded = vocabulary.encode(text);
  const model = new Sequential([
    new LSTM(vocabulary.size, 32, { rng: random, returnSequences: true }),
    new TimeDistributed(new Dense(32, vocabulary.size, { rng: random })),
  ]);
  const optimizer = new Adam({ lr: 1e-2 });
  const params = model.params();
  const [windows, length] = [16, 25];
  const losses: number[] = [];
  for (let step = 0; step < steps; step++) {
    const starts = Array.from({ length: windows }, () => random.int(0, encoded.length - length - 1));
    const { x, targets } = textWindows(encoded, starts, length, vocabulary.size);
    optimizer.zeroGrad(params);
    const logits = model.forward(x, { training: true });
    const rows = new Tensor(logits.data, [windows * length, vocabulary.size]); // one row per (window, step)
    losses.push(softmaxCrossEntropy.forward(rows, targets));
    model.backward(new Tensor(softmaxCrossEntropy.backward(rows, targets).data, logits.shape));
    clipGradNorm(params, 5);
    optimizer.step(params);
  }
  return { model, losses };
}

const { model, losses } = trainCharacterModel(200);
const mean = (values: number[]) => values.reduce((total, value) => total + value, 0) / values.length;

describe("a character-level language model and sampleText", () => {
  test("200 steps of training bring the per-character loss from ≈ ln(38) = 3.6 to below 1.8", () => {
    expect(vocabulary.size).toBe(38);
    expect(mean(losses.slice(0, 10))).toBeGreaterThan(3);
    expect(mean(losses.slice(-10))).toBeLessThan(1.8);
  });

  test("sampling is deterministic for a seed, and another seed writes other text", () => {
    const write = (seed: number) => sampleText(model, vocabulary, { seed: "And God said", length: 60, rng: rng(seed) });
    expect(write(7)).toBe(write(7));
    expect(write(8)).not.toBe(write(7));
    expect(write(7)).toHaveLength(60);
  });

  test("temperature 1e-9 writes exactly what greedy decoding (temperature 0, argmax) writes", () => {
    const greedy = sampleText(model, vocabulary, { seed: "In the beginning", length: 80, temperature: 0, rng: rng(9) });
    expect(sampleText(model, vocabulary, { seed: "In the beginning", length: 80, temperature: 1e-9, rng: rng(10) })).toBe(greedy);
  });

  test("greedy decoding appends, each time, the argmax of the model's logits at the last step", () => {
    let written = "And the earth";
    for (let k = 0; k < 5; k++) {
      const logits = model.forward(oneHotSequence(vocabulary.encode(written), vocabulary.size));
      const lastStep = new Tensor(logits.data.slice(-vocabulary.size), [1, vocabulary.size]);
      written += vocabulary.decode(argmax(lastStep, 1));
    }
    expect(sampleText(model, vocabulary, { seed: "And the earth", length: 5, temperature: 0, rng: rng(11) })).toBe(written.slice(-5));
  });

  test("works with a model that returns only the last step's logits [1, vocabulary]", () => {
    const random = rng(12);
    const lastOnly = new Sequential([new LSTM(vocabulary.size, 8, { rng: random }), new Dense(8, vocabulary.size, { rng: random })]);
    expect(sampleText(lastOnly, vocabulary, { seed: "God", length: 10, rng: rng(13) })).toHaveLength(10);
  });

  test("rejects a seed with a character outside the vocabulary, a negative temperature and a model of the wrong width", () => {
    expect(() => sampleText(model, vocabulary, { seed: "Zebra", length: 5, rng: rng(1) })).toThrow(/sampleText: seed character "Z" is not in the vocabulary of 38 characters/);
    expect(() => sampleText(model, vocabulary, { seed: "God", length: 5, temperature: -1, rng: rng(1) })).toThrow(/sampleText: temperature must be a finite number ≥ 0 \(0 is greedy\); received -1/);
    const narrow = new Sequential([new LSTM(vocabulary.size, 4, { rng: rng(2), returnSequences: true }), new TimeDistributed(new Dense(4, 5, { rng: rng(3) }))]);
    expect(() => sampleText(narrow, vocabulary, { seed: "God", length: 5, rng: rng(1) })).toThrow(/sampleText: the model returned \[1, 3, 5\]; expected logits \[1, time, 38\] or \[1, 38\]/);
  });
});
