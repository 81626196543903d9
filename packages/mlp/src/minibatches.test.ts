import { describe, expect, test } from "vitest";
import { rng } from "@gradschool/tensor";
import { minibatches } from "./minibatches.ts";

const epoch = (batches: Iterable<Int32Array>): number[][] => [...batches].map((batch) => [...batch]);

describe("minibatches", () => {
  test("covers every index exactly once per epoch, in batches of batchSize and a smaller last one", () => {
    const batches = epoch(minibatches(1000, 32, { shuffle: true, rng: rng(1) }));
    expect(batches.map((batch) => batch.length)).toEqual([...Array(31).fill(32), 8]);
    expect(batches.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  test("without shuffle the batches are 0, 1, 2, … in order", () => {
    expect(epoch(minibatches(7, 3, { shuffle: false }))).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
  });

  test("with shuffle the order is random, and the same seed gives the same batches", () => {
    const first = epoch(minibatches(100, 10, { shuffle: true, rng: rng(2) }));
    const again = epoch(minibatches(100, 10, { shuffle: true, rng: rng(2) }));
    expect(first).toEqual(again);
    expect(first.flat()).not.toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(epoch(minibatches(100, 10, { shuffle: true, rng: rng(3) }))).not.toEqual(first);
  });

  test("iterating again is a new epoch with a fresh order that still covers every index once", () => {
    const batches = minibatches(50, 8, { shuffle: true, rng: rng(4) });
    const [first, second] = [epoch(batches).flat(), epoch(batches).flat()];
    expect(second).not.toEqual(first);
    expect([...second].sort((a, b) => a - b)).toEqual([...first].sort((a, b) => a - b));
  });

  test("a batchSize at least count gives one batch of everything; count 0 gives none", () => {
    expect(epoch(minibatches(5, 64, { shuffle: false }))).toEqual([[0, 1, 2, 3, 4]]);
    expect(epoch(minibatches(0, 4, { shuffle: true, rng: rng(5) }))).toEqual([]);
  });

  test("bad arguments are rejected at the call, naming what was received", () => {
    expect(() => minibatches(10, 0, { shuffle: false })).toThrow(/minibatches: batchSize must be a positive integer.*received 0/);
    expect(() => minibatches(-1, 4, { shuffle: false })).toThrow(/minibatches: count must be a non-negative integer.*received -1/);
    expect(() => minibatches(10, 2.5, { shuffle: false })).toThrow(/received 2\.5/);
    expect(() => minibatches(10, 4, { shuffle: true })).toThrow(/minibatches: shuffle needs options\.rng/);
  });
});
