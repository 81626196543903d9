import { type Rng, type Tensor, formatShape } from "@gradschool/tensor";
import type { Layer } from "@gradschool/backprop";
import type { CharVocabulary } from "@gradschool/datasets";
import { oneHotSequence } from "./text-windows.ts";

export interface SampleTextOptions {
  /** The text to start from; every character must be in the vocabulary. */
  seed: string;
  /** How many characters to generate. */
  length: number;
  /** Divides the logits before the softmax (default 1). Below 1: bolder, more repetitive; above: wilder; 0: always the likeliest. */
  temperature?: number;
  /** Draws the characters; the same seed gives the same text. */
  rng: Rng;
  /** The model reads at most this many of the latest characters (default 100). */
  context?: number;
}

/**
 * Lets a character-level language model write: it reads the text so far, its output at
 * the last step is a score (logit) for every possible next character, one character is
 * drawn from those scores, appended, and the model reads again.
 *
 *   p_j = softmax(logits / temperature)_j = e^(logit_j / τ) / Σ_k e^(logit_k / τ)
 *
 * The temperature τ reshapes the distribution without changing its order: τ = 1 samples
 * from what the model learned, τ → 0 puts all the probability on the likeliest character
 * (greedy decoding; τ = 0 is argmax exactly), τ > 1 flattens it toward uniform.
 *
 * The model takes one-hot input [1, time, vocabulary.size] and returns logits, either at
 * every step [1, time, vocabulary.size] (an LSTM with returnSequences followed by a
 * TimeDistributed Dense) or at the last step [1, vocabulary.size]. Recurrent layers here
 * start from h_0 = 0 on every call, so each new character reruns the model over the last
 * `context` characters, as Keras's text-generation example does with its last maxlen.
 * Returns the generated characters, without the seed.
 */
export function sampleText(model: Pick<Layer, "forward">, vocabulary: CharVocabulary, options: SampleTextOptions): string {
  const { seed, length, temperature = 1, context = 100 } = options ?? ({} as SampleTextOptions);
  if (typeof model?.forward !== "function") {
    throw new Error(`sampleText: model must have forward(x), e.g. a Sequential; received ${typeof model}`);
  }
  if (typeof seed !== "string" || seed.length === 0) {
    throw new Error(`sampleText: seed must be a non-empty string to start from; received ${JSON.stringify(seed)}`);
  }
  const unknown = [...seed].find((char) => !vocabulary.chars.includes(char));
  if (unknown !== undefined) {
    throw new Error(`sampleText: seed character ${JSON.stringify(unknown)} is not in the vocabulary of ${vocabulary.size} characters`);
  }
  for (const [label, value] of [["length", length], ["context", context]] as const) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`sampleText: ${label} must be a positive integer; received ${value}`);
  }
  if (!(temperature >= 0 && Number.isFinite(temperature))) {
    throw new Error(`sampleText: temperature must be a finite number ≥ 0 (0 is greedy); received ${temperature}`);
  }
  if (typeof options.rng?.uniform !== "function") {
    throw new Error("sampleText: options.rng is required, e.g. rng: rng(42), so the same seed writes the same text");
  }

  const text = Array.from(vocabulary.encode(seed));
  const generated: number[] = [];
  for (let k = 0; k < length; k++) {
    const output = model.forward(oneHotSequence(text.slice(-context), vocabulary.size), { training: false });
    const next = pick(lastStepLogits(output, vocabulary.size), temperature, options.rng);
    text.push(next);
    generated.push(next);
  }
  return vocabulary.decode(generated);
}

/** The logits of the last step: the last row of [1, time, vocab], or the row of [1, vocab]. */
function lastStepLogits(output: Tensor, vocabularySize: number): Float64Array {
  if (output.shape.at(-1) !== vocabularySize || output.shape[0] !== 1 || (output.rank !== 2 && output.rank !== 3)) {
    throw new Error(
      `sampleText: the model returned ${formatShape(output.shape)}; expected logits [1, time, ${vocabularySize}] or [1, ${vocabularySize}], ` +
        `one score per character of the vocabulary`,
    );
  }
  return output.data.subarray(output.size - vocabularySize);
}

/** A character index drawn from softmax(logits / τ); the argmax when τ = 0. */
function pick(logits: Float64Array, temperature: number, random: Rng): number {
  let best = 0;
  for (let j = 1; j < logits.length; j++) if (logits[j] > logits[best]) best = j;
  if (temperature === 0) return best;
  // e^((l − max)/τ): every exponent ≤ 0, so nothing overflows, however small τ is.
  const weights = logits.map((logit) => Math.exp((logit - logits[best]) / temperature));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let remaining = random.uniform() * total;
  for (let j = 0; j < weights.length; j++) {
    remaining -= weights[j];
    if (remaining < 0) return j;
  }
  return best; // rounding left a sliver of probability unassigned; give it to the likeliest
}
