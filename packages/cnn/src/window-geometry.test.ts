import { describe, expect, test } from "vitest";
import { tensor } from "@gradschool/tensor";
import { checkImages, pairOf, windowGeometry } from "./window-geometry.ts";

const square = (kernel: number, stride: number, padding: "valid" | "same" | number) => ({
  kernelHeight: kernel, kernelWidth: kernel, strideHeight: stride, strideWidth: stride, padding,
});

describe("windowGeometry", () => {
  test('"valid" has no padding: out = ⌊(in − k) / stride⌋ + 1', () => {
    expect(windowGeometry("t", "kernel", 28, 28, square(3, 1, "valid"))).toMatchObject({ padTop: 0, padLeft: 0, outHeight: 26, outWidth: 26 });
    expect(windowGeometry("t", "kernel", 7, 8, square(3, 2, "valid"))).toMatchObject({ outHeight: 3, outWidth: 3 });
  });

  test('"same" keeps ⌈in / stride⌉ and pads as TensorFlow, the odd pixel at the bottom/right', () => {
    // in 28, k 3, stride 1: total pad 2, one each side
    expect(windowGeometry("t", "kernel", 28, 28, square(3, 1, "same"))).toMatchObject({ padTop: 1, padLeft: 1, outHeight: 28, outWidth: 28 });
    // in 5, k 2, stride 2: out 3, total pad (3 − 1)·2 + 2 − 5 = 1, all of it after
    expect(windowGeometry("t", "kernel", 5, 5, square(2, 2, "same"))).toMatchObject({ padTop: 0, padLeft: 0, outHeight: 3, outWidth: 3 });
    // in 6, k 4, stride 1: total pad 3 → 1 before, 2 after
    expect(windowGeometry("t", "kernel", 6, 6, square(4, 1, "same"))).toMatchObject({ padTop: 1, padLeft: 1, outHeight: 6 });
    // in 6, k 1, stride 2: out 3, total pad max(4 + 1 − 6, 0) = 0
    expect(windowGeometry("t", "kernel", 6, 6, square(1, 2, "same"))).toMatchObject({ padTop: 0, outHeight: 3 });
  });

  test("a number pads every side with that many zeros", () => {
    expect(windowGeometry("t", "kernel", 5, 5, square(3, 1, 2))).toMatchObject({ padTop: 2, padLeft: 2, outHeight: 7, outWidth: 7 });
    expect(windowGeometry("t", "kernel", 5, 5, square(3, 2, 1))).toMatchObject({ padTop: 1, outHeight: 3 });
  });

  test("height and width are worked out separately", () => {
    const geometry = windowGeometry("t", "kernel", 9, 4, { kernelHeight: 3, kernelWidth: 2, strideHeight: 2, strideWidth: 1, padding: "same" });
    expect(geometry).toMatchObject({ outHeight: 5, outWidth: 4, padTop: 1, padLeft: 0 });
  });

  test("rejects a window larger than the padded input, naming the caller and both sizes", () => {
    expect(() => windowGeometry("Conv2D.forward", "kernel", 3, 3, square(5, 1, "valid"))).toThrow(/Conv2D\.forward: the 5×5 kernel is larger than the 3×3 input; .*padding "same"/);
    expect(() => windowGeometry("Conv2D.forward", "kernel", 2, 2, square(5, 1, 1))).toThrow(/5×5 kernel is larger than the 2×2 input \(4×4 after padding 1\)/);
    expect(windowGeometry("t", "kernel", 3, 3, square(5, 1, 1))).toMatchObject({ outHeight: 1 });
  });
});

describe("argument checks", () => {
  test("pairOf accepts a number or [height, width] and rejects anything else", () => {
    expect(pairOf("t", "kernelSize", 3)).toEqual([3, 3]);
    expect(pairOf("t", "kernelSize", [2, 5])).toEqual([2, 5]);
    expect(() => pairOf("Conv2D", "stride", 0)).toThrow(/Conv2D: stride must be a positive integer .*received 0/);
    expect(() => pairOf("Conv2D", "kernelSize", [3, 1.5])).toThrow(/received \[3,1\.5\]/);
  });

  test("checkImages wants 4-D NCHW with the right channel count", () => {
    const images = tensor(new Float64Array(2 * 3 * 4 * 4), [2, 3, 4, 4]);
    expect(() => checkImages("f", images, 3)).not.toThrow();
    expect(() => checkImages("f", images, 1)).toThrow(/f: x is \[2, 3, 4, 4\] with 3 channels; expected 1 channels/);
    expect(() => checkImages("f", tensor(new Float64Array(784 * 2), [2, 784]))).toThrow(/f: x is \[2, 784\]; expected 4-D .*reshape them to \[batch, 1, 28, 28\]/);
    expect(() => checkImages("f", [1, 2])).toThrow(/f: x must be a Tensor .*received an array/);
  });
});
