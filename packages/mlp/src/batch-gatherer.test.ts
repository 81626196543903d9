import { describe, expect, test } from "vitest";
import { arange, gatherRows, reshape } from "@gradschool/tensor";
import { BatchGatherer } from "./batch-gatherer.ts";

const x = reshape(arange(15), [5, 3]); // row r is [3r, 3r + 1, 3r + 2]

describe("BatchGatherer", () => {
  test("gathers the rows asked for, in that order, as gatherRows does", () => {
    const gatherer = new BatchGatherer(x, 3);
    const batch = gatherer.gather(Int32Array.from([4, 0, 2]));
    expect(batch.shape).toEqual([3, 3]);
    expect([...batch.data]).toEqual([...gatherRows(x, [4, 0, 2]).data]);
  });

  test("reuses one buffer: the next batch overwrites the last one instead of allocating", () => {
    const gatherer = new BatchGatherer(x, 2);
    const first = gatherer.gather([0, 1]);
    const second = gatherer.gather([3, 4]);
    expect(second).toBe(first);
    expect([...second.data]).toEqual([9, 10, 11, 12, 13, 14]);
  });

  test("hands out a smaller batch for a short last batch", () => {
    const gatherer = new BatchGatherer(x, 2);
    gatherer.gather([0, 1]);
    const last = gatherer.gather([3]);
    expect(last.shape).toEqual([1, 3]);
    expect([...last.data]).toEqual([9, 10, 11]);
  });

  test("gathers class labels from an Int32Array the same way", () => {
    const labels = Int32Array.from([7, 8, 9, 10, 11]);
    const gatherer = new BatchGatherer(labels, 4);
    expect([...gatherer.gather([4, 1, 0, 2])]).toEqual([11, 8, 7, 9]);
    expect([...gatherer.gather([3])]).toEqual([10]);
  });
});
