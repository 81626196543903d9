import { Tensor } from "@gradschool/tensor";

/**
 * Text as input for a character-level language model. A character is fed to the network
 * as a one-hot vector of vocabulary size (there is no embedding layer here), and the
 * network learns to predict, at every step, the character that comes next.
 *
 *   oneHotSequence([2, 0], 3) = [[[0, 0, 1],
 *                                 [1, 0, 0]]]       [1, time, vocabularySize]
 */
export function oneHotSequence(indices: ArrayLike<number>, vocabularySize: number): Tensor {
  checkVocabularySize("oneHotSequence", vocabularySize);
  if (indices.length === 0) {
    throw new Error("oneHotSequence: received no indices; expected at least one character");
  }
  const out = new Float64Array(indices.length * vocabularySize);
  for (let t = 0; t < indices.length; t++) {
    out[t * vocabularySize + checkIndex("oneHotSequence", indices[t], t, vocabularySize)] = 1;
  }
  return new Tensor(out, [1, indices.length, vocabularySize]);
}

/** A batch of training windows: inputs and, for every step, the index of the next character. */
export interface TextWindows {
  /** One-hot characters text[s … s+length−1] of each window, [windows, length, vocabularySize]. */
  x: Tensor;
  /**
   * The next characters text[s+1 … s+length], one per step, flattened in the order of
   * logits reshaped [windows·length, vocabularySize]: row w·length + t is window w, step t.
   */
  targets: Int32Array;
}

/**
 * Cuts windows out of an encoded text (charVocabulary(text).encode(text)): one window of
 * `length` characters starting at each of `starts`, and as its targets the same window
 * shifted by one character. A training loop draws random starts, runs the model on x,
 * reshapes the [windows, length, vocabularySize] logits to [windows·length,
 * vocabularySize], and takes softmaxCrossEntropy against `targets`.
 */
export function textWindows(encoded: ArrayLike<number>, starts: ArrayLike<number>, length: number, vocabularySize: number): TextWindows {
  checkVocabularySize("textWindows", vocabularySize);
  if (!Number.isInteger(length) || length < 1) {
    throw new Error(`textWindows: length must be a positive integer; received ${length}`);
  }
  if (starts.length === 0) {
    throw new Error("textWindows: received no starts; expected at least one window start");
  }
  const x = new Float64Array(starts.length * length * vocabularySize);
  const targets = new Int32Array(starts.length * length);
  for (let w = 0; w < starts.length; w++) {
    const start = starts[w];
    if (!Number.isInteger(start) || start < 0 || start + length >= encoded.length) {
      throw new Error(
        `textWindows: start ${start} (window ${w}) is out of range; expected an integer in 0 … ${encoded.length - length - 1}, ` +
          `so that the window and its next character fit in the text of ${encoded.length} characters`,
      );
    }
    for (let t = 0; t < length; t++) {
      const row = w * length + t;
      x[row * vocabularySize + checkIndex("textWindows", encoded[start + t], start + t, vocabularySize)] = 1;
      targets[row] = checkIndex("textWindows", encoded[start + t + 1], start + t + 1, vocabularySize);
    }
  }
  return { x: new Tensor(x, [starts.length, length, vocabularySize]), targets };
}

function checkVocabularySize(caller: string, vocabularySize: number): void {
  if (!Number.isInteger(vocabularySize) || vocabularySize < 1) {
    throw new Error(`${caller}: vocabularySize must be a positive integer; received ${vocabularySize}`);
  }
}

function checkIndex(caller: string, index: number, position: number, vocabularySize: number): number {
  if (!Number.isInteger(index) || index < 0 || index >= vocabularySize) {
    throw new Error(`${caller}: character index ${index} at position ${position} is outside the vocabulary 0 … ${vocabularySize - 1}`);
  }
  return index;
}
