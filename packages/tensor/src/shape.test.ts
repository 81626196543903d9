import { describe, test, expect } from "vitest";
import { reshape, transpose, gatherRows } from "./shape.ts";
import { arange, tensor, zeros } from "./tensor.ts";
import { rng } from "./rng.ts";

describe("reshape", () => {
  test("keeps the elements in row-major order under the new shape", () => {
    const t = tensor([[1, 2, 3], [4, 5, 6]]);
    expect(reshape(t, [3, 2]).toArray()).toEqual([[1, 2], [3, 4], [5, 6]]);
    expect(reshape(t, [6]).toArray()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(reshape(t, [1, 2, 3, 1]).shape).toEqual([1, 2, 3, 1]);
  });

  test("a one-element tensor reshapes to a scalar", () => {
    expect(reshape(tensor([[5]]), []).item()).toBe(5);
  });

  test("infers the one dimension given as −1", () => {
    expect(reshape(arange(12), [-1, 4]).shape).toEqual([3, 4]);
    expect(reshape(arange(12), [2, -1, 3]).shape).toEqual([2, 2, 3]);
    expect(reshape(zeros([4, 5]), [-1]).shape).toEqual([20]);
  });

  test("copies the data, so writing to the result leaves the original alone", () => {
    const original = arange(4);
    const reshaped = reshape(original, [2, 2]);
    expect(reshaped.data).not.toBe(original.data);
    reshaped.set(99, 0, 0);
    expect(original.get(0)).toBe(0);
  });

  test("a shape of a different size throws naming both shapes and the element count", () => {
    expect(() => reshape(zeros([2, 3]), [4, 2])).toThrow(
      /reshape: cannot reshape \[2, 3\] \(6 elements\) into \[4, 2\]; the sizes must match/,
    );
  });

  test("a −1 that cannot be filled exactly throws naming both shapes", () => {
    expect(() => reshape(zeros([2, 3]), [4, -1])).toThrow(/reshape: cannot reshape \[2, 3\] into \[4, -1\]/);
    expect(() => reshape(zeros([0, 3]), [0, -1])).toThrow(/reshape: cannot reshape \[0, 3\] into \[0, -1\]/);
  });

  test("more than one −1, or any other negative or fractional size, throws", () => {
    expect(() => reshape(zeros([2, 3]), [-1, -1])).toThrow(/reshape: cannot reshape \[2, 3\] into \[-1, -1\]/);
    expect(() => reshape(zeros([2, 3]), [-2, -3])).toThrow(/reshape: cannot reshape \[2, 3\] .*into \[-2, -3\]/);
    expect(() => reshape(zeros([2, 3]), [1.5, 4])).toThrow(/reshape: cannot reshape \[2, 3\] .*into \[1.5, 4\]/);
  });
});

describe("transpose", () => {
  test("swaps rows and columns: out[j, i] = t[i, j]", () => {
    const t = tensor([[1, 2, 3], [4, 5, 6]]);
    const result = transpose(t);
    expect(result.shape).toEqual([3, 2]);
    expect(result.toArray()).toEqual([[1, 4], [2, 5], [3, 6]]);
  });

  test("transposing twice gives the original back", () => {
    const t = reshape(arange(35), [5, 7]);
    expect(transpose(transpose(t)).toArray()).toEqual(t.toArray());
  });

  test("turns a row [1, n] into a column [n, 1]", () => {
    expect(transpose(tensor([[1, 2, 3]])).toArray()).toEqual([[1], [2], [3]]);
  });

  test("accepts only 2-D matrices and names the shape it received", () => {
    expect(() => transpose(tensor([1, 2, 3]))).toThrow(/transpose: expected a 2-D matrix; received shape \[3\]/);
    expect(() => transpose(zeros([2, 3, 4]))).toThrow(/transpose: expected a 2-D matrix; received shape \[2, 3, 4\]/);
  });
});

describe("gatherRows", () => {
  const table = () => tensor([[0, 1], [10, 11], [20, 21], [30, 31]]);

  test("keeps the rows in the order asked", () => {
    expect(gatherRows(table(), [2, 0]).toArray()).toEqual([[20, 21], [0, 1]]);
    expect(gatherRows(table(), [3, 2, 1, 0]).toArray()).toEqual([[30, 31], [20, 21], [10, 11], [0, 1]]);
  });

  test("repeats a row asked for more than once", () => {
    expect(gatherRows(table(), [1, 1, 1]).toArray()).toEqual([[10, 11], [10, 11], [10, 11]]);
  });

  test("takes the Int32Array that rng.permutation returns", () => {
    const order = rng(3).permutation(4);
    const shuffled = gatherRows(table(), order);
    for (let r = 0; r < 4; r++) expect(shuffled.get(r, 0)).toBe(order[r] * 10);
  });

  test("works on 3-D tensors, gathering whole [rows, cols] slices", () => {
    const images = reshape(arange(24), [4, 2, 3]);
    const batch = gatherRows(images, [3, 0]);
    expect(batch.shape).toEqual([2, 2, 3]);
    expect(batch.toArray()).toEqual([
      [[18, 19, 20], [21, 22, 23]],
      [[0, 1, 2], [3, 4, 5]],
    ]);
  });

  test("picks single elements from a vector", () => {
    expect(gatherRows(tensor([5, 6, 7]), [2, 0]).toArray()).toEqual([7, 5]);
  });

  test("no indices give an empty batch with the row shape kept", () => {
    expect(gatherRows(table(), []).shape).toEqual([0, 2]);
  });

  test("copies the rows, so writing to the batch leaves the source alone", () => {
    const source = table();
    gatherRows(source, [0]).set(-1, 0, 0);
    expect(source.get(0, 0)).toBe(0);
  });

  test("an index out of range throws naming the index, its position and the shape", () => {
    expect(() => gatherRows(table(), [0, 4])).toThrow(
      /gatherRows: row index 4 \(at position 1\) is out of range for shape \[4, 2\]/,
    );
    expect(() => gatherRows(table(), [-1])).toThrow(/gatherRows: row index -1 \(at position 0\)/);
    expect(() => gatherRows(table(), [0.5])).toThrow(/gatherRows: row index 0.5/);
  });

  test("a scalar has no rows to gather", () => {
    expect(() => gatherRows(tensor(3), [0])).toThrow(/gatherRows: expected at least one dimension; received a scalar/);
  });
});
