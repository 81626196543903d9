import { describe, expect, test } from "vitest";
import { type Tensor, randn, rng, tensor, zeros } from "@gradschool/tensor";
import { expectGradientsClose } from "@gradschool/gradcheck";
import { conv2dReference, conv2dReferenceBackward } from "./conv2d-reference.ts";

const image3x3 = tensor([[[[1, 2, 3], [4, 5, 6], [7, 8, 9]]]]); // [1, 1, 3, 3]
const diagonal = tensor([[[[1, 0], [0, -1]]]]); // [1, 1, 2, 2]: x[i, j] − x[i + 1, j + 1]

describe("conv2dReference", () => {
  test("slides the kernel over the image and adds the bias: x[i, j] − x[i+1, j+1] + 0.5 is −3.5 everywhere", () => {
    const out = conv2dReference(image3x3, diagonal, tensor([0.5]));
    expect(out.toArray()).toEqual([[[[-3.5, -3.5], [-3.5, -3.5]]]]);
  });

  test('with "same" padding the output keeps the input size and the bottom/right edge sees zeros', () => {
    const out = conv2dReference(image3x3, diagonal, tensor([0.5]), { padding: "same" });
    expect(out.toArray()).toEqual([[[[-3.5, -3.5, 3.5], [-3.5, -3.5, 6.5], [7.5, 8.5, 9.5]]]]);
  });

  test("stride 2 visits every other position; padding 1 surrounds the image with zeros", () => {
    const ones2x2 = tensor([[[[1, 1], [1, 1]]]]);
    expect(conv2dReference(image3x3, ones2x2, tensor([0]), { stride: 2, padding: 1 }).toArray()).toEqual([[[[1, 5], [11, 28]]]]);
  });

  test("sums over input channels and gives each output channel its own kernel and bias", () => {
    const x = tensor([[[[1, 2], [3, 4]], [[10, 20], [30, 40]]]]); // [1, 2, 2, 2]
    const kernel = tensor([[[[1]], [[1]]], [[[1]], [[-1]]]]); // [2, 2, 1, 1]: channel 0 + channel 1, channel 0 − channel 1
    const out = conv2dReference(x, kernel, tensor([0, 100]));
    expect(out.toArray()).toEqual([[[[11, 22], [33, 44]], [[91, 82], [73, 64]]]]);
  });

  test("rejects a kernel whose channels differ from the input's, and a wrong bias", () => {
    expect(() => conv2dReference(zeros([1, 3, 5, 5]), zeros([4, 2, 3, 3]), zeros([4]))).toThrow(/conv2dReference: x is \[1, 3, 5, 5\] with 3 channels; expected 2 channels/);
    expect(() => conv2dReference(zeros([1, 2, 5, 5]), zeros([4, 2, 3, 3]), zeros([3]))).toThrow(/conv2dReference: bias is \[3\]; expected \[4\]/);
    expect(() => conv2dReference(zeros([1, 2, 5, 5]), zeros([4, 2, 3]), zeros([4]))).toThrow(/conv2dReference: kernel is \[4, 2, 3\]; expected 4-D/);
  });
});

describe("conv2dReferenceBackward", () => {
  // L = Σ out ⊙ R, so ∂L/∂out = R: the reference's backward must match central differences of its forward.
  const cases = [
    { name: "3×3, valid", x: [2, 2, 5, 5], kernel: [3, 2, 3, 3], stride: 1, padding: "valid" as const },
    { name: "2×3 kernel, stride 2, same", x: [1, 3, 6, 7], kernel: [2, 3, 2, 3], stride: 2, padding: "same" as const },
    { name: "padding 1, stride [2, 1]", x: [2, 1, 4, 5], kernel: [2, 1, 3, 2], stride: [2, 1] as [number, number], padding: 1 },
  ];
  test.each(cases)("matches central differences for x, kernel and bias ($name)", ({ x: xShape, kernel: kernelShape, stride, padding }) => {
    const random = rng(11);
    const x = randn(xShape, random);
    const kernel = randn(kernelShape, random);
    const bias = randn([kernelShape[0]], random);
    const options = { stride, padding };
    const projection = randn(conv2dReference(x, kernel, bias, options).shape, random);
    const loss = (out: Tensor) => out.data.reduce((total, value, i) => total + value * projection.data[i], 0);
    const { gradInput, gradKernel, gradBias } = conv2dReferenceBackward(x, kernel, projection, options);
    expectGradientsClose((probe) => loss(conv2dReference(probe, kernel, bias, options)), x, gradInput);
    expectGradientsClose((probe) => loss(conv2dReference(x, probe, bias, options)), kernel, gradKernel);
    expectGradientsClose((probe) => loss(conv2dReference(x, kernel, probe, options)), bias, gradBias);
  });

  test("rejects a gradOut that is not the output's shape", () => {
    expect(() => conv2dReferenceBackward(zeros([1, 1, 4, 4]), zeros([1, 1, 3, 3]), zeros([1, 1, 4, 4]))).toThrow(
      /conv2dReferenceBackward: gradOut is \[1, 1, 4, 4\]; expected \[1, 1, 2, 2\]/,
    );
  });
});
