import { describe, expect, test } from "vitest";
import { accuracy } from "./accuracy.ts";

describe("accuracy", () => {
  test("is the fraction of predictions equal to their target: 3 of 4 is 0.75", () => {
    expect(accuracy(Int32Array.from([1, 0, 1, 1]), [1, 0, 0, 1])).toBe(0.75);
    expect(accuracy([0, 1], Int32Array.from([0, 1]))).toBe(1);
  });

  test("rejects predictions and targets of different lengths", () => {
    expect(() => accuracy([0, 1, 1], [0, 1])).toThrow(/accuracy: 3 predictions and 2 targets; expected the same number/);
  });
});
