import {
  type Rng,
  type Tensor,
  add,
  addInPlace,
  map,
  matmul,
  matmulTransA,
  matmulTransB,
  randn,
  scale,
  sum,
  transpose,
  zeros,
  zipMap,
} from "@gradschool/tensor";
import type { CheckableLayer, ParamLike } from "./check-layer.ts";

/**
 * Test-only layers (not exported from index.ts): a correct Dense layer and the classic
 * ways to get its backward pass wrong, so the tests can prove the checker catches them.
 */
export type DenseBug =
  | "none"
  | "inputGradientDoubled" //    dx = 2 · gradOut · Wᵀ
  | "kernelGradientSignFlipped" // dW = −xᵀ · gradOut
  | "kernelGradientTransposed" //  dW = (xᵀ · gradOut)ᵀ, only shape-compatible when W is square
  | "biasGradientMissing"; //      db never filled

/**
 * y = x·W + b, with W [inFeatures, outFeatures] and b [outFeatures].
 * Backward: dx = gradOut · Wᵀ,  dW = xᵀ · gradOut,  db = Σ over the batch of gradOut.
 */
export class TestDense implements CheckableLayer {
  readonly kernel: ParamLike;
  readonly bias: ParamLike;
  private readonly bug: DenseBug;
  private input: Tensor | undefined; // dW = xᵀ · gradOut needs the input we saw

  constructor(inFeatures: number, outFeatures: number, random: Rng, bug: DenseBug = "none") {
    this.bug = bug;
    this.kernel = { name: "kernel", value: randn([inFeatures, outFeatures], random), grad: zeros([inFeatures, outFeatures]) };
    this.bias = { name: "bias", value: randn([outFeatures], random), grad: zeros([outFeatures]) };
  }

  forward(x: Tensor): Tensor {
    this.input = x;
    return add(matmul(x, this.kernel.value), this.bias.value);
  }

  backward(gradOut: Tensor): Tensor {
    if (this.input === undefined) throw new Error("TestDense.backward: call forward first");
    let gradKernel = matmulTransA(this.input, gradOut);
    if (this.bug === "kernelGradientSignFlipped") gradKernel = scale(gradKernel, -1);
    if (this.bug === "kernelGradientTransposed") gradKernel = transpose(gradKernel);
    addInPlace(this.kernel.grad, gradKernel);
    if (this.bug !== "biasGradientMissing") addInPlace(this.bias.grad, sum(gradOut, 0));
    const gradInput = matmulTransB(gradOut, this.kernel.value);
    return this.bug === "inputGradientDoubled" ? scale(gradInput, 2) : gradInput;
  }

  params(): ParamLike[] {
    return [this.kernel, this.bias];
  }
}

/** y = tanh(x), elementwise: a layer with no parameters. dx = gradOut ⊙ (1 − y²). */
export class TestTanh implements CheckableLayer {
  private output: Tensor | undefined;

  forward(x: Tensor): Tensor {
    this.output = map(x, Math.tanh);
    return this.output;
  }

  backward(gradOut: Tensor): Tensor {
    if (this.output === undefined) throw new Error("TestTanh.backward: call forward first");
    return zipMap(this.output, gradOut, (y, g) => g * (1 - y * y));
  }

  params(): ParamLike[] {
    return [];
  }
}
