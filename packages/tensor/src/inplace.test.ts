import { describe, test, expect } from "vitest";
import { addInPlace, scaleInPlace, axpy, fillInPlace } from "./inplace.ts";
import { tensor, zeros } from "./tensor.ts";

describe("in-place updates modify their target and return it", () => {
  test("addInPlace adds other into target", () => {
    const target = tensor([[1, 2], [3, 4]]);
    const dataBefore = target.data;
    const result = addInPlace(target, tensor([[10, 20], [30, 40]]));
    expect(result).toBe(target);
    expect(target.data).toBe(dataBefore);
    expect(target.toArray()).toEqual([[11, 22], [33, 44]]);
  });

  test("scaleInPlace multiplies every element of target", () => {
    const target = tensor([1, -2, 3]);
    expect(scaleInPlace(target, -2)).toBe(target);
    expect(target.toArray()).toEqual([-2, 4, -6]);
  });

  test("axpy adds alpha · x into target: one SGD step is axpy(weight, −lr, grad)", () => {
    const weight = tensor([1, 1, 1]);
    const grad = tensor([10, -10, 0]);
    expect(axpy(weight, -0.1, grad)).toBe(weight);
    expect(weight.toArray()).toEqual([0, 2, 1]);
  });

  test("fillInPlace sets every element, e.g. zeroing a gradient", () => {
    const grad = tensor([[1, 2], [3, 4]]);
    expect(fillInPlace(grad, 0)).toBe(grad);
    expect(grad.toArray()).toEqual([[0, 0], [0, 0]]);
  });

  test("the tensor being added is left unchanged", () => {
    const x = tensor([1, 2, 3]);
    addInPlace(zeros([3]), x);
    axpy(zeros([3]), 5, x);
    expect(x.toArray()).toEqual([1, 2, 3]);
  });

  test("adding a tensor to itself doubles it", () => {
    const t = tensor([1, 2, 3]);
    addInPlace(t, t);
    expect(t.toArray()).toEqual([2, 4, 6]);
  });
});

describe("in-place shape checks", () => {
  test("axpy rejects a shape mismatch, naming both shapes", () => {
    expect(() => axpy(zeros([2, 3]), 1, zeros([3, 2]))).toThrow(
      /axpy: shapes differ — target is \[2, 3\], x is \[3, 2\]; expected equal shapes/,
    );
  });

  test("addInPlace does not broadcast: a row vector is rejected, naming both shapes", () => {
    expect(() => addInPlace(zeros([2, 3]), zeros([3]))).toThrow(/addInPlace: shapes differ — target is \[2, 3\], other is \[3\]/);
  });

  // Known bug: addInPlace delegates to axpy and reports the error under axpy's name.
  test("addInPlace's shape error names addInPlace", () => {
    expect(() => addInPlace(zeros([2, 3]), zeros([3]))).toThrow(/^addInPlace: /);
  });
});
