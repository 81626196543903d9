import { type Rng, Tensor, formatShape, matmul, matmulInto, matmulTransB, zeros } from "@gradschool/tensor";
import type { Param } from "@gradschool/optimizers";
import { type Initializer, initializers } from "./initializers.ts";
import { checkTensor } from "./check-tensor.ts";
import type { Layer } from "./layer.ts";

export interface DenseOptions {
  /** Draws the initial kernel; seed it (rng(42)) so every run starts from the same weights. */
  rng: Rng;
  /** How to fill the kernel (default glorotUniform, as Keras). The bias starts at zeros. */
  init?: Initializer;
  /** Prefix of the parameter names, "dense1" → "dense1.kernel" (default dense1, dense2, … in order made). */
  name?: string;
}

let densesMade = 0; // numbers the default names, as Keras does, so no two kernels share a name

/**
 * A fully connected layer: every output is a weighted sum of every input, plus a bias.
 *
 *   forward    y = x·W + b                x [batch, in], W [in, out], b [out], y [batch, out]
 *   backward   ∂L/∂W += xᵀ · gradOut      [in, batch] · [batch, out] → [in, out]
 *              ∂L/∂b += Σ_rows gradOut    b was added to every row, so its gradient sums them
 *              ∂L/∂x  = gradOut · Wᵀ      [batch, out] · [out, in]  → [batch, in]
 *
 * Each formula is the scalar chain rule for yₙⱼ = Σᵢ xₙᵢ Wᵢⱼ + bⱼ, summed over every place a
 * weight appears: Wᵢⱼ touches yₙⱼ for every example n, so ∂L/∂Wᵢⱼ = Σₙ xₙᵢ gradOutₙⱼ, which is
 * one matrix product. The shapes are a memory aid: each gradient has the shape of the
 * thing it is the gradient of, and there is one way to multiply x and gradOut to get [in, out].
 *
 * The kernel is stored [inFeatures, outFeatures], as Keras stores it, so weights compare
 * one for one (PyTorch's Linear stores the transpose, [out, in]).
 */
export class Dense implements Layer {
  readonly name: string;
  readonly inFeatures: number;
  readonly outFeatures: number;
  readonly kernel: Param;
  readonly bias: Param;
  private input: Tensor | undefined; // ∂L/∂W = xᵀ · gradOut needs the input we saw

  constructor(inFeatures: number, outFeatures: number, options: DenseOptions) {
    for (const [label, features] of [["inFeatures", inFeatures], ["outFeatures", outFeatures]] as const) {
      if (!Number.isInteger(features) || features < 1) {
        throw new Error(`Dense: ${label} must be a positive integer; received ${features}`);
      }
    }
    if (typeof options?.rng?.normal !== "function") {
      throw new Error("Dense: options.rng is required, e.g. new Dense(784, 128, { rng: rng(42) }), so the initial weights are reproducible");
    }
    this.name = options.name ?? `dense${++densesMade}`;
    this.inFeatures = inFeatures;
    this.outFeatures = outFeatures;

    const shape = [inFeatures, outFeatures];
    const init = options.init ?? initializers.glorotUniform;
    const kernel = init(shape, inFeatures, outFeatures, options.rng);
    if (!(kernel instanceof Tensor) || kernel.rank !== 2 || kernel.shape[0] !== inFeatures || kernel.shape[1] !== outFeatures) {
      const received = kernel instanceof Tensor ? formatShape(kernel.shape) : typeof kernel;
      throw new Error(`Dense: init returned ${received}; expected a Tensor of shape ${formatShape(shape)}`);
    }
    this.kernel = { name: `${this.name}.kernel`, value: kernel, grad: zeros(shape) };
    this.bias = { name: `${this.name}.bias`, value: zeros([outFeatures]), grad: zeros([outFeatures]) };
  }

  // #region forward
  /** y = x·W + b */
  forward(x: Tensor): Tensor {
    checkTensor("Dense.forward", "x", x);
    this.checkInput("Dense.forward", x.shape);
    this.input = x; // ∂L/∂W = xᵀ · gradOut needs the input we saw
    // A fresh y on every call, never a reused buffer: a caller may keep an output while it
    // runs the next batch. Allocating it costs under 1% of a training step (npm run bench).
    const y = matmul(x, this.kernel.value);
    const b = this.bias.value.data;
    const outFeatures = this.outFeatures;
    for (let row = 0; row < y.data.length; row += outFeatures) {
      for (let j = 0; j < outFeatures; j++) y.data[row + j] += b[j]; // the same b added to every row
    }
    return y;
  }
  // #endregion

  /** ∂L/∂W += xᵀ · gradOut,  ∂L/∂b += Σ_rows gradOut;  returns ∂L/∂x = gradOut · Wᵀ */
  backward(gradOut: Tensor): Tensor {
    this.addParamGradients("Dense.backward", gradOut);
    return matmulTransB(gradOut, this.kernel.value); // ∂L/∂x = gradOut · Wᵀ
  }

  /**
   * The parameter half of backward: ∂L/∂W += xᵀ · gradOut and ∂L/∂b += Σ_rows gradOut, and
   * no ∂L/∂x. A model calls this on its first layer, whose input is the data: nothing needs
   * ∂L/∂data, and for Dense(784, 128) that product costs as much as the forward pass.
   */
  backwardParams(gradOut: Tensor): void {
    this.addParamGradients("Dense.backwardParams", gradOut);
  }

  /** The parameter gradients of backward and backwardParams; `caller` names which in errors. */
  private addParamGradients(caller: string, gradOut: Tensor): void {
    const x = this.input;
    if (x === undefined) {
      throw new Error(`${caller}: layer "${this.name}" has not run forward yet; call forward(x) before backward(gradOut)`);
    }
    checkTensor(caller, "gradOut", gradOut);
    const batchSize = x.shape[0];
    if (gradOut.rank !== 2 || gradOut.shape[0] !== batchSize || gradOut.shape[1] !== this.outFeatures) {
      throw new Error(
        `${caller}: gradOut is ${formatShape(gradOut.shape)}; expected [${batchSize}, ${this.outFeatures}], ` +
          `the shape of the last output (layer "${this.name}")`,
      );
    }
    // ∂L/∂W += xᵀ · gradOut, straight into kernel.grad: no transpose built, no temporary.
    matmulInto(this.kernel.grad, x, gradOut, { transA: true, accumulate: true });

    // ∂L/∂b += the column sums of gradOut (b was broadcast to every row).
    const gradBias = this.bias.grad.data;
    const outFeatures = this.outFeatures;
    for (let row = 0; row < gradOut.data.length; row += outFeatures) {
      for (let j = 0; j < outFeatures; j++) gradBias[j] += gradOut.data[row + j];
    }
  }

  params(): Param[] {
    return [this.kernel, this.bias];
  }

  /** [batch, inFeatures] → [batch, outFeatures] */
  outputShape(inputShape: readonly number[]): number[] {
    this.checkInput("Dense.outputShape", inputShape);
    return [inputShape[0], this.outFeatures];
  }

  private checkInput(caller: string, shape: readonly number[]): void {
    if (shape.length !== 2 || shape[1] !== this.inFeatures) {
      throw new Error(
        `${caller}: input is ${formatShape(shape)}; expected [batch, ${this.inFeatures}] ` +
          `(layer "${this.name}" takes ${this.inFeatures} features)`,
      );
    }
  }
}
