import { describe, test, expect } from "vitest";
import { oneHot } from "./one-hot.ts";

describe("oneHot", () => {
  test("puts a single 1 in the column of each row's label", () => {
    const encoded = oneHot([2, 0, 1], 3);
    expect(encoded.shape).toEqual([3, 3]);
    expect(encoded.toArray()).toEqual([
      [0, 0, 1],
      [1, 0, 0],
      [0, 1, 0],
    ]);
  });

  test("accepts an Int32Array of labels and gives [0, classes] for no labels", () => {
    expect(oneHot(Int32Array.from([1]), 2).toArray()).toEqual([[0, 1]]);
    expect(oneHot([], 10).shape).toEqual([0, 10]);
  });

  test("rejects a label out of range, naming the label and its position", () => {
    expect(() => oneHot([0, 9, 10], 10)).toThrow(/oneHot: label 10 at position 2 .*0 … 9/);
    expect(() => oneHot([-1], 3)).toThrow(/oneHot: label -1 at position 0/);
    expect(() => oneHot([0.5], 3)).toThrow(/oneHot: label 0.5 at position 0/);
  });

  test("rejects a class count that is not a positive integer", () => {
    expect(() => oneHot([0], 0)).toThrow(/oneHot: classes must be a positive integer; received 0/);
  });
});
