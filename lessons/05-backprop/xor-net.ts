/**
 * The XOR network of lesson 05 and the loop that trains it.
 *
 *   x [4, 2] → Dense(2, H) → Tanh → Dense(H, 1) → z [4, 1], a logit per row;  p = σ(z)
 *   loss: bceWithLogits(z, y), the mean over the 4 rows of −ln(probability of the right answer)
 *
 * The network ends on the logit z, not on a Sigmoid layer, so the loss can take σ and
 * the logarithm together: ∂L/∂z = (σ(z) − y)/N, never σ′ divided by itself, and no
 * ln 0 when σ(z) rounds to 0 or 1.
 */
import { Dense, Sequential, Tanh } from "@gradschool/backprop";
import { xor } from "@gradschool/datasets";
import { bceWithLogits } from "@gradschool/losses";
import { AdamW, type Optimizer } from "@gradschool/optimizers";
import { type Tensor, rng } from "@gradschool/tensor";

/** Hidden units of the lesson's network: 4 solve XOR from every seed tried, 2 from about half. */
export const hiddenUnits = 4;
/** Full-batch steps of every run: the promise is 100% accuracy within this many. */
export const steps = 2000;
/** AdamW's learning rate and decoupled weight decay: each step shrinks every weight by lr·λ = 1%. */
export const learningRate = 0.1;
export const weightDecay = 0.1;

/** The four rows of XOR: x [4, 2] and their labels y. */
export const { x: xorInputs, y: xorLabels } = xor();

/** A fresh network: both Dense layers draw their kernels (Glorot uniform) from rng(seed), biases 0. */
export function xorNet(seed: number, hidden = hiddenUnits): Sequential {
  const random = rng(seed);
  return new Sequential([
    new Dense(2, hidden, { rng: random, name: "hidden" }),
    new Tanh(),
    new Dense(hidden, 1, { rng: random, name: "output" }),
  ]);
}

/** The lesson's optimizer. */
export const adamW = (): Optimizer => new AdamW({ lr: learningRate, weightDecay });

/** Class 1 where the logit is ≥ 0, i.e. where p = σ(z) ≥ 0.5. */
export const classify = (logits: Tensor): number[] => Array.from(logits.data, (z) => (z >= 0 ? 1 : 0));

export interface XorRun {
  /** losses[t] is the loss after t updates (losses[0] at the start). */
  losses: number[];
  /** The first step from which all 4 rows are right to the end of the run; undefined if the run ends wrong. */
  solvedAt: number | undefined;
  /** The fraction of the 4 rows right at the end. */
  accuracy: number;
}

/**
 * Trains on the 4 XOR rows, all at once, for `steps` updates. Each update is the
 * training step of every later lesson, spelled out:
 *
 *   forward → loss → zero the grads → backward from ∂L/∂z → optimizer step
 */
export function trainXor(model: Sequential, optimizer: Optimizer, runSteps = steps): XorRun {
  const params = model.params();
  const losses: number[] = [];
  let solvedAt: number | undefined;
  for (let step = 0; ; step++) {
    const logits = model.forward(xorInputs, { training: true });
    losses.push(bceWithLogits.forward(logits, xorLabels));
    const correct = classify(logits).filter((predicted, i) => predicted === xorLabels[i]).length;
    if (correct < 4) solvedAt = undefined;
    else solvedAt ??= step;
    if (step === runSteps) return { losses, solvedAt, accuracy: correct / 4 };

    optimizer.zeroGrad(params); // backward ADDS into every grad
    model.backward(bceWithLogits.backward(logits, xorLabels)); // ∂L/∂z = (σ(z) − y)/4, then the chain rule
    optimizer.step(params);
  }
}

/** The hidden layer's output for each row of x: the code the output neuron sees, [rows, H]. */
export function hiddenCodes(model: Sequential, x: Tensor = xorInputs): Tensor {
  const [hidden, tanhLayer] = model.layers;
  return tanhLayer.forward(hidden.forward(x));
}

/**
 * How close the network brings two XOR corners with different targets: the smallest, over
 * such pairs, of the largest difference between their hidden codes. Near 0 means the output
 * neuron sees one point where it needs two, and no output weights can separate them.
 */
export function mergedCornerGap(model: Sequential): { gap: number; rows: [number, number] } {
  const codes = hiddenCodes(model);
  const units = codes.shape[1];
  let closest = { gap: Infinity, rows: [0, 0] as [number, number] };
  for (let i = 0; i < 4; i++) {
    for (let k = i + 1; k < 4; k++) {
      if (xorLabels[i] === xorLabels[k]) continue;
      let gap = 0;
      for (let j = 0; j < units; j++) gap = Math.max(gap, Math.abs(codes.get(i, j) - codes.get(k, j)));
      if (gap < closest.gap) closest = { gap, rows: [i, k] };
    }
  }
  return closest;
}
