import { type Rng, Tensor, formatShape, sameShape } from "@gradschool/tensor";
import type { Param } from "@gradschool/optimizers";
import type { ForwardContext, Layer } from "@gradschool/backprop";
import { checkGradOut, checkTensor } from "./layer-checks.ts";

export interface DropoutOptions {
  /** Draws the masks; seed it (rng(42)) so every run drops the same units. */
  rng: Rng;
  /** For messages and reports (default dropout1, dropout2, … in order made). */
  name?: string;
}

let dropoutsMade = 0; // numbers the default names, as Keras does

/**
 * Dropout (Srivastava et al. 2014): in training, each element is zeroed with probability
 * `rate`, so no unit can rely on any one other unit being there; the network learns
 * redundant features instead of co-adapted ones, and overfits less.
 *
 * This is *inverted* dropout, as Keras and PyTorch do it. The elements that survive are
 * scaled by 1/(1 − rate) during training, so the expected output equals the input:
 *
 *   training   m ~ Bernoulli(1 − rate) per element     y = x ⊙ m / (1 − rate)
 *              ∂L/∂x = gradOut ⊙ m / (1 − rate)        (the same mask: a dropped unit gets no gradient)
 *   inference  y = x,  ∂L/∂x = gradOut                  (no mask, no scaling: nothing to undo at test time)
 *
 * A fresh mask is drawn on every training forward, so a gradient check (which calls
 * forward many times) would see a different function each call. fixMask(mask) pins the
 * mask, turning the layer into the fixed linear map x ↦ x ⊙ m / (1 − rate) that backward
 * differentiates.
 */
export class Dropout implements Layer {
  readonly name: string;
  readonly rate: number;
  private readonly random: Rng;
  private fixedMask: Tensor | null = null;
  private lastOutputShape: readonly number[] | undefined; // backward checks gradOut against it
  private scaledMask: Float64Array | null = null; // m / (1 − rate) of the last training forward; null after inference

  constructor(rate: number, options: DropoutOptions) {
    if (!(rate >= 0 && rate < 1)) {
      throw new Error(`Dropout: rate must be in [0, 1), the fraction of units to drop, e.g. 0.5; received ${rate}`);
    }
    if (typeof options?.rng?.uniform !== "function") {
      throw new Error("Dropout: options.rng is required, e.g. new Dropout(0.5, { rng: rng(42) }), so the dropped units are reproducible");
    }
    this.rate = rate;
    this.random = options.rng;
    this.name = options.name ?? `dropout${++dropoutsMade}`;
  }

  /** training: y = x ⊙ m / (1 − rate) with a fresh mask m;  inference: y = x (the same tensor, not a copy). */
  forward(x: Tensor, context?: ForwardContext): Tensor {
    checkTensor("Dropout.forward", "x", x);
    this.lastOutputShape = x.shape;
    if (context?.training !== true) {
      this.scaledMask = null;
      return x;
    }
    const fixed = this.fixedMask;
    if (fixed !== null && !sameShape(fixed.shape, x.shape)) {
      throw new Error(
        `Dropout.forward: the fixed mask is ${formatShape(fixed.shape)} but x is ${formatShape(x.shape)}; ` +
          `expected the same shape (layer "${this.name}"; fixMask(null) draws masks again)`,
      );
    }
    const keepScale = 1 / (1 - this.rate);
    const scaledMask = new Float64Array(x.size);
    const out = new Float64Array(x.size);
    for (let i = 0; i < x.size; i++) {
      const kept = fixed !== null ? fixed.data[i] : this.random.uniform() >= this.rate ? 1 : 0; // kept with probability 1 − rate
      scaledMask[i] = kept * keepScale;
      out[i] = x.data[i] * scaledMask[i];
    }
    this.scaledMask = scaledMask; // backward multiplies by the same mask
    return new Tensor(out, x.shape);
  }

  /** training: ∂L/∂x = gradOut ⊙ m / (1 − rate);  inference: ∂L/∂x = gradOut (passed through as it is). */
  backward(gradOut: Tensor): Tensor {
    if (this.lastOutputShape === undefined) {
      throw new Error(`Dropout.backward: layer "${this.name}" has not run forward yet; call forward(x) before backward(gradOut)`);
    }
    checkGradOut("Dropout.backward", this.name, gradOut, this.lastOutputShape);
    const scaledMask = this.scaledMask;
    if (scaledMask === null) return gradOut;
    const gradInput = new Float64Array(gradOut.size);
    for (let i = 0; i < gradOut.size; i++) gradInput[i] = gradOut.data[i] * scaledMask[i];
    return new Tensor(gradInput, gradOut.shape);
  }

  /**
   * Uses `mask` (1 = keep, 0 = drop, the shape of x) on every training forward instead of
   * drawing one, so the layer is a fixed function a gradient check can differentiate.
   * fixMask(null) goes back to drawing a fresh mask each time.
   */
  fixMask(mask: Tensor | null): void {
    if (mask !== null) {
      checkTensor("Dropout.fixMask", "mask", mask);
      const bad = mask.data.findIndex((v) => v !== 0 && v !== 1);
      if (bad !== -1) {
        throw new Error(`Dropout.fixMask: mask holds ${mask.data[bad]} at flat index ${bad}; expected only 0 (drop) and 1 (keep)`);
      }
    }
    this.fixedMask = mask;
  }

  params(): Param[] {
    return [];
  }

  /** Any shape, unchanged. */
  outputShape(inputShape: readonly number[]): number[] {
    return [...inputShape];
  }

  /** What save/load needs to rebuild this layer (the rng is not saved: give the new layer its own). */
  config(): { rate: number; name: string } {
    return { rate: this.rate, name: this.name };
  }
}
