import { describe, expect, test } from "vitest";
import { charVocabulary } from "@gradschool/datasets";
import { oneHotSequence, textWindows } from "./text-windows.ts";

describe("oneHotSequence", () => {
  test("turns character indices into one-hot steps [1, time, vocabularySize]", () => {
    expect(oneHotSequence([2, 0], 3).toArray()).toEqual([[[0, 0, 1], [1, 0, 0]]]);
  });

  test("rejects an index outside the vocabulary, naming its position", () => {
    expect(() => oneHotSequence([1, 3], 3)).toThrow(/oneHotSequence: character index 3 at position 1 is outside the vocabulary 0 … 2/);
  });
});

describe("textWindows", () => {
  const vocabulary = charVocabulary("abcd");
  const encoded = vocabulary.encode("abcdabca");

  test("each window's targets are its characters shifted by one: the next character at every step", () => {
    const { x, targets } = textWindows(encoded, [0, 3], 4, vocabulary.size);
    expect(x.shape).toEqual([2, 4, 4]);
    expect(vocabulary.decode(targets)).toBe("bcda" + "abca"); // "abcd" → "bcda", "dabc" → "abca"
    // window 1, step 0 is the "d" at position 3
    expect([0, 1, 2, 3].map((j) => x.get(1, 0, j))).toEqual([0, 0, 0, 1]);
  });

  test("rejects a start whose window and next character would run past the end of the text", () => {
    expect(() => textWindows(encoded, [0, 4], 4, vocabulary.size)).toThrow(
      /textWindows: start 4 \(window 1\) is out of range; expected an integer in 0 … 3, so that the window and its next character fit in the text of 8 characters/,
    );
  });

  test("rejects a length that is not a positive integer", () => {
    expect(() => textWindows(encoded, [0], 0, vocabulary.size)).toThrow(/textWindows: length must be a positive integer; received 0/);
  });
});
