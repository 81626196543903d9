import { describe, expect, test } from "vitest";
import { Tensor, matmulTransA, rng } from "@gradschool/tensor";
import { type CheckableLayer, checkLayer } from "@gradschool/gradcheck";
import { Conv2D } from "./conv2d.ts";
import { windowGeometry } from "./window-geometry.ts";

// The gradient checks of conv2d.test.ts prove something only if they can fail. Here two
// plausible bugs, each a few characters away from the real backward, must be caught, and
// the report must point at the tensor that is wrong.

/** Conv2D whose ∂L/∂x uses a col2im that ASSIGNS (=) where it should add (+=). */
class OverwritingCol2imConv implements CheckableLayer {
  private input: Tensor | undefined;
  constructor(readonly conv: Conv2D) {}

  forward(x: Tensor): Tensor {
    this.input = x;
    return this.conv.forward(x);
  }

  backward(gradOut: Tensor): Tensor {
    this.conv.backwardParams(gradOut); // the parameter gradients are right
    const x = this.input!;
    const [batch, channels, height, width] = x.shape;
    const { kernelHeight, kernelWidth, strideHeight, strideWidth, padding, outChannels } = this.conv;
    const g = windowGeometry("test", "kernel", height, width, { kernelHeight, kernelWidth, strideHeight, strideWidth, padding });
    const colRows = channels * kernelHeight * kernelWidth;
    const positions = g.outHeight * g.outWidth;
    const kernel2d = new Tensor(this.conv.kernel.value.data, [outChannels, colRows]);
    const gradInput = new Float64Array(x.size);
    for (let n = 0; n < batch; n++) {
      const gradOutN = new Tensor(gradOut.data.slice(n * outChannels * positions, (n + 1) * outChannels * positions), [outChannels, positions]);
      const gradCols = matmulTransA(kernel2d, gradOutN).data; // ∂L/∂cols_n = K2dᵀ · gradOut_n, correct so far
      for (let c = 0, row = 0; c < channels; c++) {
        for (let ki = 0; ki < kernelHeight; ki++) {
          for (let kj = 0; kj < kernelWidth; kj++, row++) {
            for (let oi = 0; oi < g.outHeight; oi++) {
              for (let oj = 0; oj < g.outWidth; oj++) {
                const i = oi * strideHeight + ki - g.padTop;
                const j = oj * strideWidth + kj - g.padLeft;
                if (i < 0 || i >= height || j < 0 || j >= width) continue;
                gradInput[((n * channels + c) * height + i) * width + j] = gradCols[row * positions + oi * g.outWidth + oj]; // BUG: = instead of +=
              }
            }
          }
        }
      }
    }
    return new Tensor(gradInput, x.shape);
  }

  params() {
    return this.conv.params();
  }
}

/** Conv2D whose kernel gradient comes out with ki and kj swapped (∂K[o, c, kj, ki] for ∂K[o, c, ki, kj]). */
class TransposedKernelGradConv implements CheckableLayer {
  constructor(readonly conv: Conv2D) {}

  forward(x: Tensor): Tensor {
    return this.conv.forward(x);
  }

  backward(gradOut: Tensor): Tensor {
    const gradInput = this.conv.backward(gradOut);
    const { kernelHeight: size } = this.conv;
    const grad = this.conv.kernel.grad.data;
    for (let start = 0; start < grad.length; start += size * size) {
      for (let ki = 0; ki < size; ki++) {
        for (let kj = ki + 1; kj < size; kj++) {
          const [a, b] = [start + ki * size + kj, start + kj * size + ki];
          [grad[a], grad[b]] = [grad[b], grad[a]]; // BUG: the 3×3 slice transposed
        }
      }
    }
    return gradInput;
  }

  params() {
    return this.conv.params();
  }
}

describe("the gradient check catches a broken Conv2D backward", () => {
  test("a col2im that overwrites instead of adding fails on ∂L/∂x when windows overlap", () => {
    const broken = new OverwritingCol2imConv(new Conv2D(2, 3, 3, { rng: rng(1), name: "broken" }));
    const report = checkLayer(broken, [2, 2, 6, 6], rng(2));
    expect(report.ok).toBe(false);
    expect(report.input.ok).toBe(false);
    expect(report.input.maxRelError).toBeGreaterThan(1e-2);
    expect(report.params["broken.kernel"].ok).toBe(true);
    expect(report.params["broken.bias"].ok).toBe(true);
  });

  test("… and the same bug goes unseen when stride = kernel size, where no two windows share a pixel", () => {
    const report = checkLayer(new OverwritingCol2imConv(new Conv2D(2, 3, 2, { rng: rng(1), stride: 2 })), [2, 2, 6, 6], rng(2));
    expect(report.ok).toBe(true); // so the overlapping cases in conv2d.test.ts are the ones that matter
  });

  test("a kernel gradient with ki and kj swapped fails on the kernel, and only there", () => {
    const broken = new TransposedKernelGradConv(new Conv2D(2, 3, 3, { rng: rng(3), name: "swapped" }));
    const report = checkLayer(broken, [2, 2, 5, 5], rng(4));
    expect(report.ok).toBe(false);
    expect(report.params["swapped.kernel"].ok).toBe(false);
    expect(report.params["swapped.kernel"].maxRelError).toBeGreaterThan(1e-2);
    expect(report.input.ok).toBe(true);
    expect(report.params["swapped.bias"].ok).toBe(true);
  });
});
