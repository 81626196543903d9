import { describe, expect, test } from "vitest";
import { arange, reshape, rng, zeros } from "@gradschool/tensor";
import { expectLayerGradientsClose } from "@gradschool/gradcheck";
import { Flatten } from "./flatten.ts";

describe("Flatten", () => {
  test("turns [batch, C, H, W] into [batch, C·H·W], channel first, as Keras's channels_first Flatten", () => {
    const x = reshape(arange(24), [2, 3, 2, 2]);
    const out = new Flatten().forward(x);
    expect(out.shape).toEqual([2, 12]);
    // out[n, (c·H + i)·W + j] = x[n, c, i, j]
    expect(out.get(1, (2 * 2 + 1) * 2 + 0)).toBe(x.get(1, 2, 1, 0));
    expect([...out.data]).toEqual([...x.data]);
  });

  test("backward gives gradOut back in the input's shape", () => {
    const flatten = new Flatten();
    flatten.forward(zeros([2, 3, 2, 2]));
    const gradOut = reshape(arange(24), [2, 12]);
    const gradInput = flatten.backward(gradOut);
    expect(gradInput.shape).toEqual([2, 3, 2, 2]);
    expect([...gradInput.data]).toEqual([...gradOut.data]);
  });

  test("matches central differences", () => {
    expectLayerGradientsClose(new Flatten(), [3, 2, 3, 2], rng(51));
  });

  test("outputShape multiplies out everything after the batch", () => {
    expect(new Flatten().outputShape([64, 64, 5, 5])).toEqual([64, 1600]);
    expect(new Flatten().outputShape([8, 10])).toEqual([8, 10]);
  });

  test("rejects an input with fewer than 2 dimensions and a wrong gradOut", () => {
    expect(() => new Flatten().forward(zeros([5]))).toThrow(/Flatten\.forward: x is \[5\]; expected \[batch, …\] with at least 2 dimensions/);
    const flatten = new Flatten();
    expect(() => flatten.backward(zeros([2, 12]))).toThrow(/Flatten\.backward: layer "flatten" has not run forward yet/);
    flatten.forward(zeros([2, 3, 2, 2]));
    expect(() => flatten.backward(zeros([2, 6]))).toThrow(/Flatten\.backward: gradOut is \[2, 6\]; expected \[2, 12\]/);
  });
});
